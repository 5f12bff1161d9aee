// The grid's cells, drawn with plain elements and class names styled once for the whole
// grid (GRID_CELL_SX): a page of rows then costs no per-cell style work (MUI's Chip and
// IconButton each serialized their styles on every render: a tenth of a page change).
import type { ApiKeyStatus } from '@shared/api-types';
import type { SxProps, Theme } from '@mui/material/styles';
import { forwardRef } from 'react';

export const CELL = {
  status: 'kd-status',
  rowActions: 'kd-row-actions',
  id: 'kd-id',
  muted: 'kd-muted',
} as const;

/** A key's status: a coloured dot and always the word, never colour alone. */
export function StatusCell({ status, label }: { status: ApiKeyStatus; label: string }): React.JSX.Element {
  return <span className={`${CELL.status} ${CELL.status}--${status}`}>{label}</span>;
}

type RowActionsButtonProps = { label: string; expanded: boolean; tabIndex: 0 | -1; onOpen: (button: HTMLButtonElement) => void };

/** "Actions for TITLE": always visible, in the column that stays at the grid's right edge. */
export const RowActionsButton = forwardRef<HTMLButtonElement, RowActionsButtonProps>(function RowActionsButton({ label, expanded, tabIndex, onOpen }, ref) {
  return (
    <button
      ref={ref}
      type="button"
      className={CELL.rowActions}
      tabIndex={tabIndex}
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={expanded ? 'true' : undefined}
      onClick={(event) => {
        event.stopPropagation();
        onOpen(event.currentTarget);
      }}
      // Keys typed on the button are the menu's, not the grid's cell navigation.
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
      }}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path d="M12 8c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2zm0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2zm0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2z" />
      </svg>
    </button>
  );
});

const STATUS_COLOR = { ACTIVE: 'success', EXPIRING_SOON: 'warning', EXPIRED: 'error' } as const;

/** The cells' looks, and the actions column kept in view at the right edge when the grid scrolls sideways. */
export const GRID_CELL_SX: SxProps<Theme> = (theme) => ({
  border: 0,
  // In a narrow window the toolbar wraps onto two lines: it must grow, not be cut to one.
  '& .MuiDataGrid-toolbar': { flex: '0 0 auto' },
  [`& .${CELL.status}`]: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '6px',
    fontSize: '0.8125rem',
    fontWeight: 500,
    '&::before': { content: '""', width: 8, height: 8, borderRadius: '50%', flex: 'none' },
  },
  ...Object.fromEntries(
    Object.entries(STATUS_COLOR).map(([status, color]) => [
      `& .${CELL.status}--${status}`,
      { color: theme.palette[color].main, '&::before': { backgroundColor: theme.palette[color].main } },
    ]),
  ),
  [`& .${CELL.id}`]: { fontFamily: 'monospace', fontSize: '0.8125rem' },
  [`& .${CELL.muted}`]: { color: theme.palette.text.secondary },
  [`& .${CELL.rowActions}`]: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: 32,
    height: 32,
    padding: 0,
    border: 0,
    borderRadius: '50%',
    background: 'transparent',
    color: theme.palette.action.active,
    cursor: 'pointer',
    '& svg': { fill: 'currentColor' },
    '&:hover, &[aria-expanded="true"]': { backgroundColor: theme.palette.action.hover },
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 1 },
  },
  // The actions column stays at the right edge, above the cells scrolling under it.
  '& .MuiDataGrid-cell[data-field="actions"], & .MuiDataGrid-columnHeader[data-field="actions"]': {
    position: 'sticky',
    right: 0,
    zIndex: 2,
    backgroundColor: theme.palette.background.paper,
    borderLeft: `1px solid ${theme.palette.divider}`,
  },
  // Nothing resizes it, and its separator would stick out past the grid's edge (a sideways scroll of 5 px).
  '& .MuiDataGrid-columnHeader[data-field="actions"] .MuiDataGrid-columnSeparator': { display: 'none' },
  '& .MuiDataGrid-row:hover .MuiDataGrid-cell[data-field="actions"], & .MuiDataGrid-row.Mui-selected .MuiDataGrid-cell[data-field="actions"]': {
    backgroundImage: `linear-gradient(${theme.palette.action.hover}, ${theme.palette.action.hover})`,
  },
});
