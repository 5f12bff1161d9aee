// What a signed-in admin sees: the app bar (organization, account, settings) over the
// organization's API keys or the activity log, with the expiry watch's banner.
import { Alert, Box, LinearProgress, Snackbar } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/session';
import { ActivityPage } from '@renderer/features/activity/components/activity-page';
import { ApiKeysPage } from '@renderer/features/api-keys/components/api-keys-page';
import { errorMessage } from '@renderer/i18n/error-message';
import { onCallFailure } from '@renderer/lib/keydesk-client';
import { useMenuCommand } from '@renderer/lib/menu-commands';
import { ScreenBoundary } from '@renderer/components/screen-boundary';
import { AccountMenu } from '@renderer/app/components/account-menu';
import { AppHeader } from '@renderer/app/components/app-header';
import { OrganizationSwitcher } from '@renderer/app/components/organization-switcher';
import { ViewTabs, viewPanelId, viewTabId, type View } from '@renderer/app/components/view-tabs';
import { useExpiryWatch } from '@renderer/app/hooks/use-expiry-watch';
import { useSessionStore } from '@renderer/app/stores/session-store';

export function SignedInShell({ session, onAbout }: { session: SessionInfo; onAbout(): void }): React.JSX.Element {
  const { t } = useTranslation('app');
  const { t: tc } = useTranslation();
  const signOut = useSessionStore((state) => state.signOut);
  const problem = useSessionStore((state) => state.problem);
  const dismissProblem = useSessionStore((state) => state.dismissProblem);
  const verify = useSessionStore((state) => state.verify);
  const busy = useSessionStore((state) => state.switching || state.signingOut);
  const [view, setView] = useState<View>('keys');
  const signOutWay = { label: tc('screenProblem.signOut'), onSelect: () => void signOut() };
  useMenuCommand('sign-out', () => void signOut());
  // Commands about keys bring their view forward.
  useMenuCommand('new-api-key', () => setView('keys'));
  const expiry = useExpiryWatch(() => setView('keys'));

  // The window's title (taskbar, window switcher) says which organization this is.
  useEffect(() => {
    document.title = `${session.organization.name} — KeyDesk`;
    return () => {
      document.title = 'KeyDesk';
    };
  }, [session.organization.name]);

  // Whichever feature's call finds the session gone, the app returns to the connection screen.
  useEffect(
    () =>
      onCallFailure((error) => {
        if (error.code === 'NOT_CONNECTED' || error.code === 'UNAUTHORIZED') void verify();
      }),
    [verify],
  );

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <AppHeader end={<AccountMenu session={session} onSignOut={() => void signOut()} onAbout={onAbout} onExpiryWarnings={expiry.openSettings} />}>
        <OrganizationSwitcher session={session} />
      </AppHeader>
      {/* Reserved height: the page does not jump when the bar appears. */}
      <Box sx={{ height: 4 }}>{busy && <LinearProgress aria-label={tc('loading')} />}</Box>
      <ViewTabs view={view} onChange={setView} />
      {/* The keys stay mounted behind the Activity view: their page, sort and filters are
          where the admin left them. A new organization is a new page: nothing of the
          previous one's state survives. */}
      <Box
        role="tabpanel"
        id={viewPanelId('keys')}
        aria-labelledby={viewTabId('keys')}
        hidden={view !== 'keys'}
        sx={{ flex: '1 1 0px', minHeight: 0, display: view === 'keys' ? 'flex' : 'none', flexDirection: 'column' }}
      >
        <ScreenBoundary area="the keys page" ways={[signOutWay]}>
          <ApiKeysPage key={`${session.connectionId}:${session.organization.id}`} session={session} banner={expiry.banner} />
        </ScreenBoundary>
      </Box>
      {view === 'activity' && (
        <Box role="tabpanel" id={viewPanelId('activity')} aria-labelledby={viewTabId('activity')} sx={{ flex: '1 1 0px', minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <ScreenBoundary area="the activity view" ways={[{ label: tc('screenProblem.backToKeys'), onSelect: () => setView('keys') }, signOutWay]}>
            <ActivityPage session={session} />
          </ScreenBoundary>
        </Box>
      )}
      {expiry.dialog}
      <Snackbar open={problem !== null} onClose={dismissProblem} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="error" variant="filled" onClose={dismissProblem}>
          {problem && t(problem.kind === 'switch' ? 'organization.switchFailed' : 'account.signOutFailed', { message: errorMessage(problem.error) })}
        </Alert>
      </Snackbar>
    </Box>
  );
}
