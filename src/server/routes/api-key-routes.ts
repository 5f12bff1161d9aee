// API keys of an organization, for its administrators (never for API keys themselves).
import { z } from 'zod';
import { editApiKeyBodySchema } from '../../shared/api-key-edit';
import { API_KEY_EXTENSION_SORT_FIELDS, createApiKeyBodySchema, type CreatedApiKey, type UserRef } from '../../shared/api-types';
import { apiKeyListQuerySchema } from '../../shared/api-key-list-query';
import type { ResourcesFate } from '../../shared/resources-fate';
import { restRoutes } from '../../shared/rest-routes';
import { API_KEY_LIST_FILTERS } from '../../shared/server-capabilities';
import { ORGANIZATION_ROLES } from '../../shared/roles';
import { generateApiKeySecret, sha256Hex } from '../auth/api-key-secret';
import { authenticate, requireOrganizationRole, type Principal } from '../auth/principal';
import { rolesFrom } from '../auth/roles';
import { inTransaction, type Database } from '../db/database';
import { HttpError, notFound } from '../http/http-error';
import { parseQuery } from '../http/query';
import { parseJsonBody } from '../http/read-body';
import type { RequestContext, Router } from '../http/router';
import type { ServerContext } from '../server-context';
import { listApiKeys } from '../store/api-key-list';
import { findApiKey, insertApiKey, toApiKey, updateApiKey } from '../store/api-key-store';
import { deleteApiKey } from '../store/delete-api-key';
import { checkIdempotency, readIdempotencyKey, recordIdempotency } from '../store/idempotency-store';
import { findMember } from '../store/membership-store';
import { ownedCounts, ownedResources } from '../store/owned-resources';
import { findUser } from '../store/user-store';
import { parseExpirationDate } from './expiration-date';

// ORG_ADMIN is parsed so that it gets its own, clearer error than "invalid option".
const createBody = createApiKeyBodySchema.extend({
  role: z.enum(ORGANIZATION_ROLES, { error: 'role must be ORG_EDITOR or ORG_VIEWER.' }),
});

export function registerApiKeyRoutes(router: Router, ctx: ServerContext): void {
  const { db } = ctx;

  /** Authenticates and checks the caller is a user administering the path's organization. */
  const admin = async ({ req, query, params }: RequestContext<'orgId'>): Promise<Principal & { organizationId: string }> => {
    const principal = await authenticate(ctx, req, query);
    const { orgId } = params;
    requireOrganizationRole(principal, orgId, 'ORG_ADMIN', { allowApiKey: false });
    return { ...principal, organizationId: orgId };
  };

  router.add('GET', restRoutes.apiKeys, async (request) => {
    const { organizationId } = await admin(request);
    refuseUnofferedListParameters(ctx, request.query);
    const query = parseQuery(request.query, apiKeyListQuerySchema);
    const page = listApiKeys(
      db,
      organizationId,
      { ...query, sort: query.sort.field, direction: query.sort.direction },
      ctx.now(),
    );
    return { status: 200, body: page };
  });

  router.add('POST', restRoutes.apiKeys, async (request) => {
    const principal = await admin(request);
    parseQuery(request.query, z.strictObject({}));
    const idempotencyKey = readIdempotencyKey(request.req.headers['idempotency-key']);
    const body = parseJsonBody(request.req, request.rawBody, createBody);
    const { role } = body;
    if (role === 'ORG_ADMIN') {
      throw new HttpError(400, 'INVALID_API_KEY_ROLE', 'An API key can only be Editor (ORG_EDITOR) or Viewer (ORG_VIEWER), never Administrator.', {
        role,
      });
    }
    const now = ctx.now();
    const expirationDate = parseExpirationDate(body.expirationDate, now);
    const scope = idempotencyKey === null ? null : { organizationId: principal.organizationId, userId: principal.id, key: idempotencyKey };
    const requestHash = sha256Hex(JSON.stringify([body.title, role, expirationDate]));
    // admin() has just checked that the signed-in user exists.
    const creator = findUser(db, principal.id);
    if (!creator) throw new Error('The signed-in user cannot be read back.');
    const secret = generateApiKeySecret();
    const id = inTransaction(db, () => {
      if (scope) checkIdempotency(db, scope, requestHash, now);
      const keyId = insertApiKey(db, {
        organizationId: principal.organizationId,
        title: body.title,
        role,
        creator,
        creationDate: now.toISOString(),
        expirationDate,
        secret,
      });
      if (scope) recordIdempotency(db, scope, requestHash, keyId, now);
      return keyId;
    });
    const row = findApiKey(db, principal.organizationId, id);
    if (!row) throw new Error('The key just created cannot be read back.');
    const created: CreatedApiKey = { apiKey: toApiKey(row, now), secret };
    return { status: 201, body: created, headers: { Location: `${request.req.url?.split('?')[0] ?? ''}/${id}` } };
  });

  router.add('GET', restRoutes.apiKey, async (request) => {
    const { organizationId } = await admin(request);
    parseQuery(request.query, z.strictObject({}));
    const { keyId } = request.params;
    const row = findApiKey(db, organizationId, keyId);
    if (!row) throw notFound('API key', keyId);
    return { status: 200, body: toApiKey(row, ctx.now()) };
  });

  if (ctx.extensions.ownedResources) {
    router.add('GET', restRoutes.ownedResources, async (request) => {
      const { organizationId } = await admin(request);
      parseQuery(request.query, z.strictObject({}));
      const { keyId } = request.params;
      if (!findApiKey(db, organizationId, keyId)) throw notFound('API key', keyId);
      return { status: 200, body: ownedResources(db, keyId) };
    });
  }

  if (ctx.extensions.apiKeyEdit) {
    // The edit extension: a new title and/or expiration, the secret unchanged. The date obeys
    // the create's bound (in the future, at most a year from now), so an edit can renew a key
    // for at most a year at a time, as a new key would be.
    router.add('PATCH', restRoutes.apiKey, async (request) => {
      const { organizationId } = await admin(request);
      parseQuery(request.query, z.strictObject({}));
      const body = parseJsonBody(request.req, request.rawBody, editApiKeyBodySchema);
      const { keyId } = request.params;
      if (!findApiKey(db, organizationId, keyId)) throw notFound('API key', keyId);
      const now = ctx.now();
      const expirationDate = body.expirationDate === undefined ? undefined : parseExpirationDate(body.expirationDate, now);
      inTransaction(db, () => updateApiKey(db, keyId, { title: body.title, expirationDate }));
      const row = findApiKey(db, organizationId, keyId);
      if (!row) throw new Error('The key just changed cannot be read back.');
      return { status: 200, body: toApiKey(row, now), message: 'The API key was changed' };
    });
  }

  router.add('DELETE', restRoutes.apiKey, async (request) => {
    const { organizationId } = await admin(request);
    if (!ctx.extensions.deleteWithResourcesFate) {
      // JMap Cloud's delete, as the portal's guide tells it: what the key alone owned goes with it.
      parseQuery(request.query, z.strictObject({}));
      const { keyId } = request.params;
      if (!findApiKey(db, organizationId, keyId)) throw notFound('API key', keyId);
      deleteApiKey(db, { keyId, resources: { kind: 'delete-with-key' } }, ctx.hooks.onDeleteStep);
      return { status: 204 };
    }
    const query = parseQuery(request.query, deleteQuery);
    if (query.transferTo !== undefined && query.deleteResources !== undefined) {
      throw new HttpError(400, 'CONFLICTING_PARAMETERS', 'Give either transferTo or deleteResources, not both.');
    }
    const { keyId } = request.params;
    if (!findApiKey(db, organizationId, keyId)) throw notFound('API key', keyId);
    // The REST query mapped to the one type the delete plan takes (shared/resources-fate.ts).
    const resources: ResourcesFate<UserRef> =
      query.transferTo !== undefined
        ? { kind: 'transfer', to: transferTarget(db, organizationId, query.transferTo) }
        : query.deleteResources === 'true'
          ? { kind: 'delete-with-key' }
          : { kind: 'nothing-owned' };
    if (resources.kind === 'nothing-owned') {
      const owned = ownedCounts(db, keyId);
      if (owned.dataSources + owned.projects > 0) {
        throw new HttpError(
          409,
          'RESOURCES_OWNED',
          `This key owns ${owned.dataSources} data source(s) and ${owned.projects} project(s): transfer them to an Editor member (transferTo) or delete them (deleteResources=true).`,
          owned,
        );
      }
    }
    return { status: 200, body: deleteApiKey(db, { keyId, resources }, ctx.hooks.onDeleteStep) };
  });
}

