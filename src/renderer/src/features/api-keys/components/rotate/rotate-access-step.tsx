// Steps 3 and 4 at work, and their stops: the progress of the access copy (or of the old
// key's removal), with Cancel while nothing has changed; a stop says what was done and what
// was not (how many resources the new key has the same access on, and which not), never
// silent about the new key having less access, and offers Resume.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { RotationRecord } from '@shared/key-rotation';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatNumber } from '@renderer/lib/formatting';
import type { RotateFlow, RotateStoppedStep, RotateWorkingStep } from '@renderer/features/api-keys/stores/rotate-flow';

export function RotateWorking({ state, flow, locale }: { state: RotateWorkingStep; flow: RotateFlow; locale: string }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const { progress } = state;
  const phase = progress?.phase ?? (state.stage === 'grant' ? 'finding' : 'removing-entries');
  const counted = progress !== null && progress.total > 0;
  const canCancel = !(progress?.changed ?? false);
  return (
    <>
      <DialogContent>
        <Stack spacing={1.5} sx={{ pt: 1 }}>
          <Typography id="rotation-phase">{t(`keyChange.rotate.phases.${phase}`)}</Typography>
          <LinearProgress
            aria-labelledby="rotation-phase"
            variant={counted ? 'determinate' : 'indeterminate'}
            value={counted ? (100 * progress.done) / progress.total : undefined}
          />
          <Typography role="status" variant="body2" color="text.secondary">
            {counted ? t('keyChange.rotate.counted', { done: formatNumber(progress.done, locale), total: formatNumber(progress.total, locale) }) : ' '}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {canCancel ? t('keyChange.rotate.cancelHint') : t('keyChange.rotate.noCancel')}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => void flow.cancel()} disabled={!canCancel || state.cancelling}>
          {state.cancelling ? t('keyChange.rotate.cancelling') : t('keyChange.rotate.cancel')}
        </Button>
      </DialogActions>
    </>
  );
}

/** What the new key has of the old key's access, as the last check found it. */
export function AccessSummary({ rotation, locale }: { rotation: RotationRecord; locale: string }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const { access } = rotation;
  if (access === null || (access.granted === 0 && access.toGrant > 0)) return <Typography>{t('keyChange.rotate.accessNone')}</Typography>;
  const more = access.shortfallCount - access.shortfall.length;
  return (
    <Stack spacing={0.5}>
      <Typography>
        {t('keyChange.rotate.accessPartial', { old: rotation.oldKey.title, granted: formatNumber(access.granted, locale), total: formatNumber(access.toGrant, locale) })}
      </Typography>
      <Stack component="ul" aria-label={t('keyChange.rotate.lackingList')} sx={{ m: 0, pl: 3 }}>
        {access.shortfall.map((resource) => (
          <li key={`${resource.kind}:${resource.id}`}>{resource.name}</li>
        ))}
      </Stack>
      {more > 0 && <Typography>{t('keyChange.rotate.accessMore', { count: formatNumber(more, locale) })}</Typography>}
    </Stack>
  );
}

type StoppedProps = { state: RotateStoppedStep; flow: RotateFlow; locale: string; onClose: () => void };

export function RotateStopped({ state, flow, locale, onClose }: StoppedProps): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const { rotation, error } = state;
  const cancelled = error?.code === 'CANCELLED';
  const heading = cancelled ? 'cancelledTitle' : error === null ? 'underWayTitle' : 'stoppedTitle';
  return (
    <>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity={cancelled || error === null ? 'info' : 'warning'} role="alert">
            <AlertTitle>{t(`keyChange.rotate.${heading}`)}</AlertTitle>
            {error !== null && !cancelled && errorMessage(error)}
          </Alert>
          <Typography>{t('keyChange.rotate.newKeyExists', { title: rotation.replacement.title })}</Typography>
          {state.stage === 'grant' ? (
            <AccessSummary rotation={rotation} locale={locale} />
          ) : (
            <Typography>{t('keyChange.rotate.finishStopped', { old: rotation.oldKey.title })}</Typography>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('keyChange.rotate.close')}</Button>
        <Button variant="contained" onClick={() => void flow.resume()} autoFocus>
          {t('keyChange.rotate.resume')}
        </Button>
      </DialogActions>
    </>
  );
}
