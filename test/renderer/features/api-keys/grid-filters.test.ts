// The filter bar's criteria as the list's filters: relative ones computed from now,
// calendar days in the admin's time zone (Montréal's here, not the machine's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyQuerySchema } from '@shared/ipc-contract';
import { activeFilters, dateRange, sameFilters, toListFilters, withFilter } from '@renderer/features/api-keys/lib/grid-filters';
import { BUILT_IN_VIEWS } from '@renderer/features/api-keys/lib/builtin-views';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const DAY = 86_400_000;

const machineZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Montreal';
});
afterAll(() => {
  process.env.TZ = machineZone;
});

describe('the filter bar’s criteria as list filters', () => {
  it('passes texts, role and status as they are', () => {
    expect(toListFilters({ title: 'sync', id: '4f', createdBy: 'bruno', search: 'x', role: 'ORG_VIEWER', status: 'ACTIVE' }, NOW)).toEqual({
      title: 'sync', id: '4f', createdBy: 'bruno', search: 'x', role: 'ORG_VIEWER', status: 'ACTIVE',
    });
  });

  it('computes relative ranges from now: the next and the last N days, not used in N days', () => {
    expect(toListFilters({ expires: { kind: 'next-days', days: 30 }, created: { kind: 'last-days', days: 7 }, lastUse: { kind: 'not-in-days', days: 90 } }, NOW)).toEqual({
      expiresFrom: new Date(NOW).toISOString(),
      expiresBefore: new Date(NOW + 30 * DAY).toISOString(),
      createdFrom: new Date(NOW - 7 * DAY).toISOString(),
      createdBefore: new Date(NOW).toISOString(),
      unusedSince: new Date(NOW - 90 * DAY).toISOString(),
    });
    expect(toListFilters({ lastUse: { kind: 'never' } }, NOW)).toEqual({ neverUsed: true });
  });

  it('reads calendar days in the local time zone, the last one included', () => {
    expect(dateRange({ kind: 'between', from: '2027-02-01', to: '2027-02-28' }, NOW)).toEqual({
      from: '2027-02-01T05:00:00.000Z',
      before: '2027-03-01T05:00:00.000Z',
    });
    // Summer time: midnight is 04:00 UTC.
    expect(dateRange({ kind: 'between', from: null, to: '2026-07-14' }, NOW)).toEqual({ before: '2026-07-15T04:00:00.000Z' });
    expect(dateRange({ kind: 'between', from: '2026-12-31', to: null }, NOW)).toEqual({ from: '2026-12-31T05:00:00.000Z' });
  });

  it('gives queries the contract accepts, for every built-in view', () => {
    for (const view of BUILT_IN_VIEWS) {
      const query = { page: 0, pageSize: 100, sortField: view.sort.field, sortDirection: view.sort.direction, ...toListFilters(view.filters, NOW) };
      expect(apiKeyQuerySchema.safeParse(query).success, view.id).toBe(true);
    }
  });

  it('adds, replaces, removes and compares criteria', () => {
    const filters = withFilter(withFilter({}, 'role', 'ORG_EDITOR'), 'title', 'sync');
    expect(activeFilters(filters)).toEqual(['title', 'role']);
    expect(withFilter(filters, 'role', undefined)).toEqual({ title: 'sync' });
    expect(sameFilters(filters, { role: 'ORG_EDITOR', title: 'sync' })).toBe(true);
    expect(sameFilters(filters, { role: 'ORG_EDITOR' })).toBe(false);
  });
});
