// What the renderer asks about API keys, for the organization of the current session:
// the grid's query mapped to the server's, the wizard's create with its Idempotency-Key,
// the deletion dialog's owned resources, transfer targets and delete.
import { evaluateApiKeyList } from '../../shared/api-key-list-evaluation';
import { filtersInUse, type ApiKeyListParams } from '../../shared/api-key-list-query';
import { API_KEY_EXTENSION_SORT_FIELDS, type ApiKey, type ApiKeyListResult, type DeleteApiKeyResult, type Member } from '../../shared/api-types';
import { AppError, isAppError } from '../../shared/errors';
import { holdsRole } from '../../shared/roles';
import { serverFilters, type ServerCapabilities } from '../../shared/server-capabilities';
import type { IpcParsedRequest } from '../../shared/ipc-contract';
import type { ActivityLog } from '../activity/activity-log';
import { createEntry, outcomeOf, SUCCEEDED } from '../activity/api-key-activity';
import type { Logger } from '../logger';
import type { BoundOrganizationClient } from '../organization-client/bound-organization-client';
import { createApiKeySnapshots } from './api-key-snapshot';
import type { GuidedDelete } from './guided-delete/guided-delete';
import { createKeyDeletion } from './key-deletion';
import { createKeyEdit } from './key-edit';
import type { SecretVault } from './secret-vault';


/** The grid's query as the list's params (an empty text filters nothing, and is left out). */
export function toServerQuery(query: IpcParsedRequest<'listApiKeys'>): ApiKeyListParams {
  const params: ApiKeyListParams = { page: query.page, size: query.pageSize, sort: { field: query.sortField, direction: query.sortDirection } };
  for (const name of filtersInUse(query)) Object.assign(params, { [name]: query[name] });
  return params;
}

/**
 * Whether the server evaluates the whole query (capabilities: its filters, EXPIRING_SOON,
 * its extra sort fields). Sent anyway, a filter it ignored would pass for applied.
 */
export function serverEvaluates(params: ApiKeyListParams, capabilities: ServerCapabilities): boolean {
  if (filtersInUse(params).some((filter) => !serverFilters(capabilities, filter))) return false;
  if (params.status === 'EXPIRING_SOON' && !capabilities.expiringSoonStatus) return false;
  const sort = API_KEY_EXTENSION_SORT_FIELDS.find((field) => field === params.sort.field);
  return sort === undefined || capabilities.apiKeyListSorts.includes(sort);
}

export function secretLost(title: string, apiKeyId: string): AppError {
  return new AppError(
    'SECRET_LOST',
    `The key "${title}" was created (id ${apiKeyId}) but its secret was lost in transit. Delete it and create a new one.`,
    { apiKeyId },
  );
}

const MAX_REMEMBERED_TITLES = 10_000;

