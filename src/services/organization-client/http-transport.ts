// One HTTP exchange with the organization's server: timeout, retries of GETs on network
// errors, retries with backoff of any call the server refused as busy (429, 503), at most
// `maxInFlight` requests at a time, JSON validated against the expected schema, and every
// failure turned into an AppError with its code, reason and details (the renderer says
// them; the message is a diagnostic, the server's own words where it gave some). Headers
// and bodies are never logged or put into an error: they carry passwords, tokens and secrets.
import { z } from 'zod';
import { AppError, isAppError, type AppErrorCode } from '../../shared/errors';
import { unwrapResult } from '../../shared/rest-envelope';
import { createLimiter } from '../concurrency/limiter';
import { silentLogger, type Logger } from '../logger';
import { unreadableFields } from './tolerant-rows';

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Pauses before the first and second retry of a GET. */
export const DEFAULT_RETRY_DELAYS_MS = [300, 1_000] as const;
/** Pauses before each retry of a call the server refused as busy (429, 503), when it says no Retry-After. */
export const DEFAULT_BUSY_RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000] as const;
/** A Retry-After longer than this is not waited for: the error goes to the user instead. */
export const MAX_BUSY_WAIT_MS = 30_000;
/** Requests in flight at most, per server: enough for a scan to go fast, few enough to be polite. */
export const DEFAULT_MAX_IN_FLIGHT = 8;

export interface HttpTransportOptions {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  timeoutMs?: number;
  retryDelaysMs?: readonly number[];
  busyRetryDelaysMs?: readonly number[];
  maxInFlight?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: Logger;
}

export type QueryValue = string | number | boolean | undefined;

export interface HttpRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  accessToken?: string;
  headers?: Record<string, string>;
  /** Aborts the request (a cancelled scan): it then fails with CANCELLED. */
  signal?: AbortSignal;
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

/** Maps an HTTP error answer to an AppError carrying the server's code, message and details. */
export function httpError(status: number, bodyText: string, serverUrl: string): AppError {
  const code: AppErrorCode = STATUS_CODES[status] ?? (status >= 500 ? 'SERVER' : 'VALIDATION');
  let parsed: ReturnType<typeof errorBodySchema.safeParse> | undefined;
  try {
    parsed = errorBodySchema.safeParse(JSON.parse(bodyText));
  } catch {
    parsed = undefined;
  }
  const body = parsed?.success ? parsed.data : undefined;
  // The server's details are its own: a `reason` in them is not one of KeyDesk's.
  const { reason: _theirs, ...serverDetails } = body?.details ?? {};
  const details = { ...serverDetails, serverUrl, httpStatus: status, ...(body?.code !== undefined ? { serverCode: body.code } : {}) };
  if (code === 'SERVER') {
    const message = body?.message || `The server at ${serverUrl} had a problem (HTTP ${status}). Try again later.`;
    return AppError.because('SERVER', 'server-failed', { serverUrl, httpStatus: status }, message, details);
  }
  return new AppError(code, body?.message || (DEFAULT_MESSAGES[code] ?? `The server answered HTTP ${status}.`), details);
}

function networkError(serverUrl: string, timedOutAfterMs?: number): AppError {
  if (timedOutAfterMs === undefined) {
    const message = `The server could not be reached at ${serverUrl}. Check the address and your network connection.`;
    return AppError.because('NETWORK', 'server-unreachable', { serverUrl }, message);
  }
  const seconds = Math.round(timedOutAfterMs / 1000);
  const message = `The server at ${serverUrl} did not answer within ${seconds} seconds. Check your network connection and try again.`;
  return AppError.because('NETWORK', 'server-timeout', { serverUrl, seconds }, message, { timeoutMs: timedOutAfterMs });
}

function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> | undefined): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  return url.toString();
}

interface Answer {
  status: number;
  text: string;
  retryAfter: string | null;
}

/** Retry-After in milliseconds: seconds, or an HTTP date; null when absent or unreadable. */
function retryAfterMs(value: string | null): number | null {
  if (value === null) return null;
  if (/^\d{1,9}$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

const cancelled = (): AppError => new AppError('CANCELLED', 'Cancelled: nothing more was asked of the server.');

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const busyDelays = options.busyRetryDelaysMs ?? DEFAULT_BUSY_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? defaultSleep;
  const log = options.log ?? silentLogger;
  const slots = createLimiter(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);

  /** One attempt: the response's status, text and Retry-After, or a NETWORK (or CANCELLED) AppError. */
  async function exchange(request: HttpRequest<unknown>): Promise<Answer> {
    if (request.signal?.aborted) throw cancelled();
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    if (request.accessToken) headers.Authorization = `Bearer ${request.accessToken}`;
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
    try {
      const response = await options.fetch(buildUrl(baseUrl, request.path, request.query), {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        redirect: 'error',
      });
      // Reading the body can fail too (connection dropped mid-answer): same signal, same mapping.
      return { status: response.status, text: await response.text(), retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (request.signal?.aborted) throw cancelled();
      throw networkError(baseUrl, timeout.aborted ? timeoutMs : undefined);
    }
  }

  /** How long to wait before retrying a busy answer, or null when it is not worth waiting. */
  function busyWait(request: HttpRequest<unknown>, answer: Answer, retries: number): number | null {
    // Only calls made with a session: a refused sign-in is the user's to retry, not ours.
    if ((answer.status !== 429 && answer.status !== 503) || !request.accessToken || retries >= busyDelays.length) return null;
    const asked = retryAfterMs(answer.retryAfter);
    if (asked !== null) return asked <= MAX_BUSY_WAIT_MS ? asked : null;
    const base = busyDelays[retries] ?? 0;
    // Jitter: many requests refused together must not all come back at the same moment.
    return Math.round(base * (0.75 + Math.random() * 0.5));
  }

  function unreadable(where: { method: string; path: string }, fields = '(rows)'): AppError {
    // The endpoint and the fields at fault, never a value: an answer may hold a token.
    log.error('The server answered in an unexpected shape', { method: where.method, path: where.path, fields });
    const message = `The server at ${baseUrl} sent an answer KeyDesk does not understand. Is this a JMap Cloud server?`;
    return AppError.because('SERVER', 'server-unreadable', { serverUrl: baseUrl }, message);
  }

  return {
    baseUrl,
    async request<T>(request: HttpRequest<T>): Promise<T> {
      const started = Date.now();
      let attempt = 0;
      let busyRetries = 0;
      let answer: Answer;
      for (;;) {
        try {
          answer = await slots.run(() => exchange(request));
        } catch (error) {
          const retryable = request.method === 'GET' && isAppError(error, 'NETWORK') && attempt < retryDelays.length;
          log.warn('Request failed without an answer', {
            method: request.method,
            path: request.path,
            attempt: attempt + 1,
            willRetry: retryable,
          });
          if (!retryable) throw error;
          await sleep(retryDelays[attempt] ?? 0);
          attempt += 1;
          continue;
        }
        const wait = busyWait(request, answer, busyRetries);
        if (wait === null) break;
        log.warn('The server is busy; trying again', { method: request.method, path: request.path, status: answer.status, waitMs: wait });
        await sleep(wait);
        if (request.signal?.aborted) throw cancelled();
        busyRetries += 1;
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
