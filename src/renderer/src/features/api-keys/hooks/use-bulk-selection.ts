// The grid's checkboxes bound to the bulk selection (stores/bulk-delete-store.ts): the keys
// checked on any page stay checked while the admin pages on, and "all N matching" checks
// every row on screen. Spread into the DataGrid with `checkboxSelection`.
import type { GridRowSelectionModel } from '@mui/x-data-grid';
import type { ApiKey } from '@shared/api-types';
import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBulkDeleteStore } from '@renderer/features/api-keys/stores/bulk-delete-store';

export function useBulkSelection(rows: readonly ApiKey[]): {
  rowSelectionModel: GridRowSelectionModel;
  onRowSelectionModelChange(model: GridRowSelectionModel): void;
  keepNonExistentRowsSelected: true;
} {
  const { picked, matching, setPicked } = useBulkDeleteStore(useShallow((state) => ({ picked: state.picked, matching: state.matching, setPicked: state.setPicked })));
  const rowSelectionModel = useMemo<GridRowSelectionModel>(
    () => (matching ? { type: 'include', ids: new Set(rows.map((row) => row.id)) } : { type: 'include', ids: new Set(picked.keys()) }),
    [picked, matching, rows],
  );
  const onRowSelectionModelChange = useCallback(
    (model: GridRowSelectionModel) => {
      // "Exclude" lists the rows NOT checked (the header's "Select all").
      const checked = new Set(rows.filter((row) => (model.type === 'include' ? model.ids.has(row.id) : !model.ids.has(row.id))).map((row) => row.id));
      setPicked(rows, checked);
    },
    [rows, setPicked],
  );
  return { rowSelectionModel, onRowSelectionModelChange, keepNonExistentRowsSelected: true };
}
