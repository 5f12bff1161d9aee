// Data sources, projects (with their layers) and their permission entries in SQL.
import { randomUUID } from 'node:crypto';
import type { DataSource, Layer, Owner } from '../../shared/api-types';
import type { Permission, PermissionEntry } from '../../shared/resource-permissions';
import type { TranslatedName } from '../../shared/translated-name';
import type { Database } from '../db/database';

export type ResourceType = 'DATA_SOURCE' | 'PROJECT';
export interface PrincipalRef {
  readonly type: 'USER' | 'API_KEY';
  readonly id: string;
}

const TABLE: Record<ResourceType, string> = { DATA_SOURCE: 'data_sources', PROJECT: 'projects' };

interface AclRow {
  principal_type: 'USER' | 'API_KEY';
  principal_id: string;
  owner: number;
  modify: number;
  view: number;
}

export function insertDataSource(db: Database, organizationId: string, name: string, creator: PrincipalRef, now: Date): string {
  const id = randomUUID();
  db.prepare('INSERT INTO data_sources (id, organization_id, name, creation_date) VALUES (?, ?, ?, ?)').run(id, organizationId, name, now.toISOString());
  grantOwner(db, 'DATA_SOURCE', id, creator);
  return id;
}

/** A project's name as stored: one of its names for sorting, and every translation (JSON) when it has them. */
function storedName(name: TranslatedName): { name: string; translations: string | null } {
  if (typeof name === 'string') return { name, translations: null };
  const entries = Object.entries(name);
  const sortName = name.en ?? entries[0]?.[1] ?? '';
  return { name: sortName, translations: JSON.stringify(Object.fromEntries(entries)) };
}

/** A project's name as JMap Cloud gives it: per language (one given as a string is English). */
function projectName(row: { name: string; name_translations: string | null }): Readonly<Record<string, string>> {
  return row.name_translations === null ? { en: row.name } : (JSON.parse(row.name_translations) as Record<string, string>);
}

export function insertProject(
  db: Database,
  organizationId: string,
  project: { name: TranslatedName; layers: readonly { name: string; dataSourceId: string }[] },
  creator: PrincipalRef,
  now: Date,
): string {
  const id = randomUUID();
  const { name, translations } = storedName(project.name);
  db.prepare('INSERT INTO projects (id, organization_id, name, name_translations, creation_date) VALUES (?, ?, ?, ?, ?)').run(
    id,
    organizationId,
    name,
    translations,
    now.toISOString(),
  );
  const insertLayer = db.prepare('INSERT INTO layers (id, project_id, data_source_id, name, position) VALUES (?, ?, ?, ?, ?)');
  project.layers.forEach((layer, position) => insertLayer.run(randomUUID(), id, layer.dataSourceId, layer.name, position));
  grantOwner(db, 'PROJECT', id, creator);
  return id;
}

export function grantOwner(db: Database, type: ResourceType, resourceId: string, principal: PrincipalRef): void {
  db.prepare(
    `INSERT INTO acl_entries (resource_type, resource_id, principal_type, principal_id, owner, modify, view, position)
     VALUES (?1, ?2, ?3, ?4, 1, 1, 1,
       (SELECT COALESCE(MAX(position) + 1, 0) FROM acl_entries WHERE resource_type = ?1 AND resource_id = ?2))
     ON CONFLICT DO UPDATE SET owner = 1, modify = 1, view = 1`,
  ).run(type, resourceId, principal.type, principal.id);
}

export function resourceExists(db: Database, type: ResourceType, organizationId: string, id: string): boolean {
  return db.prepare(`SELECT 1 FROM ${TABLE[type]} WHERE organization_id = ? AND id = ?`).get(organizationId, id) !== undefined;
}

/** The existing data-source ids among `ids`, for this organization. */
export function existingDataSourceIds(db: Database, organizationId: string, ids: readonly string[]): Set<string> {
  const found = new Set<string>();
  const statement = db.prepare('SELECT id FROM data_sources WHERE organization_id = ? AND id = ?');
  for (const id of ids) if (statement.get(organizationId, id)) found.add(id);
  return found;
}

const permissionsOfRow = (row: AclRow): Permission[] => [
  ...(row.owner ? ['OWNER' as const] : []),
  ...(row.modify ? ['MODIFY' as const] : []),
  ...(row.view ? ['VIEW' as const] : []),
];

/** A resource's entries in the order they were given, as JMap Cloud lists them: `{principal, permissions}`. */
export function readPermissions(db: Database, type: ResourceType, resourceId: string): PermissionEntry[] {
  return aclRows(db, type, resourceId).map((row) => ({ principal: row.principal_id, permissions: permissionsOfRow(row) }));
}

/** The entries with the kind of each principal (what the server needs to check a change). */
export function readTypedPermissions(db: Database, type: ResourceType, resourceId: string): TypedPermissionEntry[] {
  return aclRows(db, type, resourceId).map((row) => ({ principalId: row.principal_id, principalType: row.principal_type, permissions: permissionsOfRow(row) }));
}

function aclRows(db: Database, type: ResourceType, resourceId: string): AclRow[] {
  return db
    .prepare(
      `SELECT principal_type, principal_id, owner, modify, view FROM acl_entries
       WHERE resource_type = ? AND resource_id = ? ORDER BY position, principal_type DESC, principal_id`,
    )
    .all(type, resourceId) as unknown as AclRow[];
}

/** An entry as stored: the principal with its kind (a user or an API key). */
export interface TypedPermissionEntry {
  readonly principalId: string;
  readonly principalType: 'USER' | 'API_KEY';
  readonly permissions: readonly Permission[];
}

