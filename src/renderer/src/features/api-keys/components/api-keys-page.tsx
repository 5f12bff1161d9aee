// The keys page: the grid with its toolbar and filter bar, the feature's dialogs (one at a
// time, from the store), the row menu and filter editor, keyboard shortcuts and the app
// menu's commands. The admin's grid layout is read before the first keys are asked for.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import type { SessionInfo } from '@shared/session';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenBoundary } from '@renderer/components/screen-boundary';
import { errorMessage } from '@renderer/i18n/error-message';
import { useMenuCommand } from '@renderer/lib/menu-commands';
import { useExportApiKeys, type Notice } from '@renderer/features/api-keys/hooks/use-export-api-keys';
import { usePageShortcuts } from '@renderer/features/api-keys/hooks/use-page-shortcuts';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { CreateApiKeyDialog } from '@renderer/features/api-keys/components/create/create-api-key-dialog';
import { DeleteApiKeyDialog } from '@renderer/features/api-keys/components/delete/delete-api-key-dialog';
import { ApiKeysGrid } from '@renderer/features/api-keys/components/grid/api-keys-grid';
import { OutageAlert } from '@renderer/features/api-keys/components/grid/outage-alert';
import { RowMenu } from '@renderer/features/api-keys/components/grid/row-menu';
import { SEARCH_BOX_ID } from '@renderer/features/api-keys/components/grid/search-box';
import { FilterEditor } from '@renderer/features/api-keys/components/filters/filter-editor';
import { SaveViewDialog } from '@renderer/features/api-keys/components/filters/save-view-dialog';
import { BulkActions } from '@renderer/features/api-keys/components/bulk/bulk-actions';
import { useBulkDeleteStore } from '@renderer/features/api-keys/stores/bulk-delete-store';
import { showExpiredKeys } from '@renderer/features/api-keys/stores/expiry-views';
import { ApiKeyInformationDialog } from '@renderer/features/api-keys/components/information/api-key-information-dialog';
import { KeyChangeDialogs } from '@renderer/features/api-keys/components/rotate/key-change-dialogs';
import { ShortcutsDialog } from '@renderer/features/api-keys/components/shortcuts-dialog';
import { shortcutKeys } from '@renderer/features/api-keys/lib/shortcut-keys';
import { useFilterEditorStore } from '@renderer/features/api-keys/stores/filter-editor-store';
import { useGridSettingsStore } from '@renderer/features/api-keys/stores/grid-settings-store';
import { useRowMenuStore } from '@renderer/features/api-keys/stores/row-menu-store';

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
  const [aside, setAside] = useState<'none' | 'shortcuts' | 'save-view'>('none');
  const exporter = useExportApiKeys(session.organization.name, locale, setNotice);
  const saveError = useGridSettingsStore((state) => state.saveError);

  // Focus lands on the page's heading once connected, rather than falling back to the body:
  // a screen reader says where the user is, and Tab goes on into the toolbar.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [session.organization.id]);

  // Another organization (or connection) is another list: start over, with the admin's
  // page size and sort, and keys read afresh.
  useEffect(() => {
    let current = true;
    reset();
    void useGridSettingsStore
      .getState()
      .load()
      .then(() => {
        if (!current) return;
        const { layout } = useGridSettingsStore.getState();
        reset({ pageSize: layout.pageSize, sort: layout.sort });
        void load({ refresh: true });
      });
    return () => {
      current = false;
      reset();
      // A menu or editor of the keys left must not stay open over the next page.
      useRowMenuStore.getState().close();
      useFilterEditorStore.getState().close();
    };
  }, [session.connectionId, session.organization.id, reset, load]);

  const actions = useMemo(
    () => ({
      onCreate: () => openDialog({ kind: 'create' }),
      // Refresh is for changes made elsewhere: the expiry banner counts again too.
      onRefresh: () => void load({ refresh: true, changed: true }),
      onExport: exporter.run,
      exporting: exporter.progress,
      onShortcuts: () => setAside('shortcuts'),
      onSaveView: () => setAside('save-view'),
      keys: shortcutKeys(),
    }),
    [openDialog, load, exporter.run, exporter.progress],
  );

  usePageShortcuts({
    enabled: dialog.kind === 'none' && aside === 'none',
    onNew: actions.onCreate,
    onRefresh: actions.onRefresh,
    onHelp: actions.onShortcuts,
    onSelectExpired: () => {
      const bulk = useBulkDeleteStore.getState();
      if (bulk.flow === null) void bulk.selectExpired(showExpiredKeys);
    },
    onSearch: () => {
      const input = document.getElementById(SEARCH_BOX_ID);
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
      <OutageAlert locale={locale} onRetry={actions.onRefresh} />
      <BulkActions locale={locale} session={session} />
      <Paper variant="outlined" sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
        <ApiKeysGrid locale={locale} actions={actions} />
      </Paper>
      <FilterEditor />
      <RowMenu onCopied={(what) => setNotice({ severity: 'success', text: t(what === 'id' ? 'rowActions.idCopied' : 'rowActions.titleCopied') })} />
      {aside === 'shortcuts' && <ShortcutsDialog onClose={() => setAside('none')} />}
      {aside === 'save-view' && (
        <SaveViewDialog
          onClose={(saved) => {
            setAside('none');
            if (saved !== null) setNotice({ severity: 'success', text: t('views.saved', { name: saved }) });
          }}
        />
      )}

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
        open={notice !== null || saveError !== null}
        autoHideDuration={6000}
        onClose={(_event, reason) => reason !== 'clickaway' && setNotice(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      >
        {notice ? (
          <Alert severity={notice.severity} variant="filled" onClose={() => setNotice(null)}>
            {notice.text}
          </Alert>
        ) : saveError ? (
          <Alert severity="error" variant="filled" onClose={() => useGridSettingsStore.getState().dismissSaveError()}>
            {errorMessage(saveError)}
          </Alert>
        ) : undefined}
      </Snackbar>
    </Box>
  );
}
