// The views every admin has, beside their own (kept in the settings): the audit questions
// asked most. Their names come from the catalog, by id.
import { DEFAULT_GRID_SORT, type GridFilters, type GridSort } from '@shared/grid-settings';

export const BUILT_IN_VIEW_IDS = ['all', 'expiring-30', 'expired', 'never-used', 'unused-90'] as const;
export type BuiltInViewId = (typeof BUILT_IN_VIEW_IDS)[number];

export type BuiltInView = { id: BuiltInViewId; filters: GridFilters; sort: GridSort };

export const BUILT_IN_VIEWS: readonly BuiltInView[] = [
  { id: 'all', filters: {}, sort: DEFAULT_GRID_SORT },
  // From now to 30 days from now: not expired yet.
  { id: 'expiring-30', filters: { expires: { kind: 'next-days', days: 30 } }, sort: { field: 'expirationDate', direction: 'asc' } },
  { id: 'expired', filters: { status: 'EXPIRED' }, sort: { field: 'expirationDate', direction: 'desc' } },
  { id: 'never-used', filters: { lastUse: { kind: 'never' } }, sort: { field: 'creationDate', direction: 'asc' } },
  // Least recently used first, never used before any.
  { id: 'unused-90', filters: { lastUse: { kind: 'not-in-days', days: 90 } }, sort: { field: 'lastUsedDate', direction: 'asc' } },
];
