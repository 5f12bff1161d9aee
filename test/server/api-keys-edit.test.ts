// PATCH …/api-keys/{id}, the edit extension: a new title and/or expiration, the same secret.
// The date obeys the create's bound; bad input changes nothing; the list's search follows
// a new title; the strict profile (JMap Cloud) has no such call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeySchema } from '../../src/shared/api-types';
import { KEYS, MCS, daysFrom, manualClock, startTestServer, type TestClient } from './server-test-client';

describe('PATCH api-keys/{id} (profile default)', () => {
  const clock = manualClock();
  let client: TestClient;
  let token: string;
  beforeAll(async () => {
    client = await startTestServer({ now: clock.now });
    token = (await client.signIn('admin@demo.local')).accessToken;
  });
  afterAll(() => client.server.close());

  const patch = (keyId: string, body: unknown) => client.request('PATCH', `${KEYS}/${keyId}`, { token, body });
  const read = async (keyId: string) => apiKeySchema.parse((await client.request('GET', `${KEYS}/${keyId}`, { token })).body);

  it('renames a key and extends it, keeping its secret working and everything else as it was', async () => {
    const { apiKey, secret } = await client.createKey(token, { title: 'Nightly export', expirationDate: daysFrom(clock.now(), 10) });
    const before = await read(apiKey.id);
    const answer = await patch(apiKey.id, { title: '  Nightly export (2027)  ', expirationDate: daysFrom(clock.now(), 300) });
    expect(answer.status).toBe(200);
    expect(answer.json.message).toEqual(expect.any(String));
    const after = apiKeySchema.parse(answer.body);
    expect(after).toEqual({ ...before, title: 'Nightly export (2027)', expirationDate: `${daysFrom(clock.now(), 300)}T23:59:59.999Z` });
    expect(await read(apiKey.id)).toEqual(after);
    // The same secret still works as the key.
    expect((await client.request('GET', `${MCS}/datasources`, { apiKey: secret })).status).toBe(200);
    expect(answer.text).not.toContain(secret);
  });

  it('changes one field alone, and the list\'s search finds the key by its new title only', async () => {
    const { apiKey } = await client.createKey(token, { title: 'Quarterly report feed' });
    const renamed = apiKeySchema.parse((await patch(apiKey.id, { title: 'Ledger sync' })).body);
    expect(renamed.expirationDate).toBe(apiKey.expirationDate);
    const found = async (search: string) => ((await client.request('GET', `${KEYS}?search=${encodeURIComponent(search)}&size=100`, { token })).body.content as { id: string }[]).map((key) => key.id);
    expect(await found('ledger')).toContain(apiKey.id);
    expect(await found('quarterly')).not.toContain(apiKey.id);
    const byTitle = ((await client.request('GET', `${KEYS}?title=ledger&size=100`, { token })).body.content as { id: string }[]).map((key) => key.id);
    expect(byTitle).toContain(apiKey.id);
    const extended = apiKeySchema.parse((await patch(apiKey.id, { expirationDate: '2027-01-31T10:00:00+02:00' })).body);
    expect([extended.title, extended.expirationDate]).toEqual(['Ledger sync', '2027-01-31T08:00:00.000Z']);
  });

  it('brings an expired key back until the new date (the admin chose to extend it)', async () => {
    const { apiKey, secret } = await client.createKey(token, { expirationDate: daysFrom(clock.now(), 1) });
    clock.advance(3 * 86_400_000);
    token = (await client.signIn('admin@demo.local')).accessToken;
    expect((await read(apiKey.id)).expired).toBe(true);
    expect((await client.request('GET', `${MCS}/datasources`, { apiKey: secret })).status).toBe(401);
    const extended = apiKeySchema.parse((await patch(apiKey.id, { expirationDate: daysFrom(clock.now(), 30) })).body);
    expect(extended.expired).toBe(false);
    expect((await client.request('GET', `${MCS}/datasources`, { apiKey: secret })).status).toBe(200);
  });

  it('refuses a date past the one-year bound, in the past, or malformed, and bad fields, changing nothing', async () => {
    const { apiKey } = await client.createKey(token, { title: 'Bounded' });
    const before = await read(apiKey.id);
    const refusals: [unknown, number, string][] = [
      [{ expirationDate: daysFrom(clock.now(), 400) }, 400, 'INVALID_EXPIRATION_DATE'],
      [{ expirationDate: daysFrom(clock.now(), -1) }, 400, 'INVALID_EXPIRATION_DATE'],
      [{ expirationDate: '31/01/2027' }, 400, 'INVALID_EXPIRATION_DATE'],
      [{ title: 'Fine', expirationDate: daysFrom(clock.now(), 400) }, 400, 'INVALID_EXPIRATION_DATE'],
      [{}, 400, 'VALIDATION_FAILED'],
      [{ title: '   ' }, 400, 'VALIDATION_FAILED'],
      [{ title: 'x'.repeat(101) }, 400, 'VALIDATION_FAILED'],
      [{ title: 'tab\there' }, 400, 'VALIDATION_FAILED'],
      [{ title: 'Fine', role: 'ORG_VIEWER' }, 400, 'VALIDATION_FAILED'],
      [{ title: 'Fine', secret: 'jmk_x' }, 400, 'VALIDATION_FAILED'],
      [{ title: 42 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of refusals) {
      const answer = await patch(apiKey.id, body);
      expect([JSON.stringify(body), answer.status, answer.body.code]).toEqual([JSON.stringify(body), status, code]);
    }
    expect(await read(apiKey.id)).toEqual(before);
  });

  it('answers 404 for a key of another organization or none, and 403 to a non-administrator', async () => {
    const unknown = await patch('00000000-0000-4000-8000-000000000000', { title: 'Nobody' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const { apiKey } = await client.createKey(token);
    const editor = (await client.signIn('editor1@demo.local')).accessToken;
    const refused = await client.request('PATCH', `${KEYS}/${apiKey.id}`, { token: editor, body: { title: 'Mine now' } });
    expect(refused.status).toBe(403);
    expect((await read(apiKey.id)).title).toBe('Test key');
  });
});

describe('PATCH api-keys/{id} (profile jmapcloud)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await startTestServer({ profile: 'jmapcloud' });
  });
  afterAll(() => client.server.close());

  it('is not offered: 405 on the key\'s path, as a server without the call', async () => {
    const token = (await client.signIn('admin@demo.local')).accessToken;
    const { apiKey } = await client.createKey(token, { title: 'Strict' });
    const answer = await client.request('PATCH', `${KEYS}/${apiKey.id}`, { token, body: { title: 'Renamed' } });
    expect([answer.status, answer.body.code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
    expect((await client.request('GET', `${KEYS}/${apiKey.id}`, { token })).body.title).toBe('Strict');
  });
});
