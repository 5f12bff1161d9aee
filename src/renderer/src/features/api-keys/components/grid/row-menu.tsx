// The row actions' menu ("Display information", "Edit…", "Replace key…", "Delete", and the
// key's id and title to copy), with each action's key beside it so that the keyboard way is discoverable.
import ContentCopy from '@mui/icons-material/ContentCopy';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { keyChangeMenuItems } from '@renderer/features/api-keys/components/rotate/key-change-menu-items';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { useRowMenuStore } from '@renderer/features/api-keys/stores/row-menu-store';

/** The key shown beside an item; assistive technologies read it from the item's aria-keyshortcuts. */
function Shortcut({ keys }: { keys: string }): React.JSX.Element {
  return (
    <Typography variant="body2" color="text.secondary" aria-hidden sx={{ ml: 3 }}>
      {keys}
    </Typography>
  );
}

export function RowMenu({ onCopied }: { onCopied: (what: 'id' | 'title') => void }): React.JSX.Element | null {
  const { t } = useTranslation('apiKeys');
  const open = useRowMenuStore((state) => state.open);
  const close = useRowMenuStore((state) => state.close);
  if (!open) return null;
  const { apiKey, anchor } = open;
  const choose = (kind: 'information' | 'delete'): void => {
    close();
    useApiKeysStore.getState().openDialog({ kind, apiKey });
  };
  const copy = (what: 'id' | 'title'): void => {
    close();
    void apiKeysApi.copyText(what === 'id' ? apiKey.id : apiKey.title).then(() => onCopied(what), () => undefined);
  };
  return (
    <Menu
      open
      onClose={close}
      slotProps={{ list: { 'aria-label': t('rowActions.menu', { title: apiKey.title }) } }}
      {...('element' in anchor
        ? { anchorEl: anchor.element, anchorOrigin: { vertical: 'bottom', horizontal: 'right' }, transformOrigin: { vertical: 'top', horizontal: 'right' } }
        : { anchorReference: 'anchorPosition', anchorPosition: { top: anchor.y, left: anchor.x } })}
      // The menu is portalled out of the grid: keep its keys away from the grid's navigation.
      onKeyDown={(event) => event.stopPropagation()}
    >
      <MenuItem onClick={() => choose('information')} aria-keyshortcuts="Enter">
        <ListItemIcon>
          <InfoOutlined fontSize="small" />
        </ListItemIcon>
        <ListItemText>{t('rowActions.information')}</ListItemText>
        <Shortcut keys={t('shortcuts.enter')} />
      </MenuItem>
      {keyChangeMenuItems(apiKey, { edit: t('keyChange.actions.edit'), rotate: t('keyChange.actions.rotate') }, close)}
      <MenuItem onClick={() => choose('delete')} aria-keyshortcuts="Delete" sx={{ color: 'error.main' }}>
        <ListItemIcon sx={{ color: 'inherit' }}>
          <DeleteOutlined fontSize="small" />
        </ListItemIcon>
        <ListItemText>{t('rowActions.delete')}</ListItemText>
        <Shortcut keys={t('shortcuts.deleteKey')} />
      </MenuItem>
      <Divider />
      <MenuItem onClick={() => copy('id')}>
        <ListItemIcon>
          <ContentCopy fontSize="small" />
        </ListItemIcon>
        <ListItemText>{t('rowActions.copyId')}</ListItemText>
      </MenuItem>
      <MenuItem onClick={() => copy('title')}>
        <ListItemIcon>
          <ContentCopy fontSize="small" />
        </ListItemIcon>
        <ListItemText>{t('rowActions.copyTitle')}</ListItemText>
      </MenuItem>
    </Menu>
  );
}
