// Builds authorization requests against the local server's identity provider and exchanges
// what comes back, over real HTTP, as a native client would (the test's own PKCE pair).
import { LOCAL_IDENTITY_PROVIDER, LOOPBACK_REDIRECT_PATH, SSO_SCOPES } from '../../../src/shared/identity-provider';
import type { TestClient, TestResponse } from '../server-test-client';
import { PKCE_TEST_CHALLENGE, PKCE_TEST_VERIFIER } from './pkce-values';
import { signInThroughPage, type SignInPageAnswer } from './sign-in-browser';

export const REDIRECT_URI = `http://127.0.0.1:53682${LOOPBACK_REDIRECT_PATH}`;

export function authorizationUrl(client: TestClient, overrides: Record<string, string | null> = {}): string {
  const url = new URL('/authorize', client.server.url);
  const params: Record<string, string | null> = {
    response_type: 'code',
    client_id: LOCAL_IDENTITY_PROVIDER.clientId,
    redirect_uri: REDIRECT_URI,
    scope: SSO_SCOPES,
    state: 'state-1234',
    nonce: 'nonce-5678',
    code_challenge: PKCE_TEST_CHALLENGE,
    code_challenge_method: 'S256',
    audience: LOCAL_IDENTITY_PROVIDER.audience,
    ...overrides,
  };
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return url.href;
}

/** The redirect's query, as the loopback listener would read it. */
export function redirectParams(answer: SignInPageAnswer): URLSearchParams {
  if (answer.status !== 303 || answer.location === null) throw new Error(`expected a redirect, got ${answer.status}: ${answer.html.slice(0, 300)}`);
  return new URL(answer.location).searchParams;
}

/** Signs in through the page and returns the code it redirected with. */
export async function codeFor(client: TestClient, email: string, password: string, overrides: Record<string, string | null> = {}): Promise<string> {
  const params = redirectParams(await signInThroughPage(authorizationUrl(client, overrides), email, password));
  const code = params.get('code');
  if (code === null) throw new Error(`no code: ${params.toString()}`);
  return code;
}

export function tokenRequest(client: TestClient, fields: Record<string, string>): Promise<TestResponse> {
  return client.request('POST', '/oauth/token', {
    rawBody: new URLSearchParams({ client_id: LOCAL_IDENTITY_PROVIDER.clientId, ...fields }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}

export function exchangeCode(client: TestClient, code: string, fields: Record<string, string> = {}): Promise<TestResponse> {
  return tokenRequest(client, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: PKCE_TEST_VERIFIER, ...fields });
}

export function refreshGrant(client: TestClient, refreshToken: string, fields: Record<string, string> = {}): Promise<TestResponse> {
  return tokenRequest(client, { grant_type: 'refresh_token', refresh_token: refreshToken, ...fields });
}

/** The claims of a JWT, unverified (the test reads what the server wrote). */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
