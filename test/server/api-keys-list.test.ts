// GET …/api-keys and GET …/api-keys/{id}: paging, every sort, search, filters, bad
// query parameters, access rules, and that no secret or hash ever appears.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_SORT_FIELDS, apiKeyPageSchema, apiKeySchema, type ApiKey } from '../../src/shared/api-types';
import { DEMO_TRAINING_ORGANIZATION, DEMO_USERS } from '../../src/server/seed/demo-identities';
import { compareApiKeys } from '../../src/shared/api-key-list-evaluation';
import { KEYS, manualClock, SS, startTestServer, type TestClient } from './server-test-client';

const clock = manualClock();
let client: TestClient;
let token: string;
let all: ApiKey[];

beforeAll(async () => {
  client = await startTestServer({ now: clock.now });
  token = (await client.signIn('admin@demo.local')).accessToken;
  all = apiKeyPageSchema.parse((await list('size=1000')).body).content;
});
afterAll(() => client.server.close());

function list(query: string) {
  return client.request('GET', `${KEYS}?${query}`, { token });
}

const ids = (response: { body: unknown }): string[] => apiKeyPageSchema.parse(response.body).content.map((key) => key.id);
const total = (response: { body: unknown }): number => apiKeyPageSchema.parse(response.body).page.totalElements;

