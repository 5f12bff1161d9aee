// The keys page's state: the grid's page, sort and filter bar, the page of keys on screen,
// and which dialog is open. Never holds a secret: the create wizard keeps a new key's
// secret in its own flow (stores/create-flow.ts), dropped with the dialog.
//
// A failed load keeps the rows on screen: an outage or an ended session must not wipe
// what the admin was reading. They stay marked with the time they were fetched, and
// whether they still answer the query on screen (components/grid/outage-alert.tsx).
import type { ApiKey, ApiKeyListResult } from '@shared/api-types';
import { AppError } from '@shared/errors';
import type { GridFilterName, GridFilters, GridSort } from '@shared/grid-settings';
import { create } from 'zustand';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { withFilter } from '@renderer/features/api-keys/lib/grid-filters';
import { DEFAULT_SORT, MAX_PAGE_SIZE, toApiKeyQuery, type GridQuery } from '@renderer/features/api-keys/lib/grid-query';

/** Every dialog of the feature; exactly one (or none) is open. */
export type ApiKeysDialog =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'information'; apiKey: ApiKey }
  | { kind: 'delete'; apiKey: ApiKey };

type ApiKeysState = GridQuery & {
  rows: ApiKey[];
  rowCount: number;
  loading: boolean;
  /** The last load's failure (the rows of the one before stay on screen). */
  loadError: AppError | null;
  /** Whether a page has ever arrived (to tell the first load from a refresh). */
  loaded: boolean;
  /** When the rows on screen were fetched: statuses ("expiring soon") are computed against it. */
  loadedAt: number;
  /**
   * When the keys were last asked for because they may have changed (a key made, edited,
   * rotated or deleted here, or a Refresh for changes made elsewhere); a sort, another page
   * or the first page of a connection leaves it. What depends on the whole organization's
   * keys (the expiry banner's counts) asks again then, not with every page.
   */
  keysChangedAt: number;
  /**
   * The query the rows on screen answer (null before the first page): the grid's sort and
   * page follow it, not the query asked, so that a click re-renders the grid once, when its
   * rows arrive (and an outage leaves the header and the footer true to the rows kept).
   */
  shown: GridQuery | null;
  /** Set when the services, not the server, filtered and sorted the keys (JMap Cloud). */
  localEvaluation: ApiKeyListResult['localEvaluation'];
  /** A key to show selected once it is on screen (the one just created). */
  highlightedId: string | null;
  dialog: ApiKeysDialog;
};

type ApiKeysActions = {
  /**
   * `refresh`: the keys anew, even where the services keep them to filter (Refresh, Retry);
   * `changed`: the keys may have changed (moves `keysChangedAt`).
   */
  load: (options?: { refresh?: boolean; changed?: boolean }) => Promise<void>;
  /**
   * The grid's pagination model, whose page counts from the page on screen (`shown`): "next
   * page" clicked three times before the first answer moves three pages on.
   */
  setPagination: (model: { page: number; pageSize: number }) => void;
  setSort: (sort: GridSort) => void;
  setFilters: (filters: GridFilters) => void;
  setFilter: <N extends GridFilterName>(name: N, value: GridFilters[N] | undefined) => void;
  /** A saved or built-in view: its filters and sort, from the first page. */
  applyView: (view: { filters: GridFilters; sort: GridSort }) => void;
  /** Back to the first page, newest first, no filter, and marks `id` to show selected. */
  showNewest: (id: string) => void;
  openDialog: (dialog: Exclude<ApiKeysDialog, { kind: 'none' }>) => void;
  closeDialog: () => void;
  /** A fresh page for another organization, with the admin's page size and sort. */
  reset: (start?: { pageSize: number; sort: GridSort }) => void;
};

const initialState = (start?: { pageSize: number; sort: GridSort }): Omit<ApiKeysState, 'keysChangedAt'> => ({
  page: 0,
  pageSize: start?.pageSize ?? MAX_PAGE_SIZE,
  sort: start?.sort ?? { ...DEFAULT_SORT },
  filters: {},
  rows: [],
  rowCount: 0,
  loading: false,
  loadError: null,
  loaded: false,
  loadedAt: Date.now(),
  shown: null,
  localEvaluation: null,
  highlightedId: null,
  dialog: { kind: 'none' },
});

const PROGRESS_DELAY_MS = 200;

// Only the newest request may write its answer: an older, slower one must not overwrite it.
let latestRequest = 0;

/** The query of the state, as it decides what the rows must answer. */
export const queryKey = ({ page, pageSize, sort, filters }: GridQuery): string => JSON.stringify([page, pageSize, sort, filters]);

export const useApiKeysStore = create<ApiKeysState & ApiKeysActions>()((set, get) => {
  /** A change of what is asked: back to the first page (unless the page itself changed), and load. */
  const ask = (change: Partial<GridQuery>): void => {
    set({ page: 0, ...change, highlightedId: null });
    void get().load();
  };

  return {
    ...initialState(),
    // Not part of a page's state: a new organization's first page is no change of keys.
    keysChangedAt: 0,

    load: async (options = {}) => {
      const request = ++latestRequest;
      if (options.changed) set({ keysChangedAt: Date.now() });
      const state = get();
      const asked: GridQuery = { page: state.page, pageSize: state.pageSize, sort: state.sort, filters: state.filters };
      const query = { ...toApiKeyQuery(state, Date.now()), ...(options.refresh ? { refresh: true } : {}) };
      // A quick answer shows no progress bar: toggling it would cost the grid two extra renders.
      let showProgress: ReturnType<typeof setTimeout> | undefined;
      if (state.loaded) showProgress = setTimeout(() => request === latestRequest && set({ loading: true }), PROGRESS_DELAY_MS);
      else set({ loading: true });
      try {
        const result = await apiKeysApi.list(query);
        if (request !== latestRequest) return;
        // A deletion can leave the grid past the last page: step back to the last one.
        if (result.content.length === 0 && state.page > 0 && result.page.totalElements > 0) {
          set({ page: Math.max(0, result.page.totalPages - 1) });
          return get().load();
        }
        set({
          rows: result.content,
          rowCount: result.page.totalElements,
          loading: false,
          loadError: null,
          loaded: true,
          loadedAt: Date.now(),
          shown: asked,
          localEvaluation: result.localEvaluation,
        });
      } catch (error) {
        if (request !== latestRequest) return;
        set({ loading: false, loadError: AppError.from(error), loaded: true });
      } finally {
        clearTimeout(showProgress);
      }
    },

    setPagination: ({ page, pageSize }) => {
      const state = get();
      const size = Math.min(pageSize, MAX_PAGE_SIZE);
      if (size !== state.pageSize) return ask({ page: 0, pageSize: size });
      const lastPage = Math.max(0, Math.ceil(state.rowCount / size) - 1);
      ask({ page: Math.min(Math.max(0, state.page + page - (state.shown ?? state).page), lastPage) });
    },
    setSort: (sort) => ask({ sort }),
    setFilters: (filters) => ask({ filters }),
    setFilter: (name, value) => ask({ filters: withFilter(get().filters, name, value) }),
    applyView: ({ filters, sort }) => ask({ filters, sort }),
    showNewest: (id) => {
      set({ page: 0, sort: { ...DEFAULT_SORT }, filters: {}, highlightedId: id });
      void get().load({ changed: true });
    },

    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: { kind: 'none' } }),
    reset: (start) => {
      latestRequest += 1;
      set(initialState(start));
    },
  };
});
