// "Saved connections": each with "Connect" and "Remove" (after a confirmation). A failure
// that belongs to a connection (server unreachable, …) is said under that connection.
import CloudIcon from '@mui/icons-material/CloudOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, IconButton, List, ListItem, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionProfile } from '@shared/session';
import { ConfirmDialog } from '@renderer/components/confirm-dialog';
import { useConnectionsStore } from '@renderer/features/connections/stores/connections-store';

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
        {profiles.map((profile, index) => {
          const connecting = busy?.kind === 'saved' && busy.id === profile.id;
          const name = profile.organizationName || profile.label;
          const host = new URL(profile.serverUrl).host;
          return (
            <ListItem key={profile.id} disableGutters divider={index < profiles.length - 1} sx={{ display: 'block', py: 1.25 }}>
              <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                <CloudIcon color="action" aria-hidden />
                <Box sx={{ flex: 1, minWidth: 0 }} title={`${name} — ${profile.username} — ${host}`}>
                  <Typography variant="body2" noWrap sx={{ fontWeight: 500 }}>
                    {name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" noWrap component="div">
                    {profile.username}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" noWrap component="div">
                    {host} · {profile.remembered ? t('saved.remembered') : profile.identityProvider ? t('saved.needsSso') : t('saved.needsPassword')}
                  </Typography>
                </Box>
                <Button
                  variant="outlined"
                  size="small"
                  aria-label={t('saved.connectTo', { label: name })}
                  loading={connecting}
                  disabled={busy !== null && !connecting}
                  onClick={() => onConnect(profile)}
                >
                  {t('saved.connect')}
                </Button>
                <Tooltip title={t('saved.remove')}>
                  <span>
                    <IconButton aria-label={t('saved.removeLabel', { label: name })} disabled={busy !== null} onClick={() => setRemoving(profile)} size="small">
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
