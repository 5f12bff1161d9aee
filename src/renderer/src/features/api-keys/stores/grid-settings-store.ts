// The grid's layout (hidden columns, widths, density, page size, sort) and the admin's own
// views, as the settings file keeps them: read once, then changed here and written back.
// A column dragged wider changes its width in a burst, one step at a time: widths are
// written once the burst is over; any other change (a column hidden, the density, the
// page size, the sort) at once, so that closing the window right after keeps it. A write that fails is said once, and the layout on
// screen stays as the admin made it.
import { AppError } from '@shared/errors';
import { DEFAULT_GRID_LAYOUT, type GridFilters, type GridLayout, type GridSort, type SavedView } from '@shared/grid-settings';
import { create } from 'zustand';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';

const SAVE_DELAY_MS = 500;

type GridSettingsState = {
  layout: GridLayout;
  views: SavedView[];
  /** Whether the settings file has been read (the first load of keys waits for it). */
  loaded: boolean;
  saveError: AppError | null;
};

type GridSettingsActions = {
  /** Reads the settings once; later calls resolve at once. */
  load: () => Promise<void>;
  changeLayout: (change: Partial<GridLayout>) => void;
  /** Saves the filters and sort under `name` (replacing the view of that name); returns its id. */
  saveView: (name: string, view: { filters: GridFilters; sort: GridSort }) => Promise<string>;
  deleteView: (id: string) => Promise<void>;
  dismissSaveError: () => void;
};

let pendingLayout: ReturnType<typeof setTimeout> | undefined;
let loading: Promise<void> | null = null;

export const useGridSettingsStore = create<GridSettingsState & GridSettingsActions>()((set, get) => ({
  layout: DEFAULT_GRID_LAYOUT,
  views: [],
  loaded: false,
  saveError: null,

  load: () =>
    (loading ??= apiKeysApi
      .gridSettings()
      .then(({ grid, views }) => set({ layout: grid, views, loaded: true }))
      // Unreadable settings must not keep the keys from showing: the defaults serve.
      .catch(() => set({ loaded: true }))),

  changeLayout: (change) => {
    set({ layout: { ...get().layout, ...change } });
    clearTimeout(pendingLayout);
    const save = (): void => {
      apiKeysApi.saveLayout(get().layout).catch((error: unknown) => set({ saveError: AppError.from(error) }));
    };
    const widthsOnly = Object.keys(change).every((key) => key === 'columnWidths');
    if (widthsOnly) pendingLayout = setTimeout(save, SAVE_DELAY_MS);
    else save();
  },

  saveView: async (name, { filters, sort }) => {
    const previous = get().views;
    const same = previous.find((view) => view.name.toLowerCase() === name.trim().toLowerCase());
    const id = same?.id ?? crypto.randomUUID();
    const views = [...previous.filter((view) => view.id !== id), { id, name: name.trim(), filters, sort }];
    set({ views });
    try {
      await apiKeysApi.saveViews(views);
      return id;
    } catch (error) {
      set({ views: previous });
      throw AppError.from(error);
    }
  },

  deleteView: async (id) => {
    const previous = get().views;
    set({ views: previous.filter((view) => view.id !== id) });
    try {
      await apiKeysApi.saveViews(get().views);
    } catch (error) {
      set({ views: previous, saveError: AppError.from(error) });
    }
  },

  dismissSaveError: () => set({ saveError: null }),
}));

/** For tests: forget what was read (a new app start). */
export function resetGridSettings(): void {
  clearTimeout(pendingLayout);
  loading = null;
  useGridSettingsStore.setState({ layout: DEFAULT_GRID_LAYOUT, views: [], loaded: false, saveError: null });
}
