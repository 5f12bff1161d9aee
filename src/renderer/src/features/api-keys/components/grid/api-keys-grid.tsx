// The keys DataGrid, in server mode: pages, sort and filters go to the service, so an
// organization with 100,000 keys costs one page of at most 100 rows at a time.
import { DataGrid, type GridCellParams, type GridRowSelectionModel } from '@mui/x-data-grid';
import type { ApiKey } from '@shared/api-types';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { PAGE_SIZE_OPTIONS } from '@renderer/features/api-keys/lib/grid-query';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { ApiKeysToolbar } from '@renderer/features/api-keys/components/grid/api-keys-toolbar';
import { NoRowsOverlay } from '@renderer/features/api-keys/components/grid/no-rows-overlay';
import { ROW_ACTIONS_CLASS } from '@renderer/features/api-keys/components/grid/row-actions-cell';
import { useApiKeyColumns } from '@renderer/features/api-keys/hooks/use-api-key-columns';

// jsdom measures every element as 0×0, which would leave a virtualized grid empty.
const DISABLE_VIRTUALIZATION = import.meta.env.MODE === 'test';

const EMPTY_SELECTION: GridRowSelectionModel = { type: 'include', ids: new Set() };

// Props that never change live outside the component: a new object on every render would
// make the grid (and Emotion) redo their work on every page of rows.
const SLOTS = { toolbar: ApiKeysToolbar, noRowsOverlay: NoRowsOverlay };
const PAGE_SIZES = [...PAGE_SIZE_OPTIONS];
const SORTING_ORDER = ['asc', 'desc'] as const;
const FIRST_LOAD_SLOT_PROPS = { loadingOverlay: { variant: 'skeleton', noRowsVariant: 'skeleton' } } as const;
const LATER_LOAD_SLOT_PROPS = { loadingOverlay: { variant: 'linear-progress', noRowsVariant: 'skeleton' } } as const;
/** "Last used" starts hidden: the seven columns admins know first, the rest in the Columns panel. */
const INITIAL_STATE = { columns: { columnVisibilityModel: { lastUsedDate: false } } };
const GRID_SX = {
  border: 0,
  [`& .${ROW_ACTIONS_CLASS}`]: { opacity: 0 },
  [`& .MuiDataGrid-row:hover .${ROW_ACTIONS_CLASS}, & .MuiDataGrid-cell:focus-within .${ROW_ACTIONS_CLASS}, & .${ROW_ACTIONS_CLASS}:focus-visible, & .${ROW_ACTIONS_CLASS}[aria-expanded="true"]`]:
    { opacity: 1 },
  // Touch screens have no hover: always show the button there.
  '@media (hover: none)': { [`& .${ROW_ACTIONS_CLASS}`]: { opacity: 1 } },
} as const;

/** Delete on a focused row opens the guided delete. */
const onCellKeyDown = (params: GridCellParams<ApiKey>, event: React.KeyboardEvent): void => {
  if (event.key !== 'Delete' || !params.row) return;
  event.preventDefault();
  useApiKeysStore.getState().openDialog({ kind: 'delete', apiKey: params.row });
};

export function ApiKeysGrid({ locale }: { locale: string }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  // Only what the grid shows: an open dialog must not re-render a page of rows.
  const state = useApiKeysStore(
    useShallow((store) => ({
      rows: store.rows,
      rowCount: store.rowCount,
      loading: store.loading,
      loaded: store.loaded,
      highlightedId: store.highlightedId,
      paginationModel: store.paginationModel,
      sortModel: store.sortModel,
      filterModel: store.filterModel,
      setPaginationModel: store.setPaginationModel,
      setSortModel: store.setSortModel,
      setFilterModel: store.setFilterModel,
    })),
  );
  const columns = useApiKeyColumns(locale);
  const selection = useMemo<GridRowSelectionModel>(
    () => (state.highlightedId === null ? EMPTY_SELECTION : { type: 'include', ids: new Set([state.highlightedId]) }),
    [state.highlightedId],
  );

  return (
    <DataGrid
      label={t('page.title')}
      initialState={INITIAL_STATE}
      rows={state.rows}
      columns={columns}
      rowCount={state.rowCount}
      loading={state.loading}
      paginationMode="server"
      sortingMode="server"
      filterMode="server"
      paginationModel={state.paginationModel}
      onPaginationModelChange={state.setPaginationModel}
      pageSizeOptions={PAGE_SIZES}
      sortModel={state.sortModel}
      onSortModelChange={state.setSortModel}
      sortingOrder={SORTING_ORDER}
      filterModel={state.filterModel}
      onFilterModelChange={state.setFilterModel}
      rowSelectionModel={selection}
      disableRowSelectionOnClick
      // The selection only marks the key just created; it is not a choice the user makes.
      hideFooterSelectedRowCount
      disableVirtualization={DISABLE_VIRTUALIZATION}
      showToolbar
      slots={SLOTS}
      slotProps={state.loaded ? LATER_LOAD_SLOT_PROPS : FIRST_LOAD_SLOT_PROPS}
      onCellKeyDown={onCellKeyDown}
      sx={GRID_SX}
    />
  );
}
