// The guided delete: 1. confirm ("Delete API key TITLE?"), 2. what the key owns and what
// happens to it, 3. progress, then the result. A key deleted meanwhile by someone else
// ends the dialog with a plain message; every ending refreshes the grid.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ApiKey, DeleteApiKeyResult, OwnedResources } from '@shared/api-types';
import { AppError } from '@shared/errors';
import type { IpcRequest } from '@shared/ipc-contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/lib/keydesk-client';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatNumber } from '@renderer/features/api-keys/lib/formatting';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { DeleteResultView } from '@renderer/features/api-keys/components/delete/delete-result-view';
import { OwnedResourcesList } from '@renderer/features/api-keys/components/delete/owned-resources-list';
import { isChoiceComplete, ResourcesChoiceForm, type EditorsState, type ResourcesChoice } from '@renderer/features/api-keys/components/delete/resources-choice';

type Step =
  | { kind: 'confirm' }
  | { kind: 'loading' }
  | { kind: 'load-failed'; message: string }
  | { kind: 'resources'; resources: OwnedResources; error: string | null }
  | { kind: 'running'; resources: OwnedResources }
  | { kind: 'done'; result: DeleteApiKeyResult }
  | { kind: 'gone' };

const ownsNothing = (resources: OwnedResources): boolean => resources.dataSources.length === 0 && resources.projects.length === 0;
const isNotFound = (error: unknown): boolean => error instanceof AppError && error.code === 'NOT_FOUND';

type Props = { apiKey: ApiKey; locale: string };

export function DeleteApiKeyDialog({ apiKey, locale }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  const closeDialog = useApiKeysStore((state) => state.closeDialog);
  const load = useApiKeysStore((state) => state.load);
  const [step, setStep] = useState<Step>({ kind: 'confirm' });
  const [choice, setChoice] = useState<ResourcesChoice>({ kind: 'none' });
  const [editors, setEditors] = useState<EditorsState>({ status: 'loading' });

  const loadEditors = async (): Promise<void> => {
    setEditors({ status: 'loading' });
    try {
      setEditors({ status: 'ready', members: await call('listEditorMembers') });
    } catch (error) {
      setEditors({ status: 'failed', message: errorMessage(error) });
    }
  };

  const loadResources = async (): Promise<void> => {
    setStep({ kind: 'loading' });
    try {
      const resources = await call('getOwnedResources', { id: apiKey.id });
      setStep({ kind: 'resources', resources, error: null });
      if (!ownsNothing(resources)) void loadEditors();
    } catch (error) {
      if (isNotFound(error)) {
        setStep({ kind: 'gone' });
        void load();
      } else {
        setStep({ kind: 'load-failed', message: errorMessage(error) });
      }
    }
  };

  const runDelete = async (resources: OwnedResources): Promise<void> => {
    let request: IpcRequest<'deleteApiKey'> = { id: apiKey.id, resources: { kind: 'nothing-owned' } };
    if (choice.kind === 'transfer' && choice.member) request = { id: apiKey.id, resources: { kind: 'transfer', to: choice.member.id } };
    else if (choice.kind === 'delete-resources') request = { id: apiKey.id, resources: { kind: 'delete-with-key' } };
    setStep({ kind: 'running', resources });
    try {
      const result = await call('deleteApiKey', request);
      setStep({ kind: 'done', result });
    } catch (error) {
      if (!isNotFound(error)) {
        setStep({ kind: 'resources', resources, error: t('delete.failed', { message: errorMessage(error) }) });
        return;
      }
      setStep({ kind: 'gone' });
    }
    void load();
  };

  const running = step.kind === 'running' || step.kind === 'loading';
  const canDelete =
    step.kind === 'resources' && (ownsNothing(step.resources) || isChoiceComplete(choice, apiKey.title));

  return (
    <Dialog
      open
      fullWidth
      maxWidth={step.kind === 'resources' && !ownsNothing(step.resources) ? 'md' : 'sm'}
      aria-labelledby={titleId}
      onClose={() => {
        if (!running) closeDialog();
      }}
    >
      <DialogTitle id={titleId}>
        {step.kind === 'done' ? t('delete.doneTitle') : t('delete.title', { title: apiKey.title })}
      </DialogTitle>
      <DialogContent>
        {step.kind === 'confirm' && <Alert severity="warning">{t('delete.warning')}</Alert>}
        {step.kind === 'loading' && (
          <Stack spacing={1.5} role="status">
            <DialogContentText>{t('delete.loadingResources')}</DialogContentText>
            <LinearProgress aria-label={t('delete.loadingResources')} />
          </Stack>
        )}
        {step.kind === 'load-failed' && (
          <Alert severity="error">
            <strong>{t('delete.resourcesFailed')}</strong> {step.message}
          </Alert>
        )}
        {step.kind === 'resources' && (
          <Stack spacing={2}>
            {ownsNothing(step.resources) ? (
              <DialogContentText>{t('delete.noResources')}</DialogContentText>
            ) : (
              <>
                <DialogContentText>{t('delete.ownsResources')}</DialogContentText>
                <OwnedResourcesList dataSources={step.resources.dataSources} projects={step.resources.projects} />
                <ResourcesChoiceForm
                  keyTitle={apiKey.title}
                  resources={step.resources}
                  editors={editors}
                  choice={choice}
                  disabled={false}
                  onChoiceChange={setChoice}
                />
              </>
            )}
            {step.resources.aclEntryCount > 0 && (
              <Typography variant="body2" color="text.secondary">
                {t('delete.aclEntries', { total: formatNumber(step.resources.aclEntryCount, locale) })}
              </Typography>
            )}
            {step.error !== null && <Alert severity="error">{step.error}</Alert>}
          </Stack>
        )}
        {step.kind === 'running' && (
          <Stack spacing={1.5} role="status">
            <DialogContentText>{t('delete.deleting')}</DialogContentText>
            <LinearProgress aria-label={t('delete.deleting')} />
          </Stack>
        )}
        {step.kind === 'done' && <DeleteResultView keyTitle={apiKey.title} result={step.result} locale={locale} />}
        {step.kind === 'gone' && <Alert severity="info">{t('delete.notFound')}</Alert>}
      </DialogContent>
      <DialogActions>
        {step.kind === 'confirm' && (
          <>
            <Button onClick={closeDialog} autoFocus>
              {t('delete.cancel')}
            </Button>
            <Button variant="contained" color="error" onClick={() => void loadResources()}>
              {t('delete.ok')}
            </Button>
          </>
        )}
        {step.kind === 'load-failed' && (
          <>
            <Button onClick={closeDialog}>{t('delete.cancel')}</Button>
            <Button variant="contained" onClick={() => void loadResources()}>
              {t('delete.retry')}
            </Button>
          </>
        )}
        {(step.kind === 'resources' || step.kind === 'running' || step.kind === 'loading') && (
          <>
            <Button onClick={closeDialog} disabled={running}>
              {t('delete.cancel')}
            </Button>
            <Button
              variant="contained"
              color="error"
              disabled={!canDelete}
              onClick={() => step.kind === 'resources' && void runDelete(step.resources)}
            >
              {t('delete.delete')}
            </Button>
          </>
        )}
        {(step.kind === 'done' || step.kind === 'gone') && (
          <Button variant="contained" onClick={closeDialog} autoFocus>
            {t('delete.close')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
