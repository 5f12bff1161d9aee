// The watch's query of the key list (the keys expiring before the window's end, soonest
// first) and its plan of what to announce, on their own: a large organization, the rules.
import { describe, expect, it } from 'vitest';
import { findExpiringKeys, type ListApiKeys } from '../../../src/services/expiry-watch/expiring-keys';
import { planNotices } from '../../../src/services/expiry-watch/notified-keys';
import type { ApiKey } from '../../../src/shared/api-types';

const NOW = new Date('2026-05-01T00:00:00.000Z');
const DAY = 86_400_000;

function key(index: number, expiresInDays: number, expired = false): ApiKey {
  return {
    id: `key-${String(index).padStart(5, '0')}`,
    title: `Key ${index}`,
    role: 'ORG_EDITOR',
    createdBy: { id: 'u', name: 'Ada', email: 'ada@example.com' },
    creationDate: '2026-01-01T00:00:00.000Z',
    expirationDate: new Date(NOW.getTime() + expiresInDays * DAY).toISOString(),
    expired,
    lastUsedDate: null,
  };
}

/** An organization's list as the services answer the watch's query (expiresBefore, soonest first), counting the pages read. */
function sortedList(keys: ApiKey[]): { list: ListApiKeys; pagesRead: number[] } {
  const pagesRead: number[] = [];
  const list: ListApiKeys = async (query) => {
    expect(query).toMatchObject({ sortField: 'expirationDate', sortDirection: 'asc', expiresBefore: expect.any(String) });
    const sorted = keys
      .filter((key) => Date.parse(key.expirationDate) < Date.parse(query.expiresBefore ?? ''))
      .sort((a, b) => Date.parse(a.expirationDate) - Date.parse(b.expirationDate));
    pagesRead.push(query.page);
    const start = query.page * query.pageSize;
    return {
      content: sorted.slice(start, start + query.pageSize),
      page: { number: query.page, size: query.pageSize, totalElements: sorted.length, totalPages: Math.ceil(sorted.length / query.pageSize) },
      unreadableRows: 0,
    };
  };
  return { list, pagesRead };
}

describe('the query for expiring keys', () => {
  it('reads every page of the keys in the window, and no other, in a large organization', async () => {
    // 10,000 keys: 150 expired, 180 expiring within 14 days, the rest later.
    const keys = Array.from({ length: 10_000 }, (_, index) => (index < 150 ? key(index, -index - 1) : index < 330 ? key(index, (index - 149) / 14) : key(index, 15 + index)));
    const { list, pagesRead } = sortedList(keys);
    const found = await findExpiringKeys(list, NOW, new Date(NOW.getTime() + 14 * DAY));
    expect([found.expired.length, found.expiringSoon.length, found.complete]).toEqual([150, 180, true]);
    expect(pagesRead).toEqual([0, 1, 2, 3]);
  });

  it('counts a key the server marks expired as expired, whatever its date says', async () => {
    const { list } = sortedList([key(1, 3, true), key(2, 3)]);
    const found = await findExpiringKeys(list, NOW, new Date(NOW.getTime() + 14 * DAY));
    expect(found.expired.map((k) => k.id)).toEqual(['key-00001']);
    expect(found.expiringSoon.map((k) => k.id)).toEqual(['key-00002']);
  });

  it('asks for the window [now, now + N days): its end is the query’s expiresBefore', async () => {
    const asked: (string | undefined)[] = [];
    const { list } = sortedList([key(1, 2)]);
    await findExpiringKeys(async (query) => (asked.push(query.expiresBefore), list(query)), NOW, new Date(NOW.getTime() + 14 * DAY));
    expect(asked).toEqual(['2026-05-15T00:00:00.000Z']);
  });
});

describe('what the watch announces', () => {
  const soon = key(1, 3);
  const gone = key(2, -1);

  it('announces new keys, remembers them with their expiration date, and not again', () => {
    const first = planNotices({}, { expiringSoon: [soon], expired: [gone], complete: true });
    expect([first.expiring.map((k) => k.id), first.expired.map((k) => k.id)]).toEqual([['key-00001'], ['key-00002']]);
    const second = planNotices(first.next, { expiringSoon: [soon], expired: [gone], complete: true });
    expect([second.expiring, second.expired]).toEqual([[], []]);
  });

  it('announces an extended key again when it comes back into the window, and forgets keys that left it', () => {
    const first = planNotices({}, { expiringSoon: [soon], expired: [], complete: true });
    const left = planNotices(first.next, { expiringSoon: [], expired: [], complete: true });
    expect(left.next).toEqual({});
    const extended = { ...soon, expirationDate: new Date(NOW.getTime() + 10 * DAY).toISOString() };
    expect(planNotices(first.next, { expiringSoon: [extended], expired: [], complete: true }).expiring.map((k) => k.id)).toEqual(['key-00001']);
  });

  it('announces the expiry of a key announced as expiring, once', () => {
    const first = planNotices({}, { expiringSoon: [soon], expired: [], complete: true });
    const nowExpired = planNotices(first.next, { expiringSoon: [], expired: [soon], complete: true });
    expect([nowExpired.expiring, nowExpired.expired.map((k) => k.id)]).toEqual([[], ['key-00001']]);
    expect(planNotices(nowExpired.next, { expiringSoon: [], expired: [soon], complete: true }).expired).toEqual([]);
  });

  it('forgets nothing it did not see when the reading was cut short', () => {
    const first = planNotices({}, { expiringSoon: [soon], expired: [gone], complete: true });
    expect(planNotices(first.next, { expiringSoon: [], expired: [], complete: false }).next).toEqual(first.next);
  });
});
