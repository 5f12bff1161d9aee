// The keys DataGrid, in server mode: pages, sort and the filter bar go to the service, so
// an organization with 100,000 keys costs one page of at most 100 rows at a time. Its
// layout (hidden columns, widths, density, page size, sort) is the admin's, kept in the
// settings; in a narrow window the least needed columns give way (lib/responsive-columns).
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { DataGrid, type GridCellParams, type GridColumnVisibilityModel, type GridLocaleText, type GridRowId } from '@mui/x-data-grid';
import { API_KEY_SORT_FIELDS, type ApiKey } from '@shared/api-types';
import { GRID_COLUMNS, type GridColumn } from '@shared/grid-settings';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { PAGE_SIZE_OPTIONS } from '@renderer/features/api-keys/lib/grid-query';
import { columnsGivingWay } from '@renderer/features/api-keys/lib/responsive-columns';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { useGridSettingsStore } from '@renderer/features/api-keys/stores/grid-settings-store';
import { useRowMenuStore } from '@renderer/features/api-keys/stores/row-menu-store';
import { ACTIONS_WIDTH, columnWidths, useApiKeyColumns } from '@renderer/features/api-keys/hooks/use-api-key-columns';
import { useElementWidth } from '@renderer/features/api-keys/hooks/use-element-width';
import { useBulkSelection } from '@renderer/features/api-keys/hooks/use-bulk-selection';
import { ApiKeysToolbar, ToolbarActionsContext, type ToolbarActions } from '@renderer/features/api-keys/components/grid/api-keys-toolbar';
import { ColumnMenu } from '@renderer/features/api-keys/components/grid/column-menu';
import { GRID_CELL_SX, RowCheckbox } from '@renderer/features/api-keys/components/grid/grid-cells';
import { NoRowsOverlay } from '@renderer/features/api-keys/components/grid/no-rows-overlay';

// jsdom measures every element as 0×0, which would leave a virtualized grid empty.
const DISABLE_VIRTUALIZATION = import.meta.env.MODE === 'test';
/** The bulk actions' checkbox column (MUI's own width). */
const CHECKBOX_WIDTH = 50;
/** Room nothing else may take: the checkboxes, the row actions and a vertical scroll bar. */
const RESERVED_WIDTH = CHECKBOX_WIDTH + ACTIONS_WIDTH + 18;

const HIGHLIGHTED_CLASS = 'keydesk-highlighted';

// Props that never change live outside the component: a new object on every render would
// make the grid (and Emotion) redo their work on every page of rows.
const SLOTS = { rowCheckbox: RowCheckbox, toolbar: ApiKeysToolbar, noRowsOverlay: NoRowsOverlay, columnMenu: ColumnMenu };
const PAGE_SIZES = [...PAGE_SIZE_OPTIONS];
const SORTING_ORDER = ['asc', 'desc'] as const;

/** A right click on a row opens its actions where the pointer is. */
const onRowContextMenu = (event: React.MouseEvent<HTMLElement>): void => {
  const id = event.currentTarget.getAttribute('data-id');
  const apiKey = useApiKeysStore.getState().rows.find((row) => row.id === id);
  if (!apiKey) return;
  event.preventDefault();
  useRowMenuStore.getState().show(apiKey, { x: event.clientX, y: event.clientY });
};
const FIRST_LOAD_SLOT_PROPS = { loadingOverlay: { variant: 'skeleton', noRowsVariant: 'skeleton' }, row: { onContextMenu: onRowContextMenu } } as const;
const LATER_LOAD_SLOT_PROPS = { loadingOverlay: { variant: 'linear-progress', noRowsVariant: 'skeleton' }, row: { onContextMenu: onRowContextMenu } } as const;

/** On a focused row: Enter its information, Delete its guided delete, Shift+F10 or the menu key its actions. */
const onCellKeyDown = (params: GridCellParams<ApiKey>, event: React.KeyboardEvent): void => {
  if (!params.row || params.field === 'actions') return;
  const page = useApiKeysStore.getState();
  if (event.key === 'Enter') page.openDialog({ kind: 'information', apiKey: params.row });
  else if (event.key === 'Delete') page.openDialog({ kind: 'delete', apiKey: params.row });
  else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[role="gridcell"]');
    if (cell) useRowMenuStore.getState().show(params.row, { element: cell });
  } else return;
  event.preventDefault();
};

type GridThemeComponents = { MuiDataGrid?: { defaultProps?: { localeText?: Partial<GridLocaleText> } } };

type Props = { locale: string; actions: Omit<ToolbarActions, 'gaveWay' | 'locale'> };

