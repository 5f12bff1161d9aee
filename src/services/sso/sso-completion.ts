// The two ends of "Sign in with single sign-on" (sso-sign-in.ts): where it goes (a new
// connection, or a saved one), and what is kept once its organization is settled, with the
// session it opens.
import { randomUUID } from 'node:crypto';
import type { OrganizationMembership, UserRef } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
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

export type SsoStartRequest =
  | { serverUrl: string; identityProvider: IdentityProviderConfig; remember: boolean }
  | { connectionId: string; organizationId?: string; remember: boolean };

/** Who signs in where: a new connection, or a saved one (for one of its organizations, when given). */
export async function targetOf(profiles: ProfileStore, request: SsoStartRequest): Promise<Target> {
  if ('serverUrl' in request) return { ...request, profile: null, organizationId: null };
  const profile = await profiles.get(request.connectionId);
  if (!profile) throw AppError.because('NOT_FOUND', 'saved-connection-missing', {}, 'This saved connection no longer exists.', { connectionId: request.connectionId });
  if (!profile.identityProvider) {
    const message = `${profile.label} signs in with a password, not with single sign-on.`;
    throw AppError.because('INVALID_ARGUMENT', 'connection-uses-password', { connection: profile.label }, message, { connectionId: profile.id });
  }
  return {
    serverUrl: profile.serverUrl,
    identityProvider: profile.identityProvider,
    remember: request.remember,
    profile,
    organizationId: request.organizationId ?? profile.organizationId,
  };
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
  const renewal = createSsoRenewal({ provider, organizations });
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
