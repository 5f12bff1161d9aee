// The identity provider's token and revocation endpoints over real HTTP, and its access
// tokens at the REST API: PKCE enforced, codes single-use and short-lived, refresh tokens
// rotating with reuse detection, organization-scoped tokens, audience and issuer checked.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_IDENTITY_PROVIDER, REFRESH_WITH_ORGANIZATION_METADATA } from '../../src/shared/identity-provider';
import { DEMO_ORGANIZATION, DEMO_TRAINING_ORGANIZATION, DEMO_USERS } from '../../src/server/seed/demo-identities';
import { DEMO_PASSWORD, KEYS, manualClock, SS, startTestServer, type TestClient } from './server-test-client';
import { claimsOf, codeFor, exchangeCode, refreshGrant, tokenRequest } from './support/identity-provider-client';

const clock = manualClock();
let client: TestClient;

beforeAll(async () => {
  client = await startTestServer({ now: clock.now, tokenTtlSeconds: 300 });
});
afterAll(() => client.server.close());

const signIn = async (email = 'admin@demo.local', overrides: Record<string, string | null> = {}) => {
  const response = await exchangeCode(client, await codeFor(client, email, DEMO_PASSWORD, overrides));
  expect(response.status).toBe(200);
  return response.body as { access_token: string; refresh_token: string; id_token: string; expires_in: number; token_type: string };
};

