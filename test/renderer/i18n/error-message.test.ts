// Every error is said from its codes and details, in English and French alike: the
// services' and the server's own words (the message) are a diagnostic, never shown.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, APP_ERROR_CODES, ERROR_REASONS } from '@shared/errors';
import errorsEn from '@renderer/i18n/errors-en';
import errorsFr from '@renderer/i18n/errors-fr';
import { errorMessage, hasOwnSentence } from '@renderer/i18n/error-message';
import { applyLanguage } from '@renderer/i18n/i18n';
import { call } from '@renderer/lib/keydesk-client';
import { installRealKeydesk } from '../support/real-keydesk';
import { unusedLoopbackUrl } from '../support/unused-port';

afterEach(() => applyLanguage('en'));

/** What the real services answer to `attempt`, against a real local organization server. */
async function failureOf(attempt: (serverUrl: string) => Promise<unknown>): Promise<unknown> {
  const keydesk = await installRealKeydesk();
  try {
    await attempt(keydesk.server.url);
    throw new Error('the call succeeded');
  } catch (error) {
    return error;
  } finally {
    await keydesk.cleanup();
  }
}

const wrongPassword = (serverUrl: string) => call('signIn', { serverUrl, username: 'admin@demo.local', password: 'not-the-password', remember: false });

describe('the sentence an error shows', () => {
  it('comes from the catalog by the server’s code, in English as in French', async () => {
    const error = await failureOf(wrongPassword);
    await applyLanguage('en');
    expect(errorMessage(error)).toBe('The email or the password is incorrect.');
    await applyLanguage('fr');
    expect(errorMessage(error)).toBe('L’adresse courriel ou le mot de passe est incorrect.');
  });

  it('names what the reason names (here the server), in both languages', async () => {
    const serverUrl = await unusedLoopbackUrl();
    const error = await failureOf(() => call('signIn', { serverUrl, username: 'admin@demo.local', password: 'x', remember: false }));
    await applyLanguage('en');
    expect(errorMessage(error)).toBe(`The server could not be reached at ${serverUrl}. Check the address and your network connection.`);
    await applyLanguage('fr');
    expect(errorMessage(error)).toBe(`Le serveur n’a pas pu être joint à ${serverUrl}. Vérifiez l’adresse et votre connexion réseau.`);
  });

  it('never shows the message, which is a diagnostic', () => {
    const error = new AppError('NETWORK', 'Diagnostic with details nobody should read.');
    expect(errorMessage(error)).toBe('The server could not be reached. Check its address and your network, then try again.');
    const fromServer = new AppError('NOT_FOUND', 'No API key with id 42 exists in this organization.', { serverCode: 'NOT_FOUND', httpStatus: 404 });
    expect(errorMessage(fromServer)).toBe('It no longer exists: someone may have deleted it meanwhile.');
    expect(errorMessage(new Error('boom'))).toBe('Something went wrong. Try again.');
    expect(hasOwnSentence(error)).toBe(false);
  });

  it('says when to try again after too many sign-ins, by the server’s limit', async () => {
    const tooMany = (limit: string, retryAfterSeconds: number) =>
      new AppError('RATE_LIMITED', 'Too many.', { serverCode: 'TOO_MANY_SIGN_IN_ATTEMPTS', limit, retryAfterSeconds });
    expect(errorMessage(tooMany('backoff', 45))).toBe('Too many failed sign-ins for this user from this computer. Try again in 45 seconds.');
    expect(errorMessage(tooMany('client', 125))).toBe('Too many failed sign-ins from this computer. Try again in 3 minutes.');
    expect(hasOwnSentence(tooMany('client', 125))).toBe(true);
    await applyLanguage('fr');
    // Intl puts a no-break space between the number and its unit.
    expect(errorMessage(tooMany('client', 7200))).toMatch(/^Trop de connexions échouées depuis cet ordinateur\. Réessayez dans 2\sheures\.$/);
    // A limit it does not know: the code's own sentence.
    expect(errorMessage(tooMany('galaxy', 10))).toBe('Trop de connexions échouées pour ce compte. Attendez quelques minutes, puis réessayez.');
  });

  it('does not let a detail named like an i18next option steer the sentence', () => {
    const error = AppError.because('INTERNAL', 'file-unwritable', { path: '/tmp/settings.json', fsCode: 'ENOSPC' }, 'x', { count: 2, lng: 'fr' });
    expect(errorMessage(error)).toBe('KeyDesk could not write /tmp/settings.json (ENOSPC). Check that its folder is writable and the disk is not full.');
  });

  it('ignores a reason a server put in its details', () => {
    const error = new AppError('VALIDATION', 'x', { reason: 'not-ours', serverCode: 'INVALID_API_KEY_ROLE' });
    expect(errorMessage(error)).toBe('An API key can only be Editor or Viewer.');
  });

  it('has a sentence for every code and every reason, in both languages', () => {
    for (const catalog of [errorsEn, errorsFr]) {
      expect(Object.keys(catalog.byCode).sort()).toEqual([...APP_ERROR_CODES].sort());
      expect(Object.keys(catalog.reasons).sort()).toEqual([...ERROR_REASONS].sort());
    }
  });
});
