// The app shell's way to the services: the session it shows, and what start-up found.
import { call } from '@renderer/lib/keydesk-client';

export const sessionApi = {
  get: () => call('getSession'),
  /** The switcher's switch: at once, or through the browser for a provider that scopes only there. */
  startOrganizationSwitch: (organizationId: string) => call('startOrganizationSwitch', { organizationId }),
  /** Waits for the browser of a switch (as for a sign-in), then says the session moved. */
  continueInBrowser: () => call('continueSsoSignIn'),
  cancelInBrowser: () => call('cancelSsoSignIn'),
  signOut: () => call('signOut'),
  /** Settings or connections files found unreadable at start and kept aside. */
  fileRecoveries: () => call('listFileRecoveries'),
};
