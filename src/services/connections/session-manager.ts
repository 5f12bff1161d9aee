// Signing in and out: the flows from a server URL and a password (or a saved connection,
// or the bundled local organization) to a TokenSession for one organization in which the
// user is an administrator. The password is used once and forgotten; the refresh token is
// kept in the keychain only when the user asked to be remembered.
import { randomUUID } from 'node:crypto';
import type { OrganizationMembership, TokenResponse, UserSelf } from '../../shared/api-types';
import { AppError, isAppError } from '../../shared/errors';
import { LOCAL_CONNECTION_ID, type SessionInfo, type SignInOutcome } from '../../shared/session';
import type { CredentialStore } from '../credentials/credential-store';
import type { LocalOrganizationLauncher } from '../local-organization/local-organization-launcher';
import type { Logger } from '../logger';
import type { OrganizationClient } from '../organization-client/organization-client';
import { createCredentialHousekeeping } from './credential-housekeeping';
import type { ProfileStore } from './profile-store';
import { SESSION_ENDED_MESSAGE, createTokenSession, type AccessContext, type TokenSession } from './token-session';

export const LOCAL_CONNECTION_LABEL = 'Local organization';
/** A sign-in waiting for its organization is dropped after this long. */
const PENDING_LIFETIME_MS = 10 * 60_000;
const QUIT_REVOKE_GRACE_MS = 2_000;

export interface SessionManagerOptions {
  createClient(serverUrl: string): OrganizationClient;
  credentialStore: CredentialStore;
  profiles: ProfileStore;
  localOrganization: LocalOrganizationLauncher;
  now: () => Date;
  log: Logger;
  /** Called whenever a session ends (sign-out, revoked token, another sign-in). */
  onSessionEnded(): void;
}

export interface SignInRequest {
  serverUrl: string;
  username: string;
  password: string;
  remember: boolean;
}

interface Pending {
  kind: 'local' | 'cloud';
  client: OrganizationClient;
  username: string;
  refreshToken: string;
  user: UserSelf;
  remember: boolean;
  startedAt: number;
}

interface Active {
  info: SessionInfo;
  client: OrganizationClient;
  tokens: TokenSession;
}

/** A saved connection's name: its organization and who signs in. */
export function profileLabel(organizationName: string, username: string): string {
  return `${organizationName} (${username})`;
}

export function notAdministrator(organizationName: string): AppError {
  return new AppError(
    'NOT_ADMINISTRATOR',
    `Managing API keys needs the Administrator role in ${organizationName}. Ask an administrator of ${organizationName} for it.`,
  );
}

function requireAdmin(organization: OrganizationMembership): void {
  if (!organization.roles.includes('ORG_ADMIN')) throw notAdministrator(organization.name);
}

