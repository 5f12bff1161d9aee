// "Sign in with single sign-on": the identity provider's page in the system browser, the
// loopback redirect, the code exchanged with PKCE (browser-sign-in.ts); then the user's
// organizations (users/self), and a token scoped to the chosen one (the `organization`
// parameter with its Auth0 id: silently by refresh where the provider allows, else through
// the browser again), as the JMap SDK's loginIntoOrganization does. The renderer sees the
// steps (SsoStep), never a token. One sign-in at a time; a new one replaces a pending one.
// What is kept once the organization is settled: sso-completion.ts.
import { AppError } from '../../shared/errors';
import type { IdentityProviderConfig } from '../../shared/identity-provider';
import { holdsRole, type OrganizationRole } from '../../shared/roles';
import type { SsoStep } from '../../shared/session';
import type { ActiveSession } from '../connections/active-session';
import type { CredentialHousekeeping } from '../connections/credential-housekeeping';
import { lookUpRoles, membershipOf, notAdministrator, refuseKnownNonAdministrator, userOf, withRoles } from '../connections/membership';
import type { ProfileStore } from '../connections/profile-store';
import type { CredentialStore } from '../credentials/credential-store';
import type { Logger } from '../logger';
import type { OrganizationClient } from '../organization-client/organization-client';
import { startBrowserSignIn, type BrowserSignIn } from './browser-sign-in';
import type { IdentityProviderClient, IdentityProviderTokens } from './identity-provider-client';
import { cancelled } from './loopback-listener';
import { completeSsoSignIn, targetOf, type SignedIn, type SsoStartRequest, type Target } from './sso-completion';
import { refusal } from './sso-errors';
import type { SsoPorts } from './sso-ports';
import { auth0IdOf } from './sso-renewal';

/** A sign-in waiting for its organization is dropped after this long, as the password one. */
const PENDING_LIFETIME_MS = 10 * 60_000;

/** What happens once the browser is back with tokens. */
export type Continuation = (tokens: IdentityProviderTokens) => Promise<SsoStep>;
/** Where the browser goes: the provider, for which organization (Auth0 id) and whom, when known. */
export type BrowserTrip = { provider: IdentityProviderClient; organization?: string; loginHint?: string };

type Pending =
  | {
      stage: 'browser';
      browser: BrowserSignIn;
      provider: IdentityProviderClient;
      then: Continuation;
      /** Revokes what an earlier step of this sign-in holds, when it is given up. */
      release(): Promise<void>;
    }
  | { stage: 'organization'; signedIn: SignedIn };

export interface SsoSignInOptions {
  createClient(serverUrl: string): OrganizationClient;
  discover(config: IdentityProviderConfig): Promise<IdentityProviderClient>;
  ports: SsoPorts;
  credentialStore: CredentialStore;
  profiles: ProfileStore;
  chores: CredentialHousekeeping;
  session: ActiveSession;
  now: () => Date;
  log: Logger;
}

const waiting = (browser: BrowserSignIn): SsoStep => ({
  status: 'waiting-for-browser',
  authorizationUrl: browser.authorizationUrl,
  openedBy: browser.openedBy,
  expiresAt: browser.expiresAt,
});

