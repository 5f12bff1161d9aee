// One trip through the system browser (RFC 8252 with PKCE, state and nonce): the loopback
// listener opens first, the browser is shown the authorization URL, and the one redirect
// that comes back is exchanged for tokens. The browser tab is answered only once the
// exchange is done, so that it says whether the sign-in really worked.
import { AppError } from '../../shared/errors';
import { newAuthorizationChecks, type IdentityProviderClient, type IdentityProviderTokens } from './identity-provider-client';
import { listenLoopback as defaultListenLoopback } from './loopback-listener';
import type { SsoPorts } from './sso-ports';

export const DEFAULT_SSO_TIMEOUT_MS = 5 * 60_000;

export interface BrowserSignIn {
  readonly authorizationUrl: string;
  readonly openedBy: 'system' | 'page';
  readonly expiresAt: string;
  /** The tokens, once the browser came back and its code was exchanged. */
  readonly tokens: Promise<IdentityProviderTokens>;
  /** Stops waiting: `tokens` rejects with SSO_CANCELLED and the listener closes. */
  cancel(): void;
}

export async function startBrowserSignIn(options: {
  provider: IdentityProviderClient;
  ports: SsoPorts;
  now: () => Date;
  /** The organization (Auth0 id) to sign in to, when known. */
  organization?: string;
  /** Who is expected to sign in (their email), when known: OpenID Connect's login_hint. */
  loginHint?: string;
}): Promise<BrowserSignIn> {
  const { provider, ports } = options;
  const timeoutMs = ports.timeoutMs ?? DEFAULT_SSO_TIMEOUT_MS;
  const checks = await newAuthorizationChecks(options.organization);
  const listener = await (ports.listenLoopback ?? defaultListenLoopback)({ timeoutMs });
  const authorizationUrl = provider.authorizationUrl(listener.redirectUri, checks, options.loginHint);
  let openedBy: 'system' | 'page';
  try {
    openedBy = await ports.openBrowser(authorizationUrl);
  } catch {
    listener.cancel();
    throw AppError.because('UNSUPPORTED', 'browser-not-opened', {}, 'KeyDesk could not open your browser for the sign-in. Check that a default browser is set, then try again.');
  }
  const tokens = listener.redirect.then(async (received) => {
    try {
      const result = await provider.exchangeCode(received.url, checks);
      received.respond({ outcome: 'signed-in' });
      return result;
    } catch (error) {
      received.respond({ outcome: 'failed', reason: error instanceof AppError ? error.message : 'The sign-in could not be completed.' });
      throw error;
    }
  });
  // Awaited by whoever continues the sign-in; never an unhandled rejection meanwhile.
  tokens.catch(() => undefined);
  return {
    authorizationUrl,
    openedBy,
    expiresAt: new Date(options.now().getTime() + timeoutMs).toISOString(),
    tokens,
    cancel: () => listener.cancel(),
  };
}