/**
 * The key list's filters are extensions: a profile that does not offer one refuses it by
 * name, rather than answering an unfiltered page that a client would take for filtered.
 */
function refuseUnofferedListParameters(ctx: ServerContext, query: URLSearchParams): void {
  for (const filter of API_KEY_LIST_FILTERS) {
    if (query.has(filter) && !ctx.extensions.apiKeyListFilters.includes(filter)) {
      throw new HttpError(400, 'INVALID_QUERY_PARAMETER', `This server does not filter API keys by "${filter}".`, { parameter: filter });
    }
  }
  if (query.get('status') === 'EXPIRING_SOON' && !ctx.extensions.expiringSoonStatus) {
    throw new HttpError(400, 'INVALID_QUERY_PARAMETER', 'This server has no EXPIRING_SOON status.', { parameter: 'status' });
  }
  const sortField = (query.get('sort') ?? '').split(',')[0] ?? '';
  const extensionSort = API_KEY_EXTENSION_SORT_FIELDS.find((field) => field === sortField);
  if (extensionSort !== undefined && !ctx.extensions.apiKeyListSorts.includes(extensionSort)) {
    throw new HttpError(400, 'INVALID_QUERY_PARAMETER', `This server does not sort API keys by "${sortField}".`, { parameter: 'sort' });
  }
}

const deleteQuery = z.strictObject({
  transferTo: z.string().optional(),
  deleteResources: z.enum(['true', 'false'], { error: 'deleteResources must be true or false.' }).optional(),
});

/** The member who will receive the key's resources: a user of the organization holding ORG_EDITOR. */
function transferTarget(db: Database, organizationId: string, memberId: string): UserRef {
  const member = findMember(db, organizationId, memberId);
  if (!member || !rolesFrom(member.role).includes('ORG_EDITOR')) {
    throw new HttpError(
      400,
      'INVALID_TRANSFER_TARGET',
      'The resources can only be transferred to a member of this organization who has the Editor role.',
      { transferTo: memberId },
    );
  }
  return { id: member.id, name: member.name, email: member.email };
}
