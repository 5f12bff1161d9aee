// The Activity view: what KeyDesk changed in this organization (or all of them), newest
// first, with filters, each entry in full, and a CSV export of every match.
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import Refresh from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SessionInfo } from '@shared/session';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityEntryDialog } from '@renderer/features/activity/components/activity-entry-dialog';
import { ActivityFiltersBar } from '@renderer/features/activity/components/activity-filters-bar';
import { ActivityGrid } from '@renderer/features/activity/components/activity-grid';
import { LogHealthAlerts } from '@renderer/features/activity/components/log-health-alerts';
import { useExportActivity, type Notice } from '@renderer/features/activity/hooks/use-export-activity';
import { isFiltered } from '@renderer/features/activity/lib/activity-filters';
import { useActivityStore } from '@renderer/features/activity/stores/activity-store';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatNumber } from '@renderer/lib/formatting';
import { ScreenBoundary } from '@renderer/components/screen-boundary';
import { useMenuCommand } from '@renderer/lib/menu-commands';

function NoEntries({ filtered }: { filtered: boolean }): React.JSX.Element {
  const { t } = useTranslation('activity');
  return (
    <Stack sx={{ height: '100%', alignItems: 'center', justifyContent: 'center', gap: 1, p: 3 }}>
      {filtered ? (
        <Typography color="text.secondary">{t('page.noMatch')}</Typography>
      ) : (
        <>
          <HistoryOutlined sx={{ fontSize: 48, color: 'text.disabled' }} />
          <Typography variant="h6" component="p">
            {t('page.empty')}
          </Typography>
          <Typography color="text.secondary">{t('page.emptyHint')}</Typography>
        </>
      )}
    </Stack>
  );
}

export function ActivityPage({ session }: { session: SessionInfo }): React.JSX.Element {
  const { t, i18n } = useTranslation('activity');
  const { t: tc } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const filters = useActivityStore((state) => state.filters);
  const load = useActivityStore((state) => state.load);
  const selected = useActivityStore((state) => state.selected);
  const enter = useActivityStore((state) => state.enter);
  const refresh = useActivityStore((state) => state.refresh);
  const setFilters = useActivityStore((state) => state.setFilters);
  const clearFilters = useActivityStore((state) => state.clearFilters);
  const select = useActivityStore((state) => state.select);
  const allMatching = useActivityStore((state) => state.allMatching);
  const [notice, setNotice] = useState<Notice | null>(null);
  const exporter = useExportActivity({ organizationName: session.organization.name, locale, allMatching, notify: setNotice });

  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  // Shown again, or for another organization: read the log (filters kept for the same one).
  useEffect(() => {
    void enter(`${session.connectionId} ${session.organization.id}`);
  }, [enter, session.connectionId, session.organization.id]);
  useMenuCommand('refresh', () => void refresh());

  const page = load.status === 'idle' ? null : load.page;
  const entries = page?.entries ?? [];

  return (
    <Box
      component="main"
      aria-labelledby="activity-heading"
      sx={{ flex: '1 1 0px', minHeight: 400, display: 'flex', flexDirection: 'column', p: { xs: 1, sm: 2 }, gap: 1.5 }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography id="activity-heading" ref={heading} tabIndex={-1} variant="h5" component="h1" sx={{ outline: 'none' }}>
            {t('page.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('page.description')}
          </Typography>
        </Box>
        <Button startIcon={<Refresh />} onClick={() => void refresh()} disabled={load.status === 'loading'}>
          {t('page.refresh')}
        </Button>
        <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={exporter.run} disabled={exporter.exporting || entries.length === 0}>
          {exporter.exporting ? t('page.exporting') : t('page.export')}
        </Button>
      </Stack>
      <ActivityFiltersBar filters={filters} onChange={(patch) => void setFilters(patch)} onClear={() => void clearFilters()} />
      {load.status === 'failed' && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void refresh()}>
              {t('page.retry')}
            </Button>
          }
        >
          {t('page.loadFailed', { message: errorMessage(load.error) })}
        </Alert>
      )}
      {page && <LogHealthAlerts page={page} locale={locale} />}
      {page && page.matching > page.entries.length && (
        <Alert severity="info">{t('page.truncated', { shown: formatNumber(page.entries.length, locale), total: formatNumber(page.matching, locale) })}</Alert>
      )}
      <Paper variant="outlined" sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
        <ActivityGrid
          entries={entries}
          loading={load.status === 'loading' || load.status === 'idle'}
          locale={locale}
          showOrganization={filters.scope === 'all'}
          noRows={<NoEntries filtered={isFiltered(filters)} />}
          onOpen={select}
        />
      </Paper>
      {selected && (
        <ScreenBoundary key={selected.id} area="the activity entry dialog" variant="dialog" ways={[{ label: tc('actions.close'), onSelect: () => select(null) }]}>
          <ActivityEntryDialog entry={selected} locale={locale} onClose={() => select(null)} />
        </ScreenBoundary>
      )}
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
