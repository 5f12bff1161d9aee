// Which keys of the organization have expired or expire before a given instant, through the
// services' key list (sent to the server where it filters, the local server; evaluated by the
// services over the keys they keep where it does not, JMap Cloud and the strict profile: see
// api-key-snapshot.ts), so that the watch, the grid's filters and its views count the same
// keys on every server.
//
// The counts come from the list's totals, exact at any size. The keys themselves (for the
// notifications, each announced once) are read a few pages at most: the soonest to expire,
// and the latest to have expired, which are the ones a check finds new. Reading them all,
// page after page, cost an organization of 100,000 keys 144 requests and 1.7 s at every
// connect and change, the deeper pages the slowest, while the admin was using the grid.
import type { ApiKey, ApiKeyListPage } from '../../shared/api-types';
import type { IpcParsedRequest } from '../../shared/ipc-contract';

export type ListApiKeys = (query: IpcParsedRequest<'listApiKeys'>) => Promise<ApiKeyListPage>;

const PAGE_SIZE = 100;
/** Keys read for the notifications, in each group: the 1,000 soonest to expire, the 1,000 latest expired. */
export const MAX_READ_PAGES = 10;

export type ExpiringKeys = {
  /** How many keys have expired, and how many expire before the window's end (not expired). */
  counts: { expired: number; expiringSoon: number };
  /** The latest expired, most recent first. */
  expired: ApiKey[];
  /** The soonest to expire, soonest first. */
  expiringSoon: ApiKey[];
  /** Whether the two lists hold every such key (a key not in them then left the window). */
  complete: boolean;
};

type Group = { keys: ApiKey[]; total: number; complete: boolean };

/** Up to MAX_READ_PAGES pages of one query, each key once (a key created meanwhile shifts the pages). */
async function readGroup(listApiKeys: ListApiKeys, query: Omit<IpcParsedRequest<'listApiKeys'>, 'page'>): Promise<Group> {
  const keys: ApiKey[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (let page = 0; page < MAX_READ_PAGES; page += 1) {
    const result = await listApiKeys({ ...query, page });
    if (page === 0) total = result.page.totalElements;
    for (const key of result.content) {
      if (seen.has(key.id)) continue;
      seen.add(key.id);
      keys.push(key);
    }
    if (result.content.length === 0 || page + 1 >= result.page.totalPages) return { keys, total, complete: true };
  }
  return { keys, total, complete: false };
}

/**
 * "Expired" and "not expired" as the grid's status filter means them (the server says so, or
 * the date has passed); `before` is the end of the warning window.
 */
export async function findExpiringKeys(listApiKeys: ListApiKeys, before: Date): Promise<ExpiringKeys> {
  const base = { pageSize: PAGE_SIZE, sortField: 'expirationDate' } as const;
  const expiring = await readGroup(listApiKeys, { ...base, sortDirection: 'asc', status: 'ACTIVE', expiresBefore: before.toISOString() });
  const expired = await readGroup(listApiKeys, { ...base, sortDirection: 'desc', status: 'EXPIRED' });
  return {
    counts: { expired: expired.total, expiringSoon: expiring.total },
    expired: expired.keys,
    expiringSoon: expiring.keys,
    complete: expiring.complete && expired.complete,
  };
}
