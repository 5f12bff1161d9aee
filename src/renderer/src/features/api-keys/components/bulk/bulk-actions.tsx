// Everything the keys page shows of the bulk actions, in one place above the grid: the notice
// of a bulk delete still running or left unfinished, the selection bar, and the "Delete
// selected…" dialog. It reads the grid's page of keys, their count and query from the page's
// store; the grid's checkboxes are hooks/use-bulk-selection.ts.
import type { SessionInfo } from '@shared/session';
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_SORT, MAX_PAGE_SIZE, toApiKeyQuery, type GridQuery } from '@renderer/features/api-keys/lib/grid-query';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { showExpiredKeys } from '@renderer/features/api-keys/stores/expiry-views';
import { BulkDeleteDialog } from '@renderer/features/api-keys/components/bulk/bulk-delete-dialog';
import { BulkDeleteNotice } from '@renderer/features/api-keys/components/bulk/bulk-delete-notice';
import { BulkSelectionBar } from '@renderer/features/api-keys/components/bulk/bulk-selection-bar';
import { onBulkDeleted, useBulkDeleteStore } from '@renderer/features/api-keys/stores/bulk-delete-store';

export function BulkActions({ locale, session }: { locale: string; session: SessionInfo }): React.JSX.Element {
  const flow = useBulkDeleteStore((state) => state.flow);
  const grid = useApiKeysStore(
    useShallow((state) => ({ rows: state.rows, rowCount: state.rowCount, load: state.load, shown: state.shown, asked: state.filters, loadedAt: state.loadedAt })),
  );
  // The query of the rows on screen, as it was evaluated (relative dates at the time of the load).
  const onScreen = useMemo<GridQuery>(() => grid.shown ?? { page: 0, pageSize: MAX_PAGE_SIZE, sort: DEFAULT_SORT, filters: grid.asked }, [grid.shown, grid.asked]);
  const query = useMemo(() => toApiKeyQuery(onScreen, grid.loadedAt), [onScreen, grid.loadedAt]);
  const organizationKey = `${session.connectionId} ${session.organization.id}`;
  const reload = grid.load;
  useEffect(() => onBulkDeleted(() => void reload({ changed: true })), [reload]);
  // Another organization: nothing selected, and its own unfinished bulk delete (if any) offered.
  useEffect(() => {
    const store = useBulkDeleteStore.getState();
    store.reset();
    void store.check();
    return store.reset;
  }, [organizationKey]);
  // "All N matching the filters" means these filters: other filters, another selection.
  const filtersKey = JSON.stringify(onScreen.filters);
  useEffect(() => {
    const { matching, clear } = useBulkDeleteStore.getState();
    if (matching?.reason === 'filters' && matching.filtersKey !== filtersKey) clear();
  }, [filtersKey]);
  return (
    <>
      <BulkDeleteNotice locale={locale} />
      <BulkSelectionBar locale={locale} rows={grid.rows} rowCount={grid.rowCount} query={query} filtersKey={filtersKey} onShowExpired={showExpiredKeys} />
      {flow && <BulkDeleteDialog flow={flow} locale={locale} />}
    </>
  );
}
