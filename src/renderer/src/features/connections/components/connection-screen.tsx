// The first screen: "Connect to JMap Cloud", saved connections, and the local organization.
import CloudIcon from '@mui/icons-material/CloudOutlined';
import HistoryIcon from '@mui/icons-material/History';
import { Alert, Box, Container, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '@shared/errors';
import { LOCAL_CONNECTION_ID, type ConnectionProfile, type SessionInfo } from '@shared/session';
import { SectionCard } from '@renderer/components/section-card';
import { call } from '@renderer/lib/keydesk-client';
import { errorMessage } from '@renderer/i18n/error-message';
import { useConnectionsStore } from '@renderer/features/connections/stores/connections-store';
import { needsPassword } from '@renderer/features/connections/lib/sign-in-errors';
import { CloudSignInForm, type SignInPrefill } from '@renderer/features/connections/components/cloud-sign-in-form';
import { LocalOrganizationCard } from '@renderer/features/connections/components/local-organization-card';
import { SavedConnectionsList } from '@renderer/features/connections/components/saved-connections-list';

type ConnectionScreenProps = {
  onConnected(session: SessionInfo): void;
  /** Why the user is here again (a session that ended), or null. */
  notice?: string | null;
};

export function ConnectionScreen({ onConnected, notice }: ConnectionScreenProps): React.JSX.Element {
  const { t } = useTranslation('connections');
  const profiles = useConnectionsStore((state) => state.profiles);
  const loadError = useConnectionsStore((state) => state.loadError);
  const load = useConnectionsStore((state) => state.load);
  const run = useConnectionsStore((state) => state.run);
  // A new prefill remounts the form (its key), so it starts from the saved connection's values.
  const [prefill, setPrefill] = useState<{ values: SignInPrefill; generation: number } | null>(null);
  const [savedFailure, setSavedFailure] = useState<{ id: string; message: string } | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const askPassword = (profile: ConnectionProfile, rememberError: string | null): void => {
    setPrefill((previous) => ({
      generation: (previous?.generation ?? 0) + 1,
      values: {
        serverUrl: profile.serverUrl,
        username: profile.username,
        remember: profile.remembered,
        passwordHint: t('cloud.reconnect', { username: profile.username }),
        rememberError,
      },
    }));
  };

  const connectSaved = (profile: ConnectionProfile): void => {
    setSavedFailure(null);
    if (!profile.remembered) {
      askPassword(profile, null);
      return;
    }
    void run({ kind: 'saved', id: profile.id }, async () => {
      try {
        onConnected(await call('connectSaved', { id: profile.id }));
      } catch (error) {
        if (needsPassword(error)) askPassword(profile, error instanceof AppError && error.code === 'KEYCHAIN_UNAVAILABLE' ? errorMessage(error) : null);
        else setSavedFailure({ id: profile.id, message: errorMessage(error) });
      }
    });
  };

  return (
    <Container component="main" maxWidth="md" sx={{ py: { xs: 3, sm: 5 } }}>
      <Typography variant="h1" component="h1" gutterBottom>
        {t('title')}
      </Typography>
      <Typography variant="body1" color="text.secondary" sx={{ mb: 4, maxWidth: 640 }}>
        {t('intro')}
      </Typography>
      {notice && (
        <Alert severity="info" sx={{ mb: 3 }}>
          {notice}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 7fr) minmax(0, 5fr)' }, alignItems: 'start' }}>
        <SectionCard titleId="cloud-sign-in-title" title={t('cloud.title')} icon={<CloudIcon color="primary" aria-hidden />}>
          <CloudSignInForm key={prefill?.generation ?? 0} prefill={prefill?.values ?? null} onConnected={onConnected} />
        </SectionCard>
        <Stack spacing={3}>
          <SectionCard titleId="saved-connections-title" title={t('saved.title')} icon={<HistoryIcon color="primary" aria-hidden />}>
            {loadError ? (
              <Alert severity="error">{t('saved.loadFailed', { message: loadError })}</Alert>
            ) : (
              <SavedConnectionsList profiles={profiles.filter((profile) => profile.id !== LOCAL_CONNECTION_ID)} failure={savedFailure} onConnect={connectSaved} />
            )}
          </SectionCard>
          <LocalOrganizationCard onConnected={onConnected} />
        </Stack>
      </Box>
    </Container>
  );
}
