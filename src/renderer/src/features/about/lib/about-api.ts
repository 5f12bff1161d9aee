// The About feature's way to the services: what KeyDesk is and runs on, and updates.
import { call } from '@renderer/lib/keydesk-client';

export const aboutApi = {
  appInfo: () => call('getAppInfo'),
  checkForUpdates: () => call('checkForUpdates'),
};
