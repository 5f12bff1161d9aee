// The page's shortcuts as this platform writes them: ⌘N on a Mac, Ctrl+N elsewhere.
const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function shortcutKeys(): { create: string; search: string; refresh: string; selectExpired: string } {
  const command = isMac() ? '⌘' : 'Ctrl+';
  return { create: `${command}N`, search: `${command}F`, refresh: 'F5', selectExpired: isMac() ? '⇧⌘E' : 'Ctrl+Shift+E' };
}
