// Security service over real HTTP: sign-in, refresh-token rotation and
// revocation, access-token expiry and tampering, /users/self and the members list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema, memberSchema, memberSelfSchema, tokenResponseSchema, userSelfSchema } from '../../src/shared/api-types';
import { DEMO_ORGANIZATION, DEMO_TRAINING_ORGANIZATION, DEMO_USERS } from '../../src/server/seed/demo-identities';
import { DEMO_PASSWORD, manualClock, ORG, SS, startTestServer, type TestClient } from './server-test-client';

const clock = manualClock();
let client: TestClient;

beforeAll(async () => {
  client = await startTestServer({ now: clock.now, tokenTtlSeconds: 60 });
});
afterAll(() => client.server.close());

const authenticate = (username: string, password: string) => client.request('POST', `${SS}/authenticate`, { body: { username, password } });
const refresh = (refreshToken: string, organizationId?: string) =>
  client.request('POST', `${SS}/refresh-token`, { body: organizationId ? { refreshToken, organizationId } : { refreshToken } });

describe('POST /authenticate', () => {
  it('returns an access token, a refresh token and the expiry for good credentials', async () => {
    const response = await authenticate('admin@demo.local', DEMO_PASSWORD);
    expect(response.status).toBe(200);
    const tokens = tokenResponseSchema.parse(response.body);
    expect(new Date(tokens.accessTokenExpireAt).getTime()).toBe(Math.floor(clock.now().getTime() / 1000) * 1000 + 60_000);
  });

  it('accepts the email in any case', async () => {
    expect((await authenticate('ADMIN@Demo.Local', DEMO_PASSWORD)).status).toBe(200);
  });

  it('answers 401 INVALID_CREDENTIALS to a wrong password and to an unknown user alike', async () => {
    for (const [username, password] of [['viewer2@demo.local', 'wrong password'], ['nobody@demo.local', DEMO_PASSWORD]] as const) {
      const response = await authenticate(username, password);
      expect(response.status).toBe(401);
      expect(apiErrorBodySchema.parse(response.body)).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    }
  });

  it('refuses a body with missing or unknown fields (400)', async () => {
    const missing = await client.request('POST', `${SS}/authenticate`, { body: { username: 'admin@demo.local' } });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    const unknown = await client.request('POST', `${SS}/authenticate`, { body: { username: 'a', password: 'b', remember: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('remember');
  });

  // The limits on failed sign-ins: sign-in-limits.test.ts.
});

describe('POST /refresh-token', () => {
  it('scopes the new access token to the organization and rotates the refresh token', async () => {
    const first = (await authenticate('admin@demo.local', DEMO_PASSWORD)).body;
    const second = await refresh(first.refreshToken, ORG);
    expect(second.status).toBe(200);
    const tokens = tokenResponseSchema.parse(second.body);
    expect(tokens.refreshToken).not.toBe(first.refreshToken);
    // The scoped token works where an unscoped one does not.
    expect((await client.request('GET', `${SS}/organizations/${ORG}/members`, { token: tokens.accessToken })).status).toBe(200);
    const unscoped = await client.request('GET', `${SS}/organizations/${ORG}/members`, { token: first.accessToken });
    expect(unscoped.status).toBe(403);
    expect(unscoped.body.code).toBe('ORGANIZATION_NOT_SELECTED');
    // The new one works once, and can switch organization; the old one stopped working.
    const third = await refresh(tokens.refreshToken, DEMO_TRAINING_ORGANIZATION.id);
    expect(third.status).toBe(200);
    expect((await refresh(tokens.refreshToken, ORG)).status).toBe(401);
    const reused = await refresh(first.refreshToken, ORG);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('INVALID_REFRESH_TOKEN');
    // Replaying a rotated token ends the whole session: its latest token is revoked too.
    expect((await refresh(third.body.refreshToken, ORG)).status).toBe(401);
  });

  it('keeps other sessions of the same user alive when one session ends', async () => {
    const one = (await authenticate('admin@demo.local', DEMO_PASSWORD)).body;
    const two = (await authenticate('admin@demo.local', DEMO_PASSWORD)).body;
    expect((await refresh(one.refreshToken, ORG)).status).toBe(200);
    expect((await refresh(one.refreshToken, ORG)).status).toBe(401);
    expect((await refresh(two.refreshToken, ORG)).status).toBe(200);
  });

  it('answers 401 to an unknown token and 403 NOT_A_MEMBER outside the user’s organizations', async () => {
    expect((await refresh('jmr_notarealtoken', ORG)).status).toBe(401);
    const editor2 = (await authenticate(DEMO_USERS.editor2.email, DEMO_PASSWORD)).body;
    const outside = await refresh(editor2.refreshToken, DEMO_TRAINING_ORGANIZATION.id);
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('NOT_A_MEMBER');
    // A refused refresh does not burn the token.
    expect((await refresh(editor2.refreshToken, ORG)).status).toBe(200);
  });

  it('refuses an organizationId that is not a UUID (400)', async () => {
    const tokens = (await authenticate('admin@demo.local', DEMO_PASSWORD)).body;
    expect((await refresh(tokens.refreshToken, 'demo')).status).toBe(400);
  });

  it('expires refresh tokens after 30 days', async () => {
    const tokens = (await authenticate('admin@demo.local', DEMO_PASSWORD)).body;
    clock.advance(30 * 24 * 3600 * 1000 + 1000);
    expect((await refresh(tokens.refreshToken, ORG)).status).toBe(401);
  });
});

describe('POST /revoke-token', () => {
  it('answers 204 and the refresh token stops working', async () => {
    const tokens = (await authenticate('admin@demo.local', DEMO_PASSWORD)).body;
    const rotated = (await refresh(tokens.refreshToken, ORG)).body;
    const revoked = await client.request('POST', `${SS}/revoke-token`, { body: { refreshToken: rotated.refreshToken } });
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe('');
    expect((await refresh(rotated.refreshToken, ORG)).status).toBe(401);
    // Revoking an earlier token of the session ends it as well.
    const again = (await authenticate('admin@demo.local', DEMO_PASSWORD)).body;
    const latest = (await refresh(again.refreshToken, ORG)).body;
    expect((await client.request('POST', `${SS}/revoke-token`, { body: { refreshToken: again.refreshToken } })).status).toBe(204);
    expect((await refresh(latest.refreshToken, ORG)).status).toBe(401);
    const bad = await client.request('POST', `${SS}/revoke-token`, { body: { token: tokens.refreshToken } });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // Revoking an unknown or already revoked token is still 204: it reveals nothing.
    expect((await client.request('POST', `${SS}/revoke-token`, { body: { refreshToken: rotated.refreshToken } })).status).toBe(204);
    expect((await client.request('POST', `${SS}/revoke-token`, { body: { refreshToken: 'jmr_unknown' } })).status).toBe(204);
  });
});

describe('access tokens', () => {
  it('are refused once expired (401 TOKEN_EXPIRED)', async () => {
    const { accessToken } = await client.signIn('admin@demo.local');
    expect((await client.request('GET', `${SS}/users/self`, { token: accessToken })).status).toBe(200);
    clock.advance(61_000);
    const expired = await client.request('GET', `${SS}/users/self`, { token: accessToken });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
  });

  it('are refused when tampered with, unsigned, or missing', async () => {
    const { accessToken } = await client.signIn(DEMO_USERS.editor1.email);
    const [header, payload] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['ORG_ADMIN', 'ORG_EDITOR', 'ORG_VIEWER'] })).toString('base64url');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    for (const token of [`${header}.${forged}.${accessToken.split('.')[2]}`, `${none}.${payload}.`, 'garbage']) {
      const response = await client.request('GET', `${SS}/users/self`, { token });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('INVALID_TOKEN');
    }
    const missing = await client.request('GET', `${SS}/users/self`);
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('GET /users/self', () => {
  it('lists every organization of the user, without roles (those come from members/self, as on JMap Cloud)', async () => {
    const { accessToken } = await client.signIn('admin@demo.local', DEMO_PASSWORD, null);
    const self = (await client.request('GET', `${SS}/users/self`, { token: accessToken })).body;
    expect(self).toMatchObject({ id: DEMO_USERS.admin.id, name: DEMO_USERS.admin.name, email: 'admin@demo.local' });
    expect(self.organizations).toEqual([
      { ...DEMO_ORGANIZATION, active: true },
      { ...DEMO_TRAINING_ORGANIZATION, active: true },
    ]);
    expect(userSelfSchema.parse(self).organizations.map((organization) => organization.id)).toEqual([ORG, DEMO_TRAINING_ORGANIZATION.id]);
    // An API key is not a user.
    const admin = await client.signIn('admin@demo.local');
    const { secret } = await client.createKey(admin.accessToken);
    const byKey = await client.request('GET', `${SS}/users/self`, { apiKey: secret });
    expect([byKey.status, byKey.body.code]).toEqual([403, 'API_KEY_NOT_ALLOWED']);
    const viewer = await client.signIn(DEMO_USERS.viewer2.email);
    const viewerSelf = (await client.request('GET', `${SS}/users/self`, { token: viewer.accessToken })).body;
    expect(viewerSelf.organizations).toEqual([{ ...DEMO_ORGANIZATION, active: true }]);
  });
});

describe('GET /organizations/{orgId}/members/self', () => {
  it('gives the user\'s additive roles in that organization, with any token of theirs', async () => {
    const unscoped = await client.signIn('admin@demo.local', DEMO_PASSWORD, null);
    const self = await client.request('GET', `${SS}/organizations/${ORG}/members/self`, { token: unscoped.accessToken });
    expect(self.status).toBe(200);
    expect(memberSelfSchema.parse(self.body)).toEqual({ roles: ['ORG_ADMIN', 'ORG_EDITOR', 'ORG_VIEWER'] });
    expect(self.body).toMatchObject({ id: DEMO_USERS.admin.id, email: 'admin@demo.local' });
    const viewer = await client.signIn(DEMO_USERS.viewer2.email);
    expect((await client.request('GET', `${SS}/organizations/${ORG}/members/self`, { token: viewer.accessToken })).body.roles).toEqual(['ORG_VIEWER']);
    const scopedElsewhere = await client.signIn('admin@demo.local', DEMO_PASSWORD, DEMO_TRAINING_ORGANIZATION.id);
    expect((await client.request('GET', `${SS}/organizations/${ORG}/members/self`, { token: scopedElsewhere.accessToken })).status).toBe(200);
  });

  it('refuses a non-member (403 NOT_A_MEMBER) and an API key (403 API_KEY_NOT_ALLOWED)', async () => {
    const viewer = await client.signIn(DEMO_USERS.viewer2.email);
    const notMember = await client.request('GET', `${SS}/organizations/${DEMO_TRAINING_ORGANIZATION.id}/members/self`, { token: viewer.accessToken });
    expect([notMember.status, notMember.body.code]).toEqual([403, 'NOT_A_MEMBER']);
    const admin = await client.signIn('admin@demo.local');
    const { secret } = await client.createKey(admin.accessToken);
    const byKey = await client.request('GET', `${SS}/organizations/${ORG}/members/self`, { apiKey: secret });
    expect([byKey.status, byKey.body.code]).toEqual([403, 'API_KEY_NOT_ALLOWED']);
  });

  it('under the strict profile, answers only a session scoped to that organization', async () => {
    const strict = await startTestServer({ profile: 'jmapcloud' });
    try {
      const unscoped = await strict.signIn('admin@demo.local', DEMO_PASSWORD, null);
      const refused = await strict.request('GET', `${SS}/organizations/${ORG}/members/self`, { token: unscoped.accessToken });
      expect([refused.status, refused.body.code]).toEqual([403, 'ORGANIZATION_NOT_SELECTED']);
      const scoped = await strict.signIn('admin@demo.local');
      expect((await strict.request('GET', `${SS}/organizations/${ORG}/members/self`, { token: scoped.accessToken })).body.roles).toContain('ORG_ADMIN');
    } finally {
      await strict.server.close();
    }
  });
});

describe('GET /organizations/{orgId}/members', () => {
  it('lists the users with their roles, and filters by a held role', async () => {
    const { accessToken } = await client.signIn('admin2@demo.local');
    const all = await client.request('GET', `${SS}/organizations/${ORG}/members`, { token: accessToken });
    expect(all.status).toBe(200);
    const members = memberSchema.array().parse(all.body);
    expect(members).toHaveLength(7);
    expect(members.find((member) => member.id === DEMO_USERS.editor1.id)).toEqual({
      id: DEMO_USERS.editor1.id,
      name: DEMO_USERS.editor1.name,
      email: DEMO_USERS.editor1.email,
      roles: ['ORG_EDITOR', 'ORG_VIEWER'],
    });
    const editors = (await client.request('GET', `${SS}/organizations/${ORG}/members?role=ORG_EDITOR`, { token: accessToken })).body;
    // Roles are additive: the two administrators hold ORG_EDITOR too.
    expect(editors.map((member: { email: string }) => member.email).sort()).toEqual(
      ['admin2@demo.local', 'admin@demo.local', 'editor1@demo.local', 'editor2@demo.local', 'editor3@demo.local'],
    );
    const bad = await client.request('GET', `${SS}/organizations/${ORG}/members?role=OWNER`, { token: accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_QUERY_PARAMETER');
  });

  it('is for administrators only (403 INSUFFICIENT_ROLE), and never for API keys', async () => {
    const editor = await client.signIn(DEMO_USERS.editor1.email);
    const refused = await client.request('GET', `${SS}/organizations/${ORG}/members`, { token: editor.accessToken });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('INSUFFICIENT_ROLE');
    const admin = await client.signIn('admin@demo.local');
    const { secret } = await client.createKey(admin.accessToken);
    const byKey = await client.request('GET', `${SS}/organizations/${ORG}/members`, { apiKey: secret });
    expect(byKey.status).toBe(403);
    expect(byKey.body.code).toBe('API_KEY_NOT_ALLOWED');
  });

  it('refuses a token scoped to another organization (403 WRONG_ORGANIZATION)', async () => {
    const { accessToken } = await client.signIn('admin@demo.local', DEMO_PASSWORD, DEMO_TRAINING_ORGANIZATION.id);
    const response = await client.request('GET', `${SS}/organizations/${ORG}/members`, { token: accessToken });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('WRONG_ORGANIZATION');
  });
});
