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
  memberSelfSchema,
  ownedResourcesAnswerSchema,
  tokenResponseSchema,
  userSelfSchema,
  pageInfoSchema,
  type ApiKey,
  type ApiKeyListPage,
  type CreateApiKeyBody,
  type CreatedApiKey,
  type DeleteApiKeyResult,
  type Member,
  type MemberSelf,
  type TokenResponse,
  type UserSelf,
} from '../../shared/api-types';
import type { EditApiKeyBody } from '../../shared/api-key-edit';
import type { ResourcesFate } from '../../shared/resources-fate';
import { restRoutes } from '../../shared/rest-routes';
import { NO_EXTENSIONS, serverCapabilitiesSchema, type ServerCapabilities } from '../../shared/server-capabilities';
import { AppError } from '../../shared/errors';
import { silentLogger } from '../logger';
import { createHttpTransport, type HttpTransportOptions } from './http-transport';
import { createResourceMethods, type ResourceMethods } from './resource-methods';
import { readRowsTolerantly } from './tolerant-rows';

/** The owned-resources extension's answer, project names in every language. */
export type OwnedResourcesOnServer = z.output<typeof ownedResourcesAnswerSchema>;

export interface OrganizationClient extends ResourceMethods {
  readonly baseUrl: string;
  authenticate(username: string, password: string): Promise<TokenResponse>;
  refreshToken(refreshToken: string, organizationId: string): Promise<TokenResponse>;
  revokeToken(refreshToken: string): Promise<void>;
  usersSelf(accessToken: string): Promise<UserSelf>;
  /** The signed-in user's membership of an organization: its roles there. */
  membersSelf(accessToken: string, organizationId: string): Promise<MemberSelf>;
  /** What the server offers beyond JMap Cloud's public API; NO_EXTENSIONS where it says nothing. */
  capabilities(): Promise<ServerCapabilities>;
  /** Every member; rows that do not match the contract are left out (see tolerant-rows.ts). */
  members(accessToken: string, organizationId: string): Promise<Member[]>;
  /** Rows that do not match the contract are left out and counted (see tolerant-rows.ts). */
  listApiKeys(accessToken: string, organizationId: string, query: ApiKeyListParams): Promise<ApiKeyListPage>;
  getApiKey(accessToken: string, organizationId: string, apiKeyId: string): Promise<ApiKey>;
  createApiKey(
    accessToken: string,
    organizationId: string,
    body: CreateApiKeyBody,
    idempotencyKey: string,
  ): Promise<CreatedApiKey>;
  /** Extension (`capabilities.apiKeyEdit`): a new title and/or expiration, the same secret. */
  editApiKey(accessToken: string, organizationId: string, apiKeyId: string, changes: EditApiKeyBody): Promise<ApiKey>;
  /** Extension (`capabilities.ownedResources`): what the key owns, in one request. */
  ownedResources(accessToken: string, organizationId: string, apiKeyId: string): Promise<OwnedResourcesOnServer>;
  /**
   * JMap Cloud's delete: the key, with what it owned alone (the portal's guide). Send it only
   * for a key that owns nothing, or when the admin chose to delete its resources with it.
   */
  deleteApiKey(accessToken: string, organizationId: string, apiKeyId: string): Promise<void>;
  /** Extension (`capabilities.deleteWithResourcesFate`): the delete with its resources' fate, in one transaction. */
  deleteApiKeyWithResources(
    accessToken: string,
    organizationId: string,
    apiKeyId: string,
    resources: ResourcesFate,
  ): Promise<DeleteApiKeyResult>;
}

export type OrganizationClientOptions = HttpTransportOptions;

/** The page's frame is checked at once; its rows one by one. */
const apiKeyPageFrameSchema = z.object({ content: z.array(z.unknown()), page: pageInfoSchema });

/** A list as an array, or as a Spring page's `content` (nothing public says which JMap Cloud sends). */
const listFrameSchema = z.union([z.array(z.unknown()), z.object({ content: z.array(z.unknown()) }).transform((page) => page.content)]);

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
    ...createResourceMethods(http, log),
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
    membersSelf: (accessToken, organizationId) =>
      http.request({ method: 'GET', path: restRoutes.membersSelf.path({ orgId: organizationId }), accessToken, schema: memberSelfSchema }),
    capabilities: async () => {
      try {
        return await http.request({ method: 'GET', path: restRoutes.capabilities.path(), schema: serverCapabilitiesSchema });
      } catch (error) {
        // JMap Cloud has no such document: whatever it answers (404, a refusal, a page that is
        // not the document, even no answer) means its public API and nothing more, on which
        // every flow works.
        log.info('The server advertises no extensions', { code: error instanceof AppError ? error.code : 'unknown' });
        return NO_EXTENSIONS;
      }
    },
    members: async (accessToken, organizationId) => {
      const path = restRoutes.members.path({ orgId: organizationId });
      const rows = await http.request({ method: 'GET', path, accessToken, schema: listFrameSchema });
      return readRowsTolerantly(rows, memberSchema, { method: 'GET', path }, log).rows;
    },
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
    editApiKey: (accessToken, organizationId, apiKeyId, changes) =>
      http.request({
        method: 'PATCH',
        path: restRoutes.apiKey.path({ orgId: organizationId, keyId: apiKeyId }),
        body: changes,
        accessToken,
        schema: apiKeySchema,
      }),
    ownedResources: (accessToken, organizationId, apiKeyId) =>
      http.request({
        method: 'GET',
        path: restRoutes.ownedResources.path({ orgId: organizationId, keyId: apiKeyId }),
        accessToken,
        schema: ownedResourcesAnswerSchema,
      }),
    deleteApiKey: (accessToken, organizationId, apiKeyId) =>
      http.request({ method: 'DELETE', path: restRoutes.apiKey.path({ orgId: organizationId, keyId: apiKeyId }), accessToken, schema: null }),
    deleteApiKeyWithResources: (accessToken, organizationId, apiKeyId, resources) =>
      http.request({
        method: 'DELETE',
        path: restRoutes.apiKey.path({ orgId: organizationId, keyId: apiKeyId }),
        query: deleteQuery(resources),
        accessToken,
        schema: deleteApiKeyResultSchema,
      }),
  };
}
