// Every feature's catalog, assembled here (the app knows its features; the base i18n/ knows
// none): imported by the app's providers, so the strings are there before the first render.
import aboutEn from '@renderer/features/about/i18n/en';
import activityEn from '@renderer/features/activity/i18n/en';
import activityFr from '@renderer/features/activity/i18n/fr';
import aboutFr from '@renderer/features/about/i18n/fr';
import apiKeysEn from '@renderer/features/api-keys/i18n/en';
import apiKeysFr from '@renderer/features/api-keys/i18n/fr';
import connectionsEn from '@renderer/features/connections/i18n/en';
import connectionsFr from '@renderer/features/connections/i18n/fr';
import expiryWatchEn from '@renderer/features/expiry-watch/i18n/en';
import expiryWatchFr from '@renderer/features/expiry-watch/i18n/fr';
import settingsEn from '@renderer/features/settings/i18n/en';
import settingsFr from '@renderer/features/settings/i18n/fr';
import { addCatalogs } from '@renderer/i18n/i18n';
import appEn from '@renderer/app/i18n/en';
import appFr from '@renderer/app/i18n/fr';

/** The namespaces of the app and its features (i18next.d.ts types them from the English ones). */
export const catalogs = {
  en: { app: appEn, about: aboutEn, activity: activityEn, apiKeys: apiKeysEn, connections: connectionsEn, expiryWatch: expiryWatchEn, settings: settingsEn },
  fr: { app: appFr, about: aboutFr, activity: activityFr, apiKeys: apiKeysFr, connections: connectionsFr, expiryWatch: expiryWatchFr, settings: settingsFr },
} as const;

addCatalogs(catalogs);
