// Map configuration service: data sources, projects with layers, and their permission
// entries, so that keys really come to own things. Reading needs ORG_VIEWER, creating
// ORG_EDITOR; users and API keys alike may call these.
import { z } from 'zod';
import { permissionEntrySchema, type PermissionEntry } from '../../shared/api-types';
import { restRoutes } from '../../shared/rest-routes';
import { authenticate, requireOrganizationRole, type Principal } from '../auth/principal';
import { inTransaction } from '../db/database';
import { HttpError, notFound } from '../http/http-error';
import { parseQuery } from '../http/query';
import { parseJsonBody } from '../http/read-body';
import type { RequestContext, Router } from '../http/router';
import type { ServerContext } from '../server-context';
import { apiKeyExists } from '../store/api-key-store';
import { membershipRole } from '../store/membership-store';
import {
  existingDataSourceIds,
  insertDataSource,
  insertProject,
  listDataSources,
  listProjects,
  permissionsOf,
  readPermissions,
  replacePermissions,
  resourceExists,
} from '../store/resource-store';

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const nameSchema = z
  .string()
  .trim()
  .min(1, 'The name is required.')
  .max(200, 'The name must be at most 200 characters.')
  .refine((name) => !CONTROL_CHARACTERS.test(name), 'The name must not contain control characters.');
const dataSourceBody = z.strictObject({ name: nameSchema });
const projectBody = z.strictObject({
  name: nameSchema,
  layers: z.array(z.strictObject({ name: nameSchema, dataSourceId: z.uuid('dataSourceId must be a data source id (a UUID).') })).max(500).default([]),
});
const permissionsBody = z.array(permissionEntrySchema.extend({ permissions: permissionEntrySchema.shape.permissions.min(1) })).max(1000);
const noQuery = z.strictObject({});

const RESOURCES = [
  { permissions: restRoutes.dataSourcePermissions, type: 'DATA_SOURCE', label: 'data source' },
  { permissions: restRoutes.projectPermissions, type: 'PROJECT', label: 'project' },
] as const;

export function registerMcsRoutes(router: Router, ctx: ServerContext): void {
  const { db } = ctx;
  const caller = async ({ req, query, params }: RequestContext<'orgId'>, role: 'ORG_VIEWER' | 'ORG_EDITOR'): Promise<{ principal: Principal; orgId: string }> => {
    const principal = await authenticate(ctx, req, query);
    const { orgId } = params;
    requireOrganizationRole(principal, orgId, role, { allowApiKey: true });
    parseQuery(query, noQuery);
    return { principal, orgId };
  };

  router.add('GET', restRoutes.dataSources, async (request) => ({ status: 200, body: listDataSources(db, (await caller(request, 'ORG_VIEWER')).orgId) }));
  router.add('GET', restRoutes.projects, async (request) => ({ status: 200, body: listProjects(db, (await caller(request, 'ORG_VIEWER')).orgId) }));

  router.add('GET', restRoutes.dataSource, async (request) => {
    const { orgId } = await caller(request, 'ORG_VIEWER');
    const { id } = request.params;
    const [found] = listDataSources(db, orgId, id);
    if (!found) throw notFound('data source', id);
    return { status: 200, body: found };
  });
  router.add('GET', restRoutes.project, async (request) => {
    const { orgId } = await caller(request, 'ORG_VIEWER');
    const { id } = request.params;
    const [found] = listProjects(db, orgId, id);
    if (!found) throw notFound('project', id);
    return { status: 200, body: found };
  });

  router.add('POST', restRoutes.dataSources, async (request) => {
    const { principal, orgId } = await caller(request, 'ORG_EDITOR');
    const { name } = parseJsonBody(request.req, request.rawBody, dataSourceBody);
    const id = inTransaction(db, () => insertDataSource(db, orgId, name, principal, ctx.now()));
    return { status: 201, body: listDataSources(db, orgId, id)[0] };
  });
  router.add('POST', restRoutes.projects, async (request) => {
    const { principal, orgId } = await caller(request, 'ORG_EDITOR');
    const body = parseJsonBody(request.req, request.rawBody, projectBody);
    const wanted = [...new Set(body.layers.map((layer) => layer.dataSourceId))];
    const found = existingDataSourceIds(db, orgId, wanted);
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new HttpError(400, 'UNKNOWN_DATA_SOURCE', `No data source with id ${missing.join(', ')} exists in this organization.`, {
        dataSourceIds: missing,
      });
    }
    const id = inTransaction(db, () => insertProject(db, orgId, body, principal, ctx.now()));
    return { status: 201, body: listProjects(db, orgId, id)[0] };
  });

  for (const resource of RESOURCES) {
    router.add('GET', resource.permissions, async (request) => {
      const { orgId } = await caller(request, 'ORG_VIEWER');
      const { id } = request.params;
      if (!resourceExists(db, resource.type, orgId, id)) throw notFound(resource.label, id);
      return { status: 200, body: readPermissions(db, resource.type, id) };
    });
    router.add('PUT', resource.permissions, async (request) => {
      const { principal, orgId } = await caller(request, 'ORG_VIEWER');
      const { id } = request.params;
      if (!resourceExists(db, resource.type, orgId, id)) throw notFound(resource.label, id);
      if (!principal.roles.includes('ORG_ADMIN') && !permissionsOf(db, resource.type, id, principal).owner) {
        throw new HttpError(403, 'NOT_AN_OWNER', `Only an owner of this ${resource.label} or an administrator may change its permissions.`);
      }
      const entries = parseJsonBody(request.req, request.rawBody, permissionsBody);
      checkEntries(ctx, orgId, entries);
      inTransaction(db, () => replacePermissions(db, resource.type, id, entries));
      return { status: 200, body: readPermissions(db, resource.type, id) };
    });
  }
}

function checkEntries(ctx: ServerContext, orgId: string, entries: readonly PermissionEntry[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = `${entry.principalType}:${entry.principalId}`;
    if (seen.has(key)) {
      throw new HttpError(400, 'DUPLICATE_PRINCIPAL', `${entry.principalType} ${entry.principalId} appears more than once.`, {
        principalId: entry.principalId,
      });
    }
    seen.add(key);
    const exists =
      entry.principalType === 'USER'
        ? membershipRole(ctx.db, orgId, entry.principalId) !== undefined
        : apiKeyExists(ctx.db, orgId, entry.principalId);
    if (!exists) {
      throw new HttpError(
        400,
        'UNKNOWN_PRINCIPAL',
        `${entry.principalType === 'USER' ? 'No member' : 'No API key'} with id ${entry.principalId} exists in this organization.`,
        { principalId: entry.principalId, principalType: entry.principalType },
      );
    }
  }
  if (!entries.some((entry) => entry.permissions.includes('OWNER'))) {
    throw new HttpError(400, 'OWNER_REQUIRED', 'At least one entry must keep the OWNER permission.');
  }
}
