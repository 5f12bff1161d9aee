// A resource's permission entries, in JMap Cloud's shape (src/shared/resource-permissions.ts):
// GET lists them, GET …/self gives the caller's, POST adds, PUT changes, DELETE removes.
// Reading needs ORG_VIEWER; a change needs an owner of the resource or an administrator,
// and must leave at least one OWNER. Each change is one transaction.
import { z } from 'zod';
import {
  permissionChangesSchema,
  permissionRemovalQuerySchema,
  type PermissionEntry,
} from '../../shared/resource-permissions';
import { restRoutes } from '../../shared/rest-routes';
import { authenticate, requireOrganizationRole, type Principal } from '../auth/principal';
import { inTransaction, type Database } from '../db/database';
import { HttpError, notFound } from '../http/http-error';
import { parseQuery } from '../http/query';
import { parseJsonBody } from '../http/read-body';
import type { RequestContext, Router } from '../http/router';
import type { ServerContext } from '../server-context';
import { apiKeyExists } from '../store/api-key-store';
import { membershipRole } from '../store/membership-store';
import {
  permissionsOf,
  readPermissions,
  readTypedPermissions,
  replacePermissions,
  resourceExists,
  type TypedPermissionEntry,
} from '../store/resource-store';

const RESOURCES = [
  { list: restRoutes.dataSourcePermissions, self: restRoutes.dataSourcePermissionsSelf, type: 'DATA_SOURCE', label: 'data source' },
  { list: restRoutes.projectPermissions, self: restRoutes.projectPermissionsSelf, type: 'PROJECT', label: 'project' },
] as const;

type Resource = (typeof RESOURCES)[number];
type Changes = z.output<typeof permissionChangesSchema>;

export function registerPermissionRoutes(router: Router, ctx: ServerContext): void {
  const { db } = ctx;

  /** The caller, checked to be of the organization, and the resource, checked to exist. */
  async function target(
    request: RequestContext<'orgId' | 'id'>,
    resource: Resource,
    query: z.ZodType = z.strictObject({}),
  ): Promise<{ principal: Principal; orgId: string; id: string }> {
    const principal = await authenticate(ctx, request.req, request.query);
    const { orgId, id } = request.params;
    requireOrganizationRole(principal, orgId, 'ORG_VIEWER', { allowApiKey: true });
    parseQuery(request.query, query);
    if (!resourceExists(db, resource.type, orgId, id)) throw notFound(resource.label, id);
    return { principal, orgId, id };
  }

  function requireChanger(principal: Principal, resource: Resource, id: string): void {
    if (!principal.roles.includes('ORG_ADMIN') && !permissionsOf(db, resource.type, id, principal).owner) {
      throw new HttpError(403, 'NOT_AN_OWNER', `Only an owner of this ${resource.label} or an administrator may change its permissions.`);
    }
  }

  /** Writes the list a change leads to, and answers with the list as it now is. */
  function write(resource: Resource, id: string, entries: readonly TypedPermissionEntry[]): { status: number; body: PermissionEntry[] } {
    if (!entries.some((entry) => entry.permissions.includes('OWNER'))) {
      throw new HttpError(400, 'OWNER_REQUIRED', `At least one entry must keep the OWNER permission: a ${resource.label} cannot be left without an owner.`);
    }
    inTransaction(db, () => replacePermissions(db, resource.type, id, entries));
    return { status: 200, body: readPermissions(db, resource.type, id) };
  }

  for (const resource of RESOURCES) {
    router.add('GET', resource.list, async (request) => {
      const { id } = await target(request, resource);
      return { status: 200, body: readPermissions(db, resource.type, id) };
    });

    // The caller's own entry, as a list (empty without one), as the QGIS plugin reads it.
    router.add('GET', resource.self, async (request) => {
      const { principal, id } = await target(request, resource);
      const own = readTypedPermissions(db, resource.type, id).filter(
        (entry) => entry.principalType === principal.type && entry.principalId === principal.id,
      );
      return { status: 200, body: own.map((entry) => ({ principal: entry.principalId, permissions: entry.permissions })) };
    });

    router.add('POST', resource.list, async (request) => {
      const { principal, orgId, id } = await target(request, resource);
      requireChanger(principal, resource, id);
      const changes = readChanges(request, ctx, orgId);
      const current = readTypedPermissions(db, resource.type, id);
      const existing = changes.find((change) => current.some((entry) => entry.principalId === change.principalId));
      if (existing) {
        throw new HttpError(409, 'PERMISSION_EXISTS', `${existing.principalId} already has an entry on this ${resource.label}: change it with PUT.`, {
          principal: existing.principalId,
        });
      }
      return write(resource, id, [...current, ...changes]);
    });

    router.add('PUT', resource.list, async (request) => {
      const { principal, orgId, id } = await target(request, resource);
      requireChanger(principal, resource, id);
      const changes = readChanges(request, ctx, orgId);
      const current = readTypedPermissions(db, resource.type, id);
      const missing = changes.find((change) => !current.some((entry) => entry.principalId === change.principalId));
      if (missing) {
        throw new HttpError(404, 'NO_PERMISSION_ENTRY', `${missing.principalId} has no entry on this ${resource.label}: add one with POST.`, {
          principal: missing.principalId,
        });
      }
      const changed = new Map(changes.map((change) => [change.principalId, change.permissions]));
      return write(resource, id, current.map((entry) => ({ ...entry, permissions: changed.get(entry.principalId) ?? entry.permissions })));
    });

    // Removing an entry that is not there changes nothing and succeeds: a retried DELETE is safe.
    router.add('DELETE', resource.list, async (request) => {
      const { principal, id } = await target(request, resource, permissionRemovalQuerySchema);
      requireChanger(principal, resource, id);
      const { principals } = parseQuery(request.query, permissionRemovalQuerySchema);
      const removed = new Set(principals);
      return write(resource, id, readTypedPermissions(db, resource.type, id).filter((entry) => !removed.has(entry.principalId)));
    });
  }
}

/** The body's entries, each principal found among the organization's members and keys. */
function readChanges(request: RequestContext, ctx: ServerContext, orgId: string): TypedPermissionEntry[] {
  const changes: Changes = parseJsonBody(request.req, request.rawBody, permissionChangesSchema);
  const seen = new Set<string>();
  return changes.map((change) => {
    if (seen.has(change.principal)) {
      throw new HttpError(400, 'DUPLICATE_PRINCIPAL', `${change.principal} appears more than once.`, { principal: change.principal });
    }
    seen.add(change.principal);
    return { principalId: change.principal, principalType: principalType(ctx.db, orgId, change.principal), permissions: [...new Set(change.permissions)] };
  });
}

/** A principal is a member (a user) or an API key of the organization; ids are UUIDs, so never both. */
function principalType(db: Database, orgId: string, principal: string): TypedPermissionEntry['principalType'] {
  if (membershipRole(db, orgId, principal) !== undefined) return 'USER';
  if (apiKeyExists(db, orgId, principal)) return 'API_KEY';
  throw new HttpError(400, 'UNKNOWN_PRINCIPAL', `No member or API key with id ${principal} exists in this organization.`, { principal });
}
