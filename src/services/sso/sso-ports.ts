// What single sign-on needs from its host, injected like fetch and the keychain: a way to
// show the identity provider's sign-in page in the user's browser, and a loopback listener
// for the one redirect back (RFC 8252). The flow itself (sso-sign-in.ts) imports no host.

/**
 * Shows the authorization URL in the system browser. Electron opens it (shell.openExternal)
 * and answers 'system'; the web preview cannot open a tab from the server, so it answers
 * 'page': the renderer opens it (the URL carries no token, only the request's public half).
 */
export type OpenBrowser = (authorizationUrl: string) => Promise<'system' | 'page'>;

/** What the browser tab shows once the redirect arrived. */
export type CallbackPage = { outcome: 'signed-in' } | { outcome: 'failed'; reason: string };

export interface ReceivedRedirect {
  /** The redirect as the browser sent it: http://127.0.0.1:PORT/callback?code=…&state=… */
  readonly url: URL;
  /** Answers the browser tab (once), then the listener closes. */
  respond(page: CallbackPage): void;
}

export interface LoopbackListener {
  /** http://127.0.0.1:PORT/callback */
  readonly redirectUri: string;
  /** The first redirect to the callback path; rejects with SSO_TIMEOUT or SSO_CANCELLED. */
  readonly redirect: Promise<ReceivedRedirect>;
  /** Stops waiting (Cancel in the app): `redirect` rejects with SSO_CANCELLED. */
  cancel(): void;
}

export type ListenLoopback = (options: { timeoutMs: number }) => Promise<LoopbackListener>;

export interface SsoPorts {
  openBrowser: OpenBrowser;
  /** Default: a node:http listener on 127.0.0.1 (loopback-listener.ts). */
  listenLoopback?: ListenLoopback;
  /** How long the browser sign-in may take before it is given up (default 5 minutes). */
  timeoutMs?: number;
}
