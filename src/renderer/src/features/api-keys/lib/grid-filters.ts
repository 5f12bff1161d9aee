// The filter bar's criteria (shared/grid-settings.ts: kept as the admin chose them,
// relative where they were) turned into the list's filters: instants, computed now, in
// the admin's time zone. A calendar day is the admin's day: "created on 1 March" starts at
// their midnight, not UTC's.
import type { ApiKeyListFilters } from '@shared/api-key-list-query';
import type { DateFilter, GridFilterName, GridFilters } from '@shared/grid-settings';

const DAY_MS = 86_400_000;

/** Local midnight starting `day` (YYYY-MM-DD), `plusDays` later. */
function startOfDay(day: string, plusDays = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  const start = new Date(0);
  start.setFullYear(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + plusDays);
  start.setHours(0, 0, 0, 0);
  return start.toISOString();
}

/** A date filter as [from, before) instants. */
export function dateRange(filter: DateFilter, now: number): { from?: string; before?: string } {
  switch (filter.kind) {
    case 'between':
      return {
        ...(filter.from === null ? {} : { from: startOfDay(filter.from) }),
        // The last day is included: up to the next midnight.
        ...(filter.to === null ? {} : { before: startOfDay(filter.to, 1) }),
      };
    case 'next-days':
      return { from: new Date(now).toISOString(), before: new Date(now + filter.days * DAY_MS).toISOString() };
    case 'last-days':
      return { from: new Date(now - filter.days * DAY_MS).toISOString(), before: new Date(now).toISOString() };
  }
}

/** The list's filters for the bar's criteria, `now` (ms) being the clock of relative ones. */
export function toListFilters(filters: GridFilters, now: number): ApiKeyListFilters {
  const list: ApiKeyListFilters = {};
  for (const name of ['search', 'title', 'id', 'createdBy', 'role', 'status'] as const) {
    const value = filters[name];
    if (value !== undefined) Object.assign(list, { [name]: value });
  }
  if (filters.expires) {
    const { from, before } = dateRange(filters.expires, now);
    if (from !== undefined) list.expiresFrom = from;
    if (before !== undefined) list.expiresBefore = before;
  }
  if (filters.created) {
    const { from, before } = dateRange(filters.created, now);
    if (from !== undefined) list.createdFrom = from;
    if (before !== undefined) list.createdBefore = before;
  }
  if (filters.lastUse?.kind === 'never') list.neverUsed = true;
  if (filters.lastUse?.kind === 'not-in-days') list.unusedSince = new Date(now - filters.lastUse.days * DAY_MS).toISOString();
  return list;
}

/** The criteria in use, in the bar's order. */
export const FILTER_ORDER: readonly GridFilterName[] = ['search', 'title', 'id', 'createdBy', 'role', 'status', 'expires', 'created', 'lastUse'];

export function activeFilters(filters: GridFilters): GridFilterName[] {
  return FILTER_ORDER.filter((name) => filters[name] !== undefined);
}

/** The criteria with one set (or removed, when `value` is undefined). */
export function withFilter<N extends GridFilterName>(filters: GridFilters, name: N, value: GridFilters[N] | undefined): GridFilters {
  const { [name]: _previous, ...rest } = filters;
  return value === undefined ? rest : { ...rest, [name]: value };
}

/** Whether two sets of criteria ask the same (a saved view is then the one in use). */
export function sameFilters(a: GridFilters, b: GridFilters): boolean {
  const names = new Set([...activeFilters(a), ...activeFilters(b)]);
  return [...names].every((name) => JSON.stringify(a[name]) === JSON.stringify(b[name]));
}
