// One i18next instance for the renderer, with every catalog bundled (no loading over the
// network: the CSP allows none, and a desktop app should not need it). This base module
// holds only the namespaces every layer uses (`common`, `errors`); the app adds the
// features' catalogs (app/i18n/catalogs.ts), so that nothing here imports a feature.
import dayjs from 'dayjs';
import 'dayjs/locale/fr';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '@shared/settings';
import commonEn from '@renderer/i18n/common-en';
import commonFr from '@renderer/i18n/common-fr';
import errorsEn from '@renderer/i18n/errors-en';
import errorsFr from '@renderer/i18n/errors-fr';

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    en: { common: commonEn, errors: errorsEn },
    fr: { common: commonFr, errors: errorsFr },
  },
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: ['common', 'errors'],
  // Resources are bundled: initialise synchronously so the first render has its strings.
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Adds namespaces (a feature's catalog in each language) to the one instance. */
export function addCatalogs(catalogs: Record<Settings['language'], Record<string, object>>): void {
  for (const [language, namespaces] of Object.entries(catalogs)) {
    for (const [namespace, catalog] of Object.entries(namespaces)) i18n.addResourceBundle(language, namespace, catalog);
  }
}

/** Switches every string, date locale and the page's `lang` to `language`. */
export async function applyLanguage(language: Settings['language']): Promise<void> {
  dayjs.locale(language);
  document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
