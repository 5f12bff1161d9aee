// The guided delete on a server without KeyDesk's extensions (JMap Cloud): find what the key
// owns (resource-scan.ts), then, for "Transfer ownership to", give the member OWNER on each
// owned resource, remove every entry naming the key, read everything again to check, and
// only then DELETE the key. One operation per key, whose progress the renderer polls.
//
// Cancel works until the first change. A failure after it stops the operation where it is:
// each resource is either wholly done or untouched, the key still owns whatever was not
// transferred, and the same delete asked again resumes, skipping what is done. A plain DELETE
// is sent only for a key found (just before) to own nothing, or when the admin chose to
// delete its resources with it, as the portal's guide describes JMap Cloud's delete.
import type { DeleteApiKeyResult, Member, UserRef } from '../../../shared/api-types';
import type { DeletePhase, DeleteProgress } from '../../../shared/delete-progress';
import { AppError, toAppErrorData } from '../../../shared/errors';
import type { ResourcesFate } from '../../../shared/resources-fate';
import { mapLimit } from '../../concurrency/map-limit';
import type { Logger } from '../../logger';
import type { BoundOrganizationClient } from '../../organization-client/bound-organization-client';
import { ensureOwner, removeEntry, transferTarget } from './ownership-transfer';
import { counts, newOperation, ownsSomething, progressOf, sameFate, withKeyOwner, type Operation } from './delete-operation';
import { isOwner, naming, ownedBy, recheck, resourceKey, scanResources, type ResourceScan, type ScannedResource } from './resource-scan';

/** A scan older than this is read again before acting on it. */
export const SCAN_LIFETIME_MS = 10 * 60_000;
/** Rounds of transfer and check: a key still gaining resources after these is stopped, not chased. */
const MAX_ROUNDS = 3;

export interface GuidedDeleteOptions {
  organization: () => BoundOrganizationClient;
  /** Resources read or changed at once (the transport caps requests in flight as well). */
  concurrency: number;
  now: () => number;
  log: Logger;
}

