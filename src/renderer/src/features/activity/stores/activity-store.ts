// The Activity view's state: its filters, what the log answered for them, the entry shown
// in detail. A vanilla store with the services' api injected, so that tests drive it
// without rendering; the page uses the app's one instance (useActivityStore).
import type { ActivityEntry, ActivityPage } from '@shared/activity-log';
import { AppError } from '@shared/errors';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { activityApi, type ActivityApi } from '@renderer/features/activity/lib/activity-api';
import {
  EXPORTED_ENTRIES,
  NO_FILTERS,
  SHOWN_ENTRIES,
  rangeIsBackwards,
  toActivityQuery,
  type ActivityFilters,
} from '@renderer/features/activity/lib/activity-filters';

/** What the log answered; `page` is what stays on screen while loading again or after a failure. */
export type ActivityLoad =
  | { status: 'idle' }
  | { status: 'loading'; page: ActivityPage | null }
  | { status: 'loaded'; page: ActivityPage }
  | { status: 'failed'; error: AppError; page: ActivityPage | null };

export type ActivityState = {
  /** Whose activity this is (connection and organization): another one starts over. */
  scopeKey: string | null;
  filters: ActivityFilters;
  load: ActivityLoad;
  /** The entry shown in the detail dialog. */
  selected: ActivityEntry | null;
  /** The view is shown for `scopeKey`: filters kept for the same one, cleared for another; reads the log. */
  enter(scopeKey: string): Promise<void>;
  refresh(): Promise<void>;
  /** Changes some filters and reads the log again with them. */
  setFilters(patch: Partial<ActivityFilters>): Promise<void>;
  clearFilters(): Promise<void>;
  select(entry: ActivityEntry | null): void;
  /** Every entry matching the filters (not only the newest shown), for the CSV export. */
  allMatching(): Promise<ActivityEntry[]>;
  reset(): void;
};

const pageOf = (load: ActivityLoad): ActivityPage | null => (load.status === 'idle' ? null : load.page);

export function createActivityStore(api: Pick<ActivityApi, 'list'> = activityApi): StoreApi<ActivityState> {
  // Only the newest request may write its answer: an older, slower one must not overwrite it.
  let latest = 0;
  return createStore<ActivityState>()((set, get) => ({
    scopeKey: null,
    filters: NO_FILTERS,
    load: { status: 'idle' },
    selected: null,

    enter(scopeKey) {
      if (get().scopeKey !== scopeKey) {
        get().reset();
        set({ scopeKey });
      }
      return get().refresh();
    },

    async refresh() {
      const { filters, load } = get();
      // A backwards range is said beside the fields; the entries on screen stay.
      if (rangeIsBackwards(filters)) return;
      const request = ++latest;
      set({ load: { status: 'loading', page: pageOf(load) } });
      try {
        const page = await api.list(toActivityQuery(filters, SHOWN_ENTRIES));
        if (request === latest) set({ load: { status: 'loaded', page } });
      } catch (error) {
        if (request === latest) set({ load: { status: 'failed', error: AppError.from(error), page: pageOf(get().load) } });
      }
    },

    setFilters(patch) {
      set({ filters: { ...get().filters, ...patch } });
      return get().refresh();
    },

    clearFilters() {
      set({ filters: { ...NO_FILTERS, scope: get().filters.scope } });
      return get().refresh();
    },

    select(entry) {
      set({ selected: entry });
    },

    async allMatching() {
      const page = await api.list(toActivityQuery(get().filters, EXPORTED_ENTRIES));
      return page.entries;
    },

    reset() {
      latest += 1;
      set({ scopeKey: null, filters: NO_FILTERS, load: { status: 'idle' }, selected: null });
    },
  }));
}

const activityStore = createActivityStore();

/** The app's Activity view state. */
export function useActivityStore<T>(selector: (state: ActivityState) => T): T {
  return useStore(activityStore, selector);
}
