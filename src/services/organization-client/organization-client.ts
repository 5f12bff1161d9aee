// The typed client of the organization's REST API (JMap Cloud, or the local organization
// server that speaks the same contract): one method per endpoint KeyDesk uses, every
// answer validated. Stateless: the caller passes the access token of each call.
import { z } from 'zod';
import { encodeApiKeyListQuery, type ApiKeyListParams } from '../../shared/api-key-list-query';
import {
  apiKeySchema,
  createdApiKeySchema,
  deleteApiKeyResultSchema,
  memberSchema,
  ownedResourcesSchema,
  tokenResponseSchema,
  userSelfSchema,
  pageInfoSchema,
  type ApiKey,
  type ApiKeyListPage,
  type CreateApiKeyBody,
  type CreatedApiKey,
  type DeleteApiKeyResult,
  type Member,
  type OwnedResources,
  type TokenResponse,
  type UserSelf,
} from '../../shared/api-types';
import type { ResourcesFate } from '../../shared/resources-fate';
import { restRoutes } from '../../shared/rest-routes';
import type { OrganizationRole } from '../../shared/roles';
import { silentLogger } from '../logger';
import { createHttpTransport, type HttpTransportOptions } from './http-transport';
import { readRowsTolerantly } from './tolerant-rows';

export interface OrganizationClient {
  readonly baseUrl: string;
  authenticate(username: string, password: string): Promise<TokenResponse>;
  refreshToken(refreshToken: string, organizationId: string): Promise<TokenResponse>;
  revokeToken(refreshToken: string): Promise<void>;
  usersSelf(accessToken: string): Promise<UserSelf>;
  members(accessToken: string, organizationId: string, role?: OrganizationRole): Promise<Member[]>;
  /** Rows that do not match the contract are left out and counted (see tolerant-rows.ts). */
  listApiKeys(accessToken: string, organizationId: string, query: ApiKeyListParams): Promise<ApiKeyListPage>;
  getApiKey(accessToken: string, organizationId: string, apiKeyId: string): Promise<ApiKey>;
  createApiKey(
    accessToken: string,
    organizationId: string,
    body: CreateApiKeyBody,
    idempotencyKey: string,
  ): Promise<CreatedApiKey>;
  ownedResources(accessToken: string, organizationId: string, apiKeyId: string): Promise<OwnedResources>;
  deleteApiKey(
    accessToken: string,
    organizationId: string,
    apiKeyId: string,
    resources: ResourcesFate,
  ): Promise<DeleteApiKeyResult>;
}

export type OrganizationClientOptions = HttpTransportOptions;

/** The page's frame is checked at once; its rows one by one. */
const apiKeyPageFrameSchema = z.object({ content: z.array(z.unknown()), page: pageInfoSchema });

/** ResourcesFate on the wire: `transferTo=<member id>`, `deleteResources=true`, or neither. */
function deleteQuery(resources: ResourcesFate): Record<string, string | undefined> {
  if (resources.kind === 'transfer') return { transferTo: resources.to };
  if (resources.kind === 'delete-with-key') return { deleteResources: 'true' };
  return {};
}

export function createOrganizationClient(options: OrganizationClientOptions): OrganizationClient {
  const http = createHttpTransport(options);
  const log = options.log ?? silentLogger;
  return {
    baseUrl: http.baseUrl,
    authenticate: (username, password) =>
      http.request({
        method: 'POST',
        path: restRoutes.authenticate.path(),
        body: { username, password },
        schema: tokenResponseSchema,
      }),
    refreshToken: (refreshToken, organizationId) =>
      http.request({
        method: 'POST',
        path: restRoutes.refreshToken.path(),
        body: { refreshToken, organizationId },
        schema: tokenResponseSchema,
      }),
    revokeToken: (refreshToken) =>
      http.request({ method: 'POST', path: restRoutes.revokeToken.path(), body: { refreshToken }, schema: null }),
    usersSelf: (accessToken) =>
      http.request({ method: 'GET', path: restRoutes.usersSelf.path(), accessToken, schema: userSelfSchema }),
    members: (accessToken, organizationId, role) =>
      http.request({
        method: 'GET',
        path: restRoutes.members.path({ orgId: organizationId }),
        query: { role },
        accessToken,
        schema: z.array(memberSchema),
      }),
    listApiKeys: async (accessToken, organizationId, query) => {
      const path = restRoutes.apiKeys.path({ orgId: organizationId });
      const frame = await http.request({ method: 'GET', path, query: encodeApiKeyListQuery(query), accessToken, schema: apiKeyPageFrameSchema });
      const { rows, unreadable } = readRowsTolerantly(frame.content, apiKeySchema, { method: 'GET', path }, log);
      return { content: rows, page: frame.page, unreadableRows: unreadable };
    },
    getApiKey: (accessToken, organizationId, apiKeyId) =>
      http.request({ method: 'GET', path: restRoutes.apiKey.path({ orgId: organizationId, keyId: apiKeyId }), accessToken, schema: apiKeySchema }),
    createApiKey: (accessToken, organizationId, body, idempotencyKey) =>
      http.request({
        method: 'POST',
        path: restRoutes.apiKeys.path({ orgId: organizationId }),
        body,
        accessToken,
        headers: { 'Idempotency-Key': idempotencyKey },
        schema: createdApiKeySchema,
      }),
    ownedResources: (accessToken, organizationId, apiKeyId) =>
      http.request({
        method: 'GET',
        path: restRoutes.ownedResources.path({ orgId: organizationId, keyId: apiKeyId }),
        accessToken,
        schema: ownedResourcesSchema,
      }),
    deleteApiKey: (accessToken, organizationId, apiKeyId, resources) =>
      http.request({
        method: 'DELETE',
        path: restRoutes.apiKey.path({ orgId: organizationId, keyId: apiKeyId }),
        query: deleteQuery(resources),
        accessToken,
        schema: deleteApiKeyResultSchema,
      }),
  };
}
