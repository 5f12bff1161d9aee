// The last step of "Sign in with single sign-on" (sso-sign-in.ts): what is kept of a sign-in
// once its organization is settled, and the session it opens.
import { randomUUID } from 'node:crypto';
import type { OrganizationMembership, UserRef } from '../../shared/api-types';
import type { IdentityProviderConfig } from '../../shared/identity-provider';
import type { ConnectionProfile, SsoStep } from '../../shared/session';
import type { ActiveSession } from '../connections/active-session';
import type { CredentialHousekeeping } from '../connections/credential-housekeeping';
import { profileLabel } from '../connections/membership';
import type { ProfileStore } from '../connections/profile-store';
import type { CredentialStore } from '../credentials/credential-store';
import type { OrganizationClient } from '../organization-client/organization-client';
import type { IdentityProviderClient, IdentityProviderTokens } from './identity-provider-client';
import { refusal } from './sso-errors';
import { createSsoRenewal } from './sso-renewal';

export interface Target {
  readonly serverUrl: string;
  readonly identityProvider: IdentityProviderConfig;
  readonly remember: boolean;
  readonly profile: ConnectionProfile | null;
  readonly organizationId: string | null;
}

/** Signed in to the identity provider, the organization not settled yet. */
export interface SignedIn {
  readonly target: Target;
  readonly client: OrganizationClient;
  readonly provider: IdentityProviderClient;
  readonly tokens: IdentityProviderTokens;
  readonly user: UserRef;
  /** Roles null where the server tells them only once the organization is chosen. */
  readonly organizations: OrganizationMembership[];
  readonly at: number;
}

export interface SsoCompletionOptions {
  credentialStore: CredentialStore;
  profiles: ProfileStore;
  chores: CredentialHousekeeping;
  session: ActiveSession;
  now: () => Date;
}

/**
 * The end of a single sign-on: the refresh token kept in the keychain when asked (never a
 * silent fallback), the saved connection written, and the session activated with the
 * identity provider renewing its tokens.
 */
export async function completeSsoSignIn(
  options: SsoCompletionOptions,
  signedIn: SignedIn,
  organization: OrganizationMembership,
  tokens: IdentityProviderTokens,
): Promise<SsoStep> {
  const { profiles, chores } = options;
  const { target, provider, user, client, organizations } = signedIn;
  if (tokens.refreshToken === '') {
    throw refusal(
      'no-refresh-token',
      'The identity provider gave no refresh token, so KeyDesk cannot keep you signed in. Ask your administrator to allow offline access for KeyDesk.',
    );
  }
  const existing = target.profile ?? (await profiles.find(target.serverUrl, user.email, 'sso'));
  const connectionId = existing?.id ?? randomUUID();
  if (target.remember) {
    try {
      await options.credentialStore.setRefreshToken(connectionId, tokens.refreshToken);
    } catch (error) {
      // Never a silent fallback: the user decides to go on for this session only.
      await chores.revoke(provider, tokens.refreshToken);
      throw error;
    }
  } else if (existing?.remembered) {
    await chores.forget(connectionId);
  }
  const label = profileLabel(organization.name, user.email);
  await chores.saveProfile({
    id: connectionId,
    label,
    serverUrl: target.serverUrl,
    organizationId: organization.id,
    organizationName: organization.name,
    username: user.email,
    remembered: target.remember,
    lastUsedAt: options.now().toISOString(),
    identityProvider: target.identityProvider,
  });
  const renewal = createSsoRenewal({ provider, organizations, organizationId: organization.id });
  const session = await options.session.activate({
    kind: 'cloud',
    connectionId,
    label,
    client,
    renewal,
    user,
    organizations,
    organization,
    tokens,
    remembered: target.remember,
  });
  return { status: 'signed-in', session };
}