/** Replaces the whole list (the seed; the routes compute the list a change leads to, then write it here). */
export function replacePermissions(db: Database, type: ResourceType, resourceId: string, entries: readonly TypedPermissionEntry[]): void {
  db.prepare('DELETE FROM acl_entries WHERE resource_type = ? AND resource_id = ?').run(type, resourceId);
  const insert = db.prepare(
    `INSERT INTO acl_entries (resource_type, resource_id, principal_type, principal_id, owner, modify, view, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [position, entry] of entries.entries()) {
    const has = (permission: Permission): number => (entry.permissions.includes(permission) ? 1 : 0);
    insert.run(type, resourceId, entry.principalType, entry.principalId, has('OWNER'), has('MODIFY'), has('VIEW'), position);
  }
}

/** The principal's permissions on a resource (empty when it has no entry). */
export function permissionsOf(db: Database, type: ResourceType, resourceId: string, principal: PrincipalRef): { owner: boolean } {
  const row = db
    .prepare('SELECT owner FROM acl_entries WHERE resource_type = ? AND resource_id = ? AND principal_type = ? AND principal_id = ?')
    .get(type, resourceId, principal.type, principal.id) as { owner: number } | undefined;
  return { owner: row?.owner === 1 };
}

/** A set of resource ids as SQL, a subquery and its arguments, so that a page of 10,000
 *  resources takes one query for all their owners rather than one query each. */
export interface IdSet {
  readonly sql: string;
  readonly args: readonly string[];
}

/** Owners of each resource of the set, users and keys, with their display names. */
export function ownersOf(db: Database, type: ResourceType, ids: IdSet): Map<string, Owner[]> {
  const rows = db
    .prepare(
      `SELECT a.resource_id AS resourceId, a.principal_type AS type, a.principal_id AS id,
         COALESCE(u.name, k.title, '(deleted)') AS name
       FROM acl_entries a
       LEFT JOIN users u ON a.principal_type = 'USER' AND u.id = a.principal_id
       LEFT JOIN api_keys k ON a.principal_type = 'API_KEY' AND k.id = a.principal_id
       WHERE a.resource_type = ? AND a.owner = 1 AND a.resource_id IN (${ids.sql})
       ORDER BY a.resource_id, a.principal_type DESC, name`,
    )
    .all(type, ...ids.args) as unknown as (Owner & { resourceId: string })[];
  return groupBy(rows, ({ resourceId, ...owner }) => [resourceId, owner]);
}

/** Layers of each project of the set, in their order. */
export function layersOf(db: Database, projectIds: IdSet): Map<string, Layer[]> {
  const rows = db
    .prepare(
      `SELECT project_id AS projectId, id, name, data_source_id AS dataSourceId FROM layers
       WHERE project_id IN (${projectIds.sql}) ORDER BY project_id, position`,
    )
    .all(...projectIds.args) as unknown as (Layer & { projectId: string })[];
  return groupBy(rows, ({ projectId, ...layer }) => [projectId, layer]);
}

function groupBy<Row, Value>(rows: readonly Row[], split: (row: Row) => [string, Value]): Map<string, Value[]> {
  const groups = new Map<string, Value[]>();
  for (const row of rows) {
    const [key, value] = split(row);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

const inOrganization = (table: string, organizationId: string, id: string | undefined): IdSet =>
  id === undefined
    ? { sql: `SELECT id FROM ${table} WHERE organization_id = ?`, args: [organizationId] }
    : { sql: `SELECT id FROM ${table} WHERE organization_id = ? AND id = ?`, args: [organizationId, id] };

export function listDataSources(db: Database, organizationId: string, id?: string): (DataSource & { owners: Owner[] })[] {
  const ids = inOrganization('data_sources', organizationId, id);
  const rows = db.prepare(`SELECT id, name FROM data_sources WHERE id IN (${ids.sql}) ORDER BY name, id`).all(...ids.args) as unknown as {
    id: string;
    name: string;
  }[];
  const owners = ownersOf(db, 'DATA_SOURCE', ids);
  return rows.map((row) => ({ ...row, owners: owners.get(row.id) ?? [] }));
}

export interface ProjectRecord {
  readonly id: string;
  readonly name: Readonly<Record<string, string>>;
  readonly layers: Layer[];
  readonly owners: Owner[];
}

export function listProjects(db: Database, organizationId: string, id?: string): ProjectRecord[] {
  const ids = inOrganization('projects', organizationId, id);
  const rows = db
    .prepare(`SELECT id, name, name_translations FROM projects WHERE id IN (${ids.sql}) ORDER BY name, id`)
    .all(...ids.args) as unknown as { id: string; name: string; name_translations: string | null }[];
  const owners = ownersOf(db, 'PROJECT', ids);
  const layers = layersOf(db, ids);
  return rows.map((row) => ({ id: row.id, name: projectName(row), layers: layers.get(row.id) ?? [], owners: owners.get(row.id) ?? [] }));
}

/** Names (in every language) of the projects of a set. */
export function projectNames(db: Database, ids: IdSet): { id: string; name: Readonly<Record<string, string>> }[] {
  const rows = db
    .prepare(`SELECT id, name, name_translations FROM projects WHERE id IN (${ids.sql}) ORDER BY name, id`)
    .all(...ids.args) as unknown as { id: string; name: string; name_translations: string | null }[];
  return rows.map((row) => ({ id: row.id, name: projectName(row) }));
}
