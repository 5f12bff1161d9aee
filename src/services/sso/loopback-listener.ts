// The loopback listener of a native app's sign-in (RFC 8252 §7.3): 127.0.0.1, a port the OS
// picks, one path. It takes exactly one redirect to that path, answers the browser tab with
// a short page, and closes; it gives up after a timeout or when the user cancels in the app.
// Requests to other paths (a browser's favicon) get a 404 and change nothing; a request
// naming another host (DNS rebinding) is refused.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOOPBACK_REDIRECT_PATH } from '../../shared/identity-provider';
import { AppError } from '../../shared/errors';
import { callbackPageHtml, CALLBACK_PAGE_CSP } from './callback-page';
import type { CallbackPage, ListenLoopback, LoopbackListener, ReceivedRedirect } from './sso-ports';

const HOST = '127.0.0.1';

export const timedOut = (timeoutMs: number): AppError => {
  const minutes = Math.round(timeoutMs / 60_000);
  const message = `The sign-in did not come back from the browser within ${minutes} minutes. If you closed the browser tab, sign in again.`;
  return AppError.because('SSO_TIMEOUT', 'sso-timeout', { minutes }, message, { timeoutMs });
};

export const cancelled = (): AppError => new AppError('SSO_CANCELLED', 'The sign-in was cancelled.');

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).end(text);
}

export const listenLoopback: ListenLoopback = async ({ timeoutMs }) => {
  let settle: { resolve(redirect: ReceivedRedirect): void; reject(error: AppError): void } | null = null;
  const redirect = new Promise<ReceivedRedirect>((resolve, reject) => (settle = { resolve, reject }));
  // Nobody may be waiting yet when it fails: the rejection is handled where it is awaited.
  redirect.catch(() => undefined);
  let port = 0;
  let accepted = false;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if ((req.headers.host ?? '') !== `${HOST}:${port}`) return plain(res, 421, 'This listener answers only its own loopback address.');
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    if (req.method !== 'GET' || url.pathname !== LOOPBACK_REDIRECT_PATH) return plain(res, 404, 'Not found.');
    if (accepted || settle === null) return plain(res, 410, 'This sign-in has already finished. You can close this tab.');
    accepted = true;
    clearTimeout(timer);
    const done = settle;
    settle = null;
    let answered = false;
    done.resolve({
      url,
      respond(page: CallbackPage) {
        if (answered) return;
        answered = true;
        const html = callbackPageHtml(page);
        res
          .writeHead(page.outcome === 'signed-in' ? 200 : 400, {
            'Content-Type': 'text/html; charset=utf-8',
            'Content-Security-Policy': CALLBACK_PAGE_CSP,
            'Cache-Control': 'no-store',
            'Referrer-Policy': 'no-referrer',
            'X-Content-Type-Options': 'nosniff',
          })
          .end(html, () => close());
      },
    });
  });

  function close(): void {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  }

  function fail(error: AppError): void {
    if (settle === null) return;
    const waiting = settle;
    settle = null;
    close();
    waiting.reject(error);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve();
    });
  });
  // Declared once listening: nothing can call close() or fail() before.
  const timer = setTimeout(() => fail(timedOut(timeoutMs)), timeoutMs);

  const listener: LoopbackListener = {
    redirectUri: `http://${HOST}:${port}${LOOPBACK_REDIRECT_PATH}`,
    redirect,
    cancel: () => fail(cancelled()),
  };
  return listener;
};
