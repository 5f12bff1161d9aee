// Above the grid: what is checked ("3 selected", or "All 120 keys matching the filters are
// selected"), the offer to widen a whole checked page to every key matching the filters, the
// shortcut "Select all expired", and "Delete selected…". The checks themselves are the grid's.
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ApiKey } from '@shared/api-types';
import type { ApiKeyQuery } from '@shared/ipc-contract';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { selectedCount, useBulkDeleteStore } from '@renderer/features/api-keys/stores/bulk-delete-store';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatNumber } from '@renderer/lib/formatting';

type Props = {
  locale: string;
  /** The page of keys on screen, how many match the filters, and the query that found them. */
  rows: readonly ApiKey[];
  rowCount: number;
  query: ApiKeyQuery;
  /** The grid's filters as they were chosen (what "all matching" stays bound to). */
  filtersKey: string;
  /** Shows the expired keys in the grid (the expiry banner's view). */
  onShowExpired(): void;
};

/** The query's filters, without its page and sort: what "all matching" means. */
export function filtersOf(query: ApiKeyQuery): ApiKeyQuery {
  const { page: _page, pageSize: _size, sortField: _field, sortDirection: _direction, refresh: _refresh, ...filters } = query;
  return filters;
}

export function BulkSelectionBar({ locale, rows, rowCount, query, filtersKey, onShowExpired }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const { picked, matching, selectMatching, selectExpired, expiredNote, clear, openDelete } = useBulkDeleteStore(
    useShallow((state) => ({
      picked: state.picked,
      matching: state.matching,
      selectMatching: state.selectMatching,
      selectExpired: state.selectExpired,
      expiredNote: state.expiredNote,
      clear: state.clear,
      openDelete: state.openDelete,
    })),
  );
  const note = expiredNote === null ? null : expiredNote.kind === 'none-expired' ? t('bulk.noExpired') : errorMessage(expiredNote.error);
  const count = selectedCount({ picked, matching });
  const wholePage = rows.length > 0 && rows.every((row) => picked.has(row.id));
  const total = (value: number) => ({ total: formatNumber(value, locale) });

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', minHeight: 40, px: 1 }} role="region" aria-label={t('bulk.keysLabel')}>
      {count > 0 && (
        <Typography variant="body2" role="status" sx={{ fontWeight: 500 }}>
          {matching ? t(matching.reason === 'expired' ? 'bulk.allExpiredSelected' : 'bulk.allMatchingSelected', total(matching.total)) : t('bulk.selected', total(count))}
        </Typography>
      )}
      {matching === null && wholePage && rowCount > picked.size && (
        <Button size="small" onClick={() => selectMatching({ query: filtersOf(query), total: rowCount, reason: 'filters', filtersKey })}>
          {t('bulk.selectAllMatching', total(rowCount))}
        </Button>
      )}
      {count > 0 && (
        <>
          <Button size="small" variant="contained" color="error" onClick={openDelete}>
            {t('bulk.deleteSelected')}
          </Button>
          <Button size="small" onClick={clear}>
            {t('bulk.clear')}
          </Button>
        </>
      )}
      {count === 0 && (
        <Button size="small" onClick={() => void selectExpired(onShowExpired)}>
          {t('bulk.selectExpired')}
        </Button>
      )}
      {note !== null && count === 0 && (
        <Typography variant="body2" color="text.secondary" role="status">
          {note}
        </Typography>
      )}
    </Stack>
  );
}
