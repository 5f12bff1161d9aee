// Above the grid, while the dialog is hidden: a bulk delete still running, or one left
// unfinished (a failure, a closed window, a crash: found at the next start), with "Show",
// which opens its progress or results and, for a stopped one, Resume.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useBulkDeleteStore } from '@renderer/features/api-keys/stores/bulk-delete-store';
import { formatNumber } from '@renderer/lib/formatting';

/** How often a run going on behind the hidden dialog is read again. */
const RUNNING_POLL_MS = 2000;

export function BulkDeleteNotice({ locale }: { locale: string }): React.JSX.Element | null {
  const { t } = useTranslation('apiKeys');
  const { unfinished, dialogOpen, check, showPlan } = useBulkDeleteStore(
    useShallow((state) => ({ unfinished: state.unfinished, dialogOpen: state.flow !== null, check: state.check, showPlan: state.showPlan })),
  );
  const running = unfinished?.running ?? false;
  useEffect(() => {
    if (!running || dialogOpen) return;
    const timer = setInterval(() => void check(), RUNNING_POLL_MS);
    return () => clearInterval(timer);
  }, [running, dialogOpen, check]);

  if (unfinished === null || dialogOpen) return null;
  const { counts, plan } = unfinished;
  const values = {
    total: formatNumber(plan.keys.length, locale),
    done: formatNumber(counts.deleted + counts.gone + counts.failed + counts.cancelled, locale),
    left: formatNumber(counts.pending + counts.deleting + counts.failed, locale),
  };
  return (
    <Alert
      severity={running ? 'info' : 'warning'}
      action={
        <Button color="inherit" size="small" onClick={() => showPlan(unfinished)}>
          {t('bulk.show')}
        </Button>
      }
    >
      {t(running ? 'bulk.noticeRunning' : 'bulk.noticeStopped', values)}
    </Alert>
  );
}
