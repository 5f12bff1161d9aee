// Switching organization in a single sign-on session whose identity provider scopes tokens
// to an organization only through /authorize (Auth0: no `organization` on the refresh_token
// grant): one more trip through the system browser, as the first sign-in's, with
// `organization=<auth0Id>` and the user's email as login_hint. No `prompt`: a provider that
// still holds the person's browser session signs them in without asking (prompt=none would
// fail where it holds none, prompt=login would always ask). The trip is sso-sign-in.ts's
// (the same listener, PKCE, state, nonce, timeout, Cancel, continueSsoSignIn); back with
// tokens for that organization, of the same person, an administrator there, the session
// moves; on any failure the tokens are revoked and the session stays where it was.
import { holdsRole, type OrganizationRole } from '../../shared/roles';
import type { SessionInfo, SsoStep } from '../../shared/session';
import type { Active, ActiveSession } from '../connections/active-session';
import type { CredentialHousekeeping } from '../connections/credential-housekeeping';
import { membershipOf, notAdministrator, userOf, withRoles } from '../connections/membership';
import type { Logger } from '../logger';
import type { IdentityProviderClient, IdentityProviderTokens } from './identity-provider-client';
import { cancelled } from './loopback-listener';
import { refusal } from './sso-errors';
import { auth0IdOf } from './sso-renewal';
import type { SsoSignIn } from './sso-sign-in';

export interface SsoOrganizationSwitchOptions {
  browse: SsoSignIn['browse'];
  session: ActiveSession;
  chores: CredentialHousekeeping;
  log: Logger;
  /** The session is now in the organization (roles known): what follows every switch (organization-switch.ts). */
  moved(active: Active, organizationId: string, roles: OrganizationRole[]): Promise<SessionInfo>;
}

export function createSsoOrganizationSwitch(options: SsoOrganizationSwitchOptions) {
  const { chores } = options;

  /** The roles there, read with the new tokens; refused unless they are the same person's and an administrator's. */
  async function check(active: Active, organizationId: string, tokens: IdentityProviderTokens): Promise<OrganizationRole[]> {
    const self = await active.client.usersSelf(tokens.accessToken);
    if (userOf(self, tokens.email ?? '', options.log).id !== active.info.user.id) {
      throw refusal('account-mismatch', 'You signed in as someone else in the browser: KeyDesk stays in the organization it was in.');
    }
    const { roles } = await active.client.membersSelf(tokens.accessToken, organizationId);
    if (!holdsRole(roles, 'ORG_ADMIN')) {
      active.info = { ...active.info, organizations: withRoles(active.info.organizations, organizationId, roles) };
      throw notAdministrator(membershipOf(active.info.organizations, organizationId).name);
    }
    return roles;
  }

  return {
    /** Opens the browser; continueSsoSignIn then waits for it and answers the session moved. */
    async start(active: Active, organizationId: string, provider: IdentityProviderClient): Promise<SsoStep> {
      const organization = auth0IdOf(active.info.organizations, organizationId);
      return options.browse({ provider, organization, loginHint: active.info.user.email }, async (tokens) => {
        let roles: OrganizationRole[];
        let replaced: string;
        try {
          // Signed out, or another session, while the browser was open: nothing to move.
          if (options.session.current() !== active) throw cancelled();
          roles = await check(active, organizationId, tokens);
          // The new refresh token replaces the old one, in the keychain too when remembered.
          replaced = await active.tokens.adopt(organizationId, tokens);
        } catch (error) {
          await chores.revoke(provider, tokens.refreshToken);
          throw error;
        }
        await chores.revoke(provider, replaced);
        return { status: 'signed-in', session: await options.moved(active, organizationId, roles) };
      });
    },
  };
}

export type SsoOrganizationSwitch = ReturnType<typeof createSsoOrganizationSwitch>;
