// The filter bar works the same on every server: where the server evaluates the key list's
// filters (the local server's default profile), the services pass them on; where it does
// not (JMap Cloud, the strict profile), the services fetch every key and evaluate the same
// query themselves. Both must answer every query with the same keys in the same order.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filtersInUse } from '../../../src/shared/api-key-list-query';
import type { IpcParsedRequest } from '../../../src/shared/ipc-contract';
import { SNAPSHOT_MAX_AGE_MS } from '../../../src/services/api-keys/api-key-snapshot';
import { countRequests, startHarness, type Harness } from '../support/harness';
import { daysFrom } from '../../server/server-test-client';

type Query = IpcParsedRequest<'listApiKeys'>;

// Both profiles on one database file: the same keys, ids included (ties sort by id).
let folder: string;
let server: Harness;
let strict: Harness;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'keydesk-filters-'));
  const dbPath = join(folder, 'organization.sqlite');
  server = await startHarness({ dbPath });
  strict = await startHarness({ dbPath, profile: 'jmapcloud' });
  await Promise.all([server.handlers.openLocalOrganization(undefined), strict.handlers.openLocalOrganization(undefined)]);
});
afterAll(async () => {
  await Promise.all([server.close(), strict.close()]);
  await rm(folder, { recursive: true, force: true });
});

const day = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();
const base: Query = { page: 0, pageSize: 100, sortField: 'title', sortDirection: 'asc' };

/** The filter bar's questions, alone and combined, on several sorts and pages. */
const QUERIES: Query[] = [
  base,
  { ...base, title: 'alice' },
  { ...base, title: 'SURVEY' },
  { ...base, search: 'alice', sortField: 'creationDate', sortDirection: 'desc' },
  { ...base, id: 'A', sortField: 'id' },
  { ...base, id: '4f', sortField: 'id', sortDirection: 'desc' },
  { ...base, createdBy: 'bruno', role: 'ORG_EDITOR' },
  { ...base, role: 'ORG_VIEWER', sortField: 'expirationDate', sortDirection: 'desc' },
  { ...base, status: 'EXPIRED' },
  { ...base, status: 'EXPIRING_SOON', sortField: 'expirationDate' },
  { ...base, status: 'ACTIVE', role: 'ORG_EDITOR', expiresBefore: day(90) },
  { ...base, expiresFrom: day(0), expiresBefore: day(30) },
  { ...base, createdFrom: day(-200), createdBefore: day(-50), sortField: 'createdBy' },
  { ...base, neverUsed: true },
  { ...base, unusedSince: day(-0.5), sortField: 'lastUsedDate', sortDirection: 'desc' },
  { ...base, sortField: 'lastUsedDate' },
  { ...base, sortField: 'role', sortDirection: 'desc', pageSize: 5, page: 2 },
  { ...base, search: 'a', status: 'ACTIVE', neverUsed: true, createdBefore: day(-100), pageSize: 3, page: 1 },
];

describe('the key list on both profiles', () => {
  it.each(QUERIES.map((query) => [JSON.stringify(query), query] as const))('answers %s alike', async (_name, query) => {
    const [byServer, byServices] = await Promise.all([server.handlers.listApiKeys(query), strict.handlers.listApiKeys(query)]);
    const seen = (page: typeof byServer) => ({ ids: page.content.map((key) => key.id), total: page.page.totalElements, pages: page.page.totalPages });
    expect(seen(byServices)).toEqual(seen(byServer));
    expect(byServer.localEvaluation).toBeNull();
    // Page, size and sort are JMap Cloud's own (but the sort by last use): the strict server answers those itself.
    const local = filtersInUse(query).length > 0 || query.sortField === 'lastUsedDate';
    expect(byServices.localEvaluation === null).toBe(!local);
    if (local) expect(byServices.localEvaluation).toMatchObject({ keyCount: 28 });
  });

  it('filters the title alone: "Alice" is a creator, in no title', async () => {
    for (const harness of [server, strict]) {
      expect((await harness.handlers.listApiKeys({ ...base, title: 'alice' })).page.totalElements).toBe(0);
      expect((await harness.handlers.listApiKeys({ ...base, search: 'alice' })).page.totalElements).toBe(14);
    }
  });

  it('sends the strict server no parameter it would refuse', async () => {
    const before = strict.requests.length;
    for (const query of QUERIES) await strict.handlers.listApiKeys({ ...query, refresh: true });
    const sent = strict.requests.slice(before);
    expect(sent.length).toBeGreaterThanOrEqual(QUERIES.length);
    expect(sent.every((request) => request.status === 200)).toBe(true);
  });
});

describe('the keys kept to filter where the server does not', () => {
  let own: Harness;
  beforeAll(async () => {
    own = await startHarness({ profile: 'jmapcloud' });
    await own.handlers.openLocalOrganization(undefined);
  });
  afterAll(() => own.close());

  it('are kept for a while; Refresh, a create and their age fetch them anew', async () => {
    const list = (query: Partial<Query> = {}) => own.handlers.listApiKeys({ ...base, neverUsed: true, ...query });
    const fetches = (): number => countRequests(own, '/api-keys');
    const first = await list({ refresh: true });
    let count = fetches();
    await list({ sortField: 'id' });
    await list({ page: 1, pageSize: 5 });
    expect(fetches()).toBe(count);

    await list({ refresh: true });
    expect(fetches()).toBe(count + 1);
    count = fetches();

    const created = await own.handlers.createApiKey({ title: 'Never used yet', role: 'ORG_VIEWER', expirationDate: daysFrom(new Date(), 90), idempotencyKey: crypto.randomUUID() });
    const after = await list();
    expect(fetches()).toBe(count + 2);
    expect(after.page.totalElements).toBe(first.page.totalElements + 1);
    expect(after.content.map((key) => key.id)).toContain(created.apiKey.id);
    count = fetches();

    own.clientClock.advance(SNAPSHOT_MAX_AGE_MS + 1);
    const aged = await list();
    expect(fetches()).toBe(count + 1);
    expect(Date.parse(aged.localEvaluation?.fetchedAt ?? '')).toBeGreaterThan(Date.parse(after.localEvaluation?.fetchedAt ?? ''));
  });
});
