// Says once, at start, when a settings or connections file could not be read and was
// kept aside: the user would otherwise only see their saved connections gone.
import { Alert, Snackbar } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useFileRecoveries } from '@renderer/app/hooks/use-file-recoveries';

export function FileRecoveryNotice(): React.JSX.Element | null {
  const { t } = useTranslation('app');
  const { recoveries, dismiss } = useFileRecoveries();
  if (recoveries.length === 0) return null;
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
