// The keys page's state: the grid's models, the page of keys on screen, and which dialog
// is open. Not persisted, and never holds a secret: the create wizard keeps a new key's
// secret in its own flow (stores/create-flow.ts), dropped with the dialog.
import type { GridFilterModel, GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import type { ApiKey } from '@shared/api-types';
import { AppError } from '@shared/errors';
import { create } from 'zustand';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { DEFAULT_SORT, MAX_PAGE_SIZE, toApiKeyQuery, withoutConflictingSearch } from '@renderer/features/api-keys/lib/grid-query';

/** Every dialog of the feature; exactly one (or none) is open. */
export type ApiKeysDialog =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'information'; apiKey: ApiKey }
  | { kind: 'delete'; apiKey: ApiKey };

type ApiKeysState = {
  paginationModel: GridPaginationModel;
  sortModel: GridSortModel;
  filterModel: GridFilterModel;
  rows: ApiKey[];
  rowCount: number;
  loading: boolean;
  /** The last load's failure; rows are empty then. */
  loadError: AppError | null;
  /** Whether a page has ever arrived (to tell the first load from a refresh). */
  loaded: boolean;
  /** When the rows were fetched: statuses ("expiring soon") are computed against it. */
  loadedAt: number;
  /** A key to show selected once it is on screen (the one just created). */
  highlightedId: string | null;
  dialog: ApiKeysDialog;
};

type ApiKeysActions = {
  load: () => Promise<void>;
  setPaginationModel: (model: GridPaginationModel) => void;
  setSortModel: (model: GridSortModel) => void;
  setFilterModel: (model: GridFilterModel) => void;
  /** Back to the first page, newest first, no filter, and marks `id` to show selected. */
  showNewest: (id: string) => void;
  openDialog: (dialog: Exclude<ApiKeysDialog, { kind: 'none' }>) => void;
  closeDialog: () => void;
  reset: () => void;
};

const initialState = (): ApiKeysState => ({
  paginationModel: { page: 0, pageSize: MAX_PAGE_SIZE },
  sortModel: [{ ...DEFAULT_SORT }],
  filterModel: { items: [], quickFilterValues: [] },
  rows: [],
  rowCount: 0,
  loading: false,
  loadError: null,
  loaded: false,
  loadedAt: Date.now(),
  highlightedId: null,
  dialog: { kind: 'none' },
});

const PROGRESS_DELAY_MS = 200;

// Only the newest request may write its answer: an older, slower one must not overwrite it.
let latestRequest = 0;

export const useApiKeysStore = create<ApiKeysState & ApiKeysActions>()((set, get) => ({
  ...initialState(),

  load: async () => {
    const request = ++latestRequest;
    const query = toApiKeyQuery(get());
    // A quick answer shows no progress bar: toggling it would cost the grid two extra renders.
    let showProgress: ReturnType<typeof setTimeout> | undefined;
    if (get().loaded) showProgress = setTimeout(() => request === latestRequest && set({ loading: true }), PROGRESS_DELAY_MS);
    else set({ loading: true });
    try {
      const page = await apiKeysApi.list(query);
      if (request !== latestRequest) return;
      // A deletion can leave the grid past the last page: step back to the last one.
      if (page.content.length === 0 && query.page !== undefined && query.page > 0 && page.page.totalElements > 0) {
        set({ paginationModel: { ...get().paginationModel, page: Math.max(0, page.page.totalPages - 1) } });
        return get().load();
      }
      set({ rows: page.content, rowCount: page.page.totalElements, loading: false, loadError: null, loaded: true, loadedAt: Date.now() });
    } catch (error) {
      if (request !== latestRequest) return;
      set({ rows: [], rowCount: 0, loading: false, loadError: AppError.from(error), loaded: true });
    } finally {
      clearTimeout(showProgress);
    }
  },

  setPaginationModel: (paginationModel) => {
    set({ paginationModel: { ...paginationModel, pageSize: Math.min(paginationModel.pageSize, MAX_PAGE_SIZE) }, highlightedId: null });
    void get().load();
  },
  setSortModel: (sortModel) => {
    set({ sortModel, paginationModel: { ...get().paginationModel, page: 0 }, highlightedId: null });
    void get().load();
  },
  setFilterModel: (model) => {
    set({
      filterModel: withoutConflictingSearch(get().filterModel, model),
      paginationModel: { ...get().paginationModel, page: 0 },
      highlightedId: null,
    });
    void get().load();
  },
  showNewest: (id) => {
    set({
      highlightedId: id,
      sortModel: [{ ...DEFAULT_SORT }],
      filterModel: { items: [], quickFilterValues: [] },
      paginationModel: { ...get().paginationModel, page: 0 },
    });
    void get().load();
  },

  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: { kind: 'none' } }),
  reset: () => {
    latestRequest += 1;
    set(initialState());
  },
}));
