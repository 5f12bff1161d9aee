// The grid's views the expiry banner (and a click on an expiry notification) applies:
// the keys expiring within the warning days, the expired keys (an ended rotation overlap
// opens the rotation's own dialog instead). The one seam between the expiry watch and the grid:
// each is a set of the filter bar's criteria, shown as chips the admin can change.
import { BUILT_IN_VIEWS } from '@renderer/features/api-keys/lib/builtin-views';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';

/** The keys that expire within the next `days` days (the banner's count), soonest first. */
export function showExpiringKeys(days: number): void {
  useApiKeysStore.getState().applyView({ filters: { expires: { kind: 'next-days', days } }, sort: { field: 'expirationDate', direction: 'asc' } });
}

/** The built-in "Expired" view. */
export function showExpiredKeys(): void {
  const expired = BUILT_IN_VIEWS.find((view) => view.id === 'expired');
  if (expired) useApiKeysStore.getState().applyView(expired);
}
