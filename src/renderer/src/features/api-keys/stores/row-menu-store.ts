// The one menu of row actions: opened by a row's "Actions" button, by a right click on the
// row, or by the keyboard (Shift+F10, the context-menu key) on a focused row. One menu for
// the grid rather than one per row: a page of rows costs one button each, no menu.
import type { ApiKey } from '@shared/api-types';
import { create } from 'zustand';

export type RowMenuAnchor = { element: HTMLElement } | { x: number; y: number };

type RowMenuState = {
  open: { apiKey: ApiKey; anchor: RowMenuAnchor } | null;
  show: (apiKey: ApiKey, anchor: RowMenuAnchor) => void;
  close: () => void;
};

export const useRowMenuStore = create<RowMenuState>()((set) => ({
  open: null,
  show: (apiKey, anchor) => set({ open: { apiKey, anchor } }),
  close: () => set({ open: null }),
}));
