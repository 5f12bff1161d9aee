// The application menu as data: every KeyDesk command is sent to the page as a menu
// command (the renderer decides what it means there); the rest are Electron roles, each
// with its label in the user's language.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc-contract';
import type { MenuLabels } from './menu-labels';

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  isDevelopment: boolean;
  appName: string;
  /** The words of the user's language (menu-labels.ts). */
  labels: MenuLabels;
  send: (command: MenuCommand) => void;
  /** Opens the log file's folder in the file manager; null when there is no log file. */
  openLogsFolder: (() => void) | null;
}

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { send, labels, appName } = options;
  const isMac = options.platform === 'darwin';
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(name),
  });
  // A fresh object each time: Electron gets no template entry twice.
  const separator = (): MenuItemConstructorOptions => ({ type: 'separator' });

  const about = command(labels.about(appName), 'about');
  const checkForUpdates = command(labels.checkForUpdates, 'check-for-updates');

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            about,
            separator(),
            { role: 'hide', label: labels.hide(appName) },
            { role: 'hideOthers', label: labels.hideOthers },
            { role: 'unhide', label: labels.showAll },
            separator(),
            { role: 'quit', label: labels.quitApp(appName) },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      command(labels.newApiKey, 'new-api-key', 'CmdOrCtrl+N'),
      command(labels.refresh, 'refresh', 'F5'),
      separator(),
      command(labels.switchOrganization, 'switch-organization'),
      command(labels.signOut, 'sign-out'),
      ...(isMac ? [] : [separator(), { role: 'quit', label: labels.quit } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      { role: 'undo', label: labels.undo },
      { role: 'redo', label: labels.redo },
      separator(),
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'selectAll', label: labels.selectAll },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      { role: 'resetZoom', label: labels.resetZoom },
      ...(options.isDevelopment
        ? [separator(), { role: 'reload', label: labels.reload } as const, { role: 'toggleDevTools', label: labels.toggleDevTools } as const]
        : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: labels.help,
    submenu: [
      checkForUpdates,
      ...(options.openLogsFolder ? [{ label: labels.openLogsFolder, click: options.openLogsFolder }] : []),
      separator(),
      about,
    ],
  };
  return [...appMenu, file, edit, view, help];
}
