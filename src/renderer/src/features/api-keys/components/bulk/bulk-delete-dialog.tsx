// "Delete selected…": renders the step the bulk delete's flow is at (stores/bulk-delete-flow.ts)
// and sends its events. While the run goes on the dialog may be hidden: the services carry
// it on, and the notice above the grid shows it again.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { BulkChoiceForm } from '@renderer/features/api-keys/components/bulk/bulk-choice-form';
import { BulkRunView } from '@renderer/features/api-keys/components/bulk/bulk-run-view';
import { bulkFateOf, type BulkDeleteFlow } from '@renderer/features/api-keys/stores/bulk-delete-flow';
import { useBulkDeleteStore } from '@renderer/features/api-keys/stores/bulk-delete-store';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatNumber } from '@renderer/lib/formatting';

/** The keys named one by one in the confirmation; the rest are counted. */
const NAMED = 8;

export function BulkDeleteDialog({ flow, locale }: { flow: BulkDeleteFlow; locale: string }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  const state = useStore(flow.store);
  const closeDialog = useBulkDeleteStore((store) => store.closeDialog);
  const number = (value: number) => formatNumber(value, locale);
  useEffect(() => {
    if (state.step === 'dismissed') closeDialog();
  }, [state.step, closeDialog]);

  const status = state.step === 'run' ? state.status : null;
  const title =
    status !== null
      ? status.running
        ? t('bulk.runningTitle', { total: number(status.plan.keys.length) })
        : status.plan.stopped !== null
          ? t('bulk.stoppedTitle')
          : status.plan.finishedAt !== null
            ? t('bulk.doneTitle')
            : t('bulk.stoppedTitle')
      : t('bulk.title', { total: number(state.step === 'choose' ? state.keys.length : state.step === 'resolving' ? state.total : 0) });
  const left = status !== null && !status.running && status.counts.pending + status.counts.deleting + status.counts.failed > 0;

  return (
    <Dialog open fullWidth maxWidth="md" aria-labelledby={titleId} onClose={() => (state.step === 'choose' && state.starting ? undefined : closeDialog())}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {state.step === 'resolving' && (
          <Stack spacing={1} role="status">
            <Typography>{t('bulk.resolving', { found: number(state.found), total: number(state.total) })}</Typography>
            <LinearProgress />
          </Stack>
        )}
        {state.step === 'resolve-failed' && <Alert severity="error">{`${t('bulk.resolveFailed')} ${errorMessage(state.error)}`}</Alert>}
        {state.step === 'choose' && (
          <Stack spacing={2}>
            <Alert severity="warning">{t('bulk.warning')}</Alert>
            <Typography variant="body2" aria-label={t('bulk.keysLabel')}>
              {state.keys
                .slice(0, NAMED)
                .map((key) => `“${key.title || t('bulk.untitled')}”`)
                .join(', ')}
              {state.keys.length > NAMED ? ` ${t('bulk.more', { total: number(state.keys.length - NAMED) })}` : ''}
            </Typography>
            <BulkChoiceForm step={state} onChoiceChange={flow.choose} />
            {state.error !== null && <Alert severity="error">{t('bulk.failedToStart', { message: errorMessage(state.error) })}</Alert>}
          </Stack>
        )}
        {status !== null && <BulkRunView status={status} locale={locale} />}
        {state.step === 'run' && state.error !== null && <Alert severity="error">{errorMessage(state.error)}</Alert>}
      </DialogContent>
      <DialogActions>
        {(state.step === 'resolving' || state.step === 'resolve-failed') && <Button onClick={closeDialog}>{t('bulk.cancel')}</Button>}
        {state.step === 'choose' && (
          <>
            <Button onClick={closeDialog} disabled={state.starting}>
              {t('bulk.cancel')}
            </Button>
            <Button variant="contained" color="error" disabled={state.starting || bulkFateOf(state) === null} onClick={() => void flow.start()}>
              {t('bulk.delete', { total: number(state.keys.length) })}
            </Button>
          </>
        )}
        {status?.running && (
          <>
            <Button onClick={() => void flow.cancel()} disabled={status.cancelling}>
              {t('bulk.cancel')}
            </Button>
            <Button variant="contained" onClick={closeDialog}>
              {t('bulk.hide')}
            </Button>
          </>
        )}
        {status !== null && !status.running && (
          <>
            {left && (
              <Button color="error" onClick={() => void flow.resume()}>
                {t('bulk.resume')}
              </Button>
            )}
            <Button variant="contained" onClick={() => void flow.dismiss()} autoFocus>
              {t('bulk.dismiss')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
