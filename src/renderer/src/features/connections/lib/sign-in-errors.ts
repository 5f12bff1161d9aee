// Where a failed connection attempt is explained: next to what caused it. The AppError code
// decides; the message is the one the services (or the server) gave.
import { AppError } from '@shared/errors';
import { errorMessage } from '@renderer/i18n/error-message';

export type ErrorPlace = 'serverUrl' | 'username' | 'password' | 'remember' | 'alert';
export type PlacedError = { place: ErrorPlace; message: string };

const FIELD_OF_ARGUMENT: Record<string, ErrorPlace> = { serverUrl: 'serverUrl', username: 'username', password: 'password' };

/** Places an error from `signIn` or `selectOrganization`. */
export function placeSignInError(error: unknown): PlacedError {
  const message = errorMessage(error);
  if (!(error instanceof AppError)) return { place: 'alert', message };
  switch (error.code) {
    case 'UNAUTHORIZED':
    case 'RATE_LIMITED':
      return { place: 'password', message };
    case 'NETWORK':
    case 'SERVER':
    case 'NOT_FOUND':
      return { place: 'serverUrl', message };
    case 'KEYCHAIN_UNAVAILABLE':
      return { place: 'remember', message };
    case 'INVALID_ARGUMENT': {
      // "Invalid argument for signIn: serverUrl: …" names the field first.
      const field = /: (\w+): /.exec(message)?.[1];
      return { place: (field && FIELD_OF_ARGUMENT[field]) || 'alert', message };
    }
    default:
      return { place: 'alert', message };
  }
}

/** Errors of `connectSaved` that mean "sign in again with your password". */
export function needsPassword(error: unknown): boolean {
  return error instanceof AppError && ['UNAUTHORIZED', 'NOT_CONNECTED', 'KEYCHAIN_UNAVAILABLE', 'NOT_FOUND'].includes(error.code);
}
