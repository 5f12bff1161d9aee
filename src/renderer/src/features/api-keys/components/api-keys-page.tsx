// The keys page: the grid with its toolbar, the feature's dialogs (one at a time, from
// the store), keyboard shortcuts and the app menu's commands.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import type { SessionInfo } from '@shared/session';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenBoundary } from '@renderer/components/screen-boundary';
import { useMenuCommand } from '@renderer/lib/menu-commands';
import { useExportApiKeys, type Notice } from '@renderer/features/api-keys/hooks/use-export-api-keys';
import { usePageShortcuts } from '@renderer/features/api-keys/hooks/use-page-shortcuts';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { CreateApiKeyDialog } from '@renderer/features/api-keys/components/create/create-api-key-dialog';
import { DeleteApiKeyDialog } from '@renderer/features/api-keys/components/delete/delete-api-key-dialog';
import { ApiKeysGrid } from '@renderer/features/api-keys/components/grid/api-keys-grid';
import { LoadErrorAlert } from '@renderer/features/api-keys/components/grid/load-error-alert';
import { QUICK_SEARCH_ID, ToolbarActionsContext, type ToolbarActions } from '@renderer/features/api-keys/components/grid/api-keys-toolbar';
import { ApiKeyInformationDialog } from '@renderer/features/api-keys/components/information/api-key-information-dialog';
import { KeyChangeDialogs } from '@renderer/features/api-keys/components/rotate/key-change-dialogs';

/** `banner`: what the app shows above the grid (the expiry watch's counts). */
export function ApiKeysPage({ session, banner }: { session: SessionInfo; banner?: React.ReactNode }): React.JSX.Element {
  const { t, i18n } = useTranslation('apiKeys');
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const dialog = useApiKeysStore((state) => state.dialog);
  const openDialog = useApiKeysStore((state) => state.openDialog);
  const closeDialog = useApiKeysStore((state) => state.closeDialog);
  const { t: tc } = useTranslation();
  const load = useApiKeysStore((state) => state.load);
  const reset = useApiKeysStore((state) => state.reset);
  const [notice, setNotice] = useState<Notice | null>(null);
  const exporter = useExportApiKeys(session.organization.name, locale, setNotice);

  // Focus lands on the page's heading once connected, rather than falling back to the body:
  // a screen reader says where the user is, and Tab goes on into the toolbar.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [session.organization.id]);

  // Another organization (or connection) is another list: start over.
  useEffect(() => {
    reset();
    void load();
    return reset;
  }, [session.connectionId, session.organization.id, reset, load]);

  const actions = useMemo<ToolbarActions>(
    () => ({
      onCreate: () => openDialog({ kind: 'create' }),
      onRefresh: () => void load(),
      onExport: exporter.run,
      exporting: exporter.progress,
    }),
    [openDialog, load, exporter.run, exporter.progress],
  );

  usePageShortcuts({
    enabled: dialog.kind === 'none',
    onNew: actions.onCreate,
    onRefresh: actions.onRefresh,
    onSearch: () => {
      const input = document.getElementById(QUICK_SEARCH_ID);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
    },
  });
  useMenuCommand('new-api-key', () => {
    if (useApiKeysStore.getState().dialog.kind === 'none') actions.onCreate();
  });
  useMenuCommand('refresh', actions.onRefresh);

  return (
    <Box
      component="main"
      aria-labelledby="api-keys-heading"
      // Fills the window below the app bar and no more (a zero basis keeps the rows from
      // stretching the page), so that the grid scrolls and virtualizes its own rows.
      sx={{ flex: '1 1 0px', minHeight: 400, display: 'flex', flexDirection: 'column', p: { xs: 1, sm: 2 }, gap: 1.5 }}
    >
      <Typography id="api-keys-heading" ref={heading} tabIndex={-1} variant="h5" component="h1" sx={{ outline: 'none' }}>
        {t('page.title')}
      </Typography>
      {banner}
      <ToolbarActionsContext.Provider value={actions}>
        <LoadErrorAlert />
        <Paper variant="outlined" sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
          <ApiKeysGrid locale={locale} />
        </Paper>
      </ToolbarActionsContext.Provider>

      {/* A dialog that fails says so in a dialog of its own; the grid behind it stays. */}
      {dialog.kind !== 'none' && (
        <ScreenBoundary key={dialog.kind} area={`the ${dialog.kind} dialog`} variant="dialog" ways={[{ label: tc('screenProblem.backToKeys'), onSelect: closeDialog }]}>
          {dialog.kind === 'create' && (
            <CreateApiKeyDialog locale={locale} onCreated={(title) => setNotice({ severity: 'success', text: t('create.created', { title }) })} />
          )}
          {dialog.kind === 'information' && <ApiKeyInformationDialog key={dialog.apiKey.id} apiKey={dialog.apiKey} locale={locale} />}
          {dialog.kind === 'delete' && <DeleteApiKeyDialog key={dialog.apiKey.id} apiKey={dialog.apiKey} locale={locale} />}
        </ScreenBoundary>
      )}

      <KeyChangeDialogs locale={locale} canEdit={session.capabilities.apiKeyEdit} />

      <Snackbar
        open={notice !== null}
        autoHideDuration={6000}
        onClose={(_event, reason) => reason !== 'clickaway' && setNotice(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      >
        {notice ? (
          <Alert severity={notice.severity} variant="filled" onClose={() => setNotice(null)}>
            {notice.text}
          </Alert>
        ) : undefined}
      </Snackbar>
    </Box>
  );
}
