// Says once, at start, when a settings or connections file could not be read and was
// kept aside: the user would otherwise only see their saved connections gone.
import { Alert, Snackbar } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRecovery } from '@shared/ipc-contract';
import { call } from '@renderer/lib/keydesk-client';

export function FileRecoveryNotice(): React.JSX.Element | null {
  const { t } = useTranslation('app');
  const [recoveries, setRecoveries] = useState<FileRecovery[]>([]);
  useEffect(() => {
    // Nothing to say when the question itself fails: the app works on either way.
    call('listFileRecoveries').then(setRecoveries, () => undefined);
  }, []);
  if (recoveries.length === 0) return null;
  const dismiss = (): void => setRecoveries([]);
  return (
    <Snackbar open anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert severity="warning" onClose={dismiss} variant="filled">
        {recoveries.map((recovery) => (
          <div key={recovery.file}>{t(`fileRecovery.${recovery.file}`, { movedTo: recovery.movedTo })}</div>
        ))}
      </Alert>
    </Snackbar>
  );
}
