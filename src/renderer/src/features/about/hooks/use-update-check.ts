// "Check for updates": idle, checking, then what the check found (or why it could not run).
import { useEffect, useState } from 'react';
import { AppError } from '@shared/errors';
import type { UpdateCheck } from '@shared/ipc-contract';
import { aboutApi } from '@renderer/features/about/lib/about-api';

export type UpdateCheckState =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'done'; result: UpdateCheck }
  | { state: 'failed'; error: AppError };

/** `checkNow` starts a check as soon as the hook's component appears (the menu item). */
export function useUpdateCheck(checkNow: boolean): { check: UpdateCheckState; run(): void } {
  const [check, setCheck] = useState<UpdateCheckState>({ state: 'idle' });

  const run = async (): Promise<void> => {
    setCheck({ state: 'checking' });
    try {
      setCheck({ state: 'done', result: await aboutApi.checkForUpdates() });
    } catch (error) {
      setCheck({ state: 'failed', error: AppError.from(error) });
    }
  };

  useEffect(() => {
    if (!checkNow) return;
    // Deferred a tick so that the check's first state change happens outside the effect.
    const timer = setTimeout(() => void run(), 0);
    return () => clearTimeout(timer);
  }, [checkNow]);

  return { check, run: () => void run() };
}
