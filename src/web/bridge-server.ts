// The web preview's HTTP server: the renderer's files and, under /__keydesk/<method>,
// the services through the same dispatcher (and so the same validation) as Electron's IPC.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AppErrorData, Result } from '../shared/errors';
import { BRIDGE_PATH } from '../shared/web-bridge';
import type { Dispatch } from '../services/dispatch/dispatcher';
import { rendererSecurityHeaders } from '../shared/node/renderer-files';
import type { CaptureClipboard } from './capture-clipboard';
import { checkBridgeRequest, checkPageRequest } from './request-guard';
import { createStaticFiles } from './static-files';

const MAX_BODY_BYTES = 64 * 1024;
/** The copy methods answer with the text the page must put on the browser's clipboard. */
const COPY_METHODS = new Set(['copySecret', 'copyText']);

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...rendererSecurityHeaders(),
    // A refused body may still be arriving: the connection closes rather than read it all,
    // and says so, or the client would send its next call on a socket about to be reset.
    ...(status === 413 ? { Connection: 'close' } : {}),
  });
  response.end(text);
}

function failure(code: AppErrorData['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new BodyError(415, 'Bridge calls send JSON (Content-Type: application/json).');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'The request body is not valid JSON.');
  }
}

export interface BridgeServerOptions {
  dispatch: Dispatch;
  clipboard: CaptureClipboard;
  rendererDir: string;
  token: string;
  log: (line: string) => void;
}

export function createBridgeServer(options: BridgeServerOptions): { server: Server; setPort(port: number): void } {
  const files = createStaticFiles(options.rendererDir, options.token);
  // Known once listening (port 0 picks one); the guards compare Host and Origin with it.
  let port = -1;

  async function callBridge(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const verdict = checkBridgeRequest(request.headers, port, options.token);
    if (!verdict.ok) return sendJson(response, verdict.status, failure('FORBIDDEN', verdict.message));
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      return sendJson(response, 405, failure('INVALID_ARGUMENT', 'Bridge calls use POST.'));
    }
    let argument: unknown;
    try {
      argument = await readJsonBody(request);
    } catch (error) {
      if (error instanceof BodyError) return sendJson(response, error.status, failure('INVALID_ARGUMENT', error.message));
      throw error;
    }
    if (!COPY_METHODS.has(method)) return sendJson(response, 200, await options.dispatch(method, argument));
    const { result, text } = await options.clipboard.capture(() => options.dispatch(method, argument));
    sendJson(response, 200, result.ok ? { ok: true, value: { ...(result.value as object), text } } : result);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://placeholder').pathname;
    if (path.startsWith(BRIDGE_PATH)) return callBridge(path.slice(BRIDGE_PATH.length), request, response);
    const verdict = checkPageRequest(request.headers, port);
    if (!verdict.ok) {
      response.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(verdict.message);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed.');
      return;
    }
    await files.serve(path, response, request.method === 'HEAD');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log(`Web preview: unexpected ${error instanceof Error ? error.name : typeof error} for ${request.method} request`);
      if (!response.headersSent) sendJson(response, 500, failure('INTERNAL', 'The web preview failed to answer.'));
      else response.destroy();
    });
  });
  return { server, setPort: (value) => (port = value) };
}
