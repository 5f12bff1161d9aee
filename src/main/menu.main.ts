import { Menu, type BrowserWindow } from 'electron';
import { MENU_COMMAND_CHANNEL } from '../shared/ipc-contract';
import { buildMenuTemplate } from './menu-template';

/** Menu commands go to our main window only, as plain strings from MENU_COMMANDS. */
export function installApplicationMenu(options: { appName: string; isDevelopment: boolean; getMainWindow: () => BrowserWindow | null }): void {
  const template = buildMenuTemplate({
    appName: options.appName,
    isDevelopment: options.isDevelopment,
    platform: process.platform,
    send: (command) => {
      const window = options.getMainWindow();
      if (window && !window.isDestroyed()) window.webContents.send(MENU_COMMAND_CHANNEL, command);
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
