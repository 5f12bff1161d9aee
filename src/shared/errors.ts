// Errors as they cross every boundary (IPC, the web bridge): a code the UI can act on,
// a sentence a person understands, and optional details. Never a secret in any of them.
import { z } from 'zod';

export const APP_ERROR_CODES = [
  // From the organization's HTTP API
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION',
  'RATE_LIMITED',
  'NETWORK',
  'SERVER',
  // From KeyDesk itself
  'NOT_CONNECTED',
  'NOT_ADMINISTRATOR',
  'KEYCHAIN_UNAVAILABLE',
  'SECRET_LOST',
  'INVALID_ARGUMENT',
  'UNSUPPORTED',
  /** The user cancelled it before anything changed. */
  'CANCELLED',
  'INTERNAL',
  // Single sign-on (details.reason says which refusal)
  'SSO_TIMEOUT',
  'SSO_CANCELLED',
  'SSO_REFUSED',
  'IDENTITY_PROVIDER_UNREACHABLE',
] as const;
export const appErrorCodeSchema = z.enum(APP_ERROR_CODES);
export type AppErrorCode = z.infer<typeof appErrorCodeSchema>;

export const appErrorDataSchema = z.object({
  code: appErrorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorData = z.infer<typeof appErrorDataSchema>;

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.details);
  }

  /** `error` itself when it is an AppError, else an INTERNAL one (nothing of it kept). */
  static from(error: unknown): AppError {
    return error instanceof AppError ? error : AppError.fromData(toAppErrorData(error));
  }
}

/** Whether `error` is an AppError with one of these codes. */
export function isAppError(error: unknown, ...codes: AppErrorCode[]): error is AppError {
  return error instanceof AppError && codes.includes(error.code);
}

/** Turns anything thrown into error data fit to cross a boundary, hiding internals. */
export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return { code: 'INTERNAL', message: 'Something went wrong inside KeyDesk. Try again; if it persists, restart the app.' };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/**
 * What may be logged of an unexpected error besides its name: its stack frames. Never its
 * message: the first line of a stack carries it, and a message may quote a secret.
 */
export function stackFrames(error: unknown, max = 8): string[] {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return [];
  return error.stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, max);
}
