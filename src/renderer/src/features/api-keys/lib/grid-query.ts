// Maps the DataGrid's pagination, sort and filter models onto the service's list query
// (`apiKeyQuerySchema`). The grid runs in server mode: it shows only what the server
// filtered and sorted, so every filter the grid offers must map onto a query parameter.
import type { GridFilterItem, GridFilterModel, GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import { API_KEY_SORT_FIELDS, API_KEY_STATUSES, searchText, type ApiKeySortField, type ApiKeyStatus } from '@shared/api-types';
import type { ApiKeyQuery } from '@shared/ipc-contract';
import { API_KEY_ROLES, type ApiKeyRole } from '@shared/roles';

export const MAX_PAGE_SIZE = 100;
export const PAGE_SIZE_OPTIONS = [25, 50, 100] as const;
const MAX_SEARCH_LENGTH = 200;

export const DEFAULT_SORT = { field: 'creationDate', sort: 'desc' } as const;

/**
 * The server has one free-text parameter, `search`, a substring match over a key's title,
 * id and creator's name together. The Title, Id and Created-by column filters ("contains")
 * therefore all become `search`: a Title filter also matches keys whose id or creator
 * contains the text. This is the closest the server can honour; no other text operator
 * is offered.
 */
export const TEXT_FILTER_FIELDS = ['title', 'id', 'createdBy'] as const;

export type GridQueryModels = {
  paginationModel: GridPaginationModel;
  sortModel: GridSortModel;
  filterModel: GridFilterModel;
};

const isTextFilterField = (field: string): boolean => (TEXT_FILTER_FIELDS as readonly string[]).includes(field);
const isSortField = (field: string): field is ApiKeySortField => (API_KEY_SORT_FIELDS as readonly string[]).includes(field);
const isRole = (value: unknown): value is ApiKeyRole => (API_KEY_ROLES as readonly unknown[]).includes(value);
const isStatus = (value: unknown): value is ApiKeyStatus => (API_KEY_STATUSES as readonly unknown[]).includes(value);

function textValue(item: GridFilterItem): string | undefined {
  if (!isTextFilterField(item.field) || item.operator !== 'contains' || typeof item.value !== 'string') return undefined;
  const value = item.value.trim();
  return value === '' ? undefined : value;
}

/** The quick search text (the grid keeps it as an array of values). */
export function quickSearchText(filterModel: GridFilterModel): string {
  return (filterModel.quickFilterValues ?? [])
    .filter((value): value is string => typeof value === 'string')
    .join(' ')
    .trim();
}

/** The grid's models → the `listApiKeys` query. Pure: the unit tests pin every rule. */
export function toApiKeyQuery({ paginationModel, sortModel, filterModel }: GridQueryModels): ApiKeyQuery {
  const pageSize = Math.min(Math.max(1, Math.trunc(paginationModel.pageSize) || MAX_PAGE_SIZE), MAX_PAGE_SIZE);
  const query: ApiKeyQuery = {
    page: Math.max(0, Math.trunc(paginationModel.page) || 0),
    pageSize,
    sortField: DEFAULT_SORT.field,
    sortDirection: DEFAULT_SORT.sort,
  };
  const sort = sortModel.find((item) => isSortField(item.field) && (item.sort === 'asc' || item.sort === 'desc'));
  if (sort && isSortField(sort.field) && sort.sort) {
    query.sortField = sort.field;
    query.sortDirection = sort.sort;
  }

  let columnSearch: string | undefined;
  for (const item of filterModel.items) {
    if (item.field === 'role' && item.operator === 'is' && isRole(item.value)) query.role = item.value;
    else if (item.field === 'status' && item.operator === 'is' && isStatus(item.value)) query.status = item.value;
    else columnSearch = textValue(item) ?? columnSearch;
  }
  // `withoutConflictingSearch` keeps a text column filter and the quick search from both
  // being set; should a model still carry both, the column filter wins.
  const search = searchText(columnSearch ?? quickSearchText(filterModel), MAX_SEARCH_LENGTH);
  if (search !== '') query.search = search;
  return query;
}

/** Whether the query narrows the list (to tell "no keys at all" from "none match"). */
export function isFiltered(query: ApiKeyQuery): boolean {
  return query.search !== undefined || query.role !== undefined || query.status !== undefined;
}

/**
 * The server takes one search text, so a text column filter and the quick search cannot
 * both apply. Rather than show rows the server did not filter, the newest of the two
 * replaces the other: typing in the quick search drops a Title/Id/Created-by filter, and
 * setting such a filter clears the quick search.
 */
export function withoutConflictingSearch(previous: GridFilterModel, next: GridFilterModel): GridFilterModel {
  const quick = quickSearchText(next);
  const hasTextItem = next.items.some((item) => textValue(item) !== undefined);
  if (quick === '' || !hasTextItem) return next;
  if (quick !== quickSearchText(previous)) {
    return { ...next, items: next.items.filter((item) => textValue(item) === undefined) };
  }
  return { ...next, quickFilterValues: [] };
}
