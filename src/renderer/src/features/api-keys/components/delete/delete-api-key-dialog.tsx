// The guided delete's dialog: it renders the step useDeleteFlow is at and sends its events
// (the flow itself is stores/delete-flow.ts). Every ending refreshes the grid. A key that
// owns nothing takes one confirmation ("OK"), then its result.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ApiKey } from '@shared/api-types';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteProgressView } from '@renderer/features/api-keys/components/delete/delete-progress-view';
import { DeleteResultView } from '@renderer/features/api-keys/components/delete/delete-result-view';
import { DeleteStoppedView } from '@renderer/features/api-keys/components/delete/delete-stopped-view';
import { OwnedResourcesList } from '@renderer/features/api-keys/components/delete/owned-resources-list';
import { ResourcesChoiceForm } from '@renderer/features/api-keys/components/delete/resources-choice';
import { useDeleteFlow } from '@renderer/features/api-keys/hooks/use-delete-flow';
import { formatNumber } from '@renderer/lib/formatting';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { canCancel, fateOf, isBusy, ownsNothing, type ChooseStep } from '@renderer/features/api-keys/stores/delete-flow';
import { errorMessage } from '@renderer/i18n/error-message';

type Props = { apiKey: ApiKey; locale: string };

export function DeleteApiKeyDialog({ apiKey, locale }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  const closeDialog = useApiKeysStore((state) => state.closeDialog);
  const [state, flow] = useDeleteFlow(apiKey);
  const busy = isBusy(state);
  // Step 2 as the user sees it, also while its deletion runs.
  const choosing: ChooseStep | null = state.step === 'choose' ? state : state.step === 'deleting' ? state.from : null;
  const canDelete = state.step === 'choose' && fateOf(state, apiKey.title) !== null;
  // The member the resources go to, for the transfer's progress and a stop's summary.
  const from = state.step === 'deleting' || state.step === 'stopped' ? state.from : null;
  const memberName = from?.choice.kind === 'transfer' ? (from.choice.member?.name ?? null) : null;

  return (
    <Dialog
      open
      fullWidth
      maxWidth={choosing && !ownsNothing(choosing.resources) ? 'md' : 'sm'}
      aria-labelledby={titleId}
      onClose={() => {
        if (!busy) closeDialog();
      }}
    >
      <DialogTitle id={titleId}>{state.step === 'done' ? t('delete.doneTitle') : t('delete.title', { title: apiKey.title })}</DialogTitle>
      <DialogContent>
        {state.step === 'confirm' && (
          <Stack spacing={2}>
            {state.cancelled && <Alert severity="info">{t('delete.cancelled')}</Alert>}
            <Alert severity="warning">{t('delete.warning')}</Alert>
          </Stack>
        )}
        {state.step === 'finding' && <DeleteProgressView text={t('delete.loadingResources')} progress={state.progress} locale={locale} />}
        {state.step === 'find-failed' && (
          <Alert severity="error">
            <strong>{t('delete.resourcesFailed')}</strong> {errorMessage(state.error)}
          </Alert>
        )}
        {state.step === 'choose' && (
          <Stack spacing={2}>
            {ownsNothing(state.resources) ? (
              <DialogContentText>{t('delete.noResources')}</DialogContentText>
            ) : (
              <>
                <DialogContentText>{t('delete.ownsResources')}</DialogContentText>
                <OwnedResourcesList dataSources={state.resources.dataSources} projects={state.resources.projects} />
                <ResourcesChoiceForm
                  keyTitle={apiKey.title}
                  resources={state.resources}
                  editors={state.editors}
                  choice={state.choice}
                  disabled={false}
                  onChoiceChange={flow.choose}
                />
              </>
            )}
            {state.resources.aclEntryCount > 0 && (
              <Typography variant="body2" color="text.secondary">
                {t('delete.aclEntries', { total: formatNumber(state.resources.aclEntryCount, locale) })}
              </Typography>
            )}
            {state.error !== null && <Alert severity="error">{t('delete.failed', { message: errorMessage(state.error) })}</Alert>}
          </Stack>
        )}
        {state.step === 'deleting' && (
          <DeleteProgressView text={t('delete.deleting')} progress={state.progress} memberName={memberName ?? undefined} locale={locale} />
        )}
        {state.step === 'stopped' && <DeleteStoppedView progress={state.progress} error={state.error} memberName={memberName} locale={locale} />}
        {state.step === 'done' && (
          <DeleteResultView keyTitle={apiKey.title} result={state.result} ownedNothing={state.fate.kind === 'nothing-owned'} locale={locale} />
        )}
        {state.step === 'gone' && <Alert severity="info">{t('delete.notFound')}</Alert>}
      </DialogContent>
      <DialogActions>
        {state.step === 'confirm' && (
          <>
            <Button onClick={closeDialog} autoFocus>
              {t('delete.cancel')}
            </Button>
            <Button variant="contained" color="error" onClick={() => void flow.findResources()}>
              {t('delete.ok')}
            </Button>
          </>
        )}
        {state.step === 'find-failed' && (
          <>
            <Button onClick={closeDialog}>{t('delete.cancel')}</Button>
            <Button variant="contained" onClick={() => void flow.findResources()}>
              {t('delete.retry')}
            </Button>
          </>
        )}
        {(state.step === 'choose' || busy) && (
          <>
            {/* While a step runs, Cancel stops it if nothing has changed yet (a guided delete); else it closes. */}
            <Button onClick={busy ? () => void flow.cancel() : closeDialog} disabled={busy && !canCancel(state)}>
              {t('delete.cancel')}
            </Button>
            <Button variant="contained" color="error" disabled={!canDelete} onClick={() => void flow.remove()}>
              {t('delete.delete')}
            </Button>
          </>
        )}
        {state.step === 'stopped' && (
          <>
            <Button onClick={closeDialog}>{t('delete.close')}</Button>
            <Button variant="contained" color="error" onClick={() => void flow.resume()} autoFocus>
              {t('delete.resume')}
            </Button>
          </>
        )}
        {(state.step === 'done' || state.step === 'gone') && (
          <Button variant="contained" onClick={closeDialog} autoFocus>
            {t('delete.close')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
