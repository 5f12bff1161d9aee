// The keys page's keyboard shortcuts: Ctrl/Cmd+N new key, F5 refresh, Ctrl/Cmd+F search.
// (Delete on a focused row is the grid's own cell key handler.) They pause while a dialog
// is open, so that a dialog's own keys are never taken over.
import { useEffect, useRef } from 'react';

type Shortcuts = { enabled: boolean; onNew: () => void; onRefresh: () => void; onSearch: () => void };

export function usePageShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const { enabled, onNew, onRefresh, onSearch } = latest.current;
      if (!enabled || event.defaultPrevented || event.altKey) return;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let action: (() => void) | null = null;
      if (command && !event.shiftKey && key === 'n') action = onNew;
      else if (command && !event.shiftKey && key === 'f') action = onSearch;
      else if (!command && !event.shiftKey && event.key === 'F5') action = onRefresh;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
