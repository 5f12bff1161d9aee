// Which keys of the organization have expired or expire before a given instant: one query
// of the services' key list, `expiresBefore` that instant, soonest first. The services send
// it to the server where it filters (the local server), and evaluate it themselves over the
// keys they keep where it does not (JMap Cloud, the strict profile: see api-key-snapshot.ts),
// so the watch, the grid's filters and its views count the same keys on every server.
import { matchesApiKeyFilters } from '../../shared/api-key-list-evaluation';
import type { ApiKey, ApiKeyListPage } from '../../shared/api-types';
import type { IpcParsedRequest } from '../../shared/ipc-contract';

export type ListApiKeys = (query: IpcParsedRequest<'listApiKeys'>) => Promise<ApiKeyListPage>;

const PAGE_SIZE = 100;
/** 20,000 keys that all expire within the window: past that, the counts say "at least". */
export const MAX_SCANNED_PAGES = 200;

export type ExpiringKeys = { expired: ApiKey[]; expiringSoon: ApiKey[]; complete: boolean };

/** Expired as the grid's status filter means it: the server says so, or its date has passed. */
const isExpired = (key: ApiKey, now: number): boolean => matchesApiKeyFilters(key, { status: 'EXPIRED' }, now);

export async function findExpiringKeys(listApiKeys: ListApiKeys, now: Date, before: Date): Promise<ExpiringKeys> {
  const expired: ApiKey[] = [];
  const expiringSoon: ApiKey[] = [];
  const seen = new Set<string>();
  const query = { pageSize: PAGE_SIZE, sortField: 'expirationDate', sortDirection: 'asc', expiresBefore: before.toISOString() } as const;
  for (let page = 0; page < MAX_SCANNED_PAGES; page += 1) {
    const result = await listApiKeys({ ...query, page });
    for (const key of result.content) {
      // A key created meanwhile shifts the pages: it could come twice.
      if (seen.has(key.id)) continue;
      seen.add(key.id);
      (isExpired(key, now.getTime()) ? expired : expiringSoon).push(key);
    }
    if (result.content.length === 0 || page + 1 >= result.page.totalPages) return { expired, expiringSoon, complete: true };
  }
  return { expired, expiringSoon, complete: false };
}
