// Theme and language as the main process keeps them (getSettings / updateSettings); this
// store only mirrors them so the UI reacts at once. Nothing here is secret or persisted.
import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '@shared/settings';
import { call } from '@renderer/lib/keydesk-client';
import { errorMessage } from '@renderer/i18n/error-message';
import { applyLanguage } from '@renderer/i18n/i18n';

type SettingsState = {
  settings: Settings;
  loaded: boolean;
  /** The last failed save, in one sentence, until dismissed. */
  saveError: string | null;
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
      const settings = await call('getSettings');
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
      set({ settings: await call('updateSettings', patch) });
    } catch (error) {
      set({ settings: previous, saveError: errorMessage(error) });
      await applyLanguage(previous.language);
    }
  },

  dismissSaveError() {
    set({ saveError: null });
  },
}));
