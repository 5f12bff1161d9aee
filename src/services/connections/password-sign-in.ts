// Signing in with a password (the "Connect to JMap Cloud" form, and the local organization
// with its demo administrator): /authenticate → /users/self → organization chosen →
// /refresh-token scoped to it → members/self for the roles there. The password is used
// once and forgotten; the refresh token goes to the keychain only when the user asked to be
// remembered. A user of several organizations is held "pending" until they choose one, for
// at most ten minutes.
import { randomUUID } from 'node:crypto';
import type { OrganizationMembership, TokenResponse, UserRef } from '../../shared/api-types';
import { AppError, isAppError } from '../../shared/errors';
import { holdsRole, type OrganizationRole } from '../../shared/roles';
import { LOCAL_CONNECTION_ID, type SessionInfo, type SignInOutcome } from '../../shared/session';
import type { CredentialStore } from '../credentials/credential-store';
import type { Logger } from '../logger';
import type { OrganizationClient } from '../organization-client/organization-client';
import type { ActiveSession } from './active-session';
import type { CredentialHousekeeping } from './credential-housekeeping';
import {
  LOCAL_CONNECTION_LABEL,
  lookUpRoles,
  membershipOf,
  notAdministrator,
  profileLabel,
  refuseKnownNonAdministrator,
  userOf,
  withRoles,
} from './membership';
import type { ProfileStore } from './profile-store';
import { restTokenRenewal } from './token-renewal';

/** A sign-in waiting for its organization is dropped after this long. */
const PENDING_LIFETIME_MS = 10 * 60_000;

export interface SignInRequest {
  serverUrl: string;
  username: string;
  password: string;
  remember: boolean;
}

/** Signed in to the server, the organization not chosen yet. */
export interface Started {
  kind: 'local' | 'cloud';
  client: OrganizationClient;
  username: string;
  refreshToken: string;
  user: UserRef;
  /** The user's organizations; roles null where the server tells them only once chosen. */
  organizations: OrganizationMembership[];
  remember: boolean;
  startedAt: number;
}

/**
 * /authenticate, where a 404 means the address is not a JMap Cloud API (a typo, a path too
 * many): said as such rather than as "it no longer exists".
 */
async function authenticate(client: OrganizationClient, request: SignInRequest): Promise<TokenResponse> {
  try {
    return await client.authenticate(request.username, request.password);
  } catch (error) {
    if (!isAppError(error, 'NOT_FOUND')) throw error;
    const message = `Nothing at ${client.baseUrl} answers as JMap Cloud's API (HTTP 404 on /authenticate).`;
    throw AppError.because('NOT_FOUND', 'no-api-at-address', { serverUrl: client.baseUrl }, message, error.details);
  }
}

