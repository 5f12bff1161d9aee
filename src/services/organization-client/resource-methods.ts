// The organization client's calls to the map configuration service: the organization's
// data sources and projects, and each one's permission entries (list, the caller's own,
// add, change, remove), in the shapes of src/shared/resource-permissions.ts. What the
// guided delete needs on a server without KeyDesk's extensions (JMap Cloud).
import { z } from 'zod';
import {
  encodePermissionRemoval,
  permissionListSchema,
  type PermissionChanges,
  type PermissionEntry,
} from '../../shared/resource-permissions';
import { restRoutes } from '../../shared/rest-routes';
import { translatedNameSchema, type TranslatedName } from '../../shared/translated-name';
import type { Logger } from '../logger';
import type { HttpTransport } from './http-transport';
import { readRowsTolerantly } from './tolerant-rows';

export type ResourceKind = 'dataSource' | 'project';

/** A data source or a project as a list gives it: what KeyDesk reads of it. */
export interface ResourceSummary {
  readonly id: string;
  readonly name: TranslatedName;
}

const summarySchema = z.object({ id: z.string().min(1), name: translatedNameSchema.catch('') });

/**
 * A list: an array, or a Spring page (`content` and, when there are more pages, `totalPages`
 * beside it or in `page`). Nothing public says which JMap Cloud sends; a list that is cut
 * short would hide a resource from the guided delete, so every page is read.
 */
const listFrameSchema = z.union([
  z.array(z.unknown()).transform((rows) => ({ rows, totalPages: 1 })),
  z
    .object({
      content: z.array(z.unknown()),
      totalPages: z.number().int().optional(),
      page: z.object({ totalPages: z.number().int() }).optional(),
    })
    .transform((page) => ({ rows: page.content, totalPages: page.page?.totalPages ?? page.totalPages ?? 1 })),
]);
/** Pages read at most, a bound for a server that never says "last page". */
const MAX_PAGES = 10_000;

export interface ResourceMethods {
  /** The reads take a signal: a scan of every resource is cancellable. */
  dataSources(accessToken: string, organizationId: string, signal?: AbortSignal): Promise<ResourceSummary[]>;
  projects(accessToken: string, organizationId: string, signal?: AbortSignal): Promise<ResourceSummary[]>;
  resourcePermissions(accessToken: string, organizationId: string, kind: ResourceKind, id: string, signal?: AbortSignal): Promise<PermissionEntry[]>;
  /** `…/permissions/self`: the caller's own entry, as a list (empty without one). */
  ownPermissions(accessToken: string, organizationId: string, kind: ResourceKind, id: string): Promise<PermissionEntry[]>;
  addPermissions(accessToken: string, organizationId: string, kind: ResourceKind, id: string, entries: PermissionChanges): Promise<void>;
  updatePermissions(accessToken: string, organizationId: string, kind: ResourceKind, id: string, entries: PermissionChanges): Promise<void>;
  removePermissions(accessToken: string, organizationId: string, kind: ResourceKind, id: string, principals: readonly string[]): Promise<void>;
}

const ROUTES = {
  dataSource: { list: restRoutes.dataSources, permissions: restRoutes.dataSourcePermissions, self: restRoutes.dataSourcePermissionsSelf },
  project: { list: restRoutes.projects, permissions: restRoutes.projectPermissions, self: restRoutes.projectPermissionsSelf },
} as const;

export function createResourceMethods(http: HttpTransport, log: Logger): ResourceMethods {
  async function list(accessToken: string, organizationId: string, kind: ResourceKind, signal?: AbortSignal): Promise<ResourceSummary[]> {
    const path = ROUTES[kind].list.path({ orgId: organizationId });
    const first = await http.request({ method: 'GET', path, accessToken, signal, schema: listFrameSchema });
    const rows = [...first.rows];
    for (let page = 1; page < Math.min(first.totalPages, MAX_PAGES); page++) {
      rows.push(...(await http.request({ method: 'GET', path, query: { page }, accessToken, signal, schema: listFrameSchema })).rows);
    }
    const { rows: read, unreadable } = readRowsTolerantly(rows, summarySchema, { method: 'GET', path }, log);
    // A resource KeyDesk cannot name is still one it must not lose: a row without an id
    // cannot be checked, so the list as a whole is refused rather than read short.
    if (unreadable > 0) throw http.unreadable({ method: 'GET', path });
    return read;
  }

  const permissionsPath = (organizationId: string, kind: ResourceKind, id: string): string => ROUTES[kind].permissions.path({ orgId: organizationId, id });

  return {
    dataSources: (accessToken, organizationId, signal) => list(accessToken, organizationId, 'dataSource', signal),
    projects: (accessToken, organizationId, signal) => list(accessToken, organizationId, 'project', signal),
    resourcePermissions: (accessToken, organizationId, kind, id, signal) =>
      http.request({ method: 'GET', path: permissionsPath(organizationId, kind, id), accessToken, signal, schema: permissionListSchema }),
    ownPermissions: (accessToken, organizationId, kind, id) =>
      http.request({ method: 'GET', path: ROUTES[kind].self.path({ orgId: organizationId, id }), accessToken, schema: permissionListSchema }),
    addPermissions: (accessToken, organizationId, kind, id, entries) =>
      http.request({ method: 'POST', path: permissionsPath(organizationId, kind, id), body: entries, accessToken, schema: null }),
    updatePermissions: (accessToken, organizationId, kind, id, entries) =>
      http.request({ method: 'PUT', path: permissionsPath(organizationId, kind, id), body: entries, accessToken, schema: null }),
    removePermissions: (accessToken, organizationId, kind, id, principals) =>
      http.request({
        method: 'DELETE',
        path: permissionsPath(organizationId, kind, id),
        query: encodePermissionRemoval(principals),
        accessToken,
        schema: null,
      }),
  };
}
