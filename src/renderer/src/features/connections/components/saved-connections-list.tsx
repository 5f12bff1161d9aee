// "Saved connections": each with "Connect" and "Remove" (after a confirmation). A failure
// that belongs to a connection (server unreachable, …) is said under that connection.
import CloudIcon from '@mui/icons-material/CloudOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, IconButton, List, ListItem, ListItemIcon, ListItemText, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionProfile } from '@shared/session';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useConnectionsStore } from '../connections-store';

type SavedConnectionsListProps = {
  profiles: readonly ConnectionProfile[];
  /** A failure to show under one connection. */
  failure: { id: string; message: string } | null;
  onConnect(profile: ConnectionProfile): void;
};

export function SavedConnectionsList({ profiles, failure, onConnect }: SavedConnectionsListProps): React.JSX.Element {
  const { t } = useTranslation('connections');
  const busy = useConnectionsStore((state) => state.busy);
  const remove = useConnectionsStore((state) => state.remove);
  const [removing, setRemoving] = useState<ConnectionProfile | null>(null);

  if (profiles.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('saved.empty')}
      </Typography>
    );
  }

  return (
    <>
      <List disablePadding aria-label={t('saved.title')}>
        {profiles.map((profile) => {
          const connecting = busy?.kind === 'saved' && busy.id === profile.id;
          return (
            <ListItem key={profile.id} disableGutters divider sx={{ display: 'block', py: 1 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <ListItemIcon sx={{ minWidth: 36 }}>
                  <CloudIcon color="action" />
                </ListItemIcon>
                <ListItemText
                  primary={profile.organizationName || profile.label}
                  secondary={
                    <>
                      <Box component="span" sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                        {profile.username} · {new URL(profile.serverUrl).host}
                      </Box>
                      <Box component="span" sx={{ display: 'block' }}>
                        {profile.remembered ? t('saved.remembered') : t('saved.needsPassword')}
                      </Box>
                    </>
                  }
                  sx={{ minWidth: 0 }}
                />
                <Button
                  variant="outlined"
                  size="small"
                  aria-label={t('saved.connectTo', { label: profile.organizationName || profile.label })}
                  loading={connecting}
                  disabled={busy !== null && !connecting}
                  onClick={() => onConnect(profile)}
                >
                  {t('saved.connect')}
                </Button>
                <Tooltip title={t('saved.remove')}>
                  <span>
                    <IconButton aria-label={t('saved.removeLabel', { label: profile.organizationName || profile.label })} disabled={busy !== null} onClick={() => setRemoving(profile)}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </span>
                </Tooltip>
              </Stack>
              {failure?.id === profile.id && (
                <Alert severity="error" sx={{ mt: 1 }}>
                  {failure.message}
                </Alert>
              )}
            </ListItem>
          );
        })}
      </List>
      <ConfirmDialog
        open={removing !== null}
        title={t('remove.title')}
        body={removing ? t('remove.body', { label: removing.organizationName || removing.label, username: removing.username }) : ''}
        confirmLabel={t('remove.confirm')}
        destructive
        onConfirm={() => (removing ? remove(removing.id) : Promise.resolve())}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
