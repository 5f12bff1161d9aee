// The API-key part of the services, assembled once per app: the key service (list, create,
// edit, the guided delete), rotation and their IPC handlers. keydesk-services.ts gives the
// session, the activity log and the files; this wires the rest.
import type { KeyDeskHandlers } from '../../shared/ipc-contract';
import type { ActivityLog } from '../activity/activity-log';
import type { Logger } from '../logger';
import type { BoundOrganizationClient } from '../organization-client/bound-organization-client';
import type { OrganizationRef } from '../organization-client/pinned-organization';
import type { ServerCapabilities } from '../../shared/server-capabilities';
import { createApiKeyService } from './api-key-service';
import { createGuidedDelete } from './guided-delete/guided-delete';
import { createBulkDelete } from './bulk-delete/bulk-delete';
import { createBulkDeletePlans } from './bulk-delete/bulk-delete-plans';
import { createKeyRotation } from './rotation/key-rotation';
import { createRotationRecords } from './rotation/rotation-records';
import type { SecretVault } from './secret-vault';
import type { OverlapSource } from '../expiry-watch/overlap-reminders';

type ApiKeyMethod =
  | 'listApiKeys'
  | 'getApiKey'
  | 'createApiKey'
  | 'editApiKey'
  | 'getOwnedResources'
  | 'getDeleteProgress'
  | 'cancelDeleteOperation'
  | 'deleteApiKey'
  | 'listEditorMembers'
  | 'startRotation'
  | 'grantRotationAccess'
  | 'finishRotation'
  | 'getRotationProgress'
  | 'cancelRotationOperation'
  | 'listRotations'
  | 'dismissRotation'
  | 'startBulkDelete'
  | 'getBulkDelete'
  | 'resumeBulkDelete'
  | 'cancelBulkDelete'
  | 'dismissBulkDelete';

export interface ApiKeyFeatureOptions {
  organization: () => BoundOrganizationClient;
  capabilities: () => ServerCapabilities;
  /** The session's organization (null without a session). */
  here: () => OrganizationRef | null;
  /** Whose keys the session sees (its connection and organization). */
  scope: () => string;
  language: () => Promise<string>;
  userDataDir: string;
  vault: SecretVault;
  activity: ActivityLog;
  /** Resources read or changed at once by the long operations (the transport caps requests too). */
  concurrency: number;
  now: () => Date;
  /** A rotation changed stage (the expiry watch reminds of ended overlaps). */
  onRotationChanged: () => void;
  log: Logger;
}

export function createApiKeyFeature(options: ApiKeyFeatureOptions) {
  const { organization, now, log } = options;
  const guided = createGuidedDelete({ organization, concurrency: options.concurrency, now: () => now().getTime(), log });
  const apiKeys = createApiKeyService({ ...options, guided });
  const rotationRecords = createRotationRecords({ userDataDir: options.userDataDir, now, log });
  const rotation = createKeyRotation({
    organization,
    here: options.here,
    records: rotationRecords,
    create: apiKeys.create,
    deletion: { delete: apiKeys.deleteWithExtras },
    guided,
    activity: options.activity,
    language: options.language,
    concurrency: options.concurrency,
    now,
    onChanged: options.onRotationChanged,
    log,
  });

  const bulk = createBulkDelete({
    organization,
    capabilities: options.capabilities,
    here: options.here,
    plans: createBulkDeletePlans({ userDataDir: options.userDataDir, now, log }),
    deletion: { delete: apiKeys.deleteWithExtras },
    guided,
    activity: options.activity,
    knownTitle: apiKeys.knownTitle,
    concurrency: options.concurrency,
    now,
    log,
  });

  // Every handler is async, so that even a synchronous throw reaches the dispatcher as a rejection.
  const handlers: Pick<KeyDeskHandlers, ApiKeyMethod> = {
    listApiKeys: async (query) => apiKeys.list(query),
    getApiKey: async ({ id }) => apiKeys.get(id),
    createApiKey: async (request) => apiKeys.create(request),
    editApiKey: async (request) => apiKeys.edit(request),
    getOwnedResources: async ({ id }) => apiKeys.ownedResources(id),
    getDeleteProgress: async ({ apiKeyId }) => apiKeys.deleteProgress(apiKeyId),
    cancelDeleteOperation: async ({ apiKeyId }) => ({ cancelled: apiKeys.cancelDelete(apiKeyId) }),
    deleteApiKey: async (request) => apiKeys.delete(request),
    listEditorMembers: async () => apiKeys.editorMembers(),
    startRotation: async (request) => rotation.start(request),
    grantRotationAccess: async ({ rotationId }) => rotation.grant(rotationId),
    finishRotation: async ({ rotationId, oldKey }) => rotation.finish(rotationId, oldKey),
    getRotationProgress: async ({ rotationId }) => rotation.progress(rotationId),
    cancelRotationOperation: async ({ rotationId }) => ({ cancelled: rotation.cancel(rotationId) }),
    listRotations: async () => rotation.list(),
    dismissRotation: async ({ rotationId }) => {
      await rotation.dismiss(rotationId);
      return null;
    },
    startBulkDelete: async (request) => bulk.start(request),
    getBulkDelete: async () => bulk.status(),
    resumeBulkDelete: async ({ batchId }) => bulk.resume(batchId),
    cancelBulkDelete: async ({ batchId }) => ({ cancelled: await bulk.cancel(batchId) }),
    dismissBulkDelete: async ({ batchId }) => {
      await bulk.dismiss(batchId);
      return null;
    },
  };

  const overlaps: OverlapSource = {
    ended: (here, at) => rotationRecords.endedOverlaps({ server: here.server, organizationId: here.organization.id }, at),
    reminded: (rotationIds, at) => rotationRecords.reminded(rotationIds, at),
  };

  return {
    apiKeys,
    rotation,
    bulk,
    handlers,
    /** For the expiry watch: rotations kept until a date now past. */
    overlaps,
    /** The session ended or moved: nothing carries over to another organization. */
    sessionEnded(): void {
      guided.clear();
      rotation.clear();
      apiKeys.forgetKeys();
    },
    settled: async (): Promise<void> => {
      await rotationRecords.settled();
      await bulk.settled();
    },
  };
}
