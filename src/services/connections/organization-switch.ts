// Switching the session to another organization of the same user (the app bar's switcher):
// a renewal scoped to it (REST /refresh-token with the organization, or the identity
// provider's refresh where it scopes silently), or, for a single sign-on provider that
// scopes only through /authorize, a trip through the browser (sso/sso-organization-switch.ts).
// Either way the roles there are read with the new tokens, and the session moves only for
// an administrator; otherwise it stays in the organization it was in.
import { holdsRole, type OrganizationRole } from '../../shared/roles';
import type { SessionInfo, SsoStep } from '../../shared/session';
import type { Logger } from '../logger';
import { createSsoOrganizationSwitch } from '../sso/sso-organization-switch';
import type { SsoSignIn } from '../sso/sso-sign-in';
import type { Active, ActiveSession } from './active-session';
import type { CredentialHousekeeping } from './credential-housekeeping';
import { membershipOf, notAdministrator, profileLabel, refuseKnownNonAdministrator, withRoles } from './membership';
import type { ProfileStore } from './profile-store';

export interface OrganizationSwitchOptions {
  session: ActiveSession;
  profiles: ProfileStore;
  chores: CredentialHousekeeping;
  ssoSignIn: SsoSignIn;
  log: Logger;
  /** The caches of the organization left are dropped (as when a session ends). */
  onSessionEnded(): void;
}

export function createOrganizationSwitch(options: OrganizationSwitchOptions) {
  const { session, profiles, chores } = options;

  /** The session is in the organization now: its roles, name and label, and the saved connection's. */
  async function moved(active: Active, organizationId: string, roles: OrganizationRole[]): Promise<SessionInfo> {
    const organization = membershipOf(withRoles(active.info.organizations, organizationId, roles), organizationId);
    options.onSessionEnded();
    active.info = {
      ...active.info,
      organizations: withRoles(active.info.organizations, organizationId, roles),
      organization: { id: organization.id, name: organization.name },
    };
    const profile = active.info.kind === 'cloud' ? await profiles.get(active.info.connectionId) : null;
    if (profile) {
      const label = profileLabel(organization.name, profile.username);
      active.info = { ...active.info, label };
      await chores.saveProfile({ ...profile, label, organizationId: organization.id, organizationName: organization.name });
    }
    return active.info;
  }

  const throughBrowser = createSsoOrganizationSwitch({ browse: options.ssoSignIn.browse, session, chores, log: options.log, moved });

  /** The active session, unless the organization is the one it is in (or one it knows it may not manage). */
  function switchable(organizationId: string): Active | null {
    const active = session.require();
    refuseKnownNonAdministrator(membershipOf(active.info.organizations, organizationId));
    return organizationId === active.info.organization.id ? null : active;
  }

  async function silently(active: Active, organizationId: string): Promise<SessionInfo> {
    const previousId = active.tokens.organizationId;
    await active.tokens.switchTo(organizationId);
    // The roles there, read with the session now scoped to it.
    let roles: OrganizationRole[];
    try {
      ({ roles } = await active.tokens.organization.membersSelf());
    } catch (error) {
      await active.tokens.switchTo(previousId);
      throw error;
    }
    if (!holdsRole(roles, 'ORG_ADMIN')) {
      active.info = { ...active.info, organizations: withRoles(active.info.organizations, organizationId, roles) };
      await active.tokens.switchTo(previousId);
      throw notAdministrator(membershipOf(active.info.organizations, organizationId).name);
    }
    return moved(active, organizationId, roles);
  }

  return {
    /** A switch that needs no browser; SSO_REFUSED `browser-needed` where the provider scopes only through /authorize. */
    async switchOrganization(organizationId: string): Promise<SessionInfo> {
      const active = switchable(organizationId);
      return active ? silently(active, organizationId) : session.require().info;
    },

    /**
     * The switcher's switch: at once where it needs no browser (`signed-in`), else the
     * browser opened (`waiting-for-browser`), continued with continueSsoSignIn and
     * cancelled with cancelSsoSignIn as a sign-in is.
     */
    async startOrganizationSwitch(organizationId: string): Promise<SsoStep> {
      const active = switchable(organizationId);
      if (!active) return { status: 'signed-in', session: session.require().info };
      const provider = active.renewal.identityProvider;
      if (provider && !provider.switchesOrganizationSilently) return throughBrowser.start(active, organizationId, provider);
      return { status: 'signed-in', session: await silently(active, organizationId) };
    },
  };
}
