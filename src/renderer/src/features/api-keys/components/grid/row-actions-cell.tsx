// The "Actions for TITLE" button of a row and its menu. The button shows on row hover and
// whenever it (or its cell) has keyboard focus; the grid moves focus into it with the cell.
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import MoreVert from '@mui/icons-material/MoreVert';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { ApiKey } from '@shared/api-types';
import { useEffect, useId, useRef, useState } from 'react';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { keyChangeMenuItems, type KeyChangeLabels } from '@renderer/features/api-keys/components/rotate/key-change-menu-items';

export const ROW_ACTIONS_CLASS = 'api-key-row-actions';

export type RowActionLabels = { button: (title: string) => string; information: string; delete: string; keyChange: KeyChangeLabels };

type Props = { apiKey: ApiKey; hasFocus: boolean; tabIndex: 0 | -1; labels: RowActionLabels };

// Labels come from the column (no i18n subscription per row), and the menu is mounted
// only while open: a page of rows then costs one button per row.
export function RowActionsCell({ apiKey, hasFocus, tabIndex, labels }: Props): React.JSX.Element {
  const button = useRef<HTMLButtonElement>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;
  const menuId = useId();

  // The grid focuses the cell when the user arrives on it with the arrow keys: hand the
  // focus to the button so that Enter or Space opens the menu.
  useEffect(() => {
    if (hasFocus && !open) button.current?.focus();
  }, [hasFocus, open]);

  const choose = (dialog: 'information' | 'delete'): void => {
    setAnchor(null);
    useApiKeysStore.getState().openDialog({ kind: dialog, apiKey });
  };

  return (
    <>
      <IconButton
        ref={button}
        className={ROW_ACTIONS_CLASS}
        size="small"
        tabIndex={tabIndex}
        aria-label={labels.button(apiKey.title)}
        aria-haspopup="menu"
        aria-expanded={open ? 'true' : undefined}
        aria-controls={open ? menuId : undefined}
        onClick={(event) => {
          event.stopPropagation();
          setAnchor(event.currentTarget);
        }}
        // Keys typed on the button are the menu's, not the grid's cell navigation.
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
        }}
      >
        <MoreVert fontSize="small" />
      </IconButton>
      {open && (
        <Menu
          id={menuId}
          anchorEl={anchor}
          open={open}
          onClose={() => setAnchor(null)}
          anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
          transformOrigin={{ vertical: 'top', horizontal: 'right' }}
          // The menu is portalled out of the row: keep its keys away from the grid.
          onKeyDown={(event) => event.stopPropagation()}
        >
          <MenuItem onClick={() => choose('information')}>
            <ListItemIcon>
              <InfoOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText>{labels.information}</ListItemText>
          </MenuItem>
          {keyChangeMenuItems(apiKey, labels.keyChange, () => setAnchor(null))}
          <MenuItem onClick={() => choose('delete')} sx={{ color: 'error.main' }}>
            <ListItemIcon sx={{ color: 'inherit' }}>
              <DeleteOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText>{labels.delete}</ListItemText>
          </MenuItem>
        </Menu>
      )}
    </>
  );
}
