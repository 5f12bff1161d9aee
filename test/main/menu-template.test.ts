import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../src/shared/ipc-contract';
import { MENU_LABELS } from '../../src/main/menu-labels';
import { buildMenuTemplate } from '../../src/main/menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isDevelopment: boolean, openLogsFolder: (() => void) | null = null, language: 'en' | 'fr' = 'en') {
  const sent: MenuCommand[] = [];
  const labels = MENU_LABELS[language];
  const items = flatten(buildMenuTemplate({ platform, isDevelopment, appName: 'KeyDesk', labels, openLogsFolder, send: (command) => sent.push(command) }));
  const click = (label: string): void => {
    const item = items.find((candidate) => candidate.label === label);
    if (!item?.click) throw new Error(`no clickable item ${label}`);
    (item.click as () => void)();
  };
  return { items, sent, click };
}

describe('application menu', () => {
  it.each(['win32', 'linux', 'darwin'] as const)('sends every KeyDesk command to the page (%s)', (platform) => {
    const { items, sent, click } = build(platform, false);
    click('New API Key…');
    click('Refresh');
    click('Switch Organization…');
    click('Sign Out');
    click('Check for Updates…');
    click('About KeyDesk');
    expect(sent).toEqual(['new-api-key', 'refresh', 'switch-organization', 'sign-out', 'check-for-updates', 'about']);
    expect(items.find((item) => item.label === 'New API Key…')?.accelerator).toBe('CmdOrCtrl+N');
    expect(items.find((item) => item.label === 'Refresh')?.accelerator).toBe('F5');
    const roles = items.map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'quit']));
  });

  it('opens the logs folder from Help, when there is a log file', () => {
    let opened = 0;
    build('win32', false, () => opened++).click('Open Logs Folder');
    expect(opened).toBe(1);
    expect(build('win32', false, null).items.some((item) => item.label === 'Open Logs Folder')).toBe(false);
  });

  it.each(['win32', 'darwin'] as const)('speaks French when KeyDesk does, every item included (%s)', (platform) => {
    const { items, sent, click } = build(platform, true, () => undefined, 'fr');
    click('Nouvelle clé d’API…');
    click('Rechercher des mises à jour…');
    click('À propos de KeyDesk');
    expect(sent).toEqual(['new-api-key', 'check-for-updates', 'about']);
    // Electron's own role labels follow the OS's language: every item carries ours.
    const unlabelled = items.filter((item) => item.type !== 'separator' && !item.label);
    expect(unlabelled).toEqual([]);
    const english = new Set(Object.values(MENU_LABELS.en).filter((value): value is string => typeof value === 'string'));
    expect(items.map((item) => item.label).filter((label) => label !== undefined && english.has(label))).toEqual([]);
    expect(items.find((item) => item.role === 'copy')?.label).toBe('Copier');
  });

  it('offers the developer tools only in development', () => {
    expect(build('linux', false).items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(build('linux', true).items.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
