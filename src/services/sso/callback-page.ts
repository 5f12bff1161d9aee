// The page the browser tab shows when the sign-in comes back to KeyDesk: done, and the tab
// can be closed; or what went wrong. No script; its one style sheet allowed by hash.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../shared/escape-html';
import type { CallbackPage } from './sso-ports';

const STYLE =
  'body{font:15px/1.45 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f4f6f8;color:#1c2430}' +
  'main{background:#fff;padding:28px 32px;border-radius:10px;box-shadow:0 2px 12px #0002;max-width:420px}h1{font-size:20px;margin:0 0 8px}';

export const CALLBACK_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function callbackPageHtml(page: CallbackPage): string {
  const [title, text] =
    page.outcome === 'signed-in'
      ? ['Sign-in complete', 'You are signed in to KeyDesk. You can close this tab and go back to the app.']
      : ['Sign-in failed', `${page.reason} Go back to KeyDesk to try again. You can close this tab.`];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} — KeyDesk</title><style>${STYLE}</style></head><body><main><h1>${title}</h1><p>${escapeHtml(text)}</p></main></body></html>`;
}
