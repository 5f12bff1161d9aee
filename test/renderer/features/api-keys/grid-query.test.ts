import type { GridFilterModel } from '@mui/x-data-grid';
import { describe, expect, it } from 'vitest';
import { apiKeyQuerySchema } from '@shared/ipc-contract';
import { isFiltered, toApiKeyQuery, withoutConflictingSearch, type GridQueryModels } from '@renderer/features/api-keys/lib/grid-query';

const models = (overrides: Partial<GridQueryModels> = {}): GridQueryModels => ({
  paginationModel: { page: 0, pageSize: 100 },
  sortModel: [],
  filterModel: { items: [] },
  ...overrides,
});

describe('toApiKeyQuery', () => {
  it('maps page and size, newest first by default, and is valid for the contract', () => {
    const query = toApiKeyQuery(models({ paginationModel: { page: 3, pageSize: 25 } }));
    expect(query).toEqual({ page: 3, pageSize: 25, sortField: 'creationDate', sortDirection: 'desc' });
    expect(apiKeyQuerySchema.safeParse(query).success).toBe(true);
  });

  it('never asks for more than 100 rows, nor a negative page', () => {
    expect(toApiKeyQuery(models({ paginationModel: { page: -2, pageSize: 500 } }))).toMatchObject({ page: 0, pageSize: 100 });
  });

  it('maps each sortable column and direction', () => {
    for (const field of ['title', 'id', 'createdBy', 'creationDate', 'expirationDate', 'role'] as const) {
      expect(toApiKeyQuery(models({ sortModel: [{ field, sort: 'asc' }] }))).toMatchObject({ sortField: field, sortDirection: 'asc' });
    }
    expect(toApiKeyQuery(models({ sortModel: [{ field: 'title', sort: 'desc' }] }))).toMatchObject({ sortField: 'title', sortDirection: 'desc' });
  });

  it('ignores a sort the server cannot do (status) or without a direction', () => {
    expect(toApiKeyQuery(models({ sortModel: [{ field: 'status', sort: 'asc' }] }))).toMatchObject({ sortField: 'creationDate', sortDirection: 'desc' });
    expect(toApiKeyQuery(models({ sortModel: [{ field: 'title', sort: null }] }))).toMatchObject({ sortField: 'creationDate' });
  });

  it('sends the quick search as `search`, trimmed', () => {
    const query = toApiKeyQuery(models({ filterModel: { items: [], quickFilterValues: ['  field survey '] } }));
    expect(query.search).toBe('field survey');
    expect(isFiltered(query)).toBe(true);
    expect(toApiKeyQuery(models({ filterModel: { items: [], quickFilterValues: ['   '] } })).search).toBeUndefined();
  });

  it('maps the Role and Status filters ("is") to their own parameters', () => {
    const role = toApiKeyQuery(models({ filterModel: { items: [{ field: 'role', operator: 'is', value: 'ORG_VIEWER' }] } }));
    expect(role.role).toBe('ORG_VIEWER');
    const status = toApiKeyQuery(models({ filterModel: { items: [{ field: 'status', operator: 'is', value: 'EXPIRING_SOON' }] } }));
    expect(status.status).toBe('EXPIRING_SOON');
    expect(apiKeyQuerySchema.safeParse(status).success).toBe(true);
  });

  it('drops filters whose value the server would refuse, or that are not yet filled in', () => {
    const query = toApiKeyQuery(
      models({
        filterModel: {
          items: [
            { field: 'role', operator: 'is', value: 'ORG_ADMIN' },
            { field: 'status', operator: 'is', value: undefined },
            { field: 'title', operator: 'contains', value: '' },
          ],
        },
      }),
    );
    expect(query).toEqual({ page: 0, pageSize: 100, sortField: 'creationDate', sortDirection: 'desc' });
    expect(isFiltered(query)).toBe(false);
  });

  it('sends the Title, Id and Created-by filters as `search`', () => {
    for (const field of ['title', 'id', 'createdBy']) {
      const query = toApiKeyQuery(models({ filterModel: { items: [{ field, operator: 'contains', value: ' Alice ' }] } }));
      expect(query.search).toBe('Alice');
    }
  });

  it('ignores operators the server cannot honour (date and other text operators)', () => {
    const query = toApiKeyQuery(
      models({
        filterModel: {
          items: [
            { field: 'title', operator: 'startsWith', value: 'Field' },
            { field: 'creationDate', operator: 'after', value: '2020-01-01' },
            { field: 'role', operator: 'not', value: 'ORG_EDITOR' },
          ],
        },
      }),
    );
    expect(isFiltered(query)).toBe(false);
  });

  it('keeps the search within the contract’s 200 characters', () => {
    const query = toApiKeyQuery(models({ filterModel: { items: [], quickFilterValues: ['x'.repeat(250)] } }));
    expect(query.search).toHaveLength(200);
    expect(apiKeyQuerySchema.safeParse(query).success).toBe(true);
  });
});

describe('withoutConflictingSearch', () => {
  const titleFilter = { field: 'title', operator: 'contains', value: 'sync' };

  it('drops a text column filter when the quick search changes', () => {
    const previous: GridFilterModel = { items: [titleFilter], quickFilterValues: [] };
    const next: GridFilterModel = { items: [titleFilter], quickFilterValues: ['map'] };
    expect(withoutConflictingSearch(previous, next)).toEqual({ items: [], quickFilterValues: ['map'] });
  });

  it('clears the quick search when a text column filter is set', () => {
    const previous: GridFilterModel = { items: [], quickFilterValues: ['map'] };
    const next: GridFilterModel = { items: [titleFilter], quickFilterValues: ['map'] };
    expect(withoutConflictingSearch(previous, next)).toEqual({ items: [titleFilter], quickFilterValues: [] });
  });

  it('lets the quick search and the Role or Status filters combine', () => {
    const next: GridFilterModel = { items: [{ field: 'role', operator: 'is', value: 'ORG_EDITOR' }], quickFilterValues: ['map'] };
    expect(withoutConflictingSearch({ items: [] }, next)).toBe(next);
    expect(toApiKeyQuery(models({ filterModel: next }))).toMatchObject({ search: 'map', role: 'ORG_EDITOR' });
  });
});
