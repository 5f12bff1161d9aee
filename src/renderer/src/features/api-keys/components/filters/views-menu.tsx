// "View: …": the audit questions every admin has (all keys, expiring in 30 days, expired,
// never used, not used in 90 days) and the admin's own saved views. The button names the
// view the filters and sort on screen match, or "Custom".
import Check from '@mui/icons-material/Check';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import ExpandMore from '@mui/icons-material/ExpandMore';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { GridFilters, GridSort } from '@shared/grid-settings';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { BUILT_IN_VIEWS } from '@renderer/features/api-keys/lib/builtin-views';
import { activeFilters, sameFilters } from '@renderer/features/api-keys/lib/grid-filters';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { useGridSettingsStore } from '@renderer/features/api-keys/stores/grid-settings-store';

type View = { id: string; filters: GridFilters; sort: GridSort };

const sameSort = (a: GridSort, b: GridSort): boolean => a.field === b.field && a.direction === b.direction;

/** The view on screen: a built-in or saved one whose filters (and sort) match; "all" for no filter at all. */
function currentView(filters: GridFilters, sort: GridSort, views: View[]): string | null {
  if (activeFilters(filters).length === 0) return 'all';
  return views.find((view) => sameFilters(view.filters, filters) && sameSort(view.sort, sort))?.id ?? null;
}

export function ViewsMenu({ onSaveView }: { onSaveView: () => void }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { filters, sort, applyView } = useApiKeysStore(useShallow((state) => ({ filters: state.filters, sort: state.sort, applyView: state.applyView })));
  const saved = useGridSettingsStore((state) => state.views);
  const deleteView = useGridSettingsStore((state) => state.deleteView);
  const current = currentView(filters, sort, [...BUILT_IN_VIEWS, ...saved]);
  const name =
    BUILT_IN_VIEWS.find((view) => view.id === current) !== undefined
      ? t(`views.builtIn.${current as (typeof BUILT_IN_VIEWS)[number]['id']}`)
      : (saved.find((view) => view.id === current)?.name ?? t('views.custom'));

  const choose = (view: View): void => {
    setAnchor(null);
    applyView(view);
  };
  const item = (view: View, label: string): React.JSX.Element => (
    <MenuItem key={view.id} selected={view.id === current} onClick={() => choose(view)}>
      <ListItemIcon>{view.id === current && <Check fontSize="small" />}</ListItemIcon>
      <ListItemText>{label}</ListItemText>
    </MenuItem>
  );

  return (
    <>
      <Button
        size="small"
        color="inherit"
        endIcon={<ExpandMore />}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? menuId : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {t('views.button', { name })}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': t('views.menu') } }}>
        {BUILT_IN_VIEWS.map((view) => item(view, t(`views.builtIn.${view.id}`)))}
        {saved.length > 0 && <Divider />}
        {saved.length > 0 && <ListSubheader>{t('views.mine')}</ListSubheader>}
        {saved.map((view) => (
          <MenuItem key={view.id} selected={view.id === current} onClick={() => choose(view)}>
            <ListItemIcon>{view.id === current && <Check fontSize="small" />}</ListItemIcon>
            <ListItemText>{view.name}</ListItemText>
            <IconButton
              size="small"
              edge="end"
              aria-label={t('views.delete', { name: view.name })}
              onClick={(event) => {
                event.stopPropagation();
                void deleteView(view.id);
              }}
            >
              <DeleteOutlined fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            onSaveView();
          }}
        >
          <ListItemIcon />
          <ListItemText>{t('views.save')}</ListItemText>
        </MenuItem>
      </Menu>
    </>
  );
}