export function createSsoSignIn(options: SsoSignInOptions) {
  const { profiles, chores } = options;
  let pending: Pending | null = null;

  /** Drops a pending sign-in: its browser wait ends, its tokens are revoked. */
  async function drop(): Promise<void> {
    const dropped = pending;
    pending = null;
    if (dropped?.stage === 'browser') {
      dropped.browser.cancel();
      await dropped.release();
    }
    if (dropped?.stage === 'organization') await chores.revoke(dropped.signedIn.provider, dropped.signedIn.tokens.refreshToken);
  }

  /**
   * One trip through the browser, to go on with `then` once it is back (continue), or to be
   * given up (cancel, another sign-in, sign-out). The organization switch takes one too.
   */
  async function browse(trip: BrowserTrip, then: Continuation, release: () => Promise<void> = async () => undefined): Promise<SsoStep> {
    const { provider } = trip;
    let browser: BrowserSignIn;
    try {
      browser = await startBrowserSignIn({ ...trip, ports: options.ports, now: options.now });
    } catch (error) {
      await release();
      throw error;
    }
    pending = { stage: 'browser', browser, provider, then, release };
    return waiting(browser);
  }

  /** Back from the browser: who the user is and which organizations they may choose. */
  async function signedInToProvider(target: Target, client: OrganizationClient, provider: IdentityProviderClient, tokens: IdentityProviderTokens): Promise<SsoStep> {
    let signedIn: SignedIn;
    try {
      const self = await client.usersSelf(tokens.accessToken);
      // Roles only where the server tells them before an organization is chosen (see membership.ts).
      const organizations =
        self.organizations.length > 1
          ? await lookUpRoles(client, tokens.accessToken, self.organizations, options.log)
          : self.organizations.map((organization) => ({ ...organization, roles: null }));
      // The ID token's email stands in for what users/self leaves out.
      const user = userOf(self, tokens.email ?? '', options.log);
      signedIn = { target, client, provider, tokens, user, organizations, at: options.now().getTime() };
    } catch (error) {
      await chores.revoke(provider, tokens.refreshToken);
      throw error;
    }
    const { organizations } = signedIn;
    if (organizations.length === 0) {
      await chores.revoke(provider, tokens.refreshToken);
      throw AppError.because('FORBIDDEN', 'no-organization', {}, 'Your account does not belong to any organization.');
    }
    const scoped = organizations.find((organization) => tokens.organization !== null && organization.auth0Id === tokens.organization);
    const preferred = organizations.find((organization) => organization.id === target.organizationId);
    const chosen = preferred ?? scoped ?? (organizations.length === 1 ? organizations[0] : undefined);
    if (chosen) {
      try {
        return await settle(signedIn, chosen.id);
      } catch (error) {
        // Chosen for the user: a refusal leaves nothing pending.
        await drop();
        await chores.revoke(provider, tokens.refreshToken);
        throw error;
      }
    }
    pending = { stage: 'organization', signedIn };
    return { status: 'choose-organization', organizations };
  }

  /** A token scoped to the organization: the one in hand, a silent refresh, or the browser again. */
  async function settle(signedIn: SignedIn, organizationId: string): Promise<SsoStep> {
    refuseKnownNonAdministrator(membershipOf(signedIn.organizations, organizationId));
    const auth0Id = auth0IdOf(signedIn.organizations, organizationId);
    const { provider, tokens } = signedIn;
    pending = null;
    if (tokens.organization === auth0Id) return scopedTo(signedIn, organizationId, tokens);
    if (provider.switchesOrganizationSilently && tokens.refreshToken !== '') {
      let scoped: IdentityProviderTokens;
      try {
        scoped = await provider.refresh(tokens.refreshToken, auth0Id);
      } catch (error) {
        await chores.revoke(provider, tokens.refreshToken);
        throw error;
      }
      return scopedTo(signedIn, organizationId, scoped);
    }
    return browse(
      { provider, organization: auth0Id, loginHint: signedIn.user.email },
      async (scoped) => {
        await chores.revoke(provider, tokens.refreshToken);
        return scopedTo(signedIn, organizationId, scoped);
      },
      () => chores.revoke(provider, tokens.refreshToken),
    );
  }

  /**
   * The roles in the organization, read with the scoped token (members/self). Refused as not
   * an administrator there, the sign-in stays pending with the scoped tokens, so that another
   * organization can be chosen without the browser.
   */
  async function scopedTo(signedIn: SignedIn, organizationId: string, tokens: IdentityProviderTokens): Promise<SsoStep> {
    let roles: OrganizationRole[];
    try {
      ({ roles } = await signedIn.client.membersSelf(tokens.accessToken, organizationId));
    } catch (error) {
      await chores.revoke(signedIn.provider, tokens.refreshToken);
      throw error;
    }
    const organizations = withRoles(signedIn.organizations, organizationId, roles);
    const organization = membershipOf(organizations, organizationId);
    if (!holdsRole(roles, 'ORG_ADMIN')) {
      pending = { stage: 'organization', signedIn: { ...signedIn, tokens, organizations } };
      throw notAdministrator(organization.name);
    }
    return completeSsoSignIn(options, { ...signedIn, organizations }, organization, tokens);
  }

  return {
    drop,
    browse,

    async start(request: SsoStartRequest): Promise<SsoStep> {
      await drop();
      const target = await targetOf(profiles, request);
      const provider = await options.discover(target.identityProvider);
      const client = options.createClient(target.serverUrl);
      return browse({ provider }, (tokens) => signedInToProvider(target, client, provider, tokens));
    },

    /** Waits for the browser to come back, then goes on as far as it can without the user. */
    async continue(): Promise<SsoStep> {
      const current = pending;
      if (current?.stage !== 'browser') throw refusal('expired', 'No sign-in is waiting for the browser: start it again.');
      let tokens: IdentityProviderTokens;
      try {
        tokens = await current.browser.tokens;
      } catch (error) {
        if (pending === current) {
          pending = null;
          await current.release();
        }
        throw error;
      }
      if (pending !== current) {
        // Cancelled, or replaced by another sign-in, while the browser was coming back.
        await chores.revoke(current.provider, tokens.refreshToken);
        throw cancelled();
      }
      pending = null;
      return current.then(tokens);
    },

    async chooseOrganization(organizationId: string): Promise<SsoStep> {
      const current = pending;
      if (current?.stage !== 'organization' || options.now().getTime() - current.signedIn.at > PENDING_LIFETIME_MS) {
        await drop();
        throw AppError.because('UNAUTHORIZED', 'sign-in-expired', {}, 'The sign-in has expired; sign in again.');
      }
      return settle(current.signedIn, organizationId);
    },

    /** "Cancel": the browser wait ends and nothing is kept. */
    cancel: drop,
  };
}

export type SsoSignIn = ReturnType<typeof createSsoSignIn>;
