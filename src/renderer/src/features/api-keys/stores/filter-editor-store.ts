// Which criterion of the filter bar is being edited, and where its editor opens: under its
// chip, under "Add filter", or under a column's header (its menu's "Filter by …").
import type { GridFilterName } from '@shared/grid-settings';
import { create } from 'zustand';

type FilterEditorState = {
  editing: { name: GridFilterName; anchor: HTMLElement } | null;
  edit: (name: GridFilterName, anchor: HTMLElement) => void;
  close: () => void;
};

export const useFilterEditorStore = create<FilterEditorState>()((set) => ({
  editing: null,
  edit: (name, anchor) => set({ editing: { name, anchor } }),
  close: () => set({ editing: null }),
}));
