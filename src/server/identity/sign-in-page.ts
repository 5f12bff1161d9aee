// The identity provider's pages: the sign-in form of /authorize and the page shown when a
// request cannot be sent back to its application. No script at all; one style sheet allowed
// by its hash. The password is never written back into a page (a failed try shows the email
// only), never in a URL (the form posts), never cached (no-store).
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../shared/escape-html';
import type { AuthorizationRequest } from './authorization-request';

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; display: grid; place-items: center; min-height: 100vh; background: #f4f6f8; color: #1c2430; }
main { background: #fff; padding: 28px 32px; border-radius: 10px; box-shadow: 0 2px 12px #0002; width: min(380px, 90vw); }
h1 { font-size: 20px; margin: 0 0 4px; }
p { margin: 0 0 16px; color: #4a5566; }
label { display: block; font-weight: 600; margin: 12px 0 4px; }
input { box-sizing: border-box; width: 100%; padding: 8px 10px; font: inherit; border: 1px solid #9aa5b4; border-radius: 6px; }
.error { background: #fdecea; color: #8a1c12; padding: 8px 10px; border-radius: 6px; margin: 0 0 12px; }
.actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 20px; }
button { font: inherit; padding: 8px 16px; border-radius: 6px; border: 1px solid #1f5fbf; background: #1f5fbf; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1f5fbf; }
small { display: block; margin-top: 16px; color: #4a5566; }
`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** The headers of every page: the CSP lets the form post here and be redirected to the loopback listener only. */
export function pageHeaders(formRedirectOrigin: string | null): Record<string, string> {
  const formAction = formRedirectOrigin === null ? "'none'" : `'self' ${formRedirectOrigin}`;
  return {
    'Content-Security-Policy': `default-src 'none'; style-src ${STYLE_HASH}; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  };
}

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${content}</main></body></html>`;
}

export interface SignInPageOptions {
  /** The request's own parameters, carried through the form as hidden fields. */
  readonly parameters: ReadonlyArray<readonly [string, string]>;
  readonly request: AuthorizationRequest;
  readonly email?: string;
  readonly error?: string;
  /** Offered as suggestions in the email field when the demo organization is there. */
  readonly demoEmails: readonly string[];
}

export function signInPage(options: SignInPageOptions): string {
  const { request } = options;
  const hidden = options.parameters
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const where = request.organization ? ` to ${escapeHtml(request.organization.name)}` : '';
  const suggestions =
    options.demoEmails.length === 0
      ? ''
      : `<datalist id="demo-users">${options.demoEmails.map((email) => `<option value="${escapeHtml(email)}">`).join('')}</datalist>`;
  const demoHint =
    options.demoEmails.length === 0 ? '' : '<small>Demo users: admin@demo.local, editor1@demo.local, … with the demo password.</small>';
  return page(
    'Sign in — KeyDesk local organization',
    `<h1>Sign in${where}</h1>
<p>KeyDesk asks you to sign in with the local organization server.</p>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="/authorize">${hidden}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required ${options.demoEmails.length ? 'list="demo-users" ' : ''}value="${escapeHtml(options.email ?? '')}">
${suggestions}
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions">
<button class="secondary" type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
<button type="submit" name="action" value="sign-in">Sign in</button>
</div></form>${demoHint}`,
  );
}

export function errorPage(message: string): string {
  return page('Sign-in stopped — KeyDesk local organization', `<h1>Sign-in stopped</h1><p class="error" role="alert">${escapeHtml(message)}</p><p>You can close this tab.</p>`);
}
