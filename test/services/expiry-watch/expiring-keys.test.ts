// The watch's queries of the key list (counts from the totals; the soonest to expire and the
// latest expired, a few pages at most), its plan of what to announce, and when it checks, on
// their own: a large organization, the rules, a list held in the middle of a check.
import { describe, expect, it } from 'vitest';
import { findExpiringKeys, MAX_READ_PAGES, type ListApiKeys } from '../../../src/services/expiry-watch/expiring-keys';
import { CHANGE_CHECK_DELAY_MS, createExpiryWatch } from '../../../src/services/expiry-watch/expiry-watch';
import { silentLogger } from '../../../src/services/logger';
import { flush } from '../support/caught';
import { createFakeTimers } from '../support/harness';
import { matchesApiKeyFilters } from '../../../src/shared/api-key-list-evaluation';
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

/**
 * An organization's list as the services answer it, with the list's own evaluation of the
 * filters (the one the server and the services share), counting the queries and pages read.
 */
function organizationList(keys: ApiKey[]): { list: ListApiKeys; read: string[] } {
  const read: string[] = [];
  const list: ListApiKeys = async (query) => {
    const { page, pageSize, sortField, sortDirection, ...filters } = query;
    const matching = keys.filter((key) => matchesApiKeyFilters(key, filters, NOW.getTime()));
    const sorted = matching.sort((a, b) => (Date.parse(a.expirationDate) - Date.parse(b.expirationDate)) * (sortDirection === 'asc' ? 1 : -1));
    expect(sortField).toBe('expirationDate');
    read.push(`${filters.status} ${sortDirection} ${page}`);
    const start = page * pageSize;
    return {
      content: sorted.slice(start, start + pageSize),
      page: { number: page, size: pageSize, totalElements: sorted.length, totalPages: Math.ceil(sorted.length / pageSize) },
      unreadableRows: 0,
    };
  };
  return { list, read };
}

const IN_14_DAYS = new Date(NOW.getTime() + 14 * DAY);

describe('the query for expiring keys', () => {
  it('counts every key from the totals, and reads every key of a small window', async () => {
    // 10,000 keys: 150 expired, 180 expiring within 14 days, the rest later.
    const keys = Array.from({ length: 10_000 }, (_, index) => (index < 150 ? key(index, -index - 1) : index < 330 ? key(index, (index - 149) / 14) : key(index, 15 + index)));
    const { list, read } = organizationList(keys);
    const found = await findExpiringKeys(list, IN_14_DAYS);
    expect(found.counts).toEqual({ expired: 150, expiringSoon: 180 });
    expect([found.expired.length, found.expiringSoon.length, found.complete]).toEqual([150, 180, true]);
    expect(read).toEqual(['ACTIVE asc 0', 'ACTIVE asc 1', 'EXPIRED desc 0', 'EXPIRED desc 1']);
    // The latest expired first, the soonest to expire first.
    expect([found.expired[0]?.id, found.expiringSoon[0]?.id]).toEqual(['key-00000', 'key-00150']);
  });

  it('in a large organization, counts exactly but reads at most 10 pages of each: the latest expired, the soonest to expire', async () => {
    // 100,000 keys: 25,000 expired, 2,500 expiring within 14 days.
    const keys = Array.from({ length: 100_000 }, (_, index) => (index < 25_000 ? key(index, -1 - index / 100) : index < 27_500 ? key(index, (index - 25_000 + 1) / 200) : key(index, 20 + index / 1000)));
    const { list, read } = organizationList(keys);
    const found = await findExpiringKeys(list, IN_14_DAYS);
    expect(found.counts).toEqual({ expired: 25_000, expiringSoon: 2_500 });
    expect([found.expired.length, found.expiringSoon.length, found.complete]).toEqual([MAX_READ_PAGES * 100, MAX_READ_PAGES * 100, false]);
    expect(read).toHaveLength(2 * MAX_READ_PAGES);
    expect(found.expired[0]?.id).toBe('key-00000');
  });

  it('counts a key the server marks expired as expired, whatever its date says', async () => {
    const { list } = organizationList([key(1, 3, true), key(2, 3)]);
    const found = await findExpiringKeys(list, IN_14_DAYS);
    expect(found.expired.map((k) => k.id)).toEqual(['key-00001']);
    expect(found.expiringSoon.map((k) => k.id)).toEqual(['key-00002']);
    expect(found.counts).toEqual({ expired: 1, expiringSoon: 1 });
  });

  it('asks for the window [now, now + N days): its end is the expiring query’s expiresBefore', async () => {
    const asked: (string | undefined)[] = [];
    const { list } = organizationList([key(1, 2)]);
    await findExpiringKeys(async (query) => (asked.push(query.expiresBefore), list(query)), IN_14_DAYS);
    expect(asked).toEqual(['2026-05-15T00:00:00.000Z', undefined]);
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

describe('when the watch checks', () => {
  const emptyPage: ListApiKeys = async (query) => ({ content: [], page: { number: query.page, size: query.pageSize, totalElements: 0, totalPages: 0 }, unreadableRows: 0 });

  it('checks the changes made during a check once more, a second later through the timer, not back to back', async () => {
    const timers = createFakeTimers();
    let requests = 0;
    let held: Promise<void> | null = null;
    let release = (): void => undefined;
    const watch = createExpiryWatch({
      listApiKeys: async (query) => {
        requests += 1;
        await held;
        return emptyPage(query);
      },
      warningDays: async () => 14,
      context: () => ({ server: 'https://example.test', organization: { id: 'org-1', name: 'Org' } }),
      notified: { announce: async () => [], settled: async () => undefined },
      notifier: null,
      badge: null,
      now: () => NOW,
      setTimer: timers.setTimer,
      log: silentLogger,
    });
    watch.sessionChanged();
    timers.fireAll();
    await flush();
    expect(requests).toBe(2);

    // A change: its check starts when its timer fires, and is held at its first request.
    held = new Promise((resolve) => (release = resolve));
    watch.invalidate();
    timers.fire(CHANGE_CHECK_DELAY_MS);
    await flush();
    expect(requests).toBe(3);
    // Another change while that check runs.
    watch.invalidate();
    release();
    await flush();
    await flush();
    // The running check ends (its second request), and the later change waits for its own timer.
    expect(requests).toBe(4);
    expect(timers.pending().map((timer) => timer.ms)).toContain(CHANGE_CHECK_DELAY_MS);
    timers.fire(CHANGE_CHECK_DELAY_MS);
    await flush();
    expect(requests).toBe(6);
    watch.dispose();
  });
});