export function createApiKeyService(options: {
  /** The current session's organization API (throws NOT_CONNECTED without a session). */
  organization: () => BoundOrganizationClient;
  /** What the current session's server offers beyond JMap Cloud's public API. */
  capabilities: () => ServerCapabilities;
  /** The app's language, for names given in several (projects). */
  language: () => Promise<string>;
  /** Whose keys the current session sees (its connection and organization). */
  scope: () => string;
  now: () => Date;
  vault: SecretVault;
  /** The guided delete, for a server without the extensions (kept by the services for the session). */
  guided: GuidedDelete;
  /** Every change made here is recorded in it, whatever its outcome. */
  activity: Pick<ActivityLog, 'append' | 'context'>;
  log: Logger;
}) {
  const { organization, capabilities, language, scope, now, vault, guided, activity, log } = options;
  const snapshots = createApiKeySnapshots({ listPage: (params) => organization().listApiKeys(params), now });
  // Titles of the keys the admin has seen, for the activity entry of a delete (whose request
  // names the key by id only) without asking the server again.
  const titles = new Map<string, string>();
  const remember = (keys: readonly ApiKey[]): void => {
    for (const key of keys) titles.set(key.id, key.title);
    for (const id of titles.keys()) {
      if (titles.size <= MAX_REMEMBERED_TITLES) break;
      titles.delete(id);
    }
  };
  const titleOf = async (apiKeyId: string): Promise<string> => {
    const known = titles.get(apiKeyId);
    if (known !== undefined) return known;
    return organization()
      .getApiKey(apiKeyId)
      .then((key) => key.title)
      .catch(() => '');
  };

  const deletion = createKeyDeletion({
    organization,
    capabilities,
    language,
    guided,
    activity,
    titleOf,
    forget: (apiKeyId) => {
      vault.forget(apiKeyId);
      snapshots.forget();
      titles.delete(apiKeyId);
    },
    log,
  });

  const edit = createKeyEdit({
    organization,
    capabilities,
    activity,
    changed: (apiKey) => {
      snapshots.forget();
      remember([apiKey]);
    },
    log,
  });

  return {
    async list(query: IpcParsedRequest<'listApiKeys'>): Promise<ApiKeyListResult> {
      const params = toServerQuery(query);
      if (serverEvaluates(params, capabilities())) {
        const page = await organization().listApiKeys(params);
        remember(page.content);
        return { ...page, localEvaluation: null };
      }
      // The same query evaluated here, with the same meaning, over every key of the organization.
      const snapshot = await snapshots.get(scope(), query.refresh === true);
      const page = evaluateApiKeyList(snapshot.keys, params, now().getTime());
      remember(page.content);
      return {
        ...page,
        unreadableRows: snapshot.unreadableRows,
        localEvaluation: { fetchedAt: snapshot.fetchedAt.toISOString(), keyCount: snapshot.keys.length },
      };
    },

    /** A key's title as last seen in a list or a get (no request). */
    knownTitle: (apiKeyId: string): string | undefined => titles.get(apiKeyId),

    /** Drops the keys kept for filtering here (the session or its organization changed). */
    forgetKeys: (): void => snapshots.forget(),

    async get(apiKeyId: string): Promise<ApiKey> {
      const key = await organization().getApiKey(apiKeyId);
      remember([key]);
      return key;
    },

    async create(request: IpcParsedRequest<'createApiKey'>): Promise<{ apiKey: ApiKey; secret: string }> {
      const body = { title: request.title, role: request.role, expirationDate: request.expirationDate };
      const attempt = () => organization().createApiKey(body, request.idempotencyKey);
      const context = activity.context();
      let created;
      try {
        try {
          created = await attempt();
        } catch (error) {
          // The answer may be lost after the key was made: the same Idempotency-Key makes
          // the retry safe (it creates nothing new and says so).
          if (!isAppError(error, 'NETWORK')) throw error;
          log.warn('Creating an API key got no answer; retrying once with the same Idempotency-Key');
          created = await attempt();
        }
      } catch (error) {
        if (isAppError(error, 'CONFLICT') && error.details?.serverCode === 'IDEMPOTENT_REPLAY') {
          const apiKeyId = typeof error.details.apiKeyId === 'string' ? error.details.apiKeyId : 'unknown';
          const lost = secretLost(request.title, apiKeyId);
          // The key exists, but nobody will ever see its secret: partly done.
          await activity.append(createEntry(request, { id: apiKeyId, title: request.title }, outcomeOf(lost, 'partial')), context);
          throw lost;
        }
        await activity.append(createEntry(request, { id: null, title: request.title }, outcomeOf(error)), context);
        throw error;
      }
      vault.keep(created.apiKey.id, created.secret);
      snapshots.forget();
      remember([created.apiKey]);
      log.info('API key created', { apiKeyId: created.apiKey.id, role: created.apiKey.role });
      await activity.append(createEntry(request, { id: created.apiKey.id, title: created.apiKey.title }, SUCCEEDED), context);
      return created;
    },

    edit,
    ownedResources: deletion.ownedResources,
    delete: (request: IpcParsedRequest<'deleteApiKey'>): Promise<DeleteApiKeyResult> => deletion.delete(request.id, request.resources),
    /** The same delete as part of a larger change (a rotation's old key, a bulk delete's key). */
    deleteWithExtras: deletion.delete,
    deleteProgress: deletion.progress,
    cancelDelete: deletion.cancel,

    /** Transfer targets: members holding the Editor role (admins hold it too). */
    editorMembers: async (): Promise<Member[]> => (await organization().members()).filter((member) => holdsRole(member.roles, 'ORG_EDITOR')),
  };
}
