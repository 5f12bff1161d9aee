// The entries the filters match, newest first, in a DataGrid (client-side: at most 1,000
// rows, all in memory). A click or Enter on a row shows the entry in full.
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridCellParams, type GridColDef } from '@mui/x-data-grid';
import type { ActivityEntry } from '@shared/activity-log';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeEntry, outcomeReason } from '@renderer/features/activity/lib/describe-entry';
import { OutcomeChip } from '@renderer/features/activity/components/outcome-chip';
import { formatExactTime } from '@renderer/lib/formatting';

// jsdom measures every element as 0×0, which would leave a virtualized grid empty.
const DISABLE_VIRTUALIZATION = import.meta.env.MODE === 'test';
const PAGE_SIZES = [25, 50, 100];
const INITIAL_STATE = { pagination: { paginationModel: { page: 0, pageSize: 50 } } };

type Props = {
  entries: ActivityEntry[];
  loading: boolean;
  locale: string;
  /** Every organization's entries are shown: say which one each is. */
  showOrganization: boolean;
  noRows: React.JSX.Element;
  onOpen(entry: ActivityEntry): void;
};

export function ActivityGrid({ entries, loading, locale, showOrganization, noRows, onOpen }: Props): React.JSX.Element {
  const { t } = useTranslation('activity');
  const columns = useMemo<GridColDef<ActivityEntry>[]>(() => {
    const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return [
      {
        field: 'at',
        headerName: t('columns.at'),
        width: 170,
        valueGetter: (_value, entry) => Date.parse(entry.at),
        renderCell: ({ row }) => (
          <Tooltip title={formatExactTime(row.at, locale)}>
            <span>{when.format(new Date(row.at))}</span>
          </Tooltip>
        ),
      },
      { field: 'action', headerName: t('columns.action'), width: 120, valueGetter: (_value, entry) => t(`actions.${entry.action}`) },
      {
        field: 'apiKey',
        headerName: t('columns.apiKey'),
        flex: 1,
        minWidth: 180,
        valueGetter: (_value, entry) => entry.apiKey.title,
        renderCell: ({ row }) => (
          <Box sx={{ lineHeight: 1.3, py: 0.5, overflow: 'hidden' }}>
            <Typography variant="body2" noWrap>
              {row.apiKey.title}
            </Typography>
            <Typography variant="caption" color="text.secondary" noWrap component="div" sx={{ fontFamily: 'monospace' }}>
              {row.apiKey.id ?? '—'}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'outcome',
        headerName: t('columns.outcome'),
        width: 150,
        valueGetter: (_value, entry) => t(`outcomes.${entry.outcome.status}`),
        renderCell: ({ row }) => {
          const reason = outcomeReason(row);
          const chip = <OutcomeChip status={row.outcome.status} label={t(`outcomes.${row.outcome.status}`)} />;
          return reason === null ? chip : <Tooltip title={reason}>{chip}</Tooltip>;
        },
      },
      ...(showOrganization
        ? [{ field: 'organization', headerName: t('columns.organization'), width: 170, valueGetter: (_value: unknown, entry: ActivityEntry) => entry.organization.name }]
        : []),
      { field: 'admin', headerName: t('columns.admin'), width: 150, valueGetter: (_value, entry) => entry.admin.name },
      {
        field: 'details',
        headerName: t('columns.details'),
        flex: 2,
        minWidth: 240,
        sortable: false,
        valueGetter: (_value, entry) => describeEntry(entry, t, locale),
      },
    ];
  }, [t, locale, showOrganization]);

  const onCellKeyDown = (params: GridCellParams<ActivityEntry>, event: React.KeyboardEvent): void => {
    if (event.key !== 'Enter' || !params.row) return;
    event.preventDefault();
    onOpen(params.row);
  };

  return (
    <DataGrid
      label={t('page.title')}
      rows={entries}
      columns={columns}
      loading={loading}
      initialState={INITIAL_STATE}
      pageSizeOptions={PAGE_SIZES}
      getRowHeight={() => 52}
      disableColumnFilter
      disableRowSelectionOnClick
      disableVirtualization={DISABLE_VIRTUALIZATION}
      onRowClick={({ row }) => onOpen(row)}
      onCellKeyDown={onCellKeyDown}
      slots={{ noRowsOverlay: () => noRows }}
      sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
    />
  );
}
