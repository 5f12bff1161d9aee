import type { GridFilterName, GridFilters } from '@shared/grid-settings';

/** What each criterion's editor gets: the value in use (if any), and what to do with the new one. */
export type CriterionEditorProps<N extends GridFilterName> = {
  name: N;
  value: GridFilters[N];
  title: string;
  onApply: (value: NonNullable<GridFilters[N]>) => void;
  onRemove: () => void;
  onCancel: () => void;
};
