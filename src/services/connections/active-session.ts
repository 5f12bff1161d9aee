// The one session KeyDesk holds at a time: which connection, organization and user, with
// the TokenSession that keeps its access token fresh. Activating a new one retires the
// previous one; a retired session's refresh token is revoked unless the keychain keeps it
// for another start of that connection.
import type { OrganizationMembership, TokenResponse, UserRef } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import type { SessionInfo } from '../../shared/session';
import type { Logger } from '../logger';
import type { OrganizationClient } from '../organization-client/organization-client';
import type { CredentialHousekeeping } from './credential-housekeeping';
import type { TokenRenewal } from './token-renewal';
import { createTokenSession, type TokenSession } from './token-session';

export interface Active {
  info: SessionInfo;
  client: OrganizationClient;
  renewal: TokenRenewal;
  tokens: TokenSession;
}

export interface Activation {
  kind: 'local' | 'cloud';
  connectionId: string;
  label: string;
  client: OrganizationClient;
  /** Where the session's new tokens come from: REST (password) or the identity provider (single sign-on). */
  renewal: TokenRenewal;
  user: UserRef;
  /** Every organization of the user (for the switcher), the chosen one's roles known. */
  organizations: OrganizationMembership[];
  organization: OrganizationMembership;
  tokens: TokenResponse;
  remembered: boolean;
}

export function createActiveSession(options: {
  chores: CredentialHousekeeping;
  now: () => Date;
  log: Logger;
  /** Called whenever a session ends (sign-out, revoked token, another sign-in). */
  onSessionEnded(): void;
}) {
  const { chores, log } = options;
  let active: Active | null = null;

  /** Ends the current session in memory; its refresh token is revoked unless `keep` says otherwise. */
  async function retire(keep: (session: Active) => boolean): Promise<void> {
    const retired = active;
    active = null;
    if (!retired) return;
    options.onSessionEnded();
    if (!keep(retired)) await chores.revoke(retired.renewal, retired.tokens.refreshToken());
  }

  return {
    current: (): Active | null => active,

    require(): Active {
      if (!active) throw new AppError('NOT_CONNECTED', 'Connect to an organization first.');
      return active;
    },

    retire,

    async activate(args: Activation): Promise<SessionInfo> {
      // Once per session: the flows adapt to what the server offers beyond JMap Cloud's API.
      const capabilities = await args.client.capabilities();
      const session: Active = {
        client: args.client,
        renewal: args.renewal,
        info: {
          connectionId: args.connectionId,
          kind: args.kind,
          label: args.label,
          serverUrl: args.client.baseUrl,
          organization: { id: args.organization.id, name: args.organization.name },
          organizations: args.organizations,
          user: args.user,
          remembered: args.remembered,
          capabilities,
        },
        tokens: createTokenSession({
          client: args.client,
          renewal: args.renewal,
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
      await retire((previous) => previous.info.remembered && previous.info.connectionId !== args.connectionId);
      active = session;
      log.info('Signed in', { connectionId: args.connectionId, kind: args.kind, organizationId: args.organization.id });
      return session.info;
    },

    /** Sign-out: the token is revoked, and a remembered connection forgotten. */
    async end(): Promise<void> {
      const session = active;
      if (!session) return;
      active = null;
      options.onSessionEnded();
      await chores.revoke(session.renewal, session.tokens.refreshToken());
      if (session.info.remembered) await chores.forget(session.info.connectionId);
      log.info('Signed out', { connectionId: session.info.connectionId });
    },
  };
}

export type ActiveSession = ReturnType<typeof createActiveSession>;