export function ApiKeysGrid({ locale, actions }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  // Only what the grid shows: an open dialog must not re-render a page of rows. Each render
  // of the DataGrid re-renders every row and header (its props are their context), so the
  // page and sort are those of the rows on screen: a click on a header or "next page"
  // changes them with the rows, once the answer is there; nothing of the grid renders
  // before it.
  const state = useApiKeysStore(
    useShallow((store) => ({
      rows: store.rows,
      rowCount: store.rowCount,
      loading: store.loading,
      loaded: store.loaded,
      highlightedId: store.highlightedId,
      page: (store.shown ?? store).page,
      pageSize: (store.shown ?? store).pageSize,
      sort: (store.shown ?? store).sort,
      setPagination: store.setPagination,
      setSort: store.setSort,
    })),
  );
  // The parts of the layout the grid draws, one by one: the sort kept in it changes with
  // every click on a header, and must not be one more render of every row.
  const layout = useGridSettingsStore(
    useShallow(({ layout: { columnWidths, hiddenColumns, density, pageSize } }) => ({ columnWidths, hiddenColumns, density, pageSize })),
  );
  const changeLayout = useGridSettingsStore((store) => store.changeLayout);
  const columns = useApiKeyColumns(locale, layout.columnWidths);
  const container = useRef<HTMLDivElement>(null);
  const width = useElementWidth(container);
  const [kept, setKept] = useState<GridColumn[]>([]);
  const { columnWidths: chosenWidths, hiddenColumns } = layout;
  const gaveWay = useMemo(
    () => (width === null ? [] : columnsGivingWay(width, columnWidths({ columnWidths: chosenWidths }), hiddenColumns, RESERVED_WIDTH, kept)),
    [width, chosenWidths, hiddenColumns, kept],
  );
  const visibility = useMemo<GridColumnVisibilityModel>(
    () => Object.fromEntries(GRID_COLUMNS.map((column) => [column, !hiddenColumns.includes(column) && !gaveWay.includes(column)])),
    [hiddenColumns, gaveWay],
  );
  const paginationModel = useMemo(() => ({ page: state.page, pageSize: state.pageSize }), [state.page, state.pageSize]);
  const sortModel = useMemo(() => [{ field: state.sort.field, sort: state.sort.direction }], [state.sort]);
  const selection = useBulkSelection(state.rows);
  // The key just created is marked by its row's class, apart from the checkboxes (bulk actions).
  const rowClassName = useCallback((params: { id: GridRowId }) => (params.id === state.highlightedId ? HIGHLIGHTED_CLASS : ''), [state.highlightedId]);
  // The theme carries MUI X's own strings in the admin's language (app-theme.ts), but a
  // localeText prop replaces them whole: ours are laid over them, not instead of them (in
  // French, the checkboxes and the sort buttons were named in English).
  const themeLocale = (useTheme().components as GridThemeComponents | undefined)?.MuiDataGrid?.defaultProps?.localeText;
  const localeText = useMemo(
    () => ({ ...themeLocale, columnMenuSortAsc: t('grid.sortAscending'), columnMenuSortDesc: t('grid.sortDescending'), paginationRowsPerPage: t('grid.rowsPerPage') }),
    [themeLocale, t],
  );
  const toolbarActions = useMemo<ToolbarActions>(
    () => ({ ...actions, locale, gaveWay: gaveWay.map((column) => t(`columns.${column}`)) }),
    [actions, locale, gaveWay, t],
  );

  return (
    <ToolbarActionsContext.Provider value={toolbarActions}>
      <Box ref={container} sx={{ flex: 1, minHeight: 0, minWidth: 0, display: 'flex', flexDirection: 'column', [`& .${HIGHLIGHTED_CLASS}`]: { bgcolor: 'action.selected' } }}>
        <DataGrid
          label={t('page.title')}
          rows={state.rows}
          columns={columns}
          rowCount={state.rowCount}
          // Until the first answer, skeleton rows: never "No API keys yet" before the keys were asked for.
          loading={state.loading || !state.loaded}
          paginationMode="server"
          sortingMode="server"
          paginationModel={paginationModel}
          onPaginationModelChange={(model) => {
            state.setPagination(model);
            if (model.pageSize !== layout.pageSize) changeLayout({ pageSize: model.pageSize as (typeof PAGE_SIZE_OPTIONS)[number] });
          }}
          pageSizeOptions={PAGE_SIZES}
          sortModel={sortModel}
          onSortModelChange={(model) => {
            const [first] = model;
            const field = API_KEY_SORT_FIELDS.find((candidate) => candidate === first?.field);
            if (!first?.sort || field === undefined) return;
            const sort = { field, direction: first.sort };
            state.setSort(sort);
            changeLayout({ sort });
          }}
          sortingOrder={SORTING_ORDER}
          // The filter bar filters (on the server); the grid's own panel would filter nothing.
          disableColumnFilter
          columnVisibilityModel={visibility}
          onColumnVisibilityModelChange={(model) => {
            const shownAgain = gaveWay.filter((column) => model[column] !== false);
            if (shownAgain.length > 0) setKept((current) => [...current, ...shownAgain]);
            changeLayout({ hiddenColumns: GRID_COLUMNS.filter((column) => model[column] === false && !gaveWay.includes(column)) });
          }}
          onColumnWidthChange={({ colDef, width: newWidth }) => {
            if ((GRID_COLUMNS as readonly string[]).includes(colDef.field)) {
              changeLayout({ columnWidths: { ...layout.columnWidths, [colDef.field]: Math.round(newWidth) } });
            }
          }}
          density={layout.density}
          onDensityChange={(density) => changeLayout({ density })}
          localeText={localeText}
          checkboxSelection
          {...selection}
          getRowClassName={rowClassName}
          disableRowSelectionOnClick
          // The bulk actions' bar says how many are selected.
          hideFooterSelectedRowCount
          disableVirtualization={DISABLE_VIRTUALIZATION}
          // Every column rendered (nine of them): the actions column stays in the DOM, at the right edge.
          columnBufferPx={4000}
          showToolbar
          slots={SLOTS}
          slotProps={state.loaded ? LATER_LOAD_SLOT_PROPS : FIRST_LOAD_SLOT_PROPS}
          onCellKeyDown={onCellKeyDown}
          sx={GRID_CELL_SX}
        />
      </Box>
    </ToolbarActionsContext.Provider>
  );
}
