// The app shell's way to the services: the session it shows, and what start-up found.
import { call } from '@renderer/lib/keydesk-client';

export const sessionApi = {
  get: () => call('getSession'),
  switchOrganization: (organizationId: string) => call('switchOrganization', { organizationId }),
  signOut: () => call('signOut'),
  /** Settings or connections files found unreadable at start and kept aside. */
  fileRecoveries: () => call('listFileRecoveries'),
};
