// Menu commands sent by the Electron main process (none in the web preview).
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '@shared/ipc-contract';

/** Runs `action` whenever the app menu sends `command`. */
export function useMenuCommand(command: MenuCommand, action: () => void): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    if (!window.keydesk?.onMenuCommand) return undefined;
    return window.keydesk.onMenuCommand((received) => {
      if (received === command) latest.current();
    });
  }, [command]);
}
