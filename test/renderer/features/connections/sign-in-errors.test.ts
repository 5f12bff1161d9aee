import { describe, expect, it } from 'vitest';
import { AppError, type AppErrorCode } from '@shared/errors';
import { needsPassword, placeSignInError } from '@renderer/features/connections/lib/sign-in-errors';

describe('where a sign-in failure is said', () => {
  const cases: [AppErrorCode, string][] = [
    ['UNAUTHORIZED', 'password'],
    ['RATE_LIMITED', 'password'],
    ['NETWORK', 'serverUrl'],
    ['SERVER', 'serverUrl'],
    ['NOT_FOUND', 'serverUrl'],
    ['KEYCHAIN_UNAVAILABLE', 'remember'],
    ['NOT_ADMINISTRATOR', 'alert'],
    ['FORBIDDEN', 'alert'],
    ['INTERNAL', 'alert'],
  ];
  it.each(cases)('%s goes to %s', (code, place) => {
    expect(placeSignInError(new AppError(code, `Message for ${code}.`))).toBe(place);
  });

  it('puts a refused argument at the field the dispatcher names, whatever its message says', () => {
    const error = new AppError('INVALID_ARGUMENT', 'Invalid argument for signIn: serverUrl: The server address must use https.', { method: 'signIn', fields: ['serverUrl'] });
    expect(placeSignInError(error)).toBe('serverUrl');
    expect(placeSignInError(new AppError('INVALID_ARGUMENT', 'Invalid argument for signIn: password: Required.', { method: 'signIn', fields: [] }))).toBe('alert');
    expect(placeSignInError(new AppError('INVALID_ARGUMENT', 'Invalid argument for signIn: password: Required.'))).toBe('alert');
  });

  it('says what is not an AppError above the form', () => {
    expect(placeSignInError(new TypeError('x is undefined'))).toBe('alert');
  });

  it('asks for the password again only when the saved sign-in cannot be used', () => {
    expect(needsPassword(new AppError('UNAUTHORIZED', 'Your session has ended; sign in again.'))).toBe(true);
    expect(needsPassword(new AppError('KEYCHAIN_UNAVAILABLE', 'No keychain.'))).toBe(true);
    expect(needsPassword(new AppError('NETWORK', 'Unreachable.'))).toBe(false);
    expect(needsPassword(new AppError('NOT_ADMINISTRATOR', 'Not an admin.'))).toBe(false);
  });
});
