// Files found unreadable at start and kept aside (asked once), until the user dismisses them.
import { useEffect, useState } from 'react';
import type { FileRecovery } from '@shared/ipc-contract';
import { sessionApi } from '@renderer/app/lib/session-api';

export function useFileRecoveries(): { recoveries: FileRecovery[]; dismiss(): void } {
  const [recoveries, setRecoveries] = useState<FileRecovery[]>([]);
  useEffect(() => {
    // Nothing to say when the question itself fails: the app works on either way.
    sessionApi.fileRecoveries().then(setRecoveries, () => undefined);
  }, []);
  return { recoveries, dismiss: () => setRecoveries([]) };
}
