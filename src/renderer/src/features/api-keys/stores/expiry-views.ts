// The grid's views the expiry banner (and a click on an expiry notification) applies:
// the keys expiring within the warning days, the expired keys, one key (the old key of a
// rotation whose overlap has ended). The one seam between the
// expiry watch and the grid; it sets the grid's own filters (status), and is where the
// grid's saved views ("Expiring in N days", "Expired") take over once they exist.
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';

const statusFilter = (value: 'EXPIRING_SOON' | 'EXPIRED') => ({ items: [{ id: 'expiry-view', field: 'status', operator: 'is', value }], quickFilterValues: [] });

/** The keys that expire soon. (The grid's status filter knows 14 days; `days` is for its views.) */
export function showExpiringKeys(_days: number): void {
  useApiKeysStore.getState().setFilterModel(statusFilter('EXPIRING_SOON'));
}

export function showExpiredKeys(): void {
  useApiKeysStore.getState().setFilterModel(statusFilter('EXPIRED'));
}

/** One key, found by its id (the search matches ids). */
export function showKey(id: string): void {
  useApiKeysStore.getState().setFilterModel({ items: [], quickFilterValues: [id] });
}
