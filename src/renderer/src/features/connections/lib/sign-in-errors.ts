// Where a failed connection attempt is explained: next to what caused it. The AppError's
// code (and, for a refused argument, the field it names) decides the place; the sentence
// is the error's own, said by errorMessage.
import { AppError } from '@shared/errors';

export type ErrorPlace = 'serverUrl' | 'username' | 'password' | 'remember' | 'alert';

const FIELD_PLACES: readonly ErrorPlace[] = ['serverUrl', 'username', 'password'];

/** Where to say an error from `signIn` or `selectOrganization`. */
export function placeSignInError(error: unknown): ErrorPlace {
  if (!(error instanceof AppError)) return 'alert';
  switch (error.code) {
    case 'UNAUTHORIZED':
    case 'RATE_LIMITED':
      return 'password';
    case 'NETWORK':
    case 'SERVER':
    case 'NOT_FOUND':
      return 'serverUrl';
    case 'KEYCHAIN_UNAVAILABLE':
      return 'remember';
    case 'INVALID_ARGUMENT': {
      // The dispatcher names the refused fields.
      const fields = error.details?.fields;
      const first = Array.isArray(fields) ? FIELD_PLACES.find((place) => fields.includes(place)) : undefined;
      return first ?? 'alert';
    }
    default:
      return 'alert';
  }
}

/** Errors of `connectSaved` that mean "sign in again with your password". */
export function needsPassword(error: unknown): boolean {
  return error instanceof AppError && ['UNAUTHORIZED', 'NOT_CONNECTED', 'KEYCHAIN_UNAVAILABLE', 'NOT_FOUND'].includes(error.code);
}
