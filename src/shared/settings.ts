import { z } from 'zod';
import { EXPIRY_WARNING_DAYS } from './expiry-watch';
import { DEFAULT_GRID_LAYOUT, gridLayoutSchema, savedViewsSchema } from './grid-settings';

const settingFields = {
  theme: z.enum(['system', 'light', 'dark']),
  language: z.enum(['en', 'fr']),
  /** A copied secret is cleared from the clipboard after this delay. */
  clipboardClearSeconds: z.number().int().min(5).max(600),
  checkForUpdatesAutomatically: z.boolean(),
  /** "Warn me N days before a key expires": the expiry watch's window (notifications, badge, banner). */
  expiryWarningDays: z
    .number()
    .int('The number of days must be a whole number.')
    .min(EXPIRY_WARNING_DAYS.min, `Warn at least ${EXPIRY_WARNING_DAYS.min} day before a key expires.`)
    .max(EXPIRY_WARNING_DAYS.max, `Warn at most ${EXPIRY_WARNING_DAYS.max} days before a key expires.`),
  /** The keys grid's columns, widths, density, page size and sort (grid-settings.ts). */
  grid: gridLayoutSchema,
  /** The admin's own saved views of the keys grid (the built-in ones are not stored). */
  views: savedViewsSchema,
};

/** The settings file: a setting it lacks (an older file) takes its default. */
export const settingsSchema = z.strictObject({
  theme: settingFields.theme.default('system'),
  language: settingFields.language.default('en'),
  clipboardClearSeconds: settingFields.clipboardClearSeconds.default(60),
  checkForUpdatesAutomatically: settingFields.checkForUpdatesAutomatically.default(true),
  expiryWarningDays: settingFields.expiryWarningDays.default(EXPIRY_WARNING_DAYS.default),
  grid: settingFields.grid.default(DEFAULT_GRID_LAYOUT),
  views: settingFields.views.default([]),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
// Built from the fields without their defaults: zod 4 applies a default even inside
// .partial(), so a patch of one setting would have reset all the others.
export const settingsPatchSchema = z.strictObject(settingFields).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
