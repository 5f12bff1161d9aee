// Switching organization in a single sign-on session, through the services against the real
// local server as the identity provider. Under the strict profile it behaves as JMap Cloud's
// Auth0 does (no `organization` on a refresh): the switch goes through the browser again,
// with the first sign-in's listener, PKCE, state, nonce, Cancel and timeout, and moves the
// session only once the browser is back for the same person; anything else leaves it where
// it was. Under the default profile the same call switches silently.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATION, DEMO_TRAINING_ORGANIZATION, DEMO_USERS } from '../../../src/server/seed/demo-identities';
import { caught } from '../support/caught';
import { DEMO_PASSWORD, restartServices, startHarness, type Harness, type HarnessOptions } from '../support/harness';
import { expectStep, ssoRequest } from '../support/sso';

let harness: Harness;
afterEach(() => harness.close());

const KEY_QUERY = { page: 0, pageSize: 50, sortField: 'title', sortDirection: 'asc' } as const;

/** The browser comes back from a sign-in as `email` while the services wait for it. */
async function browserSignsIn(h: Harness, email: string = DEMO_USERS.admin.email) {
  const waiting = h.handlers.continueSsoSignIn(undefined);
  await h.browser.signIn(email, DEMO_PASSWORD);
  return waiting;
}

/** Alice (an administrator of both demo organizations) signed in to Demo Organization, remembered. */
async function signedIn(options: HarnessOptions) {
  harness = await startHarness(options);
  await harness.handlers.startSsoSignIn(ssoRequest(harness, true));
  expectStep(await browserSignsIn(harness), 'choose-organization');
  let step = await harness.handlers.chooseSsoOrganization({ organizationId: DEMO_ORGANIZATION.id });
  // Without a silent switch, the first choice is a trip through the browser too.
  if (step.status === 'waiting-for-browser') step = await browserSignsIn(harness);
  const { session } = expectStep(step, 'signed-in');
  expect(session.organization.name).toBe('Demo Organization');
  return { session, keys: (await harness.handlers.listApiKeys(KEY_QUERY)).page.totalElements };
}

/** The session is still in Demo Organization and works; the keychain still holds `token`. */
async function expectStayed(h: Harness, token: string | null, keys: number): Promise<void> {
  const session = await h.handlers.getSession(undefined);
  expect(session?.organization.name).toBe('Demo Organization');
  expect((await h.handlers.listApiKeys(KEY_QUERY)).page.totalElements).toBe(keys);
  if (session) expect(await h.credentials.getRefreshToken(session.connectionId)).toBe(token);
}