export function createGuidedDelete(options: GuidedDeleteOptions) {
  const { organization, concurrency, now, log } = options;
  const operations = new Map<string, Operation>();

  /** The key's operation, made running; CONFLICT while another request runs it. */
  function begin(apiKeyId: string): Operation {
    const existing = operations.get(apiKeyId);
    if (existing?.running) throw AppError.because('CONFLICT', 'key-deletion-running', {}, 'KeyDesk is already working on this key: wait for it to finish.', { apiKeyId });
    const operation: Operation = existing ?? newOperation(apiKeyId);
    operation.running = true;
    operation.abort = new AbortController();
    operation.stopped = null;
    operations.set(apiKeyId, operation);
    return operation;
  }

  function enter(operation: Operation, phase: DeletePhase, total: number): void {
    operation.phase = phase;
    operation.done = 0;
    operation.total = total;
  }

  const scanOptions = (operation: Operation) => ({
    concurrency,
    signal: operation.changed ? undefined : operation.abort.signal,
    onProgress: (done: number, total: number) => {
      operation.done = done;
      operation.total = total;
    },
  });

  async function scan(operation: Operation): Promise<ResourceScan> {
    enter(operation, 'finding', 0);
    const value = await scanResources(organization(), operation.apiKeyId, scanOptions(operation));
    operation.scan = { value, at: now() };
    return value;
  }

  /** The check: what was touched, and what is new since `before` (see recheck). */
  async function check(operation: Operation, before: ResourceScan, touched: readonly ScannedResource[]): Promise<ResourceScan> {
    enter(operation, 'checking', 0);
    return recheck(organization(), before, touched, scanOptions(operation));
  }

  /** The last scan if recent enough, else a new one. */
  const recentScan = async (operation: Operation): Promise<ResourceScan> =>
    operation.scan !== null && now() - operation.scan.at < SCAN_LIFETIME_MS ? operation.scan.value : scan(operation);

  /** Runs `work` as the key's operation: finished, it is forgotten; stopped, it is kept to resume. */
  async function run<T>(apiKeyId: string, work: (operation: Operation) => Promise<T>, keepAfter: boolean): Promise<T> {
    const operation = begin(apiKeyId);
    try {
      const result = await work(operation);
      if (!keepAfter) operations.delete(apiKeyId);
      return result;
    } catch (error) {
      // Nothing changed (cancelled, refused, key gone): nothing to resume either.
      if (!operation.changed) operations.delete(apiKeyId);
      else operation.stopped = toAppErrorData(error);
      log.warn('A guided delete stopped', { apiKeyId, phase: operation.phase, changed: operation.changed, code: error instanceof AppError ? error.code : 'INTERNAL' });
      throw error;
    } finally {
      operation.running = false;
    }
  }

  /** Changes start: from here on, the operation can no longer be cancelled. */
  const changing = (operation: Operation): void => {
    operation.changed = true;
  };

  async function transfer(operation: Operation, start: ResourceScan, member: Member): Promise<void> {
    const org = organization();
    let current = start;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      // The first round resumes: what a stopped run did is skipped. Later rounds act on what
      // the check just read, which is the truth whatever was done before.
      const resuming = round === 0;
      const owned = ownedBy(current).filter((resource) => !(resuming && operation.transferred.has(resourceKey(resource))));
      enter(operation, 'transferring', owned.length);
      await mapLimit(owned, concurrency, async (resource) => {
        changing(operation);
        if ((await ensureOwner(org, resource, member.id, resource.entries)) === 'done') operation.transferred.set(resourceKey(resource), resource);
        operation.done += 1;
      });
      const named = naming(current).filter((resource) => !(resuming && operation.entriesRemoved.has(resourceKey(resource))));
      enter(operation, 'removing-entries', named.length);
      await mapLimit(named, concurrency, async (resource) => {
        changing(operation);
        await removeEntry(org, resource, operation.apiKeyId, member.id);
        operation.entriesRemoved.add(resourceKey(resource));
        operation.done += 1;
      });
      // Everything that named the key is read again, what a stopped run did included.
      current = await check(operation, start, naming(current));
      // Transferred, yet not owned by the member any more: someone changed it meanwhile.
      const lost = current.resources.filter((resource) => operation.transferred.has(resourceKey(resource)) && !isOwner(resource, member.id));
      for (const resource of lost) operation.transferred.delete(resourceKey(resource));
      if (naming(current).length === 0 && lost.length === 0) return;
      // Whatever still names the key gets both steps again, lost ones a new OWNER entry.
      current = { ...current, resources: current.resources.map((resource) => (lost.includes(resource) ? withKeyOwner(resource, operation.apiKeyId) : resource)) };
    }
    const message = 'The key keeps gaining access to resources while KeyDesk transfers them: stop what uses the key, then resume.';
    throw AppError.because('CONFLICT', 'key-keeps-gaining-access', {}, message, { serverCode: 'RESOURCES_OWNED' });
  }

  async function deleteKey(operation: Operation): Promise<void> {
    enter(operation, 'deleting-key', 1);
    changing(operation);
    await organization().deleteApiKey(operation.apiKeyId);
    operation.done = 1;
  }

  return {
    /** What the key owns, read resource by resource (cancellable). NOT_FOUND when the key is gone. */
    findOwned: (apiKeyId: string): Promise<ResourceScan> =>
      run(
        apiKeyId,
        async (operation) => {
          await organization().getApiKey(apiKeyId);
          return scan(operation);
        },
        true,
      ),

    /** The delete itself, resuming where a stopped one with the same fate left off. */
    remove: (apiKeyId: string, fate: ResourcesFate): Promise<DeleteApiKeyResult & { scan: ResourceScan }> =>
      run(
        apiKeyId,
        async (operation) => {
          if (!sameFate(operation.fate, fate)) {
            operation.transferred.clear();
            operation.entriesRemoved.clear();
          }
          operation.fate = fate;
          const found = await recentScan(operation);
          const none = { dataSources: 0, projects: 0 };
          if (fate.kind === 'nothing-owned') {
            const refused = ownsSomething(found) ?? ownsSomething(await check(operation, found, naming(found)));
            if (refused) throw refused;
            await deleteKey(operation);
            return { deletedApiKeyId: apiKeyId, transferredTo: null, transferred: none, deleted: { ...none, layers: 0 }, aclEntriesRemoved: naming(found).length, notCounted: ['layers'], scan: found };
          }
          if (fate.kind === 'delete-with-key') {
            const alone = ownedBy(found).filter((resource) => resource.entries.filter((entry) => entry.permissions.includes('OWNER')).length === 1);
            await deleteKey(operation);
            return {
              deletedApiKeyId: apiKeyId,
              transferredTo: null,
              transferred: none,
              deleted: { ...counts(alone), layers: 0 },
              aclEntriesRemoved: naming(found).length,
              notCounted: ['layers'],
              scan: found,
            };
          }
          const member = await transferTarget(organization(), fate.to);
          await transfer(operation, found, member);
          await deleteKey(operation);
          const transferredTo: UserRef = { id: member.id, name: member.name, email: member.email };
          return {
            deletedApiKeyId: apiKeyId,
            transferredTo,
            transferred: counts(operation.transferred.values()),
            deleted: { ...none, layers: 0 },
            aclEntriesRemoved: operation.entriesRemoved.size,
            scan: found,
          };
        },
        false,
      ),

    progress(apiKeyId: string): DeleteProgress | null {
      const operation = operations.get(apiKeyId);
      return operation ? progressOf(operation) : null;
    },

    /**
     * What a stopped operation changed, for its activity entry: the resources the member owns
     * now (by resourceKey) and how many of the key's entries are gone.
     */
    doneSoFar(apiKeyId: string): { transferred: ReadonlySet<string>; entriesRemoved: number } | null {
      const operation = operations.get(apiKeyId);
      return operation ? { transferred: new Set(operation.transferred.keys()), entriesRemoved: operation.entriesRemoved.size } : null;
    },

    /** Cancels a running operation that has changed nothing yet; false when it cannot be. */
    cancel(apiKeyId: string): boolean {
      const operation = operations.get(apiKeyId);
      if (!operation?.running || operation.changed) return false;
      operation.abort.abort();
      return true;
    },

    /** The last scan of a key, if one is recent (the delete reuses what the dialog showed). */
    lastScan(apiKeyId: string): ResourceScan | null {
      const recent = operations.get(apiKeyId)?.scan;
      return recent && now() - recent.at < SCAN_LIFETIME_MS ? recent.value : null;
    },

    /** A scan made just now by a rotation or a bulk delete: the key's next delete starts from it. */
    seed(apiKeyId: string, scan: ResourceScan): void {
      const operation = operations.get(apiKeyId) ?? newOperation(apiKeyId);
      if (!operation.running) operations.set(apiKeyId, Object.assign(operation, { scan: { value: scan, at: now() } }));
    },

    /** At the end of a session: nothing carries over to another organization. */
    clear(): void {
      for (const operation of operations.values()) operation.abort.abort();
      operations.clear();
    },
  };
}

export type GuidedDelete = ReturnType<typeof createGuidedDelete>;
