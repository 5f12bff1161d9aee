// A guided delete that stopped on a failure after it had changed something: what was done,
// what was not, and that nothing is lost (the key still owns what was not transferred).
// "Resume" (in the dialog's actions) asks the same delete again.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DeleteProgress } from '@shared/delete-progress';
import type { AppError } from '@shared/errors';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatNumber } from '@renderer/lib/formatting';

type Props = { progress: DeleteProgress; error: AppError; memberName: string | null; locale: string };

export function DeleteStoppedView({ progress, error, memberName, locale }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const count = (value: number): string => formatNumber(value, locale);
  return (
    <Stack spacing={1.5}>
      <Alert severity="warning">
        <AlertTitle>{t('delete.stoppedTitle')}</AlertTitle>
        {t('delete.stopped', { message: errorMessage(error) })}
      </Alert>
      {memberName !== null && progress.toTransfer > 0 && (
        <Typography>{t('delete.stoppedTransferred', { done: count(progress.transferred), total: count(progress.toTransfer), name: memberName })}</Typography>
      )}
      {progress.entriesToRemove > 0 && (
        <Typography>{t('delete.stoppedEntries', { done: count(progress.entriesRemoved), total: count(progress.entriesToRemove) })}</Typography>
      )}
      <Typography>{t('delete.stoppedKeyKept')}</Typography>
    </Stack>
  );
}
