// What the renderer asks about API keys, for the organization of the current session:
// the grid's query mapped to the server's, the wizard's create with its Idempotency-Key,
// the deletion dialog's owned resources, transfer targets and delete.
import type { ApiKeyListParams } from '../../shared/api-key-list-query';
import type { ApiKey, ApiKeyListPage, DeleteApiKeyResult, Member, OwnedResources } from '../../shared/api-types';
import { AppError, isAppError } from '../../shared/errors';
import type { IpcParsedRequest } from '../../shared/ipc-contract';
import type { Logger } from '../logger';
import type { BoundOrganizationClient } from '../organization-client/bound-organization-client';
import type { SecretVault } from './secret-vault';

export function toServerQuery(query: IpcParsedRequest<'listApiKeys'>): ApiKeyListParams {
  return {
    page: query.page,
    size: query.pageSize,
    sort: { field: query.sortField, direction: query.sortDirection },
    ...(query.search ? { search: query.search } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
}

export function secretLost(title: string, apiKeyId: string): AppError {
  return new AppError(
    'SECRET_LOST',
    `The key "${title}" was created (id ${apiKeyId}) but its secret was lost in transit. Delete it and create a new one.`,
    { apiKeyId },
  );
}

export function createApiKeyService(options: {
  /** The current session's organization API (throws NOT_CONNECTED without a session). */
  organization: () => BoundOrganizationClient;
  vault: SecretVault;
  log: Logger;
}) {
  const { organization, vault, log } = options;

  return {
    list: async (query: IpcParsedRequest<'listApiKeys'>): Promise<ApiKeyListPage> => organization().listApiKeys(toServerQuery(query)),

    get: async (apiKeyId: string): Promise<ApiKey> => organization().getApiKey(apiKeyId),

    async create(request: IpcParsedRequest<'createApiKey'>): Promise<{ apiKey: ApiKey; secret: string }> {
      const body = { title: request.title, role: request.role, expirationDate: request.expirationDate };
      const attempt = () => organization().createApiKey(body, request.idempotencyKey);
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
          throw secretLost(request.title, apiKeyId);
        }
        throw error;
      }
      vault.keep(created.apiKey.id, created.secret);
      log.info('API key created', { apiKeyId: created.apiKey.id, role: created.apiKey.role });
      return created;
    },

    ownedResources: async (apiKeyId: string): Promise<OwnedResources> => organization().ownedResources(apiKeyId),

    async delete(request: IpcParsedRequest<'deleteApiKey'>): Promise<DeleteApiKeyResult> {
      const result = await organization().deleteApiKey(request.id, request.resources);
      vault.forget(request.id);
      log.info('API key deleted', { apiKeyId: request.id, transferred: result.transferredTo !== null });
      return result;
    },

    /** Transfer targets: user members holding the Editor role (admins hold it too). */
    editorMembers: async (): Promise<Member[]> =>
      (await organization().members('ORG_EDITOR')).filter((member) => member.roles.includes('ORG_EDITOR')),
  };
}
