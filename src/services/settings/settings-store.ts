// The user's settings (settings.json in the user-data folder). Read once, then served
// from memory; every change is validated before it is written.
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../../shared/settings';
import { createJsonFile, type JsonFileRecovery } from '../files/json-file';
import type { Logger } from '../logger';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
  readonly recovery: JsonFileRecovery | null;
}

export function createSettingsStore(options: { userDataDir: string; now?: () => Date; log?: Logger }): SettingsStore {
  const file = createJsonFile<Settings>({
    path: join(options.userDataDir, SETTINGS_FILE),
    schema: settingsSchema,
    defaults: () => ({ ...DEFAULT_SETTINGS }),
    now: options.now,
    log: options.log,
  });
  let current: Promise<Settings> | undefined;
  // A failed read (permissions, disk) is not cached: the next call tries again.
  const load = (): Promise<Settings> =>
    (current ??= file.read().catch((error: unknown) => {
      current = undefined;
      throw error;
    }));

  return {
    get recovery() {
      return file.recovery;
    },
    get: load,
    async update(patch) {
      const checked = settingsPatchSchema.safeParse(patch);
      if (!checked.success) {
        throw new AppError('INVALID_ARGUMENT', checked.error.issues[0]?.message ?? 'These settings are not valid.');
      }
      const next = settingsSchema.parse({ ...(await load()), ...checked.data });
      await file.write(next);
      current = Promise.resolve(next);
      return next;
    },
  };
}
