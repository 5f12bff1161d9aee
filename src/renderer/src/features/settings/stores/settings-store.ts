// Theme and language as the main process keeps them (getSettings / updateSettings); this
// store only mirrors them so the UI reacts at once. Nothing here is secret or persisted.
import { create } from 'zustand';
import { AppError } from '@shared/errors';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '@shared/settings';
import { settingsApi } from '@renderer/features/settings/lib/settings-api';
import { applyLanguage } from '@renderer/i18n/i18n';

type SettingsState = {
  settings: Settings;
  loaded: boolean;
  /** The last failed save, until dismissed. */
  saveError: AppError | null;
  load(): Promise<void>;
  update(patch: SettingsPatch): Promise<void>;
  dismissSaveError(): void;
};

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  saveError: null,

  async load() {
    try {
      const settings = await settingsApi.get();
      await applyLanguage(settings.language);
      set({ settings, loaded: true });
    } catch {
      // Unreadable settings must not keep the app from starting: run on the defaults.
      await applyLanguage(DEFAULT_SETTINGS.language);
      set({ settings: DEFAULT_SETTINGS, loaded: true });
    }
  },

  async update(patch) {
    const previous = get().settings;
    // Optimistic: the switch shows at once, and is undone if the main process refuses it.
    set({ settings: { ...previous, ...patch }, saveError: null });
    if (patch.language) await applyLanguage(patch.language);
    try {
      set({ settings: await settingsApi.update(patch) });
    } catch (error) {
      set({ settings: previous, saveError: AppError.from(error) });
      await applyLanguage(previous.language);
    }
  },

  dismissSaveError() {
    set({ saveError: null });
  },
}));
