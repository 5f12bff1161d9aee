// What "Check for updates" says for each answer of the update service, in both languages.
import { describe, expect, it } from 'vitest';
import { UPDATE_FAILURES, type UpdateCheck } from '@shared/ipc-contract';
import '@renderer/app/i18n/catalogs';
import { updateSentence } from '@renderer/features/about/lib/update-sentence';
import { i18n } from '@renderer/i18n/i18n';

const say = (result: UpdateCheck, language: 'en' | 'fr' = 'en') => updateSentence(result, i18n.getFixedT(language, 'about'));

describe('the update check’s sentence', () => {
  it('names the versions it found', () => {
    expect(say({ status: 'up-to-date', currentVersion: '1.0.0' })).toEqual({ severity: 'success', text: 'KeyDesk 1.0.0 is the latest version.' });
    expect(say({ status: 'available', version: '1.2.0', currentVersion: '1.0.0', downloaded: false }).text).toBe(
      'KeyDesk 1.2.0 is available (you have 1.0.0). It is downloading in the background and will be installed when you quit KeyDesk.',
    );
    expect(say({ status: 'available', version: '1.2.0', currentVersion: null, downloaded: false }).text).toBe(
      'KeyDesk 1.2.0 is downloading in the background and will be installed when you quit KeyDesk.',
    );
    expect(say({ status: 'available', version: '1.2.0', currentVersion: null, downloaded: true }, 'fr').text).toBe(
      'KeyDesk 1.2.0 a été téléchargé et sera installé à la fermeture de KeyDesk.',
    );
  });

  it('says why this copy cannot update', () => {
    expect(say({ status: 'unsupported', reason: 'updater-inactive' })).toEqual({
      severity: 'info',
      text: 'This copy of KeyDesk cannot update itself. On Linux, updates work in the AppImage, deb and rpm packages; install one of them to get updates.',
    });
    expect(say({ status: 'unsupported', reason: 'not-packaged' }, 'fr').text).toBe(
      'Les mises à jour ne fonctionnent que dans une copie installée de KeyDesk\u202f; celle-ci tourne depuis les sources.',
    );
  });

  it('says each failure with its code or HTTP status, in English and French', () => {
    const failed = (reason: (typeof UPDATE_FAILURES)[number], code: string | null, httpStatus: number | null = null): UpdateCheck => ({
      status: 'error',
      reason,
      code,
      httpStatus,
    });
    expect(say(failed('network', 'ENOTFOUND')).text).toBe('Could not reach the update server (ENOTFOUND). Check your network connection and try again.');
    expect(say(failed('server-failed', 'HTTP_ERROR_503', 503)).text).toBe('The update server had a problem (HTTP 503). Try again later.');
    expect(say(failed('unknown', 'ERR_SOMETHING_NEW')).text).toBe('The update check failed (ERR_SOMETHING_NEW). Try again later.');
    expect(say(failed('unknown', null), 'fr').text).toBe('La vérification des mises à jour a échoué. Réessayez plus tard.');
    for (const language of ['en', 'fr'] as const) {
      for (const reason of UPDATE_FAILURES) {
        const { severity, text } = say(failed(reason, 'CODE_X', 418), language);
        expect(severity).toBe('error');
        expect(text).not.toMatch(/updates\.|\{\{/);
      }
    }
  });
});
