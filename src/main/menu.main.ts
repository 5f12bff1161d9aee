import { Menu, shell, type BrowserWindow } from 'electron';
import { MENU_COMMAND_CHANNEL } from '../shared/ipc-contract';
import type { Settings } from '../shared/settings';
import { MENU_LABELS } from './menu-labels';
import { buildMenuTemplate } from './menu-template';

/**
 * Menu commands go to our main window only, as plain strings from MENU_COMMANDS. Called
 * again when the language setting changes: the menu is rebuilt in the new language.
 */
export function installApplicationMenu(options: {
  language: Settings['language'];
  appName: string;
  isDevelopment: boolean;
  getMainWindow: () => BrowserWindow | null;
  /** Where the log file is, for Help › Open Logs Folder (null: no such item). */
  logFolder: string | null;
}): void {
  const { logFolder } = options;
  const template = buildMenuTemplate({
    appName: options.appName,
    isDevelopment: options.isDevelopment,
    platform: process.platform,
    labels: MENU_LABELS[options.language],
    openLogsFolder: logFolder === null ? null : () => void shell.openPath(logFolder),
    send: (command) => {
      const window = options.getMainWindow();
      if (window && !window.isDestroyed()) window.webContents.send(MENU_COMMAND_CHANNEL, command);
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
