// The delete dialog's services: what a key owns, and the delete with its resources' fate.
// Where the server offers KeyDesk's extensions (capabilities), each is one request; where it
// does not (JMap Cloud), the guided delete does the same with the public permission
// endpoints (guided-delete/). Either way the activity log gets one entry per delete.
import type { ActivityContext, ActivityDraft, ActivityResource } from '../../shared/activity-log';
import type { DeleteApiKeyResult, OwnedResources } from '../../shared/api-types';
import type { DeleteProgress } from '../../shared/delete-progress';
import type { ResourcesFate } from '../../shared/resources-fate';
import type { ServerCapabilities } from '../../shared/server-capabilities';
import type { ActivityLog } from '../activity/activity-log';
import { deleteEntry, outcomeOf, SUCCEEDED } from '../activity/api-key-activity';
import type { Logger } from '../logger';
import type { BoundOrganizationClient } from '../organization-client/bound-organization-client';
import type { GuidedDelete } from './guided-delete/guided-delete';
import { ownedResourcesOf, resourceKey, type ResourceScan } from './guided-delete/resource-scan';
import { ownedResourcesIn } from './resource-names';

export interface KeyDeletionOptions {
  organization: () => BoundOrganizationClient;
  capabilities: () => ServerCapabilities;
  language: () => Promise<string>;
  guided: GuidedDelete;
  activity: Pick<ActivityLog, 'append' | 'context'>;
  /** The key's title for the activity entry ('' when unknown). */
  titleOf: (apiKeyId: string) => Promise<string>;
  /** The key is gone: what was kept about it goes too (its secret, its title). */
  forget: (apiKeyId: string) => void;
  log: Logger;
}

/** What a delete that is part of a larger change says of it in its activity entry. */
export interface DeletionExtras {
  /** The bulk action it belongs to. */
  batchId?: string;
  /** Entries removed just before by the same change (a rotation's old key): listed and counted. */
  accessRemoved?: readonly ActivityResource[];
  /** The organization the larger change started in (its activity context). */
  context?: ActivityContext | null;
}

export function withExtras(draft: ActivityDraft, extras: DeletionExtras): ActivityDraft {
  if (draft.action !== 'delete') return draft;
  const removed = extras.accessRemoved ?? [];
  return {
    ...draft,
    ...(extras.batchId !== undefined ? { batchId: extras.batchId } : {}),
    accessEntriesRemoved: draft.accessEntriesRemoved + removed.filter((resource) => resource.done).length,
    resources: [...draft.resources, ...removed],
  };
}

export function createKeyDeletion(options: KeyDeletionOptions) {
  const { organization, capabilities, language, guided, activity, log } = options;

  /** The guided scan as the dialog shows it. */
  async function shown(scan: ResourceScan, keyTitle: string): Promise<OwnedResources> {
    const members = await organization().members();
    return ownedResourcesOf(scan, { keyTitle, members, language: await language() });
  }

  /** What the key owns, by the extension's one request. */
  const ownedByExtension = async (apiKeyId: string): Promise<OwnedResources> =>
    ownedResourcesIn(await language(), await organization().ownedResources(apiKeyId));

  /** Through the extension: one request, one transaction on the server. */
  async function deleteByExtension(apiKeyId: string, fate: ResourcesFate): Promise<{ result: DeleteApiKeyResult; owned: () => Promise<OwnedResources | null> }> {
    // Which resources the delete acts on, for the activity entry (the answer only counts them).
    const owned = fate.kind === 'nothing-owned' || !capabilities().ownedResources ? null : await ownedByExtension(apiKeyId).catch(() => null);
    const result = await organization().deleteApiKeyWithResources(apiKeyId, fate);
    return { result, owned: async () => owned };
  }

  return {
    async ownedResources(apiKeyId: string): Promise<OwnedResources> {
      if (capabilities().ownedResources) return ownedByExtension(apiKeyId);
      return shown(await guided.findOwned(apiKeyId), await options.titleOf(apiKeyId));
    },

    async delete(apiKeyId: string, fate: ResourcesFate, extras: DeletionExtras = {}): Promise<DeleteApiKeyResult> {
      const context = extras.context === undefined ? activity.context() : extras.context;
      const append = (draft: ActivityDraft): Promise<void> => activity.append(withExtras(draft, extras), context);
      const apiKey = { id: apiKeyId, title: await options.titleOf(apiKeyId) };
      let result: DeleteApiKeyResult;
      let owned: () => Promise<OwnedResources | null>;
      try {
        if (capabilities().deleteWithResourcesFate) {
          ({ result, owned } = await deleteByExtension(apiKeyId, fate));
        } else {
          const { scan, ...answer } = await guided.remove(apiKeyId, fate);
          result = answer;
          owned = () => shown(scan, apiKey.title).catch(() => null);
        }
      } catch (error) {
        // Stopped midway (the guided delete keeps what it did, to resume): partly done.
        const progress = guided.progress(apiKeyId);
        const scan = guided.lastScan(apiKeyId);
        const ownedBefore = scan && fate.kind !== 'nothing-owned' ? await shown(scan, apiKey.title).catch(() => null) : null;
        const outcome = outcomeOf(error, progress?.changed ? 'partial' : 'failed');
        const done = progress?.changed ? guided.doneSoFar(apiKeyId) : null;
        const partly = done && {
          isTransferred: (type: 'DATA_SOURCE' | 'PROJECT', id: string) => done.transferred.has(resourceKey({ kind: type === 'DATA_SOURCE' ? 'dataSource' : 'project', id })),
          accessEntriesRemoved: done.entriesRemoved,
        };
        await append(deleteEntry({ apiKey, fate, owned: ownedBefore, result: null, partly, outcome }));
        throw error;
      }
      options.forget(apiKeyId);
      log.info('API key deleted', { apiKeyId, transferred: result.transferredTo !== null, guided: !capabilities().deleteWithResourcesFate });
      await append(deleteEntry({ apiKey, fate, owned: await owned(), result, outcome: SUCCEEDED }));
      return result;
    },

    progress: (apiKeyId: string): DeleteProgress | null => guided.progress(apiKeyId),
    cancel: (apiKeyId: string): boolean => guided.cancel(apiKeyId),
  };
}