const refreshAnswer = (h: Harness, refreshToken: string) =>
  fetch(`${h.server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'keydesk', refresh_token: refreshToken }).toString(),
  });

describe('switching organization with an identity provider that scopes only through the browser (Auth0, strict profile)', () => {
  it('opens the browser for the organization, as the same person, and moves the session once it is back; the keychain follows', async () => {
    const { session, keys } = await signedIn({ profile: 'jmapcloud' });
    const before = await harness.credentials.getRefreshToken(session.connectionId);
    const opened = harness.browser.opened.length;

    const step = expectStep(await harness.handlers.startOrganizationSwitch({ organizationId: DEMO_TRAINING_ORGANIZATION.id }), 'waiting-for-browser');
    expect(harness.browser.opened).toHaveLength(opened + 1);
    const url = new URL(step.authorizationUrl);
    expect(url.searchParams.get('organization')).toBe(DEMO_TRAINING_ORGANIZATION.auth0Id);
    expect(url.searchParams.get('login_hint')).toBe(DEMO_USERS.admin.email);
    expect(url.searchParams.has('prompt')).toBe(false);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    // The provider's page asks for the organization, the person's email already filled in.
    const page = await fetch(step.authorizationUrl).then((response) => response.text());
    expect(page).toContain('Sign in to Demo Training Organization');
    expect(page).toContain(`value="${DEMO_USERS.admin.email}"`);
    // Until the browser is back, the session stays where it is.
    await expectStayed(harness, before, keys);

    const { session: moved } = expectStep(await browserSignsIn(harness), 'signed-in');
    expect(moved).toMatchObject({ connectionId: session.connectionId, organization: { name: 'Demo Training Organization' }, remembered: true });
    expect(moved.label).toBe('Demo Training Organization (admin@demo.local)');
    expect(await harness.handlers.getSession(undefined)).toEqual(moved);
    expect((await harness.handlers.listApiKeys(KEY_QUERY)).page.totalElements).not.toBe(keys);
    const [profile] = await harness.handlers.listConnections(undefined);
    expect(profile).toMatchObject({ organizationId: DEMO_TRAINING_ORGANIZATION.id, organizationName: 'Demo Training Organization' });
    // The remembered sign-in is the new one; the one it replaced is revoked.
    const after = await harness.credentials.getRefreshToken(session.connectionId);
    expect(after).toMatch(/^kdr_/);
    expect(after).not.toBe(before);
    expect((await refreshAnswer(harness, before ?? '')).status).toBe(400);

    // The next start resumes in the organization switched to.
    const next = restartServices(harness);
    try {
      expect((await next.handlers.connectSaved({ id: session.connectionId })).organization.name).toBe('Demo Training Organization');
    } finally {
      await next.dispose();
    }
  });

  it('stays in its organization after Cancel in the app, and after the wait times out', async () => {
    const { session, keys } = await signedIn({ profile: 'jmapcloud', ssoTimeoutMs: 2_500 });
    const token = await harness.credentials.getRefreshToken(session.connectionId);

    const cancelled = expectStep(await harness.handlers.startOrganizationSwitch({ organizationId: DEMO_TRAINING_ORGANIZATION.id }), 'waiting-for-browser');
    const waiting = caught(harness.handlers.continueSsoSignIn(undefined));
    await harness.handlers.cancelSsoSignIn(undefined);
    expect(await waiting).toMatchObject({ code: 'SSO_CANCELLED' });
    await expect(fetch(new URL(cancelled.authorizationUrl).searchParams.get('redirect_uri') ?? '')).rejects.toThrow();
    await expectStayed(harness, token, keys);

    expectStep(await harness.handlers.startOrganizationSwitch({ organizationId: DEMO_TRAINING_ORGANIZATION.id }), 'waiting-for-browser');
    expect(await caught(harness.handlers.continueSsoSignIn(undefined))).toMatchObject({ code: 'SSO_TIMEOUT' });
    await expectStayed(harness, token, keys);
  });

  it('refuses someone else signing in in the browser, and a sign-in refused on the provider’s page; the session stays', async () => {
    const { session, keys } = await signedIn({ profile: 'jmapcloud' });
    const token = await harness.credentials.getRefreshToken(session.connectionId);

    await harness.handlers.startOrganizationSwitch({ organizationId: DEMO_TRAINING_ORGANIZATION.id });
    const other = await caught(browserSignsIn(harness, DEMO_USERS.editor1.email));
    expect(other).toMatchObject({ code: 'SSO_REFUSED', details: { reason: 'account-mismatch' } });
    await expectStayed(harness, token, keys);

    await harness.handlers.startOrganizationSwitch({ organizationId: DEMO_TRAINING_ORGANIZATION.id });
    const waiting = caught(harness.handlers.continueSsoSignIn(undefined));
    await harness.browser.follow(await harness.browser.cancelOnPage());
    expect(await waiting).toMatchObject({ code: 'SSO_REFUSED', details: { reason: 'access-denied' } });
    await expectStayed(harness, token, keys);
  });

  it('refuses a refresh for another organization: the plain switch says the browser is needed', async () => {
    await signedIn({ profile: 'jmapcloud' });
    const refused = await caught(harness.handlers.switchOrganization({ organizationId: DEMO_TRAINING_ORGANIZATION.id }));
    expect(refused).toMatchObject({ code: 'SSO_REFUSED', details: { reason: 'browser-needed' } });
    expect((await harness.handlers.getSession(undefined))?.organization.name).toBe('Demo Organization');
  });
});

describe('switching organization with a provider that scopes a refresh (the local server’s extension)', () => {
  it('switches at once, without the browser', async () => {
    const { keys } = await signedIn({});
    const opened = harness.browser.opened.length;
    const { session } = expectStep(await harness.handlers.startOrganizationSwitch({ organizationId: DEMO_TRAINING_ORGANIZATION.id }), 'signed-in');
    expect(session.organization.name).toBe('Demo Training Organization');
    expect(harness.browser.opened).toHaveLength(opened);
    expect((await harness.handlers.listApiKeys(KEY_QUERY)).page.totalElements).not.toBe(keys);
  });
});
