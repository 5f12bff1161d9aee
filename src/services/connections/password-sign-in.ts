// Signing in with a password (the "Connect to JMap Cloud" form, and the local organization
// with its demo administrator): /authenticate → /users/self → organization chosen →
// /refresh-token scoped to it. The password is used once and forgotten; the refresh token
// goes to the keychain only when the user asked to be remembered. A user of several
// organizations is held "pending" until they choose one, for at most ten minutes.
import { randomUUID } from 'node:crypto';
import type { UserSelf } from '../../shared/api-types';
import { AppError, isAppError } from '../../shared/errors';
import { LOCAL_CONNECTION_ID, type SessionInfo, type SignInOutcome } from '../../shared/session';
import type { CredentialStore } from '../credentials/credential-store';
import type { OrganizationClient } from '../organization-client/organization-client';
import type { ActiveSession } from './active-session';
import type { CredentialHousekeeping } from './credential-housekeeping';
import { LOCAL_CONNECTION_LABEL, membershipOf, profileLabel, requireAdmin } from './membership';
import type { ProfileStore } from './profile-store';

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
  user: UserSelf;
  remember: boolean;
  startedAt: number;
}

export function createPasswordSignIn(options: {
  createClient(serverUrl: string): OrganizationClient;
  credentialStore: CredentialStore;
  profiles: ProfileStore;
  chores: CredentialHousekeeping;
  session: ActiveSession;
  now: () => Date;
}) {
  const { credentialStore, profiles, chores } = options;
  let pending: Started | null = null;

  async function dropPending(): Promise<void> {
    const dropped = pending;
    pending = null;
    if (dropped) await chores.revoke(dropped.client, dropped.refreshToken);
  }

  async function start(kind: 'local' | 'cloud', request: SignInRequest): Promise<Started> {
    await dropPending();
    const client = options.createClient(request.serverUrl);
    const first = await client.authenticate(request.username, request.password);
    let user: UserSelf;
    try {
      user = await client.usersSelf(first.accessToken);
    } catch (error) {
      await chores.revoke(client, first.refreshToken);
      throw error;
    }
    return { kind, client, username: request.username, refreshToken: first.refreshToken, user, remember: request.remember, startedAt: options.now().getTime() };
  }

  /** Finishes a sign-in for the chosen organization. */
  async function complete(from: Started, organizationId: string, serverUrl: string): Promise<SessionInfo> {
    const organization = membershipOf(from.user.organizations, organizationId);
    requireAdmin(organization);
    pending = null;
    const tokens = await from.client.refreshToken(from.refreshToken, organization.id);
    const existing = from.kind === 'cloud' ? await profiles.find(serverUrl, from.username) : null;
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
    return options.session.activate({ kind: from.kind, connectionId, label, client: from.client, user: from.user, organization, tokens, remembered: from.remember });
  }

  return {
    start,
    complete,
    dropPending,

    /** The form's sign-in: done at once for a single organization, else pending its choice. */
    async signIn(request: SignInRequest): Promise<SignInOutcome> {
      const started = await start('cloud', request);
      const organizations = started.user.organizations;
      const [only, ...others] = organizations;
      if (!only) {
        await chores.revoke(started.client, started.refreshToken);
        throw new AppError('FORBIDDEN', 'Your account does not belong to any organization.');
      }
      if (others.length > 0) {
        pending = started;
        return { status: 'choose-organization', organizations };
      }
      try {
        return { status: 'signed-in', session: await complete(started, only.id, request.serverUrl) };
      } catch (error) {
        if (isAppError(error, 'NOT_ADMINISTRATOR')) await chores.revoke(started.client, started.refreshToken);
        throw error;
      }
    },

    async selectOrganization(organizationId: string): Promise<SessionInfo> {
      const waiting = pending;
      if (!waiting || options.now().getTime() - waiting.startedAt > PENDING_LIFETIME_MS) {
        await dropPending();
        throw new AppError('UNAUTHORIZED', 'The sign-in has expired; sign in again.');
      }
      return complete(waiting, organizationId, waiting.client.baseUrl);
    },
  };
}

export type PasswordSignIn = ReturnType<typeof createPasswordSignIn>;
