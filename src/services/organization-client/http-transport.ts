// One HTTP exchange with the organization's server: timeout, retries of GETs on network
// errors, JSON validated against the expected schema, and every failure turned into an
// AppError whose message a person understands. Headers and bodies are never logged or put
// into an error: they carry passwords, tokens and secrets.
import { z } from 'zod';
import { AppError, type AppErrorCode } from '../../shared/errors';
import { unwrapResult } from '../../shared/rest-envelope';
import { silentLogger, type Logger } from '../logger';
import { unreadableFields } from './tolerant-rows';

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Pauses before the first and second retry of a GET. */
export const DEFAULT_RETRY_DELAYS_MS = [300, 1_000] as const;

export interface HttpTransportOptions {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  timeoutMs?: number;
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  log?: Logger;
}

export type QueryValue = string | number | boolean | undefined;

export interface HttpRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  accessToken?: string;
  headers?: Record<string, string>;
  /**
   * Schema of a 2xx body's payload (its `result` when the answer is wrapped, the body itself
   * when bare); `null` when the answer has none that matters (204).
   */
  schema: z.ZodType<T> | null;
}

export interface HttpTransport {
  readonly baseUrl: string;
  request<T>(request: HttpRequest<T>): Promise<T>;
  /** The error of an answer KeyDesk does not understand (for a check made after the schema's). */
  unreadable(where: { method: string; path: string }, fields?: string): AppError;
}

const STATUS_CODES: Record<number, AppErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'VALIDATION',
  429: 'RATE_LIMITED',
};

const DEFAULT_MESSAGES: Partial<Record<AppErrorCode, string>> = {
  UNAUTHORIZED: 'The server did not accept your credentials.',
  FORBIDDEN: 'You are not allowed to do this in this organization.',
  NOT_FOUND: 'The server could not find what KeyDesk asked for.',
  CONFLICT: 'The server refused the change because it conflicts with the current state.',
  VALIDATION: 'The server refused the request as invalid.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes, then try again.',
};

/**
 * An error answer as far as KeyDesk reads it: JMap Cloud's carry at least `message`; the
 * local server's also `code` and `details`. Each field is read on its own, so that an
 * answer with some of them still gives what it has.
 */
const errorBodySchema = z.object({
  message: z.string().optional().catch(undefined),
  code: z.string().max(100).optional().catch(undefined),
  details: z.record(z.string(), z.unknown()).optional().catch(undefined),
});

/** Maps an HTTP error answer to an AppError carrying the server's message and details. */
export function httpError(status: number, bodyText: string, serverUrl: string): AppError {
  const code: AppErrorCode = STATUS_CODES[status] ?? (status >= 500 ? 'SERVER' : 'VALIDATION');
  let parsed: ReturnType<typeof errorBodySchema.safeParse> | undefined;
  try {
    parsed = errorBodySchema.safeParse(JSON.parse(bodyText));
  } catch {
    parsed = undefined;
  }
  const body = parsed?.success ? parsed.data : undefined;
  const fallback =
    code === 'SERVER'
      ? `The server at ${serverUrl} had a problem (HTTP ${status}). Try again later.`
      : (DEFAULT_MESSAGES[code] ?? `The server answered HTTP ${status}.`);
  return new AppError(code, body?.message || fallback, {
    ...body?.details,
    httpStatus: status,
    ...(body?.code !== undefined ? { serverCode: body.code } : {}),
  });
}

function networkError(serverUrl: string, timedOutAfterMs?: number): AppError {
  const message =
    timedOutAfterMs === undefined
      ? `The server could not be reached at ${serverUrl}. Check the address and your network connection.`
      : `The server at ${serverUrl} did not answer within ${Math.round(timedOutAfterMs / 1000)} seconds. Check your network connection and try again.`;
  return new AppError('NETWORK', message, timedOutAfterMs === undefined ? undefined : { timeoutMs: timedOutAfterMs });
}

function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> | undefined): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  return url.toString();
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? defaultSleep;
  const log = options.log ?? silentLogger;

  /** One attempt: the response's status and text, or a NETWORK AppError. */
  async function exchange(request: HttpRequest<unknown>): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    if (request.accessToken) headers.Authorization = `Bearer ${request.accessToken}`;
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await options.fetch(buildUrl(baseUrl, request.path, request.query), {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        redirect: 'error',
      });
      // Reading the body can fail too (connection dropped mid-answer): same signal, same mapping.
      return { status: response.status, text: await response.text() };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw networkError(baseUrl, signal.aborted ? timeoutMs : undefined);
    }
  }

  function unreadable(where: { method: string; path: string }, fields = '(rows)'): AppError {
    // The endpoint and the fields at fault, never a value: an answer may hold a token.
    log.error('The server answered in an unexpected shape', { method: where.method, path: where.path, fields });
    return new AppError('SERVER', `The server at ${baseUrl} sent an answer KeyDesk does not understand. Is this a JMap Cloud server?`);
  }

  return {
    baseUrl,
    async request<T>(request: HttpRequest<T>): Promise<T> {
      const started = Date.now();
      let attempt = 0;
      let answer: { status: number; text: string };
      for (;;) {
        try {
          answer = await exchange(request);
          break;
        } catch (error) {
          const retryable = request.method === 'GET' && error instanceof AppError && attempt < retryDelays.length;
          log.warn('Request failed without an answer', {
            method: request.method,
            path: request.path,
            attempt: attempt + 1,
            willRetry: retryable,
          });
          if (!retryable) throw error;
          await sleep(retryDelays[attempt] ?? 0);
          attempt += 1;
        }
      }
      log.info('Request answered', {
        method: request.method,
        path: request.path,
        status: answer.status,
        ms: Date.now() - started,
      });
      if (answer.status < 200 || answer.status > 299) throw httpError(answer.status, answer.text, baseUrl);
      if (request.schema === null) return undefined as T;
      let json: unknown;
      try {
        json = JSON.parse(answer.text);
      } catch {
        json = undefined;
      }
      const parsed = request.schema.safeParse(unwrapResult(json));
      if (!parsed.success) {
        throw unreadable(request, json === undefined ? '(not JSON)' : unreadableFields(parsed.error));
      }
      return parsed.data;
    },
    unreadable,
  };
}
