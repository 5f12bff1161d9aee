// Turns a Node request into a routed, JSON reply. Every failure becomes the JSON error
// body; anything unexpected is a 500 whose details stay in the log, never in the reply.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { stackFrames } from '../../shared/errors';
import { wrapResult } from '../../shared/rest-envelope';
import { isRestApiPath } from '../../shared/rest-routes';
import { HttpError } from './http-error';
import { readRawBody } from './read-body';
import type { Reply, Router } from './router';

const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;

export interface RequestHandlingOptions {
  /** One line per request: method, path, status, duration. */
  readonly log: (line: string) => void;
  /** One line per 500: method, path, the error's name and stack frames (never its message). */
  readonly logError: (line: string) => void;
  /** Host headers to accept; null accepts any (see host-guard.ts). */
  readonly allowedHosts: () => ReadonlySet<string> | null;
}

export async function handleRequest(router: Router, req: IncomingMessage, res: ServerResponse, options: RequestHandlingOptions): Promise<void> {
  const { log } = options;
  const started = performance.now();
  // Only the path is ever logged: the query string may hold an API key (?apiKey=).
  let path = '?';
  let reply: Reply;
  try {
    const allowed = options.allowedHosts();
    if (allowed && !allowed.has((req.headers.host ?? '').toLowerCase())) {
      throw new HttpError(421, 'UNEXPECTED_HOST', 'This server answers only requests addressed to its loopback address and port.');
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      throw new HttpError(400, 'INVALID_URL', 'The request URL is not valid.');
    }
    path = url.pathname;
    const rawBody = await readRawBody(req);
    const { handler, params } = router.match(req.method ?? 'GET', url.pathname);
    reply = await handler({ req, params, query: url.searchParams, rawBody });
  } catch (error) {
    reply = errorReply(error);
    if (reply.status === 500) options.logError(internalErrorLine(req.method ?? '?', path, error));
  }
  send(res, reply, isRestApiPath(path));
  log(`${req.method ?? '?'} ${path} ${reply.status} ${(performance.now() - started).toFixed(1)}ms`);
}

/**
 * The name and frames only, as the dispatcher logs: a message may quote a request's secret.
 * One line, so that a 500 is one grep-able line in a terminal or a log file.
 */
export function internalErrorLine(method: string, path: string, error: unknown): string {
  const frames = stackFrames(error).map((frame) => frame.trim());
  const name = error instanceof Error ? error.name : typeof error;
  return [`Internal error on ${method} ${path}: ${name}`, ...frames].join(' | ');
}

function errorReply(error: unknown): Reply {
  if (error instanceof HttpError) return { status: error.status, body: error.toBody(), headers: error.headers };
  return {
    status: 500,
    body: new HttpError(500, 'INTERNAL_ERROR', 'The server failed to handle this request; nothing was changed.').toBody(),
  };
}

const SUCCESS_MESSAGES: Readonly<Record<number, string>> = {
  200: 'The result is the requested data',
  201: 'The result is the created resource',
};

/**
 * What goes on the wire: a success of the REST API wrapped as JMap Cloud wraps it; an error
 * body, and the identity provider's OAuth and OpenID answers (Auth0's formats), as they are.
 */
function wireBody(reply: Reply, restApi: boolean): unknown {
  if (!restApi || reply.status < 200 || reply.status > 299) return reply.body;
  return wrapResult(reply.body, reply.message ?? SUCCESS_MESSAGES[reply.status] ?? 'The request succeeded');
}

function send(res: ServerResponse, reply: Reply, restApi: boolean): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...BASE_HEADERS, ...reply.headers };
  if (reply.html !== undefined) {
    headers['Content-Type'] = 'text/html; charset=utf-8';
    headers['Content-Length'] = String(Buffer.byteLength(reply.html));
    res.writeHead(reply.status, headers).end(reply.html);
    return;
  }
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const json = JSON.stringify(wireBody(reply, restApi));
  headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(json));
  // A refused body may still be arriving: close the connection rather than read it all.
  if (reply.status === 413) headers.Connection = 'close';
  res.writeHead(reply.status, headers).end(json);
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; error: HttpError }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    error: new HttpError(431, 'HEADERS_TOO_LARGE', 'The request line and headers together are too large (16 KiB at most).'),
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    error: new HttpError(408, 'REQUEST_TIMEOUT', 'The request did not arrive in time.'),
  },
};
const MALFORMED = { status: 400, reason: 'Bad Request', error: new HttpError(400, 'MALFORMED_REQUEST', 'The request is not valid HTTP/1.1.') };

/**
 * Node's HTTP parser refused the bytes before any handler saw them (not HTTP, headers too
 * large, a request that never finished): the same JSON error body as every refusal, then the
 * connection closes. Node's default answer has no body at all.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const { status, reason, error: refusal } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  const json = JSON.stringify(refusal.toBody());
  const headers = {
    ...BASE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(json)),
    Connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n${json}`);
}