describe('authorization_code grant', () => {
  it('gives an access token, a refresh token and an ID token for the client, with its nonce', async () => {
    const tokens = await signIn();
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    expect(tokens.refresh_token).toMatch(/^kdr_/);
    expect(claimsOf(tokens.id_token)).toMatchObject({
      iss: `${client.server.url}/`,
      aud: LOCAL_IDENTITY_PROVIDER.clientId,
      sub: DEMO_USERS.admin.id,
      nonce: 'nonce-5678',
      email: 'admin@demo.local',
    });
    expect(claimsOf(tokens.access_token)).toMatchObject({ aud: LOCAL_IDENTITY_PROVIDER.audience, sub: DEMO_USERS.admin.id });
  });

  it('refuses a wrong verifier, and burns the code', async () => {
    const code = await codeFor(client, 'admin@demo.local', DEMO_PASSWORD);
    const wrong = await exchangeCode(client, code, { code_verifier: 'x'.repeat(43) });
    expect([wrong.status, wrong.body.error]).toEqual([400, 'invalid_grant']);
    expect(wrong.body.error_description).toContain('code_verifier');
    expect((await exchangeCode(client, code)).body.error).toBe('invalid_grant');
  });

  it('refuses a replayed code, and revokes the refresh token its first exchange gave', async () => {
    const code = await codeFor(client, 'admin@demo.local', DEMO_PASSWORD);
    const first = await exchangeCode(client, code);
    expect(first.status).toBe(200);
    const replay = await exchangeCode(client, code);
    expect([replay.status, replay.body.error]).toEqual([400, 'invalid_grant']);
    expect(replay.body.error_description).toContain('already been used');
    expect((await refreshGrant(client, first.body.refresh_token)).body.error).toBe('invalid_grant');
  });

  it('refuses an expired code', async () => {
    const code = await codeFor(client, 'admin@demo.local', DEMO_PASSWORD);
    clock.advance(121_000);
    const late = await exchangeCode(client, code);
    expect([late.status, late.body.error]).toEqual([400, 'invalid_grant']);
    expect(late.body.error_description).toContain('expired');
  });

  it('refuses a redirect_uri other than the one the code was issued for', async () => {
    const code = await codeFor(client, 'admin@demo.local', DEMO_PASSWORD);
    const answer = await exchangeCode(client, code, { redirect_uri: 'http://127.0.0.1:1234/callback' });
    expect([answer.status, answer.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('answers an unknown client with invalid_client, a repeated parameter and JSON with invalid_request', async () => {
    expect((await tokenRequest(client, { grant_type: 'authorization_code', client_id: 'other' })).body.error).toBe('invalid_client');
    const repeated = await client.request('POST', '/oauth/token', {
      rawBody: `client_id=${LOCAL_IDENTITY_PROVIDER.clientId}&grant_type=refresh_token&refresh_token=a&refresh_token=b`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(repeated.body.error).toBe('invalid_request');
    const json = await client.request('POST', '/oauth/token', { body: { grant_type: 'refresh_token' } });
    expect([json.status, json.body.error]).toEqual([400, 'invalid_request']);
    expect((await tokenRequest(client, { grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
  });
});

describe('refresh_token grant', () => {
  it('rotates the refresh token; the old one presented again ends the whole session', async () => {
    const first = await signIn();
    const second = await refreshGrant(client, first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    const reuse = await refreshGrant(client, first.refresh_token);
    expect(reuse.body.error).toBe('invalid_grant');
    // The reuse revoked the family: the rotated token is dead too.
    expect((await refreshGrant(client, second.body.refresh_token)).body.error).toBe('invalid_grant');
  });

  it('scopes the new tokens to another organization of the user, silently (the extension)', async () => {
    const first = await signIn();
    const scoped = await refreshGrant(client, first.refresh_token, { organization: DEMO_TRAINING_ORGANIZATION.auth0Id });
    expect(scoped.status).toBe(200);
    expect(claimsOf(scoped.body.access_token).org_id).toBe(DEMO_TRAINING_ORGANIZATION.auth0Id);
    expect(claimsOf(scoped.body.id_token).org_id).toBe(DEMO_TRAINING_ORGANIZATION.auth0Id);
    // The scope stays with the family: a plain refresh keeps the organization.
    const again = await refreshGrant(client, scoped.body.refresh_token);
    expect(claimsOf(again.body.access_token).org_id).toBe(DEMO_TRAINING_ORGANIZATION.auth0Id);
  });

  it('refuses to scope to an organization the user is not a member of', async () => {
    const tokens = await signIn(DEMO_USERS.viewer2.email);
    const answer = await refreshGrant(client, tokens.refresh_token, { organization: DEMO_TRAINING_ORGANIZATION.auth0Id });
    expect([answer.status, answer.body.error]).toEqual([400, 'invalid_request']);
    // The refresh token itself is still good (nothing was consumed).
    expect((await refreshGrant(client, tokens.refresh_token)).status).toBe(200);
  });
});

describe('the strict profile (jmapcloud), as JMap Cloud’s Auth0', () => {
  it('advertises no silent organization switch, and refuses `organization` on a refresh; the token stays good', async () => {
    const strict = await startTestServer({ profile: 'jmapcloud' });
    try {
      const discovery = await strict.request('GET', '/.well-known/openid-configuration');
      expect(discovery.body).not.toHaveProperty(REFRESH_WITH_ORGANIZATION_METADATA);
      const tokens = (await exchangeCode(strict, await codeFor(strict, 'admin@demo.local', DEMO_PASSWORD))).body as { refresh_token: string };
      const answer = await refreshGrant(strict, tokens.refresh_token, { organization: DEMO_TRAINING_ORGANIZATION.auth0Id });
      expect([answer.status, answer.body.error]).toEqual([400, 'invalid_request']);
      expect(answer.body.error_description).toContain('/authorize');
      expect((await refreshGrant(strict, tokens.refresh_token)).status).toBe(200);
      // Through /authorize it scopes as Auth0 does.
      const scoped = await exchangeCode(strict, await codeFor(strict, 'admin@demo.local', DEMO_PASSWORD, { organization: DEMO_TRAINING_ORGANIZATION.auth0Id }));
      expect(claimsOf(scoped.body.access_token).org_id).toBe(DEMO_TRAINING_ORGANIZATION.auth0Id);
    } finally {
      await strict.server.close();
    }
  });
});

describe('revocation', () => {
  it('ends the family of a refresh token, and answers 200 for an unknown token too', async () => {
    const tokens = await signIn();
    const revoke = (token: string) =>
      client.request('POST', '/oauth/revoke', {
        rawBody: new URLSearchParams({ client_id: LOCAL_IDENTITY_PROVIDER.clientId, token }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
    expect((await revoke(tokens.refresh_token)).status).toBe(200);
    expect((await refreshGrant(client, tokens.refresh_token)).body.error).toBe('invalid_grant');
    expect((await revoke('kdr_unknown')).status).toBe(200);
  });
});

describe('access tokens at the REST API', () => {
  it('are accepted as bearer tokens; an organization-scoped one reaches the organization with the member’s roles', async () => {
    const unscoped = await signIn();
    expect((await client.request('GET', `${SS}/users/self`, { token: unscoped.access_token })).status).toBe(200);
    const refused = await client.request('GET', KEYS, { token: unscoped.access_token });
    expect([refused.status, refused.body.code]).toEqual([403, 'ORGANIZATION_NOT_SELECTED']);
    const scoped = await signIn('admin@demo.local', { organization: DEMO_ORGANIZATION.auth0Id });
    expect(claimsOf(scoped.access_token).org_id).toBe(DEMO_ORGANIZATION.auth0Id);
    expect((await client.request('GET', KEYS, { token: scoped.access_token })).status).toBe(200);
    const viewer = await signIn(DEMO_USERS.viewer1.email, { organization: DEMO_ORGANIZATION.auth0Id });
    expect((await client.request('GET', KEYS, { token: viewer.access_token })).body.code).toBe('INSUFFICIENT_ROLE');
  });

  it('expire', async () => {
    const tokens = await signIn('admin@demo.local', { organization: DEMO_ORGANIZATION.auth0Id });
    clock.advance(301_000);
    const late = await client.request('GET', KEYS, { token: tokens.access_token });
    expect([late.status, late.body.code]).toEqual([401, 'TOKEN_EXPIRED']);
  });

  it('are refused by a provider that signs with another key', async () => {
    const elsewhere = await startTestServer({ identityProvider: { audience: LOCAL_IDENTITY_PROVIDER.audience } });
    try {
      const foreign = (await exchangeCode(elsewhere, await codeFor(elsewhere, 'admin@demo.local', DEMO_PASSWORD))).body;
      const answer = await client.request('GET', `${SS}/users/self`, { token: foreign.access_token });
      expect([answer.status, answer.body.code]).toEqual([401, 'INVALID_TOKEN']);
    } finally {
      await elsewhere.server.close();
    }
  });

  it('are refused by an API of another audience, even signed with the same key by the same issuer', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'keydesk-idp-'));
    const dbPath = join(folder, 'organization.db');
    try {
      const first = await startTestServer({ dbPath });
      const tokens = (await exchangeCode(first, await codeFor(first, 'admin@demo.local', DEMO_PASSWORD))).body;
      await first.server.close();
      // The same database (key) and port (issuer), another audience.
      const second = await startTestServer({ dbPath, port: first.server.port, identityProvider: { audience: 'https://api.elsewhere.example' } });
      try {
        const answer = await second.request('GET', `${SS}/users/self`, { token: tokens.access_token });
        expect([answer.status, answer.body.code]).toEqual([401, 'INVALID_TOKEN']);
        expect(answer.body.message).toContain('audience');
      } finally {
        await second.server.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('are refused when tampered with', async () => {
    const tokens = await signIn('admin@demo.local', { organization: DEMO_ORGANIZATION.auth0Id });
    const [header, payload, signature] = tokens.access_token.split('.') as [string, string, string];
    const claims = { ...claimsOf(tokens.access_token), org_id: DEMO_TRAINING_ORGANIZATION.auth0Id };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(payload).not.toBe(forged.split('.')[1]);
    expect((await client.request('GET', `${SS}/users/self`, { token: forged })).body.code).toBe('INVALID_TOKEN');
  });
});
