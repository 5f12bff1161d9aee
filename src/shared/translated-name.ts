// JMap Cloud names a project in several languages: `{"en": "Parcels", "fr": "Parcelles"}`
// (JLocaleTranslation and JLOCALES "fr" | "en" | "es" in jmapcloud-ng-core-types,
// public/jmap/language.d.ts; the QGIS plugin reads `name[locale]`, else `name["en"]`, in
// core/tasks/load_jmc_datasource_references_task.py). Issue 11 writes the keys in capitals
// ("EN", "FR"): keys are matched without regard to case. A plain string is taken as it is.
import { z } from 'zod';

/** A name as a server sends it: one string, or one per language. */
export const translatedNameSchema = z.union([z.string(), z.record(z.string(), z.unknown())]).transform((name): TranslatedName => {
  if (typeof name === 'string') return name;
  // Values that are not strings (null for a missing language) are left out.
  return Object.fromEntries(Object.entries(name).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
});
export type TranslatedName = string | Readonly<Record<string, string>>;

const FALLBACK_LANGUAGE = 'en';

/**
 * The name to show in `language` (`fr`, `fr-CA`): that language, else its primary
 * language, else English, else the first non-empty one, else an empty string.
 */
export function pickTranslation(name: TranslatedName, language: string): string {
  if (typeof name === 'string') return name;
  const byKey = new Map(Object.entries(name).filter(([, text]) => text.trim() !== '').map(([key, text]) => [key.toLowerCase().replace('_', '-'), text]));
  const wanted = language.toLowerCase().replace('_', '-');
  return byKey.get(wanted) ?? byKey.get(wanted.split('-')[0] ?? '') ?? byKey.get(FALLBACK_LANGUAGE) ?? byKey.values().next().value ?? '';
}

/** A language key as a name's translations are written: `en`, `fr`, `fr-CA`. */
export const languageKeySchema = z
  .string()
  .regex(/^[a-z]{2}([-_][a-z]{2})?$/i, 'A language must be written as a code such as en, fr or fr-CA.')
  .transform((key) => key.toLowerCase().replace('_', '-'));
