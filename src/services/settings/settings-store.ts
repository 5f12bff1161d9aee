// The user's settings (settings.json in the user-data folder). Read once, then served
// from memory; every change is validated before it is written, one change at a time.
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../../shared/settings';
import { cacheJsonFile } from '../files/cached-json-file';
import { createJsonFile, type JsonFileRecovery } from '../files/json-file';
import type { Logger } from '../logger';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
  /** Resolves once every change asked for so far is on disk (the services wait for it at shutdown). */
  settled(): Promise<void>;
  readonly recovery: JsonFileRecovery | null;
}

export function createSettingsStore(options: { userDataDir: string; now?: () => Date; log?: Logger }): SettingsStore {
  const file = cacheJsonFile(
    createJsonFile<Settings>({
      path: join(options.userDataDir, SETTINGS_FILE),
      schema: settingsSchema,
      defaults: () => ({ ...DEFAULT_SETTINGS }),
      now: options.now,
      log: options.log,
    }),
  );

  return {
    get recovery() {
      return file.recovery;
    },
    settled: file.settled,
    get: file.get,
    update(patch) {
      const checked = settingsPatchSchema.safeParse(patch);
      if (!checked.success) {
        return Promise.reject(new AppError('INVALID_ARGUMENT', checked.error.issues[0]?.message ?? 'These settings are not valid.'));
      }
      return file.change((current) => {
        const next = settingsSchema.parse({ ...current, ...checked.data });
        return { next, result: next };
      });
    },
  };
}
