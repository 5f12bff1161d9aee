// A column's menu: the grid's own (sort, hide, manage columns) with "Filter by …" in place
// of the grid's filter panel, opening the filter bar's editor for that column's criterion.
import FilterList from '@mui/icons-material/FilterList';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import { GridColumnMenu, type GridColumnMenuItemProps, type GridColumnMenuProps } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import { COLUMN_CRITERIA } from '@renderer/features/api-keys/lib/column-criteria';
import { useFilterEditorStore } from '@renderer/features/api-keys/stores/filter-editor-store';

function FilterByColumnItem({ colDef, onClick }: GridColumnMenuItemProps): React.JSX.Element | null {
  const { t } = useTranslation('apiKeys');
  const criterion = COLUMN_CRITERIA[colDef.field];
  if (!criterion) return null;
  return (
    <MenuItem
      onClick={(event) => {
        // Under the column's header, where the menu was.
        const header = document.querySelector<HTMLElement>(`[role="columnheader"][data-field="${colDef.field}"]`);
        onClick(event);
        if (header) useFilterEditorStore.getState().edit(criterion, header);
      }}
    >
      <ListItemIcon>
        <FilterList fontSize="small" />
      </ListItemIcon>
      <ListItemText>{t('filters.byColumn', { column: colDef.headerName ?? colDef.field })}</ListItemText>
    </MenuItem>
  );
}

const SLOTS = { columnMenuUserItem: FilterByColumnItem };
const SLOT_PROPS = { columnMenuUserItem: { displayOrder: 15 } };

export function ColumnMenu(props: GridColumnMenuProps): React.JSX.Element {
  return <GridColumnMenu {...props} slots={SLOTS} slotProps={SLOT_PROPS} />;
}
