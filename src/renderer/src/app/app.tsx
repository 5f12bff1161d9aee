// The renderer's root: settings and session first, then the connection screen or the keys.
import { Box, CircularProgress } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionScreen } from '@renderer/features/connections/components/connection-screen';
import { SettingsErrorSnackbar } from '@renderer/features/settings/components/settings-error-snackbar';
import { useSettingsStore } from '@renderer/features/settings/stores/settings-store';
import { useMenuCommand } from '@renderer/lib/menu-commands';
import { AboutDialog } from '@renderer/features/about/components/about-dialog';
import { AppHeader } from '@renderer/app/components/app-header';
import { AppProviders } from '@renderer/app/components/app-providers';
import { ErrorBoundary } from '@renderer/app/components/error-boundary';
import { ScreenBoundary } from '@renderer/components/screen-boundary';
import { FileRecoveryNotice } from '@renderer/app/components/file-recovery-notice';
import { useSessionStore } from '@renderer/app/stores/session-store';
import { SignedInShell } from '@renderer/app/components/signed-in-shell';

function Loading(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <CircularProgress aria-label={t('loading')} />
    </Box>
  );
}

function Screens(): React.JSX.Element {
  const { t } = useTranslation('app');
  const { t: tc } = useTranslation();
  const loaded = useSessionStore((state) => state.loaded);
  const session = useSessionStore((state) => state.session);
  const connected = useSessionStore((state) => state.connected);
  const ended = useSessionStore((state) => state.ended);
  const automaticUpdates = useSettingsStore((state) => state.settings.checkForUpdatesAutomatically);
  const updateSettings = useSettingsStore((state) => state.update);
  const [about, setAbout] = useState<{ open: boolean; checkForUpdates: boolean }>({ open: false, checkForUpdates: false });
  const openAbout = (checkForUpdates: boolean) => (): void => setAbout({ open: true, checkForUpdates });
  useMenuCommand('about', openAbout(false));
  useMenuCommand('check-for-updates', openAbout(true));

  let screen: React.JSX.Element;
  if (!loaded) screen = <Loading />;
  else if (session) screen = <SignedInShell session={session} onAbout={openAbout(false)} />;
  else {
    screen = (
      <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
        <AppHeader />
        <ScreenBoundary area="the connection screen" ways={[{ label: tc('actions.reload'), onSelect: () => window.location.reload() }]}>
          <ConnectionScreen onConnected={connected} notice={ended ? t('session.ended') : null} />
        </ScreenBoundary>
      </Box>
    );
  }
  return (
    <>
      {screen}
      <AboutDialog
        open={about.open}
        checkForUpdates={about.checkForUpdates}
        automaticUpdates={{ checked: automaticUpdates, onChange: (checked) => void updateSettings({ checkForUpdatesAutomatically: checked }) }}
        onClose={() => setAbout({ open: false, checkForUpdates: false })}
      />
      <SettingsErrorSnackbar />
      <FileRecoveryNotice />
    </>
  );
}

export function App(): React.JSX.Element {
  const settingsLoaded = useSettingsStore((state) => state.loaded);
  const loadSettings = useSettingsStore((state) => state.load);
  const loadSession = useSessionStore((state) => state.load);

  useEffect(() => {
    void loadSettings();
    void loadSession();
  }, [loadSettings, loadSession]);

  return (
    <AppProviders>
      <ErrorBoundary>{settingsLoaded ? <Screens /> : <Loading />}</ErrorBoundary>
    </AppProviders>
  );
}
