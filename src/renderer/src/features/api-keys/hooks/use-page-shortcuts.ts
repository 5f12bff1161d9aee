// The keys page's keyboard shortcuts: Ctrl/Cmd+N new key, F5 refresh, Ctrl/Cmd+F search,
// Ctrl/Cmd+Shift+E select all expired keys, "?" the list of shortcuts (not while typing). (Enter, Delete and Shift+F10 on a focused
// row are the grid's own cell key handler.) They pause while a dialog is open, so that a
// dialog's own keys are never taken over.
import { useEffect, useRef } from 'react';

type Shortcuts = { enabled: boolean; onNew: () => void; onRefresh: () => void; onSearch: () => void; onSelectExpired: () => void; onHelp: () => void };

/** Whether the key goes into a text the user types (where "?" is a character, not a command). */
const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function usePageShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const { enabled, onNew, onRefresh, onSearch, onSelectExpired, onHelp } = latest.current;
      if (!enabled || event.defaultPrevented || event.altKey) return;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let action: (() => void) | null = null;
      if (command && !event.shiftKey && key === 'n') action = onNew;
      else if (command && !event.shiftKey && key === 'f') action = onSearch;
      else if (command && event.shiftKey && key === 'e') action = onSelectExpired;
      else if (!command && !event.shiftKey && event.key === 'F5') action = onRefresh;
      else if (!command && event.key === '?' && !typing(event.target)) action = onHelp;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
