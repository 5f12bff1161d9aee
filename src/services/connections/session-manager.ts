// Signing in and out: the flows from a server URL and a password (password-sign-in.ts),
// single sign-on (sso/sso-sign-in.ts), a saved connection (saved-connection.ts) or the bundled local organization
// (local-organization-sign-in.ts) to the one active session (active-session.ts), for an
// organization in which the user is an administrator. This module wires them together
// and adds what concerns the session whatever its origin: access, switching organization
// (organization-switch.ts), signing out, and quitting.
import type { ServerCapabilities } from '../../shared/server-capabilities';
import type { IdentityProviderConfig } from '../../shared/identity-provider';
import type { SessionInfo } from '../../shared/session';
import type { CredentialStore } from '../credentials/credential-store';
import type { LocalOrganizationLauncher } from '../local-organization/local-organization-launcher';
import type { Logger } from '../logger';
import type { BoundOrganizationClient } from '../organization-client/bound-organization-client';
import type { OrganizationClient } from '../organization-client/organization-client';
import type { IdentityProviderClient } from '../sso/identity-provider-client';
import { createSavedSsoConnections } from '../sso/sso-reconnect';
import { createSsoSignIn } from '../sso/sso-sign-in';
import type { SsoPorts } from '../sso/sso-ports';
import { createActiveSession } from './active-session';
import { createCredentialHousekeeping } from './credential-housekeeping';
import { createLocalOrganizationSignIn } from './local-organization-sign-in';
import { createOrganizationSwitch } from './organization-switch';
import { createPasswordSignIn } from './password-sign-in';
import type { ProfileStore } from './profile-store';
import { createSavedConnections } from './saved-connection';

const QUIT_REVOKE_GRACE_MS = 2_000;

export interface SessionManagerOptions {
  createClient(serverUrl: string): OrganizationClient;
  credentialStore: CredentialStore;
  profiles: ProfileStore;
  localOrganization: LocalOrganizationLauncher;
  /** Single sign-on: a connection's identity provider, and the host's browser and loopback ports. */
  discover(config: IdentityProviderConfig): Promise<IdentityProviderClient>;
  sso: SsoPorts;
  now: () => Date;
  log: Logger;
  /** Called whenever a session ends (sign-out, revoked token, another sign-in). */
  onSessionEnded(): void;
}

export function createSessionManager(options: SessionManagerOptions) {
  const { credentialStore, profiles, log, now, createClient, discover } = options;
  const chores = createCredentialHousekeeping({ credentialStore, profiles, log });
  const session = createActiveSession({ chores, now, log, onSessionEnded: options.onSessionEnded });
  const passwordSignIn = createPasswordSignIn({ createClient, credentialStore, profiles, chores, session, now, log });
  const localOrganization = createLocalOrganizationSignIn({ launcher: options.localOrganization, passwordSignIn, session, chores, log });

  const ssoSignIn = createSsoSignIn({ createClient, discover, ports: options.sso, credentialStore, profiles, chores, session, now, log });
  const organizationSwitch = createOrganizationSwitch({ session, profiles, chores, ssoSignIn, log, onSessionEnded: options.onSessionEnded });

  async function signOut(): Promise<void> {
    await Promise.all([passwordSignIn.dropPending(), ssoSignIn.drop()]);
    await session.end();
  }

  const sso = createSavedSsoConnections({ discover, chores });
  const saved = createSavedConnections({ createClient, credentialStore, profiles, chores, session, signOut, now, log, sso });

  return {
    getSession: (): SessionInfo | null => session.current()?.info ?? null,

    /** The signed-in session's organization API (NOT_CONNECTED without a session). */
    organization(): BoundOrganizationClient {
      return session.require().tokens.organization;
    },

    /** What the session's server offers beyond JMap Cloud's public API (NOT_CONNECTED without a session). */
    capabilities(): ServerCapabilities {
      return session.require().info.capabilities;
    },

    signIn: passwordSignIn.signIn,
    selectOrganization: passwordSignIn.selectOrganization,
    connectSaved: saved.connect,
    openLocalOrganization: localOrganization.open,
    startSsoSignIn: ssoSignIn.start,
    continueSsoSignIn: ssoSignIn.continue,
    chooseSsoOrganization: ssoSignIn.chooseOrganization,
    cancelSsoSignIn: ssoSignIn.cancel,

    switchOrganization: organizationSwitch.switchOrganization,
    startOrganizationSwitch: organizationSwitch.startOrganizationSwitch,

    signOut,
    removeConnection: saved.remove,

    /** At quit: a remembered session stays valid for the next start; any other is revoked. */
    async dispose(): Promise<void> {
      // Quitting must not wait on an unreachable server: revocation gets a short grace period.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, QUIT_REVOKE_GRACE_MS);
      });
      await Promise.race([Promise.all([passwordSignIn.dropPending(), ssoSignIn.drop(), session.retire((active) => active.info.remembered)]), grace]);
      clearTimeout(timer);
      await localOrganization.stop();
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
