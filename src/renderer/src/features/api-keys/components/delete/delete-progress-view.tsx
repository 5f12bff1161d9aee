// What a running step of the delete is doing. With the server's extension it is one request
// (an indeterminate bar); without (JMap Cloud) the services report each phase and how far it
// is, and whether it can still be cancelled.
import DialogContentText from '@mui/material/DialogContentText';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DeleteProgress } from '@shared/delete-progress';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@renderer/lib/formatting';

type Props = {
  /** What to say while no progress is reported (one request, or not started yet). */
  text: string;
  progress: DeleteProgress | null;
  /** The member receiving the resources, for the transfer's sentence. */
  memberName?: string;
  locale: string;
};

export function DeleteProgressView({ text, progress, memberName, locale }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const counted = progress !== null && progress.total > 0;
  const values = counted ? { done: formatNumber(progress.done, locale), total: formatNumber(progress.total, locale), name: memberName ?? '' } : null;
  const sentence = progress === null || values === null ? text : t(`delete.phase.${progress.phase}`, values);
  return (
    <Stack spacing={1.5} role="status">
      <DialogContentText>{sentence}</DialogContentText>
      {counted ? (
        // A whole percentage: what a screen reader says (aria-valuenow), not 93.33333333333333.
        <LinearProgress variant="determinate" value={Math.round((100 * progress.done) / progress.total)} aria-label={sentence} />
      ) : (
        <LinearProgress aria-label={sentence} />
      )}
      {progress !== null && progress.phase === 'finding' && !progress.changed && (
        <Typography variant="body2" color="text.secondary">
          {t('delete.findingHint')}
        </Typography>
      )}
      {progress?.changed && (
        <Typography variant="body2" color="text.secondary">
          {t('delete.noCancelNow')}
        </Typography>
      )}
    </Stack>
  );
}
