// Fetching every key page by page, as a server might serve them: pages smaller than asked
// (Spring caps the size), a key created while the pages are read, too many keys to filter
// here. The real servers are in api-key-filters.test.ts; these are the edges they never show.
import { describe, expect, it } from 'vitest';
import type { ApiKeyListParams } from '../../../src/shared/api-key-list-query';
import type { ApiKey, ApiKeyListPage } from '../../../src/shared/api-types';
import { createApiKeySnapshots, MAX_SNAPSHOT_KEYS } from '../../../src/services/api-keys/api-key-snapshot';
import { caught } from '../support/caught';

const key = (n: number): ApiKey => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  title: `Key ${n}`,
  role: 'ORG_EDITOR',
  createdBy: { id: 'u', name: 'Alice', email: 'a@x.local' },
  creationDate: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
  expirationDate: '2027-01-01T00:00:00.000Z',
  expired: false,
  lastUsedDate: null,
});

/** A server of `keys` that serves at most `cap` per page, and records what it was asked. */
function server(keys: ApiKey[], cap: number) {
  const asked: ApiKeyListParams[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const listPage = async (params: ApiKeyListParams): Promise<ApiKeyListPage> => {
    asked.push(params);
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight -= 1;
    const size = Math.min(params.size, cap);
    const content = keys.slice(params.page * size, params.page * size + size);
    return { content, page: { number: params.page, size, totalElements: keys.length, totalPages: Math.ceil(keys.length / size) }, unreadableRows: params.page === 1 ? 2 : 0 };
  };
  return { listPage, asked, mostInFlight: () => mostInFlight };
}

describe('the keys kept to filter here', () => {
  it('follows the page size the server serves, four pages at a time, and counts unreadable rows', async () => {
    const keys = Array.from({ length: 2345 }, (_, n) => key(n));
    const fake = server(keys, 100);
    const snapshot = await createApiKeySnapshots({ listPage: fake.listPage, now: () => new Date() }).get('s', false);
    expect(snapshot.keys.map((k) => k.id)).toEqual(keys.map((k) => k.id));
    expect(snapshot.unreadableRows).toBe(2);
    expect(fake.asked).toHaveLength(24);
    expect(fake.asked[0]).toEqual({ page: 0, size: 1000, sort: { field: 'creationDate', direction: 'asc' } });
    expect(fake.asked.slice(1).every((params) => params.size === 100)).toBe(true);
    expect(fake.mostInFlight()).toBe(4);
  });

  it('counts a key seen on two pages once (the list moved while it was read)', async () => {
    const keys = Array.from({ length: 150 }, (_, n) => key(n));
    const fake = server(keys, 100);
    const shifting = async (params: ApiKeyListParams) => {
      const page = await fake.listPage(params);
      // A key created before page 1 was read pushed key 99 onto it.
      return params.page === 1 ? { ...page, content: [key(99), ...page.content] } : page;
    };
    const snapshot = await createApiKeySnapshots({ listPage: shifting, now: () => new Date() }).get('s', false);
    expect(snapshot.keys).toHaveLength(150);
  });

  it('refuses to filter more keys than it can hold, saying how many', async () => {
    const listPage = async (): Promise<ApiKeyListPage> => ({
      content: [],
      page: { number: 0, size: 1000, totalElements: MAX_SNAPSHOT_KEYS + 1, totalPages: 201 },
      unreadableRows: 0,
    });
    const error = await caught(createApiKeySnapshots({ listPage, now: () => new Date() }).get('s', false));
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.details).toEqual({ reason: 'too-many-keys-to-evaluate', keyCount: MAX_SNAPSHOT_KEYS + 1 });
  });

  it('shares one fetch between calls, and keeps none started before forget()', async () => {
    const fake = server([key(1), key(2)], 1000);
    const snapshots = createApiKeySnapshots({ listPage: fake.listPage, now: () => new Date() });
    const [a, b] = await Promise.all([snapshots.get('s', false), snapshots.get('s', false)]);
    expect(a).toBe(b);
    expect(fake.asked).toHaveLength(1);
    const stale = snapshots.get('s', true);
    snapshots.forget();
    await stale;
    await snapshots.get('s', false);
    expect(fake.asked).toHaveLength(3);
    // Another session or organization is another set of keys.
    await snapshots.get('other', false);
    expect(fake.asked).toHaveLength(4);
  });
});
