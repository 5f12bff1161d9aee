// The local server as an identity provider, over real HTTP: discovery and keys, and
// /authorize with its sign-in page (what it accepts, where it refuses to send anyone, and
// that the password stays out of everything it writes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_WITH_ORGANIZATION_METADATA } from '../../src/shared/identity-provider';
import { DEMO_ORGANIZATION } from '../../src/server/seed/demo-identities';
import { DEMO_PASSWORD, startTestServer, type TestClient } from './server-test-client';
import { authorizationUrl, REDIRECT_URI, redirectParams } from './support/identity-provider-client';
import { hiddenFields, openSignInPage, signInThroughPage, submitSignInForm } from './support/sign-in-browser';

let client: TestClient;
const logLines: string[] = [];

beforeAll(async () => {
  client = await startTestServer({ log: (line) => logLines.push(line), logError: (line) => logLines.push(line) });
});
afterAll(() => client.server.close());

describe('discovery', () => {
  it('describes a provider whose issuer is the server itself, PKCE S256 only, no client secret', async () => {
    const response = await client.request('GET', '/.well-known/openid-configuration');
    expect(response.status).toBe(200);
    const issuer = `${client.server.url}/`;
    expect(response.body).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}authorize`,
      token_endpoint: `${issuer}oauth/token`,
      revocation_endpoint: `${issuer}oauth/revoke`,
      jwks_uri: `${issuer}.well-known/jwks.json`,
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      authorization_response_iss_parameter_supported: true,
      [REFRESH_WITH_ORGANIZATION_METADATA]: true,
    });
  });

  it('publishes the public half of its ES256 key only', async () => {
    const { body } = await client.request('GET', '/.well-known/jwks.json');
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(body.keys[0].kid).toEqual(expect.any(String));
    expect(body.keys[0]).not.toHaveProperty('d');
  });
});

describe('GET /authorize', () => {
  it('serves a sign-in form with no script, whose CSP lets it post here and go back to the loopback listener only', async () => {
    const page = await openSignInPage(authorizationUrl(client));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`form-action 'self' ${new URL(REDIRECT_URI).origin}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.html).not.toContain('<script');
    expect(page.html).toContain('name="password" type="password"');
    // The demo users are suggested in the email field.
    expect(page.html).toContain('<option value="admin@demo.local">');
    expect(Object.fromEntries(hiddenFields(page.html))).toMatchObject({ state: 'state-1234', code_challenge_method: 'S256' });
  });

  it.each([
    ['an address on the network', 'https://evil.example/callback'],
    ['localhost (a hosts file may point it anywhere)', 'http://localhost:53682/callback'],
    ['another path of the loopback listener', 'http://127.0.0.1:53682/other'],
    ['a loopback address without a port', 'http://127.0.0.1/callback'],
    ['a loopback address with a query', 'http://127.0.0.1:53682/callback?next=https://evil.example'],
  ])('refuses to send anyone to %s: a page says why, and there is no redirect', async (_, redirectUri) => {
    const page = await openSignInPage(authorizationUrl(client, { redirect_uri: redirectUri }));
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.html).toContain('loopback listener');
  });

  it('refuses an unknown client with a page, not a redirect', async () => {
    const page = await openSignInPage(authorizationUrl(client, { client_id: 'someone-else' }));
    expect([page.status, page.location]).toEqual([400, null]);
    expect(page.html).toContain('client_id');
  });

  it.each([
    ['no PKCE', { code_challenge: null, code_challenge_method: null }, 'invalid_request'],
    ['PKCE "plain"', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['no state', { state: null }, 'invalid_request'],
    ['no openid scope', { scope: 'profile' }, 'invalid_scope'],
    ['a token code flow other than code', { response_type: 'token' }, 'unsupported_response_type'],
    ['another audience', { audience: 'https://api.elsewhere.example' }, 'invalid_request'],
    ['an unknown organization', { organization: 'org_doesnotexist00' }, 'invalid_request'],
    ['a silent sign-in (no browser session is kept)', { prompt: 'none' }, 'login_required'],
  ])('sends %s back to the client as an error, with its state and the issuer', async (_, overrides, error) => {
    const page = await openSignInPage(authorizationUrl(client, overrides));
    expect(page.status).toBe(303);
    const params = redirectParams(page);
    expect(params.get('error')).toBe(error);
    expect(params.get('code')).toBeNull();
    expect(params.get('iss')).toBe(`${client.server.url}/`);
    if ('state' in overrides) expect(params.has('state')).toBe(false);
    else expect(params.get('state')).toBe('state-1234');
  });

  // Found by the hostile suite: the state went back whatever its length, and a 3,000-character
  // one made a Location header past 16 KiB, which HTTP clients refuse to read.
  it('sends a state too long back as an error without that state', async () => {
    const page = await openSignInPage(authorizationUrl(client, { state: 'é'.repeat(600) }));
    expect(page.status).toBe(303);
    const params = redirectParams(page);
    expect(params.get('error')).toBe('invalid_request');
    expect(params.has('state')).toBe(false);
  });
});

