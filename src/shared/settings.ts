import { z } from 'zod';

export const settingsSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  language: z.enum(['en', 'fr']).default('en'),
  /** A copied secret is cleared from the clipboard after this delay. */
  clipboardClearSeconds: z.number().int().min(5).max(600).default(60),
  checkForUpdatesAutomatically: z.boolean().default(true),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
