// The grid's page, sort and filter bar as the list query the services receive.
import { describe, expect, it } from 'vitest';
import { apiKeyQuerySchema } from '@shared/ipc-contract';
import { isFiltered, toApiKeyQuery, type GridQuery } from '@renderer/features/api-keys/lib/grid-query';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const DAY = 86_400_000;

const state = (overrides: Partial<GridQuery> = {}): GridQuery => ({
  page: 0,
  pageSize: 100,
  sort: { field: 'creationDate', direction: 'desc' },
  filters: {},
  ...overrides,
});

describe('toApiKeyQuery', () => {
  it('maps page, size and sort, and is valid for the contract', () => {
    const query = toApiKeyQuery(state({ page: 3, pageSize: 25, sort: { field: 'title', direction: 'asc' } }), NOW);
    expect(query).toEqual({ page: 3, pageSize: 25, sortField: 'title', sortDirection: 'asc' });
    expect(apiKeyQuerySchema.safeParse(query).success).toBe(true);
  });

  it('never asks for more than 100 rows, nor a negative page', () => {
    expect(toApiKeyQuery(state({ page: -2, pageSize: 500 }), NOW)).toMatchObject({ page: 0, pageSize: 100 });
    expect(toApiKeyQuery(state({ page: Number.NaN, pageSize: 0 }), NOW)).toMatchObject({ page: 0, pageSize: 100 });
  });

  it('combines every criterion of the bar in one query: none is dropped for another', () => {
    const query = toApiKeyQuery(
      state({
        filters: {
          search: 'map',
          title: 'sync',
          createdBy: 'alice',
          role: 'ORG_EDITOR',
          status: 'ACTIVE',
          expires: { kind: 'next-days', days: 30 },
          lastUse: { kind: 'not-in-days', days: 90 },
        },
      }),
      NOW,
    );
    expect(query).toMatchObject({
      search: 'map',
      title: 'sync',
      createdBy: 'alice',
      role: 'ORG_EDITOR',
      status: 'ACTIVE',
      expiresFrom: new Date(NOW).toISOString(),
      expiresBefore: new Date(NOW + 30 * DAY).toISOString(),
      unusedSince: new Date(NOW - 90 * DAY).toISOString(),
    });
    expect(apiKeyQuerySchema.safeParse(query).success).toBe(true);
  });

  it('sorts by last use where asked (never used first going up)', () => {
    expect(toApiKeyQuery(state({ sort: { field: 'lastUsedDate', direction: 'asc' } }), NOW)).toMatchObject({ sortField: 'lastUsedDate', sortDirection: 'asc' });
  });
});

describe('isFiltered', () => {
  it('tells "no keys at all" from "none match"', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ search: 'x' })).toBe(true);
    expect(isFiltered({ lastUse: { kind: 'never' } })).toBe(true);
  });
});
