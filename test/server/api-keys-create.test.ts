// POST …/api-keys and authenticating with the new key: validation of every field, the
// secret's format and checksum, idempotency, expired and deleted keys, and that the
// database file holds only hashes.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyPageSchema, createdApiKeySchema } from '../../src/shared/api-types';
import { isWellFormedApiKeySecret } from '../../src/server/auth/api-key-secret';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import { KEYS, MCS, manualClock, startTestServer, type TestClient } from './server-test-client';

const clock = manualClock();
let client: TestClient;
let token: string;
const dir = mkdtempSync(join(tmpdir(), 'keydesk-server-'));

beforeAll(async () => {
  client = await startTestServer({ now: clock.now, dbPath: join(dir, 'org.sqlite') });
  token = (await client.signIn('admin@demo.local')).accessToken;
});
afterAll(async () => {
  await client.server.close();
  rmSync(dir, { recursive: true, force: true });
});

const create = (body: unknown, headers?: Record<string, string>) => client.request('POST', KEYS, { token, body, headers });

describe('POST api-keys', () => {
  it('creates a key and shows its secret once', async () => {
    const response = await create({ title: '  Nightly export  ', role: 'ORG_VIEWER', expirationDate: '2027-03-31' });
    expect(response.status).toBe(201);
    const created = createdApiKeySchema.parse(response.body);
    expect(created.apiKey).toMatchObject({
      title: 'Nightly export',
      role: 'ORG_VIEWER',
      createdBy: { id: DEMO_USERS.admin.id, name: DEMO_USERS.admin.name, email: DEMO_USERS.admin.email },
      creationDate: clock.now().toISOString(),
      expirationDate: '2027-03-31T23:59:59.999Z',
      expired: false,
      lastUsedDate: null,
    });
    expect(response.headers.get('location')).toBe(`${KEYS}/${created.apiKey.id}`);
    const detail = await client.request('GET', `${KEYS}/${created.apiKey.id}`, { token });
    expect(detail.body).toEqual(created.apiKey);
    expect(detail.text).not.toContain(created.secret);
  });

  it('gives the secret a prefix, ≥128 random bits and a checksum', async () => {
    const secrets = await Promise.all([1, 2, 3].map(async () => (await client.createKey(token)).secret));
    for (const secret of secrets) {
      expect(secret).toMatch(/^jmk_[0-9A-Za-z]{36}$/);
      expect(isWellFormedApiKeySecret(secret)).toBe(true);
      // One mistyped character breaks the checksum.
      const last = secret.at(-8) === 'a' ? 'b' : 'a';
      expect(isWellFormedApiKeySecret(`${secret.slice(0, -8)}${last}${secret.slice(-7)}`)).toBe(false);
    }
    expect(new Set(secrets).size).toBe(3);
  });

  it('accepts an ISO date-time with an offset', async () => {
    const created = await create({ title: 'Offset', role: 'ORG_EDITOR', expirationDate: '2027-01-01T10:00:00+02:00' });
    expect(created.body.apiKey.expirationDate).toBe('2027-01-01T08:00:00.000Z');
  });

  it('accepts an expiration up to one year away, with a day for time zones', async () => {
    // The clock says 2026-11-26T12:00Z: the latest instant is 2027-11-27T12:00Z.
    for (const expirationDate of ['2027-11-26', '2027-11-27T12:00:00Z', '2027-11-27T23:59:59+12:00']) {
      expect((await create({ title: 'A year', role: 'ORG_VIEWER', expirationDate })).status, expirationDate).toBe(201);
    }
  });

  it.each([
    [{ title: 'Beyond', role: 'ORG_EDITOR', expirationDate: '2027-11-27T12:00:01Z' }, 'INVALID_EXPIRATION_DATE', 'at most 1 year'],
    [{ title: 'Beyond', role: 'ORG_EDITOR', expirationDate: '2027-11-28' }, 'INVALID_EXPIRATION_DATE', '2027-11-27 at the latest'],
    // Was 201 with "+010000-01-01T13:59:59.000Z", a date no client could read (issue 9).
    [{ title: 'Far', role: 'ORG_EDITOR', expirationDate: '9999-12-31T23:59:59-14:00' }, 'INVALID_EXPIRATION_DATE', 'at most 1 year'],
    [{ title: 'Far', role: 'ORG_EDITOR', expirationDate: '2099-12-31' }, 'INVALID_EXPIRATION_DATE', 'at most 1 year'],
    [{ title: 'Far', role: 'ORG_EDITOR', expirationDate: '+275760-09-13' }, 'INVALID_EXPIRATION_DATE', 'ISO'],
    [{ title: '   ', role: 'ORG_EDITOR', expirationDate: '2030-01-01' }, 'VALIDATION_FAILED', 'name is required'],
    [{ title: 'x'.repeat(101), role: 'ORG_EDITOR', expirationDate: '2030-01-01' }, 'VALIDATION_FAILED', 'at most 100'],
    [{ title: 'tab\there', role: 'ORG_EDITOR', expirationDate: '2030-01-01' }, 'VALIDATION_FAILED', 'control characters'],
    // Was 201, the key named "cut \ufffd" instead of what was sent (found by hostile typing).
    [{ title: 'cut \ud83d', role: 'ORG_EDITOR', expirationDate: '2030-01-01' }, 'VALIDATION_FAILED', 'half of a character'],
    [{ title: 42, role: 'ORG_EDITOR', expirationDate: '2030-01-01' }, 'VALIDATION_FAILED', 'title'],
    [{ title: 'Admin key', role: 'ORG_ADMIN', expirationDate: '2030-01-01' }, 'INVALID_API_KEY_ROLE', 'Editor'],
    [{ title: 'Owner key', role: 'OWNER', expirationDate: '2030-01-01' }, 'VALIDATION_FAILED', 'ORG_EDITOR or ORG_VIEWER'],
    [{ title: 'Past', role: 'ORG_EDITOR', expirationDate: '2020-01-01' }, 'INVALID_EXPIRATION_DATE', 'future'],
    [{ title: 'Today', role: 'ORG_EDITOR', expirationDate: '2026-11-26T11:59:59Z' }, 'INVALID_EXPIRATION_DATE', 'future'],
    [{ title: 'No date', role: 'ORG_EDITOR', expirationDate: '2030-02-30' }, 'INVALID_EXPIRATION_DATE', 'ISO'],
    [{ title: 'Words', role: 'ORG_EDITOR', expirationDate: 'next year' }, 'INVALID_EXPIRATION_DATE', 'ISO'],
    [{ title: 'Missing', role: 'ORG_EDITOR' }, 'VALIDATION_FAILED', 'expirationDate'],
    [{ title: 'Extra', role: 'ORG_EDITOR', expirationDate: '2030-01-01', secret: 'mine' }, 'VALIDATION_FAILED', 'secret'],
    [['not', 'an', 'object'], 'VALIDATION_FAILED', 'object'],
  ])('refuses %j with 400 %s', async (body, code, words) => {
    const before = apiKeyPageSchema.parse((await client.request('GET', `${KEYS}?size=1`, { token })).body).page.totalElements;
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(code);
    expect(response.body.message).toContain(words);
    const after = apiKeyPageSchema.parse((await client.request('GET', `${KEYS}?size=1`, { token })).body).page.totalElements;
    expect(after).toBe(before);
  });

  it('refuses a body that is not JSON, not sent as JSON, empty, or over 64 KiB', async () => {
    const notJson = await client.request('POST', KEYS, { token, rawBody: '{"title":', headers: { 'Content-Type': 'application/json' } });
    expect([notJson.status, notJson.body.code]).toEqual([400, 'INVALID_JSON']);
    const notDeclared = await client.request('POST', KEYS, { token, rawBody: '{}', headers: { 'Content-Type': 'text/plain' } });
    expect([notDeclared.status, notDeclared.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const empty = await client.request('POST', KEYS, { token, headers: { 'Content-Type': 'application/json' } });
    expect([empty.status, empty.body.code]).toEqual([400, 'BODY_REQUIRED']);
    const huge = await create({ title: 'x', role: 'ORG_EDITOR', expirationDate: '2030-01-01', padding: 'y'.repeat(70_000) });
    expect([huge.status, huge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('creates nothing new for a retried Idempotency-Key (409 IDEMPOTENT_REPLAY), and 422 for another body', async () => {
    const body = { title: 'Retried', role: 'ORG_EDITOR', expirationDate: '2027-06-30' };
    const headers = { 'Idempotency-Key': 'create-retried-1' };
    const first = await create(body, headers);
    expect(first.status).toBe(201);
    const replay = await create(body, headers);
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ code: 'IDEMPOTENT_REPLAY', details: { apiKeyId: first.body.apiKey.id } });
    expect(replay.text).not.toContain(first.body.secret);
    const different = await create({ ...body, title: 'Something else' }, headers);
    expect(different.status).toBe(422);
    expect(different.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const found = apiKeyPageSchema.parse((await client.request('GET', `${KEYS}?search=retried`, { token })).body);
    expect(found.page.totalElements).toBe(1);
    // After 24 hours the same Idempotency-Key is a new request.
    clock.advance(24 * 3600 * 1000 + 1);
    token = (await client.signIn('admin@demo.local')).accessToken;
    expect((await create(body, headers)).status).toBe(201);
    const invalid = await create(body, { 'Idempotency-Key': 'x'.repeat(256) });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'INVALID_IDEMPOTENCY_KEY']);
  });

  it('makes the search case-insensitive beyond ASCII', async () => {
    await client.createKey(token, { title: 'Évaluation foncière' });
    const found = apiKeyPageSchema.parse((await client.request('GET', `${KEYS}?search=${encodeURIComponent('ÉVALUATION FONCIÈRE')}`, { token })).body);
    expect(found.content.map((key) => key.title)).toEqual(['Évaluation foncière']);
  });
});

describe('authenticating with an API key', () => {
  it('works with the Api-Key header and with ?apiKey=, and records lastUsedDate', async () => {
    const { apiKey, secret } = await client.createKey(token, { role: 'ORG_VIEWER' });
    clock.advance(5000);
    const viaHeader = await client.request('GET', `${MCS}/datasources`, { apiKey: secret });
    expect(viaHeader.status).toBe(200);
    const used = (await client.request('GET', `${KEYS}/${apiKey.id}`, { token })).body;
    expect(used.lastUsedDate).toBe(clock.now().toISOString());
    const viaQuery = await client.request('GET', `${MCS}/projects?apiKey=${secret}`);
    expect(viaQuery.status).toBe(200);
  });

  it('acts with the key’s own role', async () => {
    const viewer = await client.createKey(token, { role: 'ORG_VIEWER' });
    const refused = await client.request('POST', `${MCS}/datasources`, { apiKey: viewer.secret, body: { name: 'By a viewer key' } });
    expect([refused.status, refused.body.code]).toEqual([403, 'INSUFFICIENT_ROLE']);
    const editor = await client.createKey(token, { role: 'ORG_EDITOR' });
    expect((await client.request('POST', `${MCS}/datasources`, { apiKey: editor.secret, body: { name: 'By an editor key' } })).status).toBe(201);
  });

  it('gets 403 on every api-keys endpoint, whatever its role', async () => {
    const { apiKey, secret } = await client.createKey(token, { role: 'ORG_EDITOR' });
    const attempts = [
      client.request('GET', KEYS, { apiKey: secret }),
      client.request('GET', `${KEYS}/${apiKey.id}`, { apiKey: secret }),
      client.request('GET', `${KEYS}/${apiKey.id}/owned-resources`, { apiKey: secret }),
      client.request('POST', KEYS, { apiKey: secret, body: { title: 'x', role: 'ORG_EDITOR', expirationDate: '2030-01-01' } }),
      client.request('DELETE', `${KEYS}/${apiKey.id}`, { apiKey: secret }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect([response.status, response.body.code]).toEqual([403, 'API_KEY_NOT_ALLOWED']);
    }
  });

  it('refuses a mistyped key (checksum) before any lookup, and an unknown one', async () => {
    const { secret } = await client.createKey(token);
    const flipped = secret.slice(0, 10) + (secret[10] === 'Q' ? 'R' : 'Q') + secret.slice(11);
    for (const bad of [flipped, secret.slice(0, -1), 'jmk_short', `${secret}x`]) {
      const response = await client.request('GET', `${MCS}/datasources`, { apiKey: bad });
      expect([response.status, response.body.code]).toEqual([401, 'INVALID_API_KEY']);
      expect(response.body.message).toContain('malformed');
    }
  });

  it('refuses an expired key (401) that is still listed', async () => {
    const { apiKey, secret } = await client.createKey(token, { expirationDate: new Date(clock.now().getTime() + 60_000).toISOString() });
    expect((await client.request('GET', `${MCS}/datasources`, { apiKey: secret })).status).toBe(200);
    clock.advance(61_000);
    token = (await client.signIn('admin@demo.local')).accessToken;
    const refused = await client.request('GET', `${MCS}/datasources`, { apiKey: secret });
    expect([refused.status, refused.body.code]).toEqual([401, 'API_KEY_EXPIRED']);
    const listed = await client.request('GET', `${KEYS}/${apiKey.id}`, { token });
    expect(listed.body.expired).toBe(true);
  });

  it('refuses a deleted key at once (401)', async () => {
    const { apiKey, secret } = await client.createKey(token);
    expect((await client.request('GET', `${MCS}/datasources`, { apiKey: secret })).status).toBe(200);
    expect((await client.request('DELETE', `${KEYS}/${apiKey.id}`, { token })).status).toBe(200);
    const refused = await client.request('GET', `${MCS}/datasources`, { apiKey: secret });
    expect([refused.status, refused.body.code]).toEqual([401, 'INVALID_API_KEY']);
  });

  it('refuses an access token and an API key together (400)', async () => {
    const { secret } = await client.createKey(token);
    const response = await client.request('GET', `${MCS}/datasources`, { token, apiKey: secret });
    expect([response.status, response.body.code]).toEqual([400, 'AMBIGUOUS_CREDENTIALS']);
  });
});

describe('the database file', () => {
  it('holds only hashes of secrets, passwords and refresh tokens', async () => {
    const { secret } = await client.createKey(token, { title: 'Sentinel' });
    const { refreshToken } = await client.signIn('admin@demo.local');
    const files = readdirSync(dir).map((name) => readFileSync(join(dir, name)).toString('latin1'));
    expect(files.length).toBeGreaterThan(0);
    const everything = files.join('\n');
    expect(everything).toContain('Sentinel');
    for (const plaintext of [secret, secret.slice(4), refreshToken, 'demo-password-for-tests']) {
      expect(everything).not.toContain(plaintext);
    }
  });
});
