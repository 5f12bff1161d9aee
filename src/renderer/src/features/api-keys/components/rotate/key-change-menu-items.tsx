// "Edit…" and "Replace key…" for a menu of a key's actions (the row menu): items rather than
// a fragment, which MUI's Menu does not take. Where the server cannot edit, "Edit…" still
// opens and says so, offering "Replace key…" (stores/edit-flow.ts).
import EditOutlined from '@mui/icons-material/EditOutlined';
import Autorenew from '@mui/icons-material/Autorenew';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import type { ApiKey } from '@shared/api-types';
import { useKeyChangeStore } from '@renderer/features/api-keys/stores/key-change-store';

/** The items' words (keyChange.actions), given by the menu: a row's menu subscribes to no catalog. */
export type KeyChangeLabels = { edit: string; rotate: string };

/** `beforeOpen` closes the menu. */
export function keyChangeMenuItems(apiKey: ApiKey, labels: KeyChangeLabels, beforeOpen: () => void): React.JSX.Element[] {
  const choose = (kind: 'edit' | 'rotate'): void => {
    beforeOpen();
    useKeyChangeStore.getState().open({ kind, apiKey });
  };
  return [
    <MenuItem key="edit" onClick={() => choose('edit')}>
      <ListItemIcon>
        <EditOutlined fontSize="small" />
      </ListItemIcon>
      <ListItemText>{labels.edit}</ListItemText>
    </MenuItem>,
    <MenuItem key="rotate" onClick={() => choose('rotate')}>
      <ListItemIcon>
        <Autorenew fontSize="small" />
      </ListItemIcon>
      <ListItemText>{labels.rotate}</ListItemText>
    </MenuItem>,
  ];
}
