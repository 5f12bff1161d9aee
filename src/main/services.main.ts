// The services with their Electron ports: net.fetch (system proxies and the OS trust
// store apply), the keychain through keytar, the Electron clipboard, the local
// organization in a utilityProcess, electron-updater, the expiry watch's notifications
// and badge, the system browser for single sign-on.
import { join } from 'node:path';
import { app, net, type BrowserWindow } from 'electron';
import { createKeytarCredentialStore } from '../services/credentials/keytar-credential-store';
import { createKeyDeskServices } from '../services/keydesk-services';
import type { Logger } from '../services/logger';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { createElectronClipboardPort } from './clipboard.main';
import { createExpiryAlerts } from './expiry-alerts.main';
import { createUtilityProcessLocalOrganization } from './local-organization.main';
import { openSystemBrowser } from './system-browser.main';
import { createUpdateService, type UpdateService } from './updates/update-service.main';

export function createMainServices(options: {
  log: Logger;
  onSettingsChanged(settings: Settings): void;
  getMainWindow: () => BrowserWindow | null;
  /** The language of the settings, for the system notifications' words. */
  language: () => Settings['language'];
}) {
  const userDataDir = app.getPath('userData');
  const localOrganization = createUtilityProcessLocalOrganization({
    entryPath: join(import.meta.dirname, 'utility-process.js'),
    userDataDir,
    log: options.log,
  });
  // The update service reads the settings through the services, which need it first.
  let readSettings = async (): Promise<Settings> => DEFAULT_SETTINGS;
  const updates: UpdateService = createUpdateService({ getSettings: () => readSettings(), log: options.log });
  const services = createKeyDeskServices({
    fetch: net.fetch as typeof fetch,
    credentialStore: createKeytarCredentialStore(),
    userDataDir,
    clipboard: createElectronClipboardPort(),
    localOrganization,
    sso: { openBrowser: openSystemBrowser },
    appInfo: { name: app.getName(), version: app.getVersion(), host: 'electron', platform: process.platform },
    updates,
    log: options.log,
    onSettingsChanged: options.onSettingsChanged,
    expiryAlerts: createExpiryAlerts({ getMainWindow: options.getMainWindow, language: options.language, log: options.log }),
  });
  readSettings = () => services.handlers.getSettings(undefined);
  return {
    handlers: services.handlers,
    /** The saved settings, or the defaults when settings.json cannot be read. */
    readSettings: () => readSettings().catch(() => DEFAULT_SETTINGS),
    updates,
    /** At quit: clears a secret still on the clipboard, then stops the local organization. */
    async dispose(): Promise<void> {
      await services.dispose();
      await localOrganization.stop();
    },
  };
}