describe('GET api-keys', () => {
  it('returns the demo keys, newest first, in a page of 100 by default', async () => {
    const response = await client.request('GET', KEYS, { token });
    expect(response.status).toBe(200);
    const page = apiKeyPageSchema.parse(response.body);
    expect(page.page).toEqual({ number: 0, size: 100, totalElements: 28, totalPages: 1 });
    const dates = page.content.map((key) => key.creationDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages with page and size', async () => {
    const third = apiKeyPageSchema.parse((await list('page=2&size=10&sort=title')).body);
    expect(third.page).toEqual({ number: 2, size: 10, totalElements: 28, totalPages: 3 });
    expect(third.content.map((key) => key.id)).toEqual(
      [...all].sort((a, b) => a.title.toLowerCase().localeCompare(b.title.toLowerCase())).slice(20).map((key) => key.id),
    );
    const beyond = apiKeyPageSchema.parse((await list('page=9&size=10')).body);
    expect(beyond.content).toEqual([]);
    expect(beyond.page.totalElements).toBe(28);
  });

  it.each(API_KEY_SORT_FIELDS.flatMap((field) => [[field, 'asc'], [field, 'desc']] as const))('sorts by %s %s', async (field, direction) => {
    const page = apiKeyPageSchema.parse((await list(`size=1000&sort=${field},${direction}`)).body);
    const expected = [...all].sort(compareApiKeys({ field, direction }));
    expect(page.content.map((key) => key.id)).toEqual(expected.map((key) => key.id));
    if (field === 'lastUsedDate') {
      // Never used comes first going up (the oldest use), last going down.
      const used = page.content.map((key) => key.lastUsedDate !== null);
      expect(used).toEqual([...used].sort((a, b) => (a === b ? 0 : a === (direction === 'asc') ? 1 : -1)));
    }
  });

  it('searches title, id and creator name, case-insensitively', async () => {
    const byTitle = apiKeyPageSchema.parse((await list('search=SURVEY')).body).content.map((key) => key.title);
    expect(byTitle.sort()).toEqual(['Field survey app', 'Storm drain survey']);
    const target = all[5] as ApiKey;
    const byId = apiKeyPageSchema.parse((await list(`search=${target.id.slice(9, 23).toUpperCase()}`)).body).content;
    expect(byId.map((key) => key.id)).toEqual([target.id]);
    const byCreator = apiKeyPageSchema.parse((await list('search=bRuNo&size=1000')).body);
    expect(byCreator.page.totalElements).toBe(14);
    expect(byCreator.content.every((key) => key.createdBy.id === DEMO_USERS.secondAdmin.id)).toBe(true);
    expect(apiKeyPageSchema.parse((await list('search=no such thing')).body).page.totalElements).toBe(0);
  });

  it('filters by role and by status, including the EXPIRING_SOON extension', async () => {
    const viewers = apiKeyPageSchema.parse((await list('role=ORG_VIEWER&size=1000')).body);
    expect(viewers.page.totalElements).toBe(9);
    expect(viewers.content.every((key) => key.role === 'ORG_VIEWER')).toBe(true);
    const expired = apiKeyPageSchema.parse((await list('status=EXPIRED')).body);
    expect(expired.page.totalElements).toBe(4);
    expect(expired.content.every((key) => key.expired)).toBe(true);
    const soon = apiKeyPageSchema.parse((await list('status=EXPIRING_SOON')).body);
    expect(soon.page.totalElements).toBe(5);
    const in14Days = new Date(clock.now().getTime() + 14 * 86_400_000).toISOString();
    expect(soon.content.every((key) => !key.expired && key.expirationDate <= in14Days)).toBe(true);
    // ACTIVE is JMap Cloud's meaning: not expired (the expiring-soon keys included).
    expect(apiKeyPageSchema.parse((await list('status=ACTIVE')).body).page.totalElements).toBe(24);
    const combined = apiKeyPageSchema.parse((await list('status=EXPIRED&role=ORG_EDITOR&search=asset')).body);
    expect(combined.content.map((key) => key.title)).toEqual(['Asset inventory import']);
  });

  it('filters the title alone: a creator’s name in no title finds nothing (issue 12)', async () => {
    expect(total(await list('search=alice'))).toBe(14);
    expect(total(await list('title=alice'))).toBe(0);
    expect(ids(await list('title=SURVEY&sort=title,asc'))).toEqual(
      all.filter((key) => key.title.toLowerCase().includes('survey')).sort(compareApiKeys({ field: 'title', direction: 'asc' })).map((key) => key.id),
    );
    // One or two characters: no trigram, the same answer.
    expect(total(await list('title=ur'))).toBe(all.filter((key) => key.title.toLowerCase().includes('ur')).length);
  });

  it('filters by id and by creator, each alone', async () => {
    const target = all[7] as ApiKey;
    expect(ids(await list(`id=${target.id.slice(4, 16).toUpperCase()}`))).toEqual([target.id]);
    expect(total(await list('createdBy=bruno'))).toBe(14);
    expect(total(await list('createdBy=survey'))).toBe(0);
    expect(total(await list('createdBy=tremblay&title=survey'))).toBe(
      all.filter((key) => key.createdBy.name.includes('Tremblay') && key.title.toLowerCase().includes('survey')).length,
    );
  });

  it('filters by expiration and creation ranges, from included and before excluded', async () => {
    const now = clock.now().getTime();
    const in30Days = new Date(now + 30 * 86_400_000).toISOString();
    const expiring = all.filter((key) => !key.expired && key.expirationDate < in30Days);
    const response = await list(`expiresFrom=${encodeURIComponent(clock.now().toISOString())}&expiresBefore=${encodeURIComponent(in30Days)}`);
    expect(ids(response).sort()).toEqual(expiring.map((key) => key.id).sort());
    const edge = all[10] as ApiKey;
    expect(ids(await list(`expiresFrom=${encodeURIComponent(edge.expirationDate)}&expiresBefore=${encodeURIComponent(edge.expirationDate)}`))).toEqual([]);
    expect(ids(await list(`createdFrom=${encodeURIComponent(edge.creationDate)}&sort=creationDate,asc&size=1`))).toEqual([edge.id]);
    // Any offset is read as the same instant.
    const shifted = new Date(Date.parse(edge.creationDate)).toISOString().replace('Z', '+00:00');
    expect(total(await list(`createdBefore=${encodeURIComponent(shifted)}`))).toBe(all.filter((key) => key.creationDate < edge.creationDate).length);
    // "Editor keys expiring before March": combined with role and status.
    const march = new Date(now + 90 * 86_400_000).toISOString();
    expect(total(await list(`role=ORG_EDITOR&status=ACTIVE&expiresBefore=${encodeURIComponent(march)}`))).toBe(
      all.filter((key) => key.role === 'ORG_EDITOR' && !key.expired && key.expirationDate < march).length,
    );
  });

  it('filters by last use: never used, and not used since a date (never used included)', async () => {
    const never = all.filter((key) => key.lastUsedDate === null);
    expect(never.length).toBeGreaterThan(0);
    expect(ids(await list('neverUsed=true&size=1000')).sort()).toEqual(never.map((key) => key.id).sort());
    const dayAgo = new Date(clock.now().getTime() - 86_400_000).toISOString();
    const unused = all.filter((key) => key.lastUsedDate === null || key.lastUsedDate < dayAgo);
    expect(unused.length).toBeGreaterThan(never.length);
    expect(ids(await list(`unusedSince=${encodeURIComponent(dayAgo)}&size=1000`)).sort()).toEqual(unused.map((key) => key.id).sort());
  });

  it.each([
    ['size=0', 'size'],
    ['size=1001', 'size'],
    ['size=ten', 'size'],
    ['page=-1', 'page'],
    ['sort=secret', 'sort'],
    ['sort=title,up', 'sort'],
    ['sort=title,asc,id', 'sort'],
    ['status=SOON', 'status'],
    ['role=ORG_ADMIN', 'role'],
    ['colour=blue', 'colour'],
    ['page=1&page=2', 'page'],
    [`search=${'x'.repeat(201)}`, 'search'],
    // A NUL ended the full-text phrase early: a 500 "unterminated string" (issue 9).
    ['search=ab%00', 'control characters'],
    ['search=%00', 'control characters'],
    ['search=survey%0Aapp', 'control characters'],
    ['title=ab%00', 'title must not contain control characters'],
    [`createdBy=${'x'.repeat(201)}`, 'createdBy must be at most 200'],
    ['expiresFrom=2027-03-01', 'expiresFrom must be a date-time with its offset'],
    ['expiresBefore=2027-03-01T00:00:00', 'expiresBefore must be a date-time with its offset'],
    ['createdFrom=yesterday', 'createdFrom must be a date-time'],
    ['createdBefore=2027-02-30T00:00:00Z', 'createdBefore must be a date-time'],
    ['unusedSince=%2B010000-01-01T00:00:00Z', 'unusedSince must be a date-time'],
    ['neverUsed=false', 'neverUsed must be true'],
    ['neverUsed=1', 'neverUsed must be true'],
    ['sort=lastUsed', 'sort'],
  ])('refuses %s with 400 INVALID_QUERY_PARAMETER', async (query, parameter) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_QUERY_PARAMETER');
    expect(response.body.message).toContain(parameter);
  });

  it('never shows a secret or a hash', async () => {
    const response = await list('size=1000');
    expect(response.text).not.toMatch(/jmk_|secret|hash|[0-9a-f]{64}/i);
  });

  it('is for administrators of the organization only', async () => {
    const editor = await client.signIn(DEMO_USERS.editor1.email);
    const refused = await client.request('GET', KEYS, { token: editor.accessToken });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('INSUFFICIENT_ROLE');
    const unauthenticated = await client.request('GET', KEYS);
    expect(unauthenticated.status).toBe(401);
    // The same admin's token for the other organization sees only that organization's keys.
    const training = await client.signIn('admin@demo.local', undefined, DEMO_TRAINING_ORGANIZATION.id);
    const trainingKeys = await client.request('GET', `${SS}/organizations/${DEMO_TRAINING_ORGANIZATION.id}/api-keys`, { token: training.accessToken });
    expect(apiKeyPageSchema.parse(trainingKeys.body).page.totalElements).toBe(3);
  });
});

describe('GET api-keys/{keyId}', () => {
  it('returns the key', async () => {
    const key = all[3] as ApiKey;
    const response = await client.request('GET', `${KEYS}/${key.id}`, { token });
    expect(response.status).toBe(200);
    expect(apiKeySchema.parse(response.body)).toEqual(key);
    expect(response.text).not.toMatch(/jmk_|hash/);
  });

  it('answers 404 NOT_FOUND for an unknown key or a key of another organization, 400 INVALID_ID for a malformed id', async () => {
    const unknown = await client.request('GET', `${KEYS}/00000000-0000-4000-8000-000000000000`, { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const training = await client.signIn('admin@demo.local', undefined, DEMO_TRAINING_ORGANIZATION.id);
    const trainingKey = (await client.request('GET', `${SS}/organizations/${DEMO_TRAINING_ORGANIZATION.id}/api-keys`, { token: training.accessToken })).body
      .content[0].id;
    expect((await client.request('GET', `${KEYS}/${trainingKey}`, { token })).status).toBe(404);
    const malformed = await client.request('GET', `${KEYS}/not-an-id`, { token });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('INVALID_ID');
  });
});
