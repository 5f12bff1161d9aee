// The grid's cells, drawn with plain elements and class names styled once for the whole
// grid (GRID_CELL_SX): a page of rows then costs no per-cell style work (MUI's Chip and
// IconButton each serialized their styles on every render: a tenth of a page change).
import type { GridRowCheckboxProps } from '@mui/x-data-grid';
import type { ApiKeyStatus } from '@shared/api-types';
import type { SxProps, Theme } from '@mui/material/styles';
import { forwardRef } from 'react';

export const CELL = {
  status: 'kd-status',
  rowActions: 'kd-row-actions',
  id: 'kd-id',
  muted: 'kd-muted',
  check: 'kd-check',
} as const;

// Material's checkbox icons (outline, checked, indeterminate).
const CHECK_PATHS = {
  off: 'M19 5v14H5V5h14m0-2H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2z',
  on: 'M19 3H5c-1.11 0-2 .9-2 2v14c0 1.1.89 2 2 2h14c1.11 0 2-.9 2-2V5c0-1.1-.89-2-2-2zm-9 14l-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8l-9 9z',
  mixed: 'M19 3H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2zm-2 10H7v-2h10v2z',
} as const;

/**
 * A row's checkbox (the grid's `rowCheckbox` slot): a native checkbox drawn as Material's,
 * without the Emotion-styled Checkbox, SwitchBase and ButtonBase it takes per row (the
 * header's and the columns panel's checkboxes stay Material's).
 */
export const RowCheckbox = forwardRef<HTMLButtonElement, GridRowCheckboxProps>(function RowCheckbox(props, ref) {
  const { checked = false, indeterminate = false, disabled, onChange, tabIndex, className, slotProps, inputRef, name, id } = props;
  const { onClick, onMouseDown, onKeyDown } = props as Pick<React.HTMLAttributes<HTMLInputElement>, 'onClick' | 'onMouseDown' | 'onKeyDown'>;
  const { ref: htmlInputRef, ...htmlInput } = slotProps?.htmlInput ?? {};
  const state = indeterminate ? 'mixed' : checked ? 'on' : 'off';
  return (
    // MUI X types the slot's ref as Material's (a button); nothing of it needs more than an element.
    <span ref={ref as React.Ref<HTMLSpanElement>} className={`${CELL.check} ${CELL.check}--${state}${disabled ? ` ${CELL.check}--disabled` : ''} ${className ?? ''}`}>
      <input
        {...htmlInput}
        ref={(element) => {
          if (element) element.indeterminate = indeterminate;
          for (const target of [inputRef, htmlInputRef]) {
            if (typeof target === 'function') target(element);
            else if (target) (target as React.RefObject<HTMLInputElement | null>).current = element;
          }
        }}
        type="checkbox"
        id={id}
        name={name ?? htmlInput.name}
        checked={checked}
        disabled={disabled}
        tabIndex={tabIndex}
        onChange={onChange}
        onClick={onClick}
        onMouseDown={onMouseDown}
        onKeyDown={onKeyDown}
      />
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={CHECK_PATHS[state]} />
      </svg>
    </span>
  );
});

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
  [`& .${CELL.check}`]: {
    position: 'relative',
    display: 'inline-flex',
    padding: '9px',
    borderRadius: '50%',
    color: theme.palette.text.secondary,
    '& input': { position: 'absolute', inset: 0, width: '100%', height: '100%', margin: 0, opacity: 0, cursor: 'inherit', zIndex: 1 },
    '& svg': { width: 24, height: 24, fill: 'currentColor' },
    cursor: 'pointer',
    '&:hover': { backgroundColor: theme.palette.action.hover },
    '&:has(input:focus-visible)': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
  },
  [`& .${CELL.check}--on, & .${CELL.check}--mixed`]: { color: theme.palette.primary.main },
  [`& .${CELL.check}--disabled`]: { color: theme.palette.action.disabled, cursor: 'default' },
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
