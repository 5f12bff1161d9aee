// Which keys of the organization have expired or expire before a given instant, through
// the services' key list. It asks only what every server answers (JMap Cloud's paging and
// sort by expiration date, ascending): the keys that matter come first, and reading stops
// at the first page that reaches past the instant. So the watch works the same on JMap
// Cloud, the strict profile and the local server, and reads at most one page it does not
// need, where a filter would read none.
import { matchesApiKeyFilters } from '../../shared/api-key-list-evaluation';
import type { ApiKey, ApiKeyListPage } from '../../shared/api-types';
import type { IpcParsedRequest } from '../../shared/ipc-contract';

export type ListApiKeys = (query: IpcParsedRequest<'listApiKeys'>) => Promise<ApiKeyListPage>;

const PAGE_SIZE = 100;
/** 20,000 keys that all expire within the window: past that, the counts say "at least". */
export const MAX_SCANNED_PAGES = 200;

export type ExpiringKeys = { expired: ApiKey[]; expiringSoon: ApiKey[]; complete: boolean };

// Both windows mean what the grid's filters and views mean (the shared evaluation).
const isExpired = (key: ApiKey, now: number): boolean => matchesApiKeyFilters(key, { status: 'EXPIRED' }, now);
const expiresBefore = (key: ApiKey, now: number, before: string): boolean => matchesApiKeyFilters(key, { status: 'ACTIVE', expiresBefore: before }, now);

export async function findExpiringKeys(listApiKeys: ListApiKeys, now: Date, before: Date): Promise<ExpiringKeys> {
  const expired: ApiKey[] = [];
  const expiringSoon: ApiKey[] = [];
  const seen = new Set<string>();
  const limit = before.toISOString();
  for (let page = 0; page < MAX_SCANNED_PAGES; page += 1) {
    const result = await listApiKeys({ page, pageSize: PAGE_SIZE, sortField: 'expirationDate', sortDirection: 'asc' });
    let pastTheWindow = false;
    for (const key of result.content) {
      // A key created meanwhile shifts the pages: it could come twice.
      if (seen.has(key.id)) continue;
      seen.add(key.id);
      if (isExpired(key, now.getTime())) expired.push(key);
      else if (expiresBefore(key, now.getTime(), limit)) expiringSoon.push(key);
      else pastTheWindow = true;
    }
    if (pastTheWindow || result.content.length === 0 || page + 1 >= result.page.totalPages) return { expired, expiringSoon, complete: true };
  }
  return { expired, expiringSoon, complete: false };
}