export function createPasswordSignIn(options: {
  createClient(serverUrl: string): OrganizationClient;
  credentialStore: CredentialStore;
  profiles: ProfileStore;
  chores: CredentialHousekeeping;
  session: ActiveSession;
  now: () => Date;
  log: Logger;
}) {
  const { credentialStore, profiles, chores, log } = options;
  let pending: Started | null = null;

  async function dropPending(): Promise<void> {
    const dropped = pending;
    pending = null;
    if (dropped) await chores.revoke(dropped.client, dropped.refreshToken);
  }

  async function start(kind: 'local' | 'cloud', request: SignInRequest): Promise<Started> {
    await dropPending();
    const client = options.createClient(request.serverUrl);
    const first = await authenticate(client, request);
    try {
      const self = await client.usersSelf(first.accessToken);
      // One organization needs no lookup now: its roles are read once the session is scoped to it.
      const organizations =
        self.organizations.length > 1
          ? await lookUpRoles(client, first.accessToken, self.organizations, log)
          : self.organizations.map((organization) => ({ ...organization, roles: null }));
      const user = userOf(self, request.username, log);
      return { kind, client, username: request.username, refreshToken: first.refreshToken, user, organizations, remember: request.remember, startedAt: options.now().getTime() };
    } catch (error) {
      await chores.revoke(client, first.refreshToken);
      throw error;
    }
  }

  /**
   * Finishes a sign-in for the chosen organization. Refused as not an administrator there,
   * the sign-in stays pending with its rotated token, so that another organization can be
   * chosen without typing the password again.
   */
  async function complete(from: Started, organizationId: string, serverUrl: string): Promise<SessionInfo> {
    refuseKnownNonAdministrator(membershipOf(from.organizations, organizationId));
    pending = null;
    const tokens = await from.client.refreshToken(from.refreshToken, organizationId);
    let roles: OrganizationRole[];
    try {
      ({ roles } = await from.client.membersSelf(tokens.accessToken, organizationId));
    } catch (error) {
      await chores.revoke(from.client, tokens.refreshToken);
      throw error;
    }
    const organizations = withRoles(from.organizations, organizationId, roles);
    const organization = membershipOf(organizations, organizationId);
    if (!holdsRole(roles, 'ORG_ADMIN')) {
      pending = { ...from, refreshToken: tokens.refreshToken, organizations };
      throw notAdministrator(organization.name);
    }
    const existing = from.kind === 'cloud' ? await profiles.find(serverUrl, from.username, 'password') : null;
    const connectionId = from.kind === 'local' ? LOCAL_CONNECTION_ID : (existing?.id ?? randomUUID());
    if (from.remember) {
      try {
        await credentialStore.setRefreshToken(connectionId, tokens.refreshToken);
      } catch (error) {
        // Never a silent fallback: the user decides to go on for this session only.
        await chores.revoke(from.client, tokens.refreshToken);
        throw error;
      }
    } else if (existing?.remembered) {
      await chores.forget(connectionId);
    }
    const label = from.kind === 'local' ? LOCAL_CONNECTION_LABEL : profileLabel(organization.name, from.username);
    if (from.kind === 'cloud') {
      await chores.saveProfile({
        id: connectionId,
        label,
        serverUrl,
        organizationId: organization.id,
        organizationName: organization.name,
        username: from.username,
        remembered: from.remember,
        lastUsedAt: options.now().toISOString(),
      });
    }
    return options.session.activate({
      kind: from.kind,
      connectionId,
      label,
      client: from.client,
      renewal: restTokenRenewal(from.client),
      user: from.user,
      organizations,
      organization,
      tokens,
      remembered: from.remember,
    });
  }

  /** Completes `started`; refused as not an administrator, nothing stays pending. */
  async function completeOnly(started: Started, organizationId: string, serverUrl: string): Promise<SessionInfo> {
    pending = started;
    try {
      return await complete(started, organizationId, serverUrl);
    } catch (error) {
      if (isAppError(error, 'NOT_ADMINISTRATOR')) await dropPending();
      throw error;
    }
  }

  return {
    start,
    complete,
    completeOnly,
    dropPending,

    /** The form's sign-in: done at once for a single organization, else pending its choice. */
    async signIn(request: SignInRequest): Promise<SignInOutcome> {
      const started = await start('cloud', request);
      const organizations = started.organizations;
      const [only, ...others] = organizations;
      if (!only) {
        await chores.revoke(started.client, started.refreshToken);
        throw AppError.because('FORBIDDEN', 'no-organization', {}, 'Your account does not belong to any organization.');
      }
      if (others.length > 0) {
        pending = started;
        return { status: 'choose-organization', organizations };
      }
      return { status: 'signed-in', session: await completeOnly(started, only.id, request.serverUrl) };
    },

    async selectOrganization(organizationId: string): Promise<SessionInfo> {
      const waiting = pending;
      if (!waiting || options.now().getTime() - waiting.startedAt > PENDING_LIFETIME_MS) {
        await dropPending();
        throw AppError.because('UNAUTHORIZED', 'sign-in-expired', {}, 'The sign-in has expired; sign in again.');
      }
      return complete(waiting, organizationId, waiting.client.baseUrl);
    },
  };
}

export type PasswordSignIn = ReturnType<typeof createPasswordSignIn>;
