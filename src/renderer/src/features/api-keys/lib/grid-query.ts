// The grid's page, sort and filter bar as the service's list query (`apiKeyQuerySchema`).
// The grid shows only what the query answers: every criterion of the bar is one of the
// list's filters, evaluated by the server or, where it cannot, by the services.
import type { ApiKeyQuery } from '@shared/ipc-contract';
import { DEFAULT_GRID_SORT, GRID_PAGE_SIZES, type GridFilters, type GridSort } from '@shared/grid-settings';
import { activeFilters, toListFilters } from '@renderer/features/api-keys/lib/grid-filters';

export const MAX_PAGE_SIZE = 100;
export const PAGE_SIZE_OPTIONS = GRID_PAGE_SIZES;
export const DEFAULT_SORT = DEFAULT_GRID_SORT;

export type GridQuery = { page: number; pageSize: number; sort: GridSort; filters: GridFilters };

/** The query for the grid's state, `now` (ms) being the clock of relative criteria. Pure. */
export function toApiKeyQuery({ page, pageSize, sort, filters }: GridQuery, now: number): ApiKeyQuery {
  return {
    page: Math.max(0, Math.trunc(page) || 0),
    pageSize: Math.min(Math.max(1, Math.trunc(pageSize) || MAX_PAGE_SIZE), MAX_PAGE_SIZE),
    sortField: sort.field,
    sortDirection: sort.direction,
    ...toListFilters(filters, now),
  };
}

/** Whether the bar narrows the list (to tell "no keys at all" from "none match"). */
export const isFiltered = (filters: GridFilters): boolean => activeFilters(filters).length > 0;
