// Saved connections: reconnecting with the refresh token the keychain kept ("Remember me"),
// and removing a saved connection with its keychain entry (its token revoked first).
import type { TokenResponse } from '../../shared/api-types';
import { AppError, isAppError } from '../../shared/errors';
import type { SessionInfo } from '../../shared/session';
import type { CredentialStore } from '../credentials/credential-store';
import type { OrganizationClient } from '../organization-client/organization-client';
import type { ActiveSession } from './active-session';
import type { CredentialHousekeeping } from './credential-housekeeping';
import type { Logger } from '../logger';
import { lookUpRoles, membershipOf, refuseKnownNonAdministrator, userOf, withRoles } from './membership';
import type { ProfileStore } from './profile-store';
import { SESSION_ENDED_MESSAGE } from './token-session';

export function createSavedConnections(options: {
  createClient(serverUrl: string): OrganizationClient;
  credentialStore: CredentialStore;
  profiles: ProfileStore;
  chores: CredentialHousekeeping;
  session: ActiveSession;
  signOut(): Promise<void>;
  now: () => Date;
  log: Logger;
}) {
  const { credentialStore, profiles, chores } = options;

  return {
    async connect(connectionId: string): Promise<SessionInfo> {
      const profile = await profiles.get(connectionId);
      if (!profile) throw new AppError('NOT_FOUND', 'This saved connection no longer exists.', { connectionId });
      const stored = await credentialStore.getRefreshToken(connectionId);
      if (!stored) {
        throw new AppError('UNAUTHORIZED', `Enter your password to connect to ${profile.label}: KeyDesk keeps no sign-in for it.`, {
          connectionId,
          needsPassword: true,
        });
      }
      const client = options.createClient(profile.serverUrl);
      let tokens: TokenResponse;
      try {
        tokens = await client.refreshToken(stored, profile.organizationId);
      } catch (error) {
        if (isAppError(error, 'UNAUTHORIZED', 'FORBIDDEN')) {
          await chores.forget(connectionId);
          throw new AppError('UNAUTHORIZED', SESSION_ENDED_MESSAGE, { connectionId, needsPassword: true });
        }
        throw error;
      }
      await chores.storeRotated(connectionId, tokens.refreshToken);
      const self = await client.usersSelf(tokens.accessToken);
      if (!self.organizations.some((candidate) => candidate.id === profile.organizationId)) {
        throw new AppError('FORBIDDEN', `You are no longer a member of ${profile.organizationName}.`);
      }
      let organizations = await lookUpRoles(client, tokens.accessToken, self.organizations, options.log);
      let organization = membershipOf(organizations, profile.organizationId);
      if (organization.roles === null) {
        // The session is scoped to this organization: members/self must answer for it.
        organizations = withRoles(organizations, organization.id, (await client.membersSelf(tokens.accessToken, organization.id)).roles);
        organization = membershipOf(organizations, profile.organizationId);
      }
      refuseKnownNonAdministrator(organization);
      await chores.saveProfile({ ...profile, organizationName: organization.name, lastUsedAt: options.now().toISOString() });
      const user = userOf(self, profile.username, options.log);
      return options.session.activate({ kind: 'cloud', connectionId, label: profile.label, client, user, organizations, organization, tokens, remembered: true });
    },

    async remove(connectionId: string): Promise<void> {
      if (options.session.current()?.info.connectionId === connectionId) await options.signOut();
      const profile = await profiles.get(connectionId);
      if (!profile) return;
      if (profile.remembered) {
        const stored = await credentialStore.getRefreshToken(connectionId).catch(() => null);
        if (stored) await chores.revoke(options.createClient(profile.serverUrl), stored);
        await chores.forget(connectionId);
      }
      await profiles.remove(connectionId);
    },
  };
}
