// The typed client of the organization's REST API (JMap Cloud, or the local organization
// server that speaks the same contract): one method per endpoint KeyDesk uses, every
// answer validated. Stateless: the caller passes the access token of each call.
import { z } from 'zod';
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
  type ApiKeySortField,
  type ApiKeyStatus,
  type CreateApiKeyBody,
  type CreatedApiKey,
  type DeleteApiKeyResult,
  type Member,
  type OwnedResources,
  type TokenResponse,
  type UserSelf,
} from '../../shared/api-types';
import type { ResourcesFate } from '../../shared/resources-fate';
import type { ApiKeyRole, OrganizationRole } from '../../shared/roles';
import { apiPaths } from './api-paths';
import { silentLogger } from '../logger';
import { createHttpTransport, type HttpTransportOptions } from './http-transport';
import { readRowsTolerantly } from './tolerant-rows';

/** The list query as the server takes it. */
export interface ServerApiKeyQuery {
  page: number;
  size: number;
  sort: `${ApiKeySortField},${'asc' | 'desc'}`;
  search?: string;
  role?: ApiKeyRole;
  status?: ApiKeyStatus;
}

export interface OrganizationClient {
  readonly baseUrl: string;
  authenticate(username: string, password: string): Promise<TokenResponse>;
  refreshToken(refreshToken: string, organizationId: string): Promise<TokenResponse>;
  revokeToken(refreshToken: string): Promise<void>;
  usersSelf(accessToken: string): Promise<UserSelf>;
  members(accessToken: string, organizationId: string, role?: OrganizationRole): Promise<Member[]>;
  /** Rows that do not match the contract are left out and counted (see tolerant-rows.ts). */
  listApiKeys(accessToken: string, organizationId: string, query: ServerApiKeyQuery): Promise<ApiKeyListPage>;
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
        path: apiPaths.authenticate(),
        body: { username, password },
        schema: tokenResponseSchema,
      }),
    refreshToken: (refreshToken, organizationId) =>
      http.request({
        method: 'POST',
        path: apiPaths.refreshToken(),
        body: { refreshToken, organizationId },
        schema: tokenResponseSchema,
      }),
    revokeToken: (refreshToken) =>
      http.request({ method: 'POST', path: apiPaths.revokeToken(), body: { refreshToken }, schema: null }),
    usersSelf: (accessToken) =>
      http.request({ method: 'GET', path: apiPaths.usersSelf(), accessToken, schema: userSelfSchema }),
    members: (accessToken, organizationId, role) =>
      http.request({
        method: 'GET',
        path: apiPaths.members(organizationId),
        query: { role },
        accessToken,
        schema: z.array(memberSchema),
      }),
    listApiKeys: async (accessToken, organizationId, query) => {
      const path = apiPaths.apiKeys(organizationId);
      const frame = await http.request({ method: 'GET', path, query: { ...query }, accessToken, schema: apiKeyPageFrameSchema });
      const { rows, unreadable } = readRowsTolerantly(frame.content, apiKeySchema, { method: 'GET', path }, log);
      return { content: rows, page: frame.page, unreadableRows: unreadable };
    },
    getApiKey: (accessToken, organizationId, apiKeyId) =>
      http.request({ method: 'GET', path: apiPaths.apiKey(organizationId, apiKeyId), accessToken, schema: apiKeySchema }),
    createApiKey: (accessToken, organizationId, body, idempotencyKey) =>
      http.request({
        method: 'POST',
        path: apiPaths.apiKeys(organizationId),
        body,
        accessToken,
        headers: { 'Idempotency-Key': idempotencyKey },
        schema: createdApiKeySchema,
      }),
    ownedResources: (accessToken, organizationId, apiKeyId) =>
      http.request({
        method: 'GET',
        path: apiPaths.ownedResources(organizationId, apiKeyId),
        accessToken,
        schema: ownedResourcesSchema,
      }),
    deleteApiKey: (accessToken, organizationId, apiKeyId, resources) =>
      http.request({
        method: 'DELETE',
        path: apiPaths.apiKey(organizationId, apiKeyId),
        query: deleteQuery(resources),
        accessToken,
        schema: deleteApiKeyResultSchema,
      }),
  };
}
