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
  it.each(cases)('%s goes to %s, with the message as given', (code, place) => {
    expect(placeSignInError(new AppError(code, `Message for ${code}.`))).toEqual({ place, message: `Message for ${code}.` });
  });

  it('puts a refused argument at the field it names', () => {
    const error = new AppError('INVALID_ARGUMENT', 'Invalid argument for signIn: serverUrl: The server address must use https.');
    expect(placeSignInError(error).place).toBe('serverUrl');
    expect(placeSignInError(new AppError('INVALID_ARGUMENT', 'Invalid argument for signIn: the argument: Required.')).place).toBe('alert');
  });

  it('says something plain for what is not an AppError', () => {
    expect(placeSignInError(new TypeError('x is undefined'))).toEqual({ place: 'alert', message: 'Something went wrong. Try again.' });
  });

  it('asks for the password again only when the saved sign-in cannot be used', () => {
    expect(needsPassword(new AppError('UNAUTHORIZED', 'Your session has ended; sign in again.'))).toBe(true);
    expect(needsPassword(new AppError('KEYCHAIN_UNAVAILABLE', 'No keychain.'))).toBe(true);
    expect(needsPassword(new AppError('NETWORK', 'Unreachable.'))).toBe(false);
    expect(needsPassword(new AppError('NOT_ADMINISTRATOR', 'Not an admin.'))).toBe(false);
  });
});
