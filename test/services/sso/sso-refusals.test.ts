// Every refusal of single sign-on the issue lists, through the services against the real
// local provider and loopback listener: each is a clear error, and nothing is stored (no
// session, no saved connection, no keychain entry). The browser is the test's: it can be
// sent anywhere, replay what it saw, or be closed.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/shared/errors';
import { caught } from '../support/caught';
import { DEMO_PASSWORD, startHarness, type Harness, type HarnessOptions } from '../support/harness';
import { expectStep, ssoRequest } from '../support/sso';

let harness: Harness;
afterEach(() => harness.close());

async function start(options: HarnessOptions = {}): Promise<Harness> {
  harness = await startHarness(options);
  expectStep(await harness.handlers.startSsoSignIn(ssoRequest(harness, true)), 'waiting-for-browser');
  return harness;
}

/** The listener's redirect URI and the sign-in's own state, from the URL KeyDesk opened. */
const requestOf = (h: Harness) => {
  const url = new URL(h.browser.current());
  return { redirectUri: url.searchParams.get('redirect_uri') ?? '', state: url.searchParams.get('state') ?? '' };
};

const withParam = (location: string, name: string, value: string): string => {
  const url = new URL(location);
  url.searchParams.set(name, value);
  return url.href;
};

async function expectNothingStored(h: Harness): Promise<void> {
  expect(await h.handlers.getSession(undefined)).toBeNull();
  expect(await h.handlers.listConnections(undefined)).toEqual([]);
  expect(h.credentialWrites).toEqual([]);
}

/** Continues the sign-in while the browser does `act`; the refusal it ends with. */
async function refusalWhile(h: Harness, act: () => Promise<unknown>): Promise<AppError> {
  const waiting = caught(h.handlers.continueSsoSignIn(undefined));
  await act();
  return waiting;
}

