// A failed load, said above the grid with "Retry": the rows of the last good load stay
// below it (an outage or an ended session wipes nothing), and the alert says from when
// they are, and whether they still answer the page, sort and filters on screen. It stands
// above the grid, not in its overlay: inside the grid (role=grid) an alert is a child ARIA
// does not allow, and screen readers may not announce it there.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { errorMessage } from '@renderer/i18n/error-message';
import { queryKey, useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';

const time = (at: number, locale: string): string => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(at));

export function OutageAlert({ locale, onRetry }: { locale: string; onRetry: () => void }): React.JSX.Element | null {
  const { t } = useTranslation('apiKeys');
  const { loadError, loadedAt, shownQuery, current } = useApiKeysStore(
    useShallow((state) => ({ loadError: state.loadError, loadedAt: state.loadedAt, shownQuery: state.shown && queryKey(state.shown), current: queryKey(state) })),
  );
  if (loadError === null) return null;
  const stale = shownQuery !== null;
  return (
    <Alert
      severity={stale ? 'warning' : 'error'}
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          {t('page.retry')}
        </Button>
      }
    >
      <AlertTitle>{stale ? t('page.refreshFailed') : t('page.loadFailed')}</AlertTitle>
      {errorMessage(loadError)}{' '}
      {stale && (shownQuery === current ? t('page.staleRows', { time: time(loadedAt, locale) }) : t('page.staleRowsOtherQuery', { time: time(loadedAt, locale) }))}
    </Alert>
  );
}
