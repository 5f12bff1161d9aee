// The grid's toolbar: the views, the search (title, id or creator), "Filter" (a criterion
// to add), columns, density, keyboard shortcuts, Export, Refresh and the primary "Create
// new API key"; under it, the filter bar. Rendered by the grid (slots.toolbar), so it
// reaches the page's actions through a context rather than props. Each button with a
// shortcut says it in its tooltip.
import Add from '@mui/icons-material/Add';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import FilterList from '@mui/icons-material/FilterList';
import KeyboardOutlined from '@mui/icons-material/KeyboardOutlined';
import Refresh from '@mui/icons-material/Refresh';
import ViewColumnOutlined from '@mui/icons-material/ViewColumnOutlined';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import { ColumnsPanelTrigger, Toolbar, ToolbarButton } from '@mui/x-data-grid';
import type { GridFilterName } from '@shared/grid-settings';
import { createContext, memo, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeFilters, FILTER_ORDER } from '@renderer/features/api-keys/lib/grid-filters';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { useFilterEditorStore } from '@renderer/features/api-keys/stores/filter-editor-store';
import { DensityMenu } from '@renderer/features/api-keys/components/grid/density-menu';
import { SearchBox } from '@renderer/features/api-keys/components/grid/search-box';
import { FilterBar } from '@renderer/features/api-keys/components/filters/filter-bar';
import { ViewsMenu } from '@renderer/features/api-keys/components/filters/views-menu';

export type ToolbarActions = {
  locale: string;
  onCreate: () => void;
  onRefresh: () => void;
  onExport: () => void;
  /** Export progress as text ("Exporting… 300 / 1,200"), or null when idle. */
  exporting: string | null;
  onShortcuts: () => void;
  onSaveView: () => void;
  /** The shortcut of each action, as this platform writes it ("Ctrl+N", "⌘N"). */
  keys: { create: string; refresh: string; search: string };
  /** The columns hidden to fit the window (their names), if any. */
  gaveWay: string[];
};

export const ToolbarActionsContext = createContext<ToolbarActions | null>(null);

/** "Filter": the criteria the bar can add (the search has its box). */
const ADDABLE: readonly GridFilterName[] = FILTER_ORDER.filter((name) => name !== 'search');

function AddFilterButton(): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const inUse = useApiKeysStore((state) => activeFilters(state.filters).filter((name) => name !== 'search').length);
  const edit = useFilterEditorStore((state) => state.edit);
  return (
    <>
      <Button
        size="small"
        color={inUse > 0 ? 'primary' : 'inherit'}
        aria-haspopup="menu"
        startIcon={
          <Badge badgeContent={inUse} color="primary" variant="dot">
            <FilterList fontSize="small" />
          </Badge>
        }
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {t('filters.add')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': t('filters.addMenu') } }}>
        {ADDABLE.map((name) => (
          <MenuItem
            key={name}
            onClick={() => {
              const button = anchor;
              setAnchor(null);
              if (button) edit(name, button);
            }}
          >
            {t(`filters.criteria.${name}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

/**
 * The grid renders its toolbar slot with each of its own renders (every page of rows): kept
 * apart (memo, no props), the toolbar renders only when the actions' context or what its
 * parts read from the stores changes.
 */
export const ApiKeysToolbar = memo(function ApiKeysToolbar(): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const actions = useContext(ToolbarActionsContext);
  if (!actions) throw new Error('ApiKeysToolbar needs ToolbarActionsContext.');
  const withKeys = (action: string, keys: string): string => t('page.withShortcut', { action, keys });
  const columnsHint = actions.gaveWay.length === 0 ? t('page.columns') : `${t('page.columns')} — ${t('page.gaveWay', { columns: actions.gaveWay.join(', ') })}`;
  return (
    <>
      <Toolbar>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flex: 1, flexWrap: 'wrap', py: 0.5 }}>
          <ViewsMenu onSaveView={actions.onSaveView} />
          <SearchBox hint={withKeys(t('page.searchHint'), actions.keys.search)} />
          <AddFilterButton />
          <Tooltip describeChild disableInteractive title={columnsHint}>
            <ColumnsPanelTrigger
              render={
                <ToolbarButton aria-label={columnsHint}>
                  <Badge badgeContent={actions.gaveWay.length} color="secondary" variant="dot">
                    <ViewColumnOutlined fontSize="small" />
                  </Badge>
                </ToolbarButton>
              }
            />
          </Tooltip>
          <DensityMenu />
          <Tooltip describeChild disableInteractive title={withKeys(t('page.shortcuts'), '?')}>
            <ToolbarButton aria-label={t('page.shortcuts')} onClick={actions.onShortcuts}>
              <KeyboardOutlined fontSize="small" />
            </ToolbarButton>
          </Tooltip>
          <Box sx={{ flex: 1 }} />
          <Button size="small" startIcon={<FileDownloadOutlined />} onClick={actions.onExport} disabled={actions.exporting !== null}>
            {actions.exporting ?? t('page.export')}
          </Button>
          <Tooltip describeChild disableInteractive title={withKeys(t('page.refresh'), actions.keys.refresh)}>
            <Button size="small" startIcon={<Refresh />} onClick={actions.onRefresh}>
              {t('page.refresh')}
            </Button>
          </Tooltip>
          <Tooltip describeChild disableInteractive title={withKeys(t('page.create'), actions.keys.create)}>
            <Button variant="contained" size="small" startIcon={<Add />} onClick={actions.onCreate} sx={{ ml: 1 }}>
              {t('page.create')}
            </Button>
          </Tooltip>
        </Box>
      </Toolbar>
      <FilterBar locale={actions.locale} onSaveView={actions.onSaveView} />
    </>
  );
});