describe('single sign-on refuses', () => {
  it('a redirect whose state is not the sign-in’s own', async () => {
    await start();
    const location = await harness.browser.signInOnPage('admin2@demo.local', DEMO_PASSWORD);
    let tab = { status: 0, html: '' };
    const error = await refusalWhile(harness, async () => (tab = await harness.browser.follow(withParam(location, 'state', 'forged-state'))));
    expect(error).toMatchObject({ code: 'SSO_REFUSED', details: { reason: 'state-mismatch' } });
    expect(tab.status).toBe(400);
    expect(tab.html).toContain('Sign-in failed');
    await expectNothingStored(harness);
  });

  it('a redirect whose issuer is another provider (mix-up)', async () => {
    await start();
    const location = await harness.browser.signInOnPage('admin2@demo.local', DEMO_PASSWORD);
    const error = await refusalWhile(harness, () => harness.browser.follow(withParam(location, 'iss', 'https://evil.example/')));
    expect(error).toMatchObject({ code: 'SSO_REFUSED', details: { reason: 'issuer-mismatch' } });
    await expectNothingStored(harness);
  });

  it('a replayed code', async () => {
    await start();
    const first = await harness.browser.signInOnPage('admin2@demo.local', DEMO_PASSWORD);
    await harness.browser.follow(first);
    await harness.handlers.continueSsoSignIn(undefined);
    await harness.handlers.signOut(undefined);
    // A second sign-in, and the first one's code played back into it with its state.
    expectStep(await harness.handlers.startSsoSignIn(ssoRequest(harness)), 'waiting-for-browser');
    const { redirectUri, state } = requestOf(harness);
    const replay = new URL(redirectUri);
    replay.search = new URL(first).search;
    replay.searchParams.set('state', state);
    const error = await refusalWhile(harness, () => harness.browser.follow(replay.href));
    expect(error).toMatchObject({ code: 'SSO_REFUSED', details: { reason: 'code-rejected' } });
    expect(error.message).toContain('already been used');
    expect(await harness.handlers.getSession(undefined)).toBeNull();
  });

  it('an expired code', async () => {
    await start();
    const location = await harness.browser.signInOnPage('admin2@demo.local', DEMO_PASSWORD);
    harness.serverClock.advance(121_000);
    const error = await refusalWhile(harness, () => harness.browser.follow(location));
    expect(error).toMatchObject({ code: 'SSO_REFUSED', details: { reason: 'code-rejected' } });
    expect(error.message).toContain('expired');
    await expectNothingStored(harness);
  });

  it('a code issued for another sign-in (its verifier is not this one)', async () => {
    await start();
    const { redirectUri, state } = requestOf(harness);
    // Someone else's authorization request, with their own PKCE challenge, to the same listener.
    const theirs = new URL(harness.browser.current());
    theirs.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    harness.browser.opened.push(theirs.href);
    const location = await harness.browser.signInOnPage('admin2@demo.local', DEMO_PASSWORD);
    expect(new URL(location).origin).toBe(new URL(redirectUri).origin);
    const error = await refusalWhile(harness, () => harness.browser.follow(withParam(location, 'state', state)));
    expect(error).toMatchObject({ code: 'SSO_REFUSED', details: { reason: 'code-rejected' } });
    expect(error.message).toContain('code_verifier');
    await expectNothingStored(harness);
  });

  it('an issuer that does not match the provider’s own', async () => {
    harness = await startHarness();
    // The same provider by another name: discovery says it is http://127.0.0.1:…/.
    const request = ssoRequest(harness, true, harness.server.url.replace('127.0.0.1', 'localhost'));
    const error = await caught(harness.handlers.startSsoSignIn(request));
    expect(error).toMatchObject({ code: 'SSO_REFUSED', details: { reason: 'issuer-mismatch' } });
    expect(harness.browser.opened).toEqual([]);
    await expectNothingStored(harness);
  });

  it('an ID token made for another application (audience)', async () => {
    await start();
    harness.rewriteResponse = (path, body) => {
      if (path !== '/oauth/token') return body;
      const tokens = JSON.parse(body) as { id_token: string };
      const [header, payload, signature] = tokens.id_token.split('.') as [string, string, string];
      const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), aud: 'another-application' };
      return JSON.stringify({ ...tokens, id_token: `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}` });
    };
    const error = await refusalWhile(harness, () => harness.browser.signIn('admin2@demo.local', DEMO_PASSWORD));
    expect(error).toMatchObject({ code: 'SSO_REFUSED', details: { reason: 'audience-mismatch' } });
    await expectNothingStored(harness);
  });

  it('anything but its own callback path on the loopback listener, and another host name, without ending the sign-in', async () => {
    await start();
    const { redirectUri } = requestOf(harness);
    const elsewhere = await fetch(new URL('/favicon.ico', redirectUri));
    expect(elsewhere.status).toBe(404);
    const rebound = await fetch(redirectUri.replace('127.0.0.1', 'localhost'));
    expect(rebound.status).toBe(421);
    const waiting = harness.handlers.continueSsoSignIn(undefined);
    await harness.browser.signIn('admin2@demo.local', DEMO_PASSWORD);
    expect((await waiting).status).toBe('signed-in');
    // Exactly one redirect: the listener is closed now.
    await expect(fetch(redirectUri)).rejects.toThrow();
  });

  it('the user closing the browser: the wait times out and the listener closes', async () => {
    await start({ ssoTimeoutMs: 400 });
    const { redirectUri } = requestOf(harness);
    const error = await caught(harness.handlers.continueSsoSignIn(undefined));
    expect(error).toMatchObject({ code: 'SSO_TIMEOUT' });
    await expect(fetch(redirectUri)).rejects.toThrow();
    await expectNothingStored(harness);
  });

  it('nothing after "Cancel" in the app: the wait ends and the listener closes', async () => {
    await start();
    const { redirectUri } = requestOf(harness);
    const waiting = caught(harness.handlers.continueSsoSignIn(undefined));
    await harness.handlers.cancelSsoSignIn(undefined);
    expect(await waiting).toMatchObject({ code: 'SSO_CANCELLED' });
    await expect(fetch(redirectUri)).rejects.toThrow();
    await expectNothingStored(harness);
  });

  it('a sign-in the user cancelled on the provider’s page', async () => {
    await start();
    const error = await refusalWhile(harness, async () => harness.browser.follow(await harness.browser.cancelOnPage()));
    expect(error).toMatchObject({ code: 'SSO_REFUSED', details: { reason: 'access-denied' } });
    await expectNothingStored(harness);
  });

  it('a provider that cannot be reached', async () => {
    harness = await startHarness();
    const closed = await fetch(`${harness.server.url}/`).then(() => 'http://127.0.0.1:9/');
    const error = await caught(harness.handlers.startSsoSignIn(ssoRequest(harness, true, closed)));
    expect(error).toMatchObject({ code: 'IDENTITY_PROVIDER_UNREACHABLE' });
    expect(error.message).toContain('http://127.0.0.1:9');
    expect(harness.browser.opened).toEqual([]);
    await expectNothingStored(harness);
  });
});