export function createSessionManager(options: SessionManagerOptions) {
  const { credentialStore, profiles, log } = options;
  const chores = createCredentialHousekeeping({ credentialStore, profiles, log });
  let active: Active | null = null;
  let pending: Pending | null = null;
  let localUrl: string | null = null;
  let openingLocal: Promise<SessionInfo> | null = null;

  async function dropPending(): Promise<void> {
    const dropped = pending;
    pending = null;
    if (dropped) await chores.revoke(dropped.client, dropped.refreshToken);
  }

  /**
   * Ends the current session in memory. Its refresh token is revoked unless the keychain
   * keeps it for another start of that connection (`keep`).
   */
  async function retireActive(keep: (session: Active) => boolean): Promise<void> {
    const retired = active;
    active = null;
    if (!retired) return;
    options.onSessionEnded();
    if (!keep(retired)) await chores.revoke(retired.client, retired.tokens.refreshToken());
  }

  async function activate(args: {
    kind: 'local' | 'cloud';
    connectionId: string;
    label: string;
    client: OrganizationClient;
    user: UserSelf;
    organization: OrganizationMembership;
    tokens: TokenResponse;
    remembered: boolean;
  }): Promise<SessionInfo> {
    const session: Active = {
      client: args.client,
      info: {
        connectionId: args.connectionId,
        kind: args.kind,
        label: args.label,
        serverUrl: args.client.baseUrl,
        organization: { id: args.organization.id, name: args.organization.name },
        organizations: args.user.organizations,
        user: { id: args.user.id, name: args.user.name, email: args.user.email },
        remembered: args.remembered,
      },
      tokens: createTokenSession({
        client: args.client,
        connectionId: args.connectionId,
        organizationId: args.organization.id,
        tokens: args.tokens,
        onRotated: (refreshToken) => (args.remembered ? chores.storeRotated(args.connectionId, refreshToken) : Promise.resolve()),
        now: options.now,
        log,
        onEnded: async () => {
          if (active === session) {
            active = null;
            options.onSessionEnded();
          }
          if (args.remembered) await chores.forget(args.connectionId);
        },
      }),
    };
    // The previous session's token is kept only when it is another connection's remembered one.
    await retireActive((previous) => previous.info.remembered && previous.info.connectionId !== args.connectionId);
    active = session;
    log.info('Signed in', { connectionId: args.connectionId, kind: args.kind, organizationId: args.organization.id });
    return session.info;
  }

  /** Finishes a sign-in for the chosen organization. */
  async function complete(from: Pending, organizationId: string, serverUrl: string): Promise<SessionInfo> {
    const organization = from.user.organizations.find((candidate) => candidate.id === organizationId);
    if (!organization) throw new AppError('NOT_FOUND', 'You are not a member of this organization.', { organizationId });
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
    return activate({ kind: from.kind, connectionId, label, client: from.client, user: from.user, organization, tokens, remembered: from.remember });
  }

  async function start(kind: 'local' | 'cloud', request: SignInRequest): Promise<Pending> {
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

  async function signOut(): Promise<void> {
    await dropPending();
    const session = active;
    if (!session) return;
    active = null;
    options.onSessionEnded();
    await chores.revoke(session.client, session.tokens.refreshToken());
    if (session.info.remembered) await chores.forget(session.info.connectionId);
    log.info('Signed out', { connectionId: session.info.connectionId });
  }

  async function openLocal(): Promise<SessionInfo> {
    let instance;
    try {
      instance = await options.localOrganization.start();
    } catch (error) {
      if (error instanceof AppError) throw error;
      log.error('The local organization server did not start', { reason: error instanceof Error ? error.message : 'unknown' });
      throw new AppError('SERVER', 'The local organization could not be started. Restart KeyDesk and try again.');
    }
    localUrl = instance.url;
    let started: Pending;
    try {
      started = await start('local', { serverUrl: instance.url, username: instance.adminEmail, password: instance.adminPassword, remember: false });
    } catch (error) {
      // The user typed nothing: a refusal here is the local organization's fault, not theirs.
      if (!isAppError(error, 'UNAUTHORIZED')) throw error;
      throw new AppError('SERVER', 'The local organization did not accept its own demo administrator. Restart KeyDesk and try again.');
    }
    const organization = started.user.organizations.find((candidate) => candidate.roles.includes('ORG_ADMIN'));
    if (!organization) {
      await chores.revoke(started.client, started.refreshToken);
      throw new AppError('SERVER', 'The local organization has no organization its demo administrator can manage.');
    }
    return complete(started, organization.id, instance.url);
  }

  function requireActive(): Active {
    if (!active) throw new AppError('NOT_CONNECTED', 'Connect to an organization first.');
    return active;
  }

  return {
    getSession: (): SessionInfo | null => active?.info ?? null,

    async withAccess<T>(work: (context: AccessContext) => Promise<T>): Promise<T> {
      return requireActive().tokens.withAccess(work);
    },

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

    async connectSaved(connectionId: string): Promise<SessionInfo> {
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
      const user = await client.usersSelf(tokens.accessToken);
      const organization = user.organizations.find((candidate) => candidate.id === profile.organizationId);
      if (!organization) throw new AppError('FORBIDDEN', `You are no longer a member of ${profile.organizationName}.`);
      requireAdmin(organization);
      await chores.saveProfile({ ...profile, organizationName: organization.name, lastUsedAt: options.now().toISOString() });
      return activate({ kind: 'cloud', connectionId, label: profile.label, client, user, organization, tokens, remembered: true });
    },

    /** The app's auto-connect and a click may ask at once: both get the one sign-in. */
    openLocalOrganization(): Promise<SessionInfo> {
      if (active?.info.kind === 'local') return Promise.resolve(active.info);
      openingLocal ??= openLocal().finally(() => {
        openingLocal = null;
      });
      return openingLocal;
    },

    async switchOrganization(organizationId: string): Promise<SessionInfo> {
      const session = requireActive();
      const organization = session.info.organizations.find((candidate) => candidate.id === organizationId);
      if (!organization) throw new AppError('NOT_FOUND', 'You are not a member of this organization.', { organizationId });
      requireAdmin(organization);
      if (organizationId === session.info.organization.id) return session.info;
      await session.tokens.switchTo(organizationId);
      options.onSessionEnded();
      session.info = { ...session.info, organization: { id: organization.id, name: organization.name } };
      const profile = session.info.kind === 'cloud' ? await profiles.get(session.info.connectionId) : null;
      if (profile) {
        const label = profileLabel(organization.name, profile.username);
        session.info = { ...session.info, label };
        await chores.saveProfile({ ...profile, label, organizationId: organization.id, organizationName: organization.name });
      }
      return session.info;
    },

    signOut,

    async removeConnection(connectionId: string): Promise<void> {
      if (active?.info.connectionId === connectionId) await signOut();
      const profile = await profiles.get(connectionId);
      if (!profile) return;
      if (profile.remembered) {
        const stored = await credentialStore.getRefreshToken(connectionId).catch(() => null);
        if (stored) await chores.revoke(options.createClient(profile.serverUrl), stored);
        await chores.forget(connectionId);
      }
      await profiles.remove(connectionId);
    },

    /** At quit: a remembered session stays valid for the next start; any other is revoked. */
    async dispose(): Promise<void> {
      // Quitting must not wait on an unreachable server: revocation gets a short grace period.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, QUIT_REVOKE_GRACE_MS);
      });
      await Promise.race([Promise.all([dropPending(), retireActive((session) => session.info.remembered)]), grace]);
      clearTimeout(timer);
      if (localUrl !== null) await options.localOrganization.stop();
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
