// The grid's toolbar: quick search, columns, filters, density, Export, Refresh and the
// primary "Create new API key". Rendered by the grid (slots.toolbar), so it reaches the
// page's actions through a context rather than props.
import Add from '@mui/icons-material/Add';
import Clear from '@mui/icons-material/Clear';
import DensityMedium from '@mui/icons-material/DensityMedium';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import FilterList from '@mui/icons-material/FilterList';
import Refresh from '@mui/icons-material/Refresh';
import Search from '@mui/icons-material/Search';
import ViewColumnOutlined from '@mui/icons-material/ViewColumnOutlined';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import {
  ColumnsPanelTrigger,
  FilterPanelTrigger,
  QuickFilter,
  QuickFilterClear,
  QuickFilterControl,
  Toolbar,
  ToolbarButton,
  gridDensitySelector,
  useGridApiContext,
  useGridSelector,
  type GridDensity,
} from '@mui/x-data-grid';
import { createContext, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The quick search input's id, for Ctrl/Cmd+F. */
export const QUICK_SEARCH_ID = 'api-keys-quick-search';
const SEARCH_DEBOUNCE_MS = 400;

export type ToolbarActions = {
  onCreate: () => void;
  onRefresh: () => void;
  onExport: () => void;
  /** Export progress as text ("Exporting… 300 / 1,200"), or null when idle. */
  exporting: string | null;
};

export const ToolbarActionsContext = createContext<ToolbarActions | null>(null);

// The whole text is one search value: the server matches it as a substring.
const parseSearch = (input: string): string[] => (input.trim() === '' ? [] : [input]);
const formatSearch = (values: unknown[]): string => values.filter((value) => typeof value === 'string').join(' ');

function QuickSearch(): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  return (
    <QuickFilter expanded debounceMs={SEARCH_DEBOUNCE_MS} parser={parseSearch} formatter={formatSearch}>
      <QuickFilterControl
        render={({ ref, slotProps, ...controlProps }, state) => (
          <TextField
            {...controlProps}
            inputRef={ref}
            size="small"
            placeholder={t('page.search')}
            sx={{ width: { xs: 180, md: 280 } }}
            slotProps={{
              ...slotProps,
              htmlInput: { ...slotProps?.htmlInput, id: QUICK_SEARCH_ID, 'aria-label': t('page.searchLabel'), title: t('page.searchHint') },
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <Search fontSize="small" />
                  </InputAdornment>
                ),
                endAdornment: state.value ? (
                  <InputAdornment position="end">
                    <QuickFilterClear render={<IconButton size="small" edge="end" aria-label={t('page.clearSearch')} />}>
                      <Clear fontSize="small" />
                    </QuickFilterClear>
                  </InputAdornment>
                ) : null,
              },
            }}
          />
        )}
      />
    </QuickFilter>
  );
}

const DENSITIES: { value: GridDensity; label: 'page.densityCompact' | 'page.densityStandard' | 'page.densityComfortable' }[] = [
  { value: 'compact', label: 'page.densityCompact' },
  { value: 'standard', label: 'page.densityStandard' },
  { value: 'comfortable', label: 'page.densityComfortable' },
];

function DensityMenu(): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const apiRef = useGridApiContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = useGridSelector(apiRef, gridDensitySelector);
  return (
    <>
      <Tooltip title={t('page.density')}>
        <ToolbarButton aria-label={t('page.density')} aria-haspopup="menu" onClick={(event) => setAnchor(event.currentTarget)}>
          <DensityMedium fontSize="small" />
        </ToolbarButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {DENSITIES.map(({ value, label }) => (
          <MenuItem
            key={value}
            selected={value === current}
            onClick={() => {
              apiRef.current.setDensity(value);
              setAnchor(null);
            }}
          >
            {t(label)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

export function ApiKeysToolbar(): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const actions = useContext(ToolbarActionsContext);
  if (!actions) throw new Error('ApiKeysToolbar needs ToolbarActionsContext.');
  return (
    <Toolbar>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flex: 1, flexWrap: 'wrap', py: 0.5 }}>
        <QuickSearch />
        <Tooltip title={t('page.columns')}>
          <ColumnsPanelTrigger render={<ToolbarButton aria-label={t('page.columns')} />}>
            <ViewColumnOutlined fontSize="small" />
          </ColumnsPanelTrigger>
        </Tooltip>
        <Tooltip title={t('page.filters')}>
          <FilterPanelTrigger
            render={(props, state) => (
              <ToolbarButton {...props} aria-label={t('page.filters')} color={state.filterCount > 0 ? 'primary' : 'default'}>
                <Badge badgeContent={state.filterCount} color="primary" variant="dot">
                  <FilterList fontSize="small" />
                </Badge>
              </ToolbarButton>
            )}
          />
        </Tooltip>
        <DensityMenu />
        <Box sx={{ flex: 1 }} />
        <Button
          size="small"
          startIcon={<FileDownloadOutlined />}
          onClick={actions.onExport}
          disabled={actions.exporting !== null}
        >
          {actions.exporting ?? t('page.export')}
        </Button>
        <Button size="small" startIcon={<Refresh />} onClick={actions.onRefresh}>
          {t('page.refresh')}
        </Button>
        <Button variant="contained" size="small" startIcon={<Add />} onClick={actions.onCreate} sx={{ ml: 1 }}>
          {t('page.create')}
        </Button>
      </Box>
    </Toolbar>
  );
}
