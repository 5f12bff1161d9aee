// Every key of the organization, fetched page by page, for the services to evaluate a list
// query themselves where the server does not (JMap Cloud's list takes page, size and sort
// only; its organizations hold dozens to a few thousand keys). Kept a short while, so that
// a sort, a page change or another filter does not fetch them all again; fetched anew on
// Refresh, after a create or a delete made here, in another session or organization, and
// once it is older than MAX_AGE_MS.
import { MAX_PAGE_SIZE, type ApiKeyListParams } from '../../shared/api-key-list-query';
import type { ApiKey, ApiKeyListPage } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import { mapLimit } from '../concurrency/map-limit';

export const SNAPSHOT_MAX_AGE_MS = 60_000;
/** Beyond this, filtering here would take minutes and a lot of memory: the admin is told so. */
export const MAX_SNAPSHOT_KEYS = 200_000;
const CONCURRENCY = 4;
// Oldest first: a key created while the pages are read lands on the last page, not in the
// middle where it would push a key of a page already read onto the next one.
const FETCH_SORT = { field: 'creationDate', direction: 'asc' } as const;

export interface ApiKeySnapshot {
  /** Whose keys these are (session and organization). */
  scope: string;
  keys: ApiKey[];
  fetchedAt: Date;
  unreadableRows: number;
}

export interface SnapshotOptions {
  listPage: (params: ApiKeyListParams) => Promise<ApiKeyListPage>;
  now: () => Date;
}

export function createApiKeySnapshots({ listPage, now }: SnapshotOptions) {
  let current: ApiKeySnapshot | null = null;
  let inFlight: { scope: string; promise: Promise<ApiKeySnapshot> } | null = null;
  // A fetch started before the last forget() must not become the current snapshot.
  let generation = 0;

  async function fetchAll(scope: string): Promise<ApiKeySnapshot> {
    const fetchedAt = now();
    const first = await listPage({ page: 0, size: MAX_PAGE_SIZE, sort: FETCH_SORT });
    // A server may serve smaller pages than asked (Spring caps the size): follow its own.
    const size = first.page.size > 0 ? first.page.size : MAX_PAGE_SIZE;
    const pages = Math.ceil(first.page.totalElements / size);
    if (first.page.totalElements > MAX_SNAPSHOT_KEYS) {
      const keyCount = first.page.totalElements;
      const message = `This server cannot filter or sort these keys itself, and ${keyCount} keys are too many for KeyDesk to do it here.`;
      throw AppError.because('UNSUPPORTED', 'too-many-keys-to-evaluate', { keyCount }, message);
    }
    const rest = await mapLimit(
      Array.from({ length: Math.max(0, pages - 1) }, (_, index) => index + 1),
      CONCURRENCY,
      (page) => listPage({ page, size, sort: FETCH_SORT }),
    );
    const byId = new Map<string, ApiKey>();
    let unreadableRows = 0;
    for (const page of [first, ...rest]) {
      // A key seen twice (the list moved while it was read) counts once.
      for (const key of page.content) byId.set(key.id, key);
      unreadableRows += page.unreadableRows;
    }
    return { scope, keys: [...byId.values()], fetchedAt, unreadableRows };
  }

  return {
    /** The scope's keys: the kept ones while fresh enough, unless `fresh` asks for new ones. */
    async get(scope: string, fresh: boolean): Promise<ApiKeySnapshot> {
      const kept = current;
      if (!fresh && kept && kept.scope === scope && now().getTime() - kept.fetchedAt.getTime() < SNAPSHOT_MAX_AGE_MS) return kept;
      if (inFlight && inFlight.scope === scope) return inFlight.promise;
      const started = generation;
      const promise = fetchAll(scope).then((snapshot) => {
        if (started === generation) current = snapshot;
        return snapshot;
      });
      inFlight = { scope, promise };
      try {
        return await promise;
      } finally {
        if (inFlight?.promise === promise) inFlight = null;
      }
    },

    /** Drops the kept keys (a key was created or deleted here, or the session ended). */
    forget(): void {
      generation += 1;
      current = null;
      inFlight = null;
    },
  };
}

export type ApiKeySnapshots = ReturnType<typeof createApiKeySnapshots>;
