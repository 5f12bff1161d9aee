// "Sign in with single sign-on" through the services, against the real local server as the
// identity provider, the real loopback listener, and a test browser that plays the person:
// sign in, choose the organization, see the keys, stay signed in across a restart when
// remembered, switch organization silently, sign out (the token revoked).
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_IDENTITY_PROVIDER } from '../../../src/shared/identity-provider';
import { DEMO_TRAINING_ORGANIZATION } from '../../../src/server/seed/demo-identities';
import { DEMO_PASSWORD, restartServices, startHarness, type Harness } from '../support/harness';
import { expectStep, ssoRequest } from '../support/sso';

let harness: Harness;
afterEach(() => harness.close());

const KEY_QUERY = { page: 0, pageSize: 5, sortField: 'title', sortDirection: 'asc' } as const;

describe('single sign-on', () => {
  it('opens the provider in the browser with PKCE, state and nonce, and signs in a one-organization admin', async () => {
    harness = await startHarness();
    const started = expectStep(await harness.handlers.startSsoSignIn(ssoRequest(harness, true)), 'waiting-for-browser');
    expect(started.openedBy).toBe('system');
    const url = new URL(started.authorizationUrl);
    expect(harness.browser.opened).toEqual([started.authorizationUrl]);
    expect(`${url.origin}${url.pathname}`).toBe(`${harness.server.url}/authorize`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    for (const parameter of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(parameter)).toMatch(/^[\w-]{22,}$/);
    expect(url.searchParams.get('audience')).toBe(LOCAL_IDENTITY_PROVIDER.audience);

    const waiting = harness.handlers.continueSsoSignIn(undefined);
    const tab = await harness.browser.signIn('admin2@demo.local', DEMO_PASSWORD);
    expect(tab.status).toBe(200);
    expect(tab.html).toContain('You can close this tab');
    const done = expectStep(await waiting, 'signed-in');
    expect(done.session).toMatchObject({ kind: 'cloud', remembered: true, organization: { name: 'Demo Organization' } });
    expect(done.session.label).toBe('Demo Organization (admin2@demo.local)');
    expect((await harness.handlers.listApiKeys(KEY_QUERY)).content).toHaveLength(5);

    const [profile] = await harness.handlers.listConnections(undefined);
    expect(profile).toMatchObject({ username: 'admin2@demo.local', remembered: true, identityProvider: ssoRequest(harness).identityProvider });
    expect(await harness.credentials.getRefreshToken(done.session.connectionId)).toMatch(/^kdr_/);
    // What the renderer saw holds no token.
    const seen = JSON.stringify([started, done, profile]);
    for (const secret of harness.secretsSeen) expect(seen).not.toContain(secret);
  });

  it('lets a user of several organizations choose one, then switches organization silently', async () => {
    harness = await startHarness();
    await harness.handlers.startSsoSignIn(ssoRequest(harness));
    const waiting = harness.handlers.continueSsoSignIn(undefined);
    await harness.browser.signIn('admin@demo.local', DEMO_PASSWORD);
    const choose = expectStep(await waiting, 'choose-organization');
    expect(choose.organizations.map((organization) => organization.name)).toEqual(['Demo Organization', 'Demo Training Organization']);
    expect(await harness.handlers.getSession(undefined)).toBeNull();

    const done = expectStep(await harness.handlers.chooseSsoOrganization({ organizationId: DEMO_TRAINING_ORGANIZATION.id }), 'signed-in');
    expect(done.session.organization.name).toBe('Demo Training Organization');
    expect(harness.browser.opened).toHaveLength(1); // no second trip through the browser
    const trainingKeys = await harness.handlers.listApiKeys(KEY_QUERY);

    const switched = await harness.handlers.switchOrganization({ organizationId: harness.server.demo?.organizationId ?? '' });
    expect(switched.organization.name).toBe('Demo Organization');
    const demoKeys = await harness.handlers.listApiKeys(KEY_QUERY);
    expect(demoKeys.page.totalElements).not.toBe(trainingKeys.page.totalElements);
    expect(harness.browser.opened).toHaveLength(1);
  });

  it('stays signed in across a restart when remembered, and sign-out revokes the token and clears the keychain', async () => {
    harness = await startHarness();
    await harness.handlers.startSsoSignIn(ssoRequest(harness, true));
    const waiting = harness.handlers.continueSsoSignIn(undefined);
    await harness.browser.signIn('admin2@demo.local', DEMO_PASSWORD);
    const { session } = expectStep(await waiting, 'signed-in');
    const firstToken = await harness.credentials.getRefreshToken(session.connectionId);

    const next = restartServices(harness);
    try {
      const resumed = await next.handlers.connectSaved({ id: session.connectionId });
      expect(resumed.organization.name).toBe('Demo Organization');
      expect((await next.handlers.listApiKeys(KEY_QUERY)).content).toHaveLength(5);
      const rotated = await harness.credentials.getRefreshToken(session.connectionId);
      expect(rotated).not.toBe(firstToken);

      await next.handlers.signOut(undefined);
      expect(await harness.credentials.getRefreshToken(session.connectionId)).toBeNull();
      const [profile] = await next.handlers.listConnections(undefined);
      expect(profile).toMatchObject({ remembered: false, identityProvider: expect.any(Object) });
      // Revoked at the provider, not only forgotten here.
      const grant = await fetch(`${harness.server.url}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: LOCAL_IDENTITY_PROVIDER.clientId, refresh_token: rotated ?? '' }),
      });
      expect(((await grant.json()) as { error: string }).error).toBe('invalid_grant');

      // Without a remembered token, the saved connection asks for single sign-on, not a password.
      const again = await next.handlers.connectSaved({ id: session.connectionId }).catch((error: unknown) => error);
      expect(again).toMatchObject({ code: 'UNAUTHORIZED', details: { needsSsoSignIn: true } });
      expect(expectStep(await next.handlers.startSsoSignIn({ connectionId: session.connectionId, remember: false }), 'waiting-for-browser')).toBeTruthy();
    } finally {
      await next.dispose();
    }
  });

  it('answers "page" in the web preview, so that the page opens the URL itself', async () => {
    harness = await startHarness();
    harness.browser.answer = 'page';
    const started = expectStep(await harness.handlers.startSsoSignIn(ssoRequest(harness)), 'waiting-for-browser');
    expect(started.openedBy).toBe('page');
    await harness.handlers.cancelSsoSignIn(undefined);
  });
});
