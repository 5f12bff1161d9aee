// What the About dialog shows of KeyDesk itself, read each time the dialog opens.
import { useEffect, useState } from 'react';
import { AppError } from '@shared/errors';
import type { AppInfo } from '@shared/ipc-contract';
import { aboutApi } from '@renderer/features/about/lib/about-api';

export type AppInfoState = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed'; error: AppError };

export function useAppInfo(open: boolean): AppInfoState {
  const [state, setState] = useState<AppInfoState>({ status: 'loading' });
  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    aboutApi.appInfo().then(
      (info) => live && setState({ status: 'ready', info }),
      (error: unknown) => live && setState({ status: 'failed', error: AppError.from(error) }),
    );
    return () => {
      live = false;
    };
  }, [open]);
  return state;
}
