// The sentence a user reads for anything a call threw, in the app's language.
import { AppError } from '@shared/errors';
import errorsEn from '@renderer/i18n/errors-en';
import { i18n } from '@renderer/i18n/i18n';

/** The services and the server speak English only: their own words can be shown as they are. */
export function speaksServicesLanguage(): boolean {
  return i18n.language === 'en';
}

/**
 * Turns anything a call threw into the sentence to show the user. In English that is the
 * services' own sentence, which names the server, the organization or the key. The
 * services and the server speak English only, so in another language the sentence comes
 * from the `errors` catalog: by the server's code when it has one there, else by KeyDesk's.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof AppError)) return i18n.t('unexpected', { ns: 'errors' });
  if (speaksServicesLanguage()) return error.message;
  const details = error.details ?? {};
  if (details.sessionEnded === true) return i18n.t('sessionEnded', { ns: 'errors' });
  if (details.needsPassword === true) return i18n.t('needsPassword', { ns: 'errors' });
  const serverCode = details.serverCode;
  if (typeof serverCode === 'string' && serverCode in errorsEn.byServerCode) {
    return i18n.t(`byServerCode.${serverCode as keyof typeof errorsEn.byServerCode}`, { ns: 'errors' });
  }
  return i18n.t(`byCode.${error.code}`, { ns: 'errors' });
}

/** Whether the catalog has a sentence for this very error (not only for its broad code). */
export function hasOwnSentence(error: unknown): boolean {
  const serverCode = error instanceof AppError ? error.details?.serverCode : undefined;
  return typeof serverCode === 'string' && serverCode in errorsEn.byServerCode;
}
