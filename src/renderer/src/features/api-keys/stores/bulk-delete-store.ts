// The keys page's bulk selection and its "Delete selected…" dialog: the keys checked in the
// grid (kept across pages), or "all N matching the filters", and the bulk delete's flow once
// opened. A plan the services still hold (running, or stopped by a failure, a closed window
// or a crash) is found with `check` and offered above the grid, to show and resume.
import type { ApiKey } from '@shared/api-types';
import type { BulkDeleteStatus } from '@shared/bulk-delete';
import { isLeft } from '@shared/bulk-delete';
import type { ApiKeyQuery } from '@shared/ipc-contract';
import { create } from 'zustand';
import { bulkDeleteApi } from '@renderer/features/api-keys/lib/bulk-delete-api';
import { createBulkDeleteFlow, type BulkDeleteFlow, type BulkSelection } from '@renderer/features/api-keys/stores/bulk-delete-flow';

/** "All N matching": the grid's query when chosen, and which shortcut chose it. */
export type MatchingSelection = { query: ApiKeyQuery; total: number; reason: 'filters' | 'expired'; filtersKey?: string };

type BulkDeleteState = {
  /** Keys checked one by one, by id (with their titles, for the dialog). */
  picked: ReadonlyMap<string, string>;
  matching: MatchingSelection | null;
  /** The open dialog's flow; null when closed. */
  flow: BulkDeleteFlow | null;
  /** A plan the services hold that is running or has keys left: the notice above the grid. */
  unfinished: BulkDeleteStatus | null;
  /** Why the last "Select all expired" selected nothing. */
  expiredNote: ExpiredNote | null;
};

/** "Select all expired" found none, or could not ask. */
export type ExpiredNote = { kind: 'none-expired' } | { kind: 'failed'; error: unknown };

type BulkDeleteActions = {
  /** The grid's checkboxes changed: `ids` are the checked ones among `rows` (the page on screen). */
  setPicked(rows: readonly ApiKey[], ids: ReadonlySet<string>): void;
  selectMatching(selection: MatchingSelection): void;
  /** "Select all expired" (button or Ctrl/⌘+Shift+E): shows them with `showExpired`, checks every one. */
  selectExpired(showExpired: () => void): Promise<void>;
  clear(): void;
  /** "Delete selected…" */
  openDelete(): void;
  /** "Show" on the notice: the plan's progress or results, with Resume. */
  showPlan(status: BulkDeleteStatus): void;
  closeDialog(): void;
  /** Asks the services for a plan left unfinished (at start and after the dialog closes). */
  check(): Promise<void>;
  /** A new session or organization: nothing carries over. */
  reset(): void;
};

/** Set by the page: the grid is read again after keys were deleted. */
let reloadGrid: () => void = () => undefined;
export const onBulkDeleted = (reload: () => void): void => {
  reloadGrid = reload;
};

const selectionOf = (state: BulkDeleteState): BulkSelection | null => {
  if (state.matching) return { kind: 'matching', query: state.matching.query, total: state.matching.total };
  if (state.picked.size === 0) return null;
  return { kind: 'keys', keys: [...state.picked].map(([id, title]) => ({ id, title })) };
};

export const isUnfinished = (status: BulkDeleteStatus): boolean => status.running || status.plan.keys.some(isLeft);

export const useBulkDeleteStore = create<BulkDeleteState & BulkDeleteActions>()((set, get) => {
  const open = (flow: BulkDeleteFlow): void => {
    get().flow?.stop();
    set({ flow });
  };
  const changed = (): void => {
    reloadGrid();
    set({ picked: new Map(), matching: null });
  };
  return {
    picked: new Map(),
    matching: null,
    flow: null,
    unfinished: null,
    expiredNote: null,

    setPicked(rows, ids) {
      const picked = new Map(get().picked);
      for (const row of rows) {
        if (ids.has(row.id)) picked.set(row.id, row.title);
        else picked.delete(row.id);
      }
      set({ picked, matching: null, expiredNote: null });
    },
    selectMatching: (matching) => set({ matching, picked: new Map(), expiredNote: null }),
    async selectExpired(showExpired) {
      set({ expiredNote: null });
      try {
        const expired = { status: 'EXPIRED' as const };
        const found = (await bulkDeleteApi.list({ ...expired, page: 0, pageSize: 1 })).page.totalElements;
        if (found === 0) {
          set({ expiredNote: { kind: 'none-expired' } });
          return;
        }
        showExpired();
        get().selectMatching({ query: expired, total: found, reason: 'expired' });
      } catch (error) {
        set({ expiredNote: { kind: 'failed', error } });
      }
    },
    clear: () => set({ picked: new Map(), matching: null }),

    openDelete() {
      const selection = selectionOf(get());
      if (selection) open(createBulkDeleteFlow({ api: bulkDeleteApi, from: selection, onChanged: changed }));
    },
    showPlan: (status) => open(createBulkDeleteFlow({ api: bulkDeleteApi, from: status, onChanged: changed })),
    closeDialog() {
      get().flow?.stop();
      set({ flow: null });
      void get().check();
    },

    async check() {
      const status = await bulkDeleteApi.status().catch(() => null);
      set({ unfinished: status && isUnfinished(status) ? status : null });
    },
    reset() {
      get().flow?.stop();
      set({ picked: new Map(), matching: null, flow: null, unfinished: null, expiredNote: null });
    },
  };
});

/** How many keys are selected, and whether it is "all matching". */
export const selectedCount = (state: Pick<BulkDeleteState, 'picked' | 'matching'>): number => state.matching?.total ?? state.picked.size;
