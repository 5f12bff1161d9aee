// window.keydesk for the web preview: the same shape as the Electron preload's, over the
// preview's HTTP bridge (src/web/bridge-server.ts). Each call is a same-origin POST that
// carries the per-run session token the server put in this page's <meta>.
//
// Copying: the copy must land on the browser's clipboard, which the server cannot reach.
// copySecret/copyText still go through the bridge (same validation, same services), which
// answers with the text to copy; for copySecret that is the secret this very page is
// already displaying. The page then writes it with navigator.clipboard through the same
// clipboard guard as the desktop app: a secret is cleared after the delay only if the
// clipboard still holds it (where the browser lets the page read the clipboard).
import { createClipboardGuard, type ClipboardPort } from '@shared/clipboard-guard';
import { AppError, type AppErrorData, type Result } from '@shared/errors';
import { IPC_METHODS, type CopyResult, type KeyDeskApi } from '@shared/ipc-contract';
import { BRIDGE_PATH, TOKEN_HEADER, TOKEN_META_NAME } from '@shared/web-bridge';


const unreachable: AppErrorData = AppError.because(
  'NETWORK',
  'web-preview-unreachable',
  {},
  'The web preview server does not answer. Is `npm run web` still running? Then reload the page.',
).toData();

export function browserClipboardPort(clipboard: Clipboard): ClipboardPort {
  return {
    readText: () => clipboard.readText(),
    // Browsers offer no "concealed" marker: the secret flag has nothing to ask for here.
    writeText: (text) => clipboard.writeText(text),
    clear: () => clipboard.writeText(''),
  };
}

export interface HttpKeyDeskOptions {
  token: string;
  fetch?: typeof fetch;
  clipboard?: ClipboardPort;
}

export function createHttpKeyDesk(options: HttpKeyDeskOptions): KeyDeskApi {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const guard = options.clipboard ? createClipboardGuard(options.clipboard) : null;

  async function post(method: string, request: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await send(`${BRIDGE_PATH}${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: options.token },
        body: request === undefined ? '' : JSON.stringify(request),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      return { ok: false, error: unreachable };
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: unreachable };
    }
  }

  async function copy(method: 'copySecret' | 'copyText', request: unknown, secret: boolean): Promise<Result<CopyResult>> {
    const answer = (await post(method, request)) as Result<CopyResult & { text?: string | null }>;
    if (!answer.ok) return answer;
    const { text, clearsAfterSeconds } = answer.value;
    if (!guard || typeof text !== 'string') {
      const message = 'This browser gives the page no clipboard: select the text and copy it yourself.';
      return { ok: false, error: AppError.because('UNSUPPORTED', 'no-browser-clipboard', {}, message).toData() };
    }
    try {
      return { ok: true, value: await guard.copy(text, { secret, clearAfterSeconds: clearsAfterSeconds }) };
    } catch {
      const message = 'The browser refused to copy (the page must have the focus). Click Copy again.';
      return { ok: false, error: AppError.because('UNSUPPORTED', 'browser-refused-copy', {}, message).toData() };
    }
  }

  const api = Object.fromEntries(IPC_METHODS.map((method) => [method, (request?: unknown) => post(method, request)])) as Omit<KeyDeskApi, 'onMenuCommand'>;
  return {
    ...api,
    copySecret: (request) => copy('copySecret', request, true),
    copyText: (request) => copy('copyText', request, false),
    // The web preview has no application menu.
    onMenuCommand: () => () => undefined,
  };
}

/** The token the web preview server put in this page, or null (not the web preview). */
export function readBridgeToken(document: Document): string | null {
  return document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content || null;
}
