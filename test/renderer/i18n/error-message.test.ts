import { afterEach, describe, expect, it } from 'vitest';
import { AppError, APP_ERROR_CODES } from '@shared/errors';
import errorsEn from '@renderer/i18n/errors-en';
import { applyLanguage } from '@renderer/i18n/i18n';
import { call } from '@renderer/lib/keydesk-client';
import { errorMessage } from '@renderer/i18n/error-message';
import { installRealKeydesk } from '../support/real-keydesk';

afterEach(() => applyLanguage('en'));

async function wrongPasswordError(): Promise<unknown> {
  const keydesk = await installRealKeydesk();
  try {
    await call('signIn', { serverUrl: keydesk.server.url, username: keydesk.demo.adminEmail, password: 'not-the-password', remember: false });
    throw new Error('the sign-in was accepted');
  } catch (error) {
    return error;
  } finally {
    await keydesk.cleanup();
  }
}

describe('the sentence an error shows', () => {
  it('in English is the services’ own sentence', async () => {
    await applyLanguage('en');
    expect(errorMessage(await wrongPasswordError())).toBe('The email or the password is incorrect.');
  });

  it('in French comes from the catalog, by the server’s code', async () => {
    await applyLanguage('fr');
    expect(errorMessage(await wrongPasswordError())).toBe('L’adresse courriel ou le mot de passe est incorrect.');
  });

  it('in French falls back on KeyDesk’s code, and on a plain sentence for anything else', async () => {
    await applyLanguage('fr');
    expect(errorMessage(new AppError('NETWORK', 'The server could not be reached at http://127.0.0.1:9.'))).toBe(
      'Le serveur n’a pas pu être joint. Vérifiez son adresse et votre réseau, puis réessayez.',
    );
    expect(errorMessage(new AppError('UNAUTHORIZED', 'Your session has ended; sign in again.', { sessionEnded: true }))).toBe(
      'Votre session a pris fin ; reconnectez-vous.',
    );
    expect(errorMessage(new Error('boom'))).toBe('Un problème est survenu. Réessayez.');
  });

  it('has a sentence for every error code KeyDesk knows', () => {
    expect(Object.keys(errorsEn.byCode).sort()).toEqual([...APP_ERROR_CODES].sort());
  });
});
