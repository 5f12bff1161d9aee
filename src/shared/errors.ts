// Errors as they cross every boundary (IPC, the web bridge): a code the UI can act on, a
// reason and its parameters that the renderer turns into a sentence in the user's
// language, and a message that is a diagnostic for logs and tests, never shown. Never a
// secret in any of them.
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

/**
 * What exactly went wrong, finer than the code, with the values its sentence names (the
 * server, the organization, the file…). Sent in AppError.details (`reason` beside its
 * params); the renderer says each from its catalog (errors.reasons.<reason>).
 */
export interface ErrorReasonParams {
  'server-unreachable': { serverUrl: string };
  'server-timeout': { serverUrl: string; seconds: number };
  'server-failed': { serverUrl: string; httpStatus: number };
  'server-unreadable': { serverUrl: string };
  'no-api-at-address': { serverUrl: string };
  'session-ended': Record<string, never>;
  'sign-in-expired': Record<string, never>;
  'no-organization': Record<string, never>;
  'not-a-member': Record<string, never>;
  'no-longer-member': { organization: string };
  'not-administrator': { organization: string };
  'saved-connection-missing': Record<string, never>;
  'no-saved-sign-in': { connection: string };
  'local-organization-start-failed': Record<string, never>;
  'local-organization-crashed': Record<string, never>;
  'local-organization-refused-admin': Record<string, never>;
  'local-organization-no-organization': Record<string, never>;
  'local-organization-password-unknown': Record<string, never>;
  'keychain-unavailable-macos': Record<string, never>;
  'keychain-unavailable-windows': Record<string, never>;
  'keychain-unavailable-linux': Record<string, never>;
  'file-unreadable': { path: string; fsCode: string };
  'file-unwritable': { path: string; fsCode: string };
  'secret-gone': Record<string, never>;
  'key-deletion-running': Record<string, never>;
  'key-keeps-gaining-access': Record<string, never>;
  'too-many-keys-to-evaluate': { keyCount: number };
  'key-edit-unsupported': Record<string, never>;
  'organization-changed': { organization: string };
  'rotation-unknown': Record<string, never>;
  'rotation-running': Record<string, never>;
  'rotation-not-checked': Record<string, never>;
  'replacement-gone': Record<string, never>;
  'overlap-date-out-of-range': { maxDays: number };
  'bulk-delete-unknown': Record<string, never>;
  'bulk-delete-running': Record<string, never>;
  'bulk-delete-unfinished': Record<string, never>;
  // Single sign-on
  'sso-session-ended': Record<string, never>;
  'no-saved-sso-sign-in': { connection: string };
  'connection-uses-password': { connection: string };
  'sso-needs-browser': Record<string, never>;
  'browser-not-opened': Record<string, never>;
  'sso-timeout': { minutes: number };
  'identity-provider-unreachable': { issuer: string };
  'identity-provider-timeout': { issuer: string; seconds: number };
  // Single sign-on refusals (SSO_REFUSED; services/sso/sso-errors.ts names them)
  'state-mismatch': Record<string, never>;
  'issuer-mismatch': Record<string, never>;
  'audience-mismatch': Record<string, never>;
  'nonce-mismatch': Record<string, never>;
  'organization-mismatch': Record<string, never>;
  'code-rejected': { providerError?: string };
  'access-denied': { providerError?: string };
  'provider-error': { providerError?: string };
  'invalid-response': Record<string, never>;
  'pkce-unsupported': Record<string, never>;
  'no-refresh-token': Record<string, never>;
  'browser-needed': Record<string, never>;
  'account-mismatch': Record<string, never>;
  'expired': Record<string, never>;
  'clipboard-refused': Record<string, never>;
  'services-unavailable': Record<string, never>;
  'web-preview-unreachable': Record<string, never>;
  'no-browser-clipboard': Record<string, never>;
  'browser-refused-copy': Record<string, never>;
}
export type ErrorReason = keyof ErrorReasonParams;

const REASONS: Record<ErrorReason, true> = {
  'server-unreachable': true,
  'server-timeout': true,
  'server-failed': true,
  'server-unreadable': true,
  'no-api-at-address': true,
  'session-ended': true,
  'sign-in-expired': true,
  'no-organization': true,
  'not-a-member': true,
  'no-longer-member': true,
  'not-administrator': true,
  'saved-connection-missing': true,
  'no-saved-sign-in': true,
  'local-organization-start-failed': true,
  'local-organization-crashed': true,
  'local-organization-refused-admin': true,
  'local-organization-no-organization': true,
  'local-organization-password-unknown': true,
  'keychain-unavailable-macos': true,
  'keychain-unavailable-windows': true,
  'keychain-unavailable-linux': true,
  'file-unreadable': true,
  'file-unwritable': true,
  'secret-gone': true,
  'key-deletion-running': true,
  'key-keeps-gaining-access': true,
  'too-many-keys-to-evaluate': true,
  'key-edit-unsupported': true,
  'organization-changed': true,
  'rotation-unknown': true,
  'rotation-running': true,
  'rotation-not-checked': true,
  'replacement-gone': true,
  'overlap-date-out-of-range': true,
  'bulk-delete-unknown': true,
  'bulk-delete-running': true,
  'bulk-delete-unfinished': true,
  'sso-session-ended': true,
  'no-saved-sso-sign-in': true,
  'connection-uses-password': true,
  'sso-needs-browser': true,
  'browser-not-opened': true,
  'sso-timeout': true,
  'identity-provider-unreachable': true,
  'identity-provider-timeout': true,
  'state-mismatch': true,
  'issuer-mismatch': true,
  'audience-mismatch': true,
  'nonce-mismatch': true,
  'organization-mismatch': true,
  'code-rejected': true,
  'access-denied': true,
  'provider-error': true,
  'invalid-response': true,
  'pkce-unsupported': true,
  'no-refresh-token': true,
  'browser-needed': true,
  'account-mismatch': true,
  'expired': true,
  'clipboard-refused': true,
  'services-unavailable': true,
  'web-preview-unreachable': true,
  'no-browser-clipboard': true,
  'browser-refused-copy': true,
};
export const ERROR_REASONS = Object.keys(REASONS) as ErrorReason[];

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && Object.hasOwn(REASONS, value);
}

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

  /**
   * An error said by its reason: `message` is the diagnostic (logs, tests), the renderer
   * says the reason with its params in the user's language.
   */
  static because<R extends ErrorReason>(
    code: AppErrorCode,
    reason: R,
    params: ErrorReasonParams[R],
    message: string,
    details?: Record<string, unknown>,
  ): AppError {
    return new AppError(code, message, { ...details, ...params, reason });
  }

  /** The reason the details give, when it is one of ours. */
  get reason(): ErrorReason | null {
    const reason = this.details?.reason;
    return isErrorReason(reason) ? reason : null;
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
