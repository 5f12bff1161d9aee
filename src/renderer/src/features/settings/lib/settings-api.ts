// The settings feature's way to the services.
import type { SettingsPatch } from '@shared/settings';
import { call } from '@renderer/lib/keydesk-client';

export const settingsApi = {
  get: () => call('getSettings'),
  update: (patch: SettingsPatch) => call('updateSettings', patch),
};
