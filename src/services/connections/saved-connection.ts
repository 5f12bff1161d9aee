// Saved connections: reconnecting with the refresh token the keychain kept ("Remember me"),
// through the REST API or, for a single sign-on connection, its identity provider; and
// removing a saved connection with its keychain entry (its token revoked first).
import type { OrganizationMembership, TokenResponse } from '../../shared/api-types';
import { AppError, isAppError } from '../../shared/errors';
import type { IdentityProviderConfig } from '../../shared/identity-provider';
import type { ConnectionProfile, SessionInfo } from '../../shared/session';
import type { CredentialStore } from '../credentials/credential-store';
import type { OrganizationClient } from '../organization-client/organization-client';
import type { ActiveSession } from './active-session';
import type { CredentialHousekeeping } from './credential-housekeeping';
import type { Logger } from '../logger';
import { lookUpRoles, membershipOf, refuseKnownNonAdministrator, userOf, withRoles } from './membership';
import type { ProfileStore } from './profile-store';
import { restTokenRenewal, type TokenRenewal, type TokenRevoker } from './token-renewal';
import { sessionEnded } from './token-session';

/** What a single sign-on connection needs from its identity provider (sso/sso-reconnect.ts). */
export interface SavedSsoConnections {
  /** New tokens from the remembered refresh token; UNAUTHORIZED (needsSsoSignIn) when it is no longer accepted. */
  refresh(
    profile: ConnectionProfile & { identityProvider: IdentityProviderConfig },
    refreshToken: string,
  ): Promise<{ tokens: TokenResponse; renewal(organizations: readonly OrganizationMembership[], organizationId: string): TokenRenewal }>;
  /** Who revokes its tokens: the identity provider. */
  revoker(config: IdentityProviderConfig): Promise<TokenRevoker>;
}

export function createSavedConnections(options: {
  createClient(serverUrl: string): OrganizationClient;
  credentialStore: CredentialStore;
  profiles: ProfileStore;
  chores: CredentialHousekeeping;
  session: ActiveSession;
  signOut(): Promise<void>;
  now: () => Date;
  log: Logger;
  sso: SavedSsoConnections;
}) {
  const { credentialStore, profiles, chores } = options;

  /** The server's REST API, or the identity provider (unreachable: the token simply expires). */
  async function revokerOf(profile: ConnectionProfile): Promise<TokenRevoker> {
    if (!profile.identityProvider) return options.createClient(profile.serverUrl);
    return options.sso.revoker(profile.identityProvider).catch(() => ({ revokeToken: async () => undefined }));
  }

  /** New tokens for the saved organization, and where the next ones will come from. */
  async function refreshed(
    profile: ConnectionProfile,
    client: OrganizationClient,
    stored: string,
  ): Promise<{ tokens: TokenResponse; renewal(organizations: readonly OrganizationMembership[], organizationId: string): TokenRenewal }> {
    if (profile.identityProvider) return options.sso.refresh({ ...profile, identityProvider: profile.identityProvider }, stored);
    try {
      return { tokens: await client.refreshToken(stored, profile.organizationId), renewal: () => restTokenRenewal(client) };
    } catch (error) {
      if (isAppError(error, 'UNAUTHORIZED', 'FORBIDDEN')) {
        await chores.forget(profile.id);
        throw sessionEnded({ connectionId: profile.id, needsPassword: true });
      }
      throw error;
    }
  }

  return {
    async connect(connectionId: string): Promise<SessionInfo> {
      const profile = await profiles.get(connectionId);
      if (!profile) throw AppError.because('NOT_FOUND', 'saved-connection-missing', {}, 'This saved connection no longer exists.', { connectionId });
      const stored = await credentialStore.getRefreshToken(connectionId);
      if (!stored && profile.identityProvider) {
        const message = `Sign in with single sign-on to connect to ${profile.label}: KeyDesk keeps no sign-in for it.`;
        throw AppError.because('UNAUTHORIZED', 'no-saved-sso-sign-in', { connection: profile.label }, message, { connectionId, needsSsoSignIn: true });
      }
      if (!stored) {
        const message = `Enter your password to connect to ${profile.label}: KeyDesk keeps no sign-in for it.`;
        throw AppError.because('UNAUTHORIZED', 'no-saved-sign-in', { connection: profile.label }, message, { connectionId });
      }
      const client = options.createClient(profile.serverUrl);
      const { tokens, renewal } = await refreshed(profile, client, stored);
      await chores.storeRotated(connectionId, tokens.refreshToken);
      const self = await client.usersSelf(tokens.accessToken);
      if (!self.organizations.some((candidate) => candidate.id === profile.organizationId)) {
        const message = `You are no longer a member of ${profile.organizationName}.`;
        throw AppError.because('FORBIDDEN', 'no-longer-member', { organization: profile.organizationName }, message);
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
      return options.session.activate({
        kind: 'cloud',
        connectionId,
        label: profile.label,
        client,
        renewal: renewal(organizations, organization.id),
        user,
        organizations,
        organization,
        tokens,
        remembered: true,
      });
    },

    async remove(connectionId: string): Promise<void> {
      if (options.session.current()?.info.connectionId === connectionId) await options.signOut();
      const profile = await profiles.get(connectionId);
      if (!profile) return;
      if (profile.remembered) {
        const stored = await credentialStore.getRefreshToken(connectionId).catch(() => null);
        if (stored) await chores.revoke(await revokerOf(profile), stored);
        await chores.forget(connectionId);
      }
      await profiles.remove(connectionId);
    },
  };
}
