// The application menu as data: every KeyDesk command is sent to the page as a menu
// command (the renderer decides what it means there); the rest are Electron roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc-contract';

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  isDevelopment: boolean;
  appName: string;
  send: (command: MenuCommand) => void;
  /** Opens the log file's folder in the file manager; null when there is no log file. */
  openLogsFolder: (() => void) | null;
}

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { send } = options;
  const isMac = options.platform === 'darwin';
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(name),
  });

  const about = command(`About ${options.appName}`, 'about');
  const checkForUpdates = command('Check for Updates…', 'check-for-updates');

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [{ label: options.appName, submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('New API Key…', 'new-api-key', 'CmdOrCtrl+N'),
      command('Refresh', 'refresh', 'F5'),
      { type: 'separator' },
      command('Switch Organization…', 'switch-organization'),
      command('Sign Out', 'sign-out'),
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = { role: 'editMenu' };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      ...(options.isDevelopment ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      checkForUpdates,
      ...(options.openLogsFolder ? [{ label: 'Open Logs Folder', click: options.openLogsFolder }] : []),
      { type: 'separator' },
      about,
    ],
  };
  return [...appMenu, file, edit, view, help];
}