describe('POST /authorize (the sign-in form)', () => {
  it('redirects to the loopback listener with a code, the state and the issuer', async () => {
    const params = redirectParams(await signInThroughPage(authorizationUrl(client), 'admin@demo.local', DEMO_PASSWORD));
    expect(params.get('code')).toMatch(/^kdc_[0-9A-Za-z]{43}$/);
    expect(params.get('state')).toBe('state-1234');
    expect(params.get('iss')).toBe(`${client.server.url}/`);
  });

  it('shows the form again for a wrong password, with the email and never the password', async () => {
    const url = authorizationUrl(client);
    const page = await openSignInPage(url);
    const wrong = 'not-the-Passw0rd-!';
    const again = await submitSignInForm(url, page, { email: 'admin@demo.local', password: wrong });
    expect([again.status, again.location]).toEqual([401, null]);
    expect(again.html).toContain('The email or the password is incorrect.');
    expect(again.html).toContain('value="admin@demo.local"');
    expect(again.html).not.toContain(wrong);
    expect(logLines.join('\n')).not.toContain(wrong);
    expect(logLines.join('\n')).not.toContain(DEMO_PASSWORD);
  });

  it('sends "Cancel" back to the client as access_denied', async () => {
    const url = authorizationUrl(client);
    const cancelled = await submitSignInForm(url, await openSignInPage(url), { action: 'cancel' });
    expect(redirectParams(cancelled).get('error')).toBe('access_denied');
  });

  it('refuses a sign-in to an organization the user is not a member of', async () => {
    const url = authorizationUrl(client, { organization: 'org_dcf3992af6144735' });
    const answer = await signInThroughPage(url, 'viewer2@demo.local', DEMO_PASSWORD);
    const params = redirectParams(answer);
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('error_description')).toContain('Demo Training Organization');
  });

  it('names the organization on the page when the request is for one', async () => {
    const page = await openSignInPage(authorizationUrl(client, { organization: DEMO_ORGANIZATION.auth0Id }));
    expect(page.html).toContain('Sign in to Demo Organization');
  });

  it('fills in the email from login_hint (escaped), and carries it through the form', async () => {
    const page = await openSignInPage(authorizationUrl(client, { login_hint: 'admin@demo.local' }));
    expect(page.html).toContain('value="admin@demo.local"');
    expect(hiddenFields(page.html)).toContainEqual(['login_hint', 'admin@demo.local']);
    const hostile = await openSignInPage(authorizationUrl(client, { login_hint: '"><b>x' }));
    expect(hostile.html).not.toContain('"><b>x');
  });

  it('checks the request again when the form comes back: a tampered redirect_uri is stopped', async () => {
    const url = authorizationUrl(client);
    const page = await openSignInPage(url);
    const tampered = { ...page, html: page.html.replace(REDIRECT_URI, 'https://evil.example/callback') };
    const answer = await submitSignInForm(url, tampered, { email: 'admin@demo.local', password: DEMO_PASSWORD });
    expect([answer.status, answer.location]).toEqual([400, null]);
  });
});
