// The grid's seven columns, "Last used" (hidden at first) and the row actions. Each offers
// only the sort and filter operators the server honours (see lib/grid-query.ts), so the
// grid never claims a filter that was not applied.
import Box from '@mui/material/Box';
import { getGridSingleSelectOperators, getGridStringOperators, type GridColDef } from '@mui/x-data-grid';
import { API_KEY_STATUSES, type ApiKey, type ApiKeyStatus } from '@shared/api-types';
import { API_KEY_ROLES } from '@shared/roles';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiKeyStatus } from '@renderer/features/api-keys/lib/api-key-status';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { DateCell } from '@renderer/features/api-keys/components/grid/date-cell';
import { RowActionsCell, type RowActionLabels } from '@renderer/features/api-keys/components/grid/row-actions-cell';
import { StatusChip } from '@renderer/features/api-keys/components/grid/status-chip';

// Read by screen readers, not shown (MUI's own visuallyHidden lives in a package we do not depend on).
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

const containsOnly = (): ReturnType<typeof getGridStringOperators> =>
  getGridStringOperators().filter((operator) => operator.value === 'contains');
const isOnly = (): ReturnType<typeof getGridSingleSelectOperators> =>
  getGridSingleSelectOperators().filter((operator) => operator.value === 'is');

/**
 * The columns change only with the language: a new `columns` array would make the grid
 * forget the widths the user dragged. Statuses use the clock reading of the last load.
 */
export function useApiKeyColumns(locale: string): GridColDef<ApiKey>[] {
  const { t } = useTranslation('apiKeys');
  return useMemo(() => {
    const rowActionLabels: RowActionLabels = {
      button: (title) => t('rowActions.button', { title }),
      information: t('rowActions.information'),
      delete: t('rowActions.delete'),
      keyChange: { edit: t('keyChange.actions.edit'), rotate: t('keyChange.actions.rotate') },
    };
    const statusLabels = Object.fromEntries(API_KEY_STATUSES.map((status) => [status, t(`status.${status}`)])) as Record<ApiKeyStatus, string>;
    const roleOptions = API_KEY_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
    const statusOptions = API_KEY_STATUSES.map((status) => ({ value: status, label: statusLabels[status] }));
    const neverUsed = t('information.neverUsed');
    const dateColumn = (field: 'creationDate' | 'expirationDate'): GridColDef<ApiKey> => ({
      field,
      headerName: t(`columns.${field}`),
      width: 150,
      // The server filters no dates: no operator rather than one that would do nothing.
      filterable: false,
      renderCell: ({ row }) => <DateCell iso={row[field]} locale={locale} />,
    });
    return [
      { field: 'title', headerName: t('columns.title'), flex: 1.6, minWidth: 200, filterOperators: containsOnly() },
      {
        field: 'id',
        headerName: t('columns.id'),
        flex: 1,
        minWidth: 140,
        filterOperators: containsOnly(),
        renderCell: ({ value }) => (
          <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.8125rem' }}>
            {value as string}
          </Box>
        ),
      },
      {
        field: 'createdBy',
        headerName: t('columns.createdBy'),
        flex: 1,
        minWidth: 140,
        valueGetter: (_value, row) => row.createdBy.name,
        filterOperators: containsOnly(),
      },
      dateColumn('creationDate'),
      dateColumn('expirationDate'),
      {
        // Hidden at first (the Columns panel shows it): the one to look at when tidying up
        // keys nobody uses. The server neither sorts nor filters by it.
        field: 'lastUsedDate',
        headerName: t('columns.lastUsedDate'),
        width: 150,
        sortable: false,
        filterable: false,
        renderCell: ({ row }) => (row.lastUsedDate === null ? neverUsed : <DateCell iso={row.lastUsedDate} locale={locale} />),
      },
      {
        field: 'role',
        headerName: t('columns.role'),
        type: 'singleSelect',
        width: 110,
        valueOptions: roleOptions,
        filterOperators: isOnly(),
      },
      {
        field: 'status',
        headerName: t('columns.status'),
        type: 'singleSelect',
        width: 150,
        // The server sorts by the expiration date, not by status: sort that column instead.
        sortable: false,
        valueOptions: statusOptions,
        filterOperators: isOnly(),
        valueGetter: (_value, row): ApiKeyStatus => apiKeyStatus(row, useApiKeysStore.getState().loadedAt),
        renderCell: ({ value }) => <StatusChip status={value as ApiKeyStatus} label={statusLabels[value as ApiKeyStatus]} />,
      },
      {
        field: 'actions',
        headerName: t('columns.actions'),
        width: 64,
        align: 'center',
        sortable: false,
        filterable: false,
        hideable: false,
        disableColumnMenu: true,
        disableExport: true,
        // No visible header over the row buttons, but the column keeps a name.
        renderHeader: () => <Box component="span" sx={visuallyHidden}>{t('columns.actions')}</Box>,
        renderCell: ({ row, hasFocus, tabIndex }) => (
          <RowActionsCell apiKey={row} hasFocus={hasFocus} tabIndex={tabIndex} labels={rowActionLabels} />
        ),
      },
    ];
  }, [t, locale]);
}
