// The first screen: "Connect to JMap Cloud", saved connections, and the local organization.
import CloudIcon from '@mui/icons-material/CloudOutlined';
import HistoryIcon from '@mui/icons-material/History';
import { Alert, Box, Container, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '@shared/errors';
import { LOCAL_CONNECTION_ID, type ConnectionProfile, type SessionInfo } from '@shared/session';
import { SectionCard } from '@renderer/components/section-card';
import { errorMessage } from '@renderer/i18n/error-message';
import { useConnectionsStore } from '@renderer/features/connections/stores/connections-store';
import { CloudSignInForm, type SignInPrefill } from '@renderer/features/connections/components/cloud-sign-in-form';
import { LocalOrganizationCard } from '@renderer/features/connections/components/local-organization-card';
import { SavedConnectionsList } from '@renderer/features/connections/components/saved-connections-list';
import { SsoSignInForm } from '@renderer/features/connections/components/sso-sign-in-form';

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
  const connectSavedProfile = useConnectionsStore((state) => state.connectSaved);
  // A new prefill remounts the form (its key), so it starts from the saved connection's values.
  const [prefill, setPrefill] = useState<{ values: SignInPrefill; generation: number } | null>(null);
  const [savedFailure, setSavedFailure] = useState<{ id: string; error: AppError } | null>(null);
  // The standard (password) sign-in, or single sign-on; a saved single sign-on connection to sign in to again.
  const [method, setMethod] = useState<'standard' | 'sso'>('standard');
  const [ssoSaved, setSsoSaved] = useState<{ profile: ConnectionProfile; generation: number } | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const askPassword = (profile: ConnectionProfile, keychainError: AppError | null): void => {
    setPrefill((previous) => ({
      generation: (previous?.generation ?? 0) + 1,
      values: {
        serverUrl: profile.serverUrl,
        username: profile.username,
        remember: profile.remembered,
        passwordHint: t('cloud.reconnect', { username: profile.username }),
        rememberProblem: keychainError ? { error: keychainError } : null,
      },
    }));
  };

  const connectSaved = async (profile: ConnectionProfile): Promise<void> => {
    setSavedFailure(null);
    const outcome = await connectSavedProfile(profile);
    if (outcome.kind === 'connected') onConnected(outcome.session);
    else if (outcome.kind === 'needs-password') {
      setMethod('standard');
      askPassword(profile, outcome.keychainError);
    } else if (outcome.kind === 'needs-sso') {
      setMethod('sso');
      setSsoSaved((previous) => ({ profile, generation: (previous?.generation ?? 0) + 1 }));
    }
    else if (outcome.kind === 'failed') setSavedFailure({ id: profile.id, error: outcome.error });
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
          <Tabs value={method} onChange={(_, value: 'standard' | 'sso') => setMethod(value)} aria-label={t('cloud.methods')} sx={{ mb: 2, mt: -1 }}>
            <Tab value="standard" label={t('cloud.standardTab')} id="sign-in-tab-standard" aria-controls="sign-in-panel-standard" />
            <Tab value="sso" label={t('sso.tab')} id="sign-in-tab-sso" aria-controls="sign-in-panel-sso" />
          </Tabs>
          <Box role="tabpanel" id={`sign-in-panel-${method}`} aria-labelledby={`sign-in-tab-${method}`}>
            {method === 'standard' ? (
              <CloudSignInForm key={prefill?.generation ?? 0} prefill={prefill?.values ?? null} onConnected={onConnected} />
            ) : (
              <SsoSignInForm key={ssoSaved?.generation ?? 0} saved={ssoSaved?.profile ?? null} onConnected={onConnected} />
            )}
          </Box>
        </SectionCard>
        <Stack spacing={3}>
          <SectionCard titleId="saved-connections-title" title={t('saved.title')} icon={<HistoryIcon color="primary" aria-hidden />}>
            {loadError ? (
              <Alert severity="error">{t('saved.loadFailed', { message: errorMessage(loadError) })}</Alert>
            ) : (
              <SavedConnectionsList profiles={profiles.filter((profile) => profile.id !== LOCAL_CONNECTION_ID)} failure={savedFailure && { id: savedFailure.id, message: errorMessage(savedFailure.error) }} onConnect={(profile) => void connectSaved(profile)} />
            )}
          </SectionCard>
          <LocalOrganizationCard onConnected={onConnected} />
        </Stack>
      </Box>
    </Container>
  );
}
