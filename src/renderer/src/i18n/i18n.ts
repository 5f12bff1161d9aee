// One i18next instance for the renderer, with every namespace bundled (no loading over the
// network: the CSP allows none, and a desktop app should not need it).
import dayjs from 'dayjs';
import 'dayjs/locale/fr';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '@shared/settings';
import apiKeysEn from '@renderer/features/api-keys/i18n/en';
import apiKeysFr from '@renderer/features/api-keys/i18n/fr';
import connectionsEn from '@renderer/features/connections/i18n/en';
import connectionsFr from '@renderer/features/connections/i18n/fr';
import commonEn from '@renderer/i18n/common-en';
import commonFr from '@renderer/i18n/common-fr';
import errorsEn from '@renderer/i18n/errors-en';
import errorsFr from '@renderer/i18n/errors-fr';

export const resources = {
  en: { common: commonEn, connections: connectionsEn, apiKeys: apiKeysEn, errors: errorsEn },
  fr: { common: commonFr, connections: connectionsFr, apiKeys: apiKeysFr, errors: errorsFr },
} as const;

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: ['common', 'connections', 'apiKeys', 'errors'],
  // Resources are bundled: initialise synchronously so the first render has its strings.
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches every string, date locale and the page's `lang` to `language`. */
export async function applyLanguage(language: Settings['language']): Promise<void> {
  dayjs.locale(language);
  document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
