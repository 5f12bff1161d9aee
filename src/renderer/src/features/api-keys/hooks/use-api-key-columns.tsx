// The grid's columns: the seven the portal has, "Last used", and the row actions (always
// visible, kept at the right edge). Each sorts and filters as the list does (the filter
// bar's criterion of each column: lib/column-criteria.ts). Built once per language and
// widths: a new `columns` array makes the grid redo its layout.
import type { GridColDef } from '@mui/x-data-grid';
import { API_KEY_STATUSES, type ApiKey, type ApiKeyStatus } from '@shared/api-types';
import type { GridColumn, GridLayout } from '@shared/grid-settings';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { apiKeyStatus } from '@renderer/features/api-keys/lib/api-key-status';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { useRowMenuStore } from '@renderer/features/api-keys/stores/row-menu-store';
import { DateCell } from '@renderer/features/api-keys/components/grid/date-cell';
import { CELL, RowActionsButton, StatusCell } from '@renderer/features/api-keys/components/grid/grid-cells';

// Read by screen readers, not shown (MUI's own visuallyHidden lives in a package we do not depend on).
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** Each column's width when the admin has not set one: a fixed one, or a minimum and a share of the rest. */
export const DEFAULT_WIDTHS: Record<GridColumn, { width: number } | { minWidth: number; flex: number }> = {
  title: { minWidth: 160, flex: 1.6 },
  id: { minWidth: 140, flex: 1 },
  createdBy: { minWidth: 140, flex: 1 },
  creationDate: { width: 140 },
  expirationDate: { width: 150 },
  lastUsedDate: { width: 140 },
  role: { width: 100 },
  status: { width: 150 },
};
export const ACTIONS_WIDTH = 56;

/** The width each column takes at least: the admin's, or its default (a flexible one's minimum). */
export function columnWidths(layout: Pick<GridLayout, 'columnWidths'>): Record<GridColumn, number> {
  const widths = {} as Record<GridColumn, number>;
  for (const [column, size] of Object.entries(DEFAULT_WIDTHS) as [GridColumn, (typeof DEFAULT_WIDTHS)[GridColumn]][]) {
    widths[column] = layout.columnWidths[column] ?? ('width' in size ? size.width : size.minWidth);
  }
  return widths;
}

function RowActionsCell({ apiKey, hasFocus, tabIndex, label }: { apiKey: ApiKey; hasFocus: boolean; tabIndex: 0 | -1; label: string }): React.JSX.Element {
  const button = useRef<HTMLButtonElement>(null);
  const expanded = useRowMenuStore((state) => state.open?.apiKey.id === apiKey.id);
  // The grid focuses the cell when the user arrives on it with the arrow keys: hand the
  // focus to the button so that Enter or Space opens the menu.
  useEffect(() => {
    if (hasFocus && !expanded) button.current?.focus();
  }, [hasFocus, expanded]);
  return (
    <RowActionsButton
      ref={button}
      label={label}
      expanded={expanded}
      tabIndex={tabIndex}
      onOpen={(element) => useRowMenuStore.getState().show(apiKey, { element })}
    />
  );
}

export function useApiKeyColumns(locale: string, widths: GridLayout['columnWidths']): GridColDef<ApiKey>[] {
  const { t } = useTranslation('apiKeys');
  return useMemo(() => {
    const statusLabels = Object.fromEntries(API_KEY_STATUSES.map((status) => [status, t(`status.${status}`)])) as Record<ApiKeyStatus, string>;
    const roleLabels = { ORG_EDITOR: t('roles.ORG_EDITOR'), ORG_VIEWER: t('roles.ORG_VIEWER') };
    const neverUsed = t('information.neverUsed');
    const size = (column: GridColumn) => {
      const chosen = widths[column];
      return chosen === undefined ? DEFAULT_WIDTHS[column] : { width: chosen };
    };
    const column = (field: GridColumn, extra: Partial<GridColDef<ApiKey>> = {}): GridColDef<ApiKey> => ({
      field,
      headerName: t(`columns.${field}`),
      ...size(field),
      ...extra,
    });
    const dateColumn = (field: 'creationDate' | 'expirationDate'): GridColDef<ApiKey> =>
      column(field, { renderCell: ({ row }) => <DateCell iso={row[field]} locale={locale} /> });
    return [
      column('title'),
      column('id', { renderCell: ({ value }) => <span className={CELL.id}>{value as string}</span> }),
      column('createdBy', { valueGetter: (_value, row) => row.createdBy.name }),
      dateColumn('creationDate'),
      dateColumn('expirationDate'),
      column('lastUsedDate', {
        renderCell: ({ row }) =>
          row.lastUsedDate === null ? <span className={CELL.muted}>{neverUsed}</span> : <DateCell iso={row.lastUsedDate} locale={locale} />,
      }),
      column('role', { valueFormatter: (value: ApiKey['role']) => roleLabels[value] }),
      column('status', {
        // The list sorts by expiration, not by status: that column sorts instead.
        sortable: false,
        valueGetter: (_value, row): ApiKeyStatus => apiKeyStatus(row, useApiKeysStore.getState().loadedAt),
        renderCell: ({ value }) => <StatusCell status={value as ApiKeyStatus} label={statusLabels[value as ApiKeyStatus]} />,
      }),
      {
        field: 'actions',
        headerName: t('columns.actions'),
        width: ACTIONS_WIDTH,
        align: 'center',
        sortable: false,
        resizable: false,
        hideable: false,
        disableColumnMenu: true,
        disableExport: true,
        // No visible header over the row buttons, but the column keeps a name.
        renderHeader: () => <span style={visuallyHidden}>{t('columns.actions')}</span>,
        renderCell: ({ row, hasFocus, tabIndex }) => (
          <RowActionsCell apiKey={row} hasFocus={hasFocus} tabIndex={tabIndex} label={t('rowActions.button', { title: row.title })} />
        ),
      },
    ];
  }, [t, locale, widths]);
}
