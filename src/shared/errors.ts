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
  serverUnreachable: { serverUrl: string };
  serverTimeout: { serverUrl: string; seconds: number };
  serverFailed: { serverUrl: string; httpStatus: number };
  serverUnreadable: { serverUrl: string };
  sessionEnded: Record<string, never>;
  signInExpired: Record<string, never>;
  noOrganization: Record<string, never>;
  notAMember: Record<string, never>;
  noLongerMember: { organization: string };
  notAdministrator: { organization: string };
  savedConnectionMissing: Record<string, never>;
  noSavedSignIn: { connection: string };
  localOrganizationStartFailed: Record<string, never>;
  localOrganizationCrashed: Record<string, never>;
  localOrganizationRefusedAdmin: Record<string, never>;
  localOrganizationNoOrganization: Record<string, never>;
  localOrganizationPasswordUnknown: Record<string, never>;
  keychainUnavailableMacos: Record<string, never>;
  keychainUnavailableWindows: Record<string, never>;
  keychainUnavailableLinux: Record<string, never>;
  fileUnreadable: { path: string; fsCode: string };
  fileUnwritable: { path: string; fsCode: string };
  secretGone: Record<string, never>;
  ownedResourcesUnsupported: Record<string, never>;
  filterUnsupported: { filter: string };
  expiringSoonUnsupported: Record<string, never>;
  clipboardRefused: Record<string, never>;
  servicesUnavailable: Record<string, never>;
  webPreviewUnreachable: Record<string, never>;
  noBrowserClipboard: Record<string, never>;
  browserRefusedCopy: Record<string, never>;
}
export type ErrorReason = keyof ErrorReasonParams;

const REASONS: Record<ErrorReason, true> = {
  serverUnreachable: true,
  serverTimeout: true,
  serverFailed: true,
  serverUnreadable: true,
  sessionEnded: true,
  signInExpired: true,
  noOrganization: true,
  notAMember: true,
  noLongerMember: true,
  notAdministrator: true,
  savedConnectionMissing: true,
  noSavedSignIn: true,
  localOrganizationStartFailed: true,
  localOrganizationCrashed: true,
  localOrganizationRefusedAdmin: true,
  localOrganizationNoOrganization: true,
  localOrganizationPasswordUnknown: true,
  keychainUnavailableMacos: true,
  keychainUnavailableWindows: true,
  keychainUnavailableLinux: true,
  fileUnreadable: true,
  fileUnwritable: true,
  secretGone: true,
  ownedResourcesUnsupported: true,
  filterUnsupported: true,
  expiringSoonUnsupported: true,
  clipboardRefused: true,
  servicesUnavailable: true,
  webPreviewUnreachable: true,
  noBrowserClipboard: true,
  browserRefusedCopy: true,
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
