// What an API key owns: the data sources and projects on which it holds OWNER, each with
// all its owners and whether the key is the only one, plus how many entries name it.
import type { OwnedResourcesAnswer } from '../../shared/api-types';
import type { Database } from '../db/database';
import { layersOf, ownersOf, projectNames, type IdSet, type ResourceType } from './resource-store';

/** The resources of one type on which the key holds OWNER. */
const ownedBy = (keyId: string, type: ResourceType): IdSet => ({
  sql: "SELECT resource_id FROM acl_entries INDEXED BY acl_entries_by_principal WHERE principal_type = 'API_KEY' AND principal_id = ? AND resource_type = ? AND owner = 1",
  args: [keyId, type],
});

function named(db: Database, table: 'data_sources', ids: IdSet): { id: string; name: string }[] {
  return db.prepare(`SELECT id, name FROM ${table} WHERE id IN (${ids.sql}) ORDER BY name, id`).all(...ids.args) as unknown as {
    id: string;
    name: string;
  }[];
}

export function ownedResources(db: Database, keyId: string): OwnedResourcesAnswer {
  const dataSourceIds = ownedBy(keyId, 'DATA_SOURCE');
  const projectIds = ownedBy(keyId, 'PROJECT');
  const dataSourceOwners = ownersOf(db, 'DATA_SOURCE', dataSourceIds);
  const projectOwners = ownersOf(db, 'PROJECT', projectIds);
  const layers = layersOf(db, projectIds);
  return {
    dataSources: named(db, 'data_sources', dataSourceIds).map((row) => {
      const owners = dataSourceOwners.get(row.id) ?? [];
      return { ...row, owners, soleOwner: owners.length === 1 };
    }),
    projects: projectNames(db, projectIds).map((row) => {
      const owners = projectOwners.get(row.id) ?? [];
      return { ...row, layers: layers.get(row.id) ?? [], owners, soleOwner: owners.length === 1 };
    }),
    aclEntryCount: aclEntryCount(db, keyId),
  };
}

/** How many permission entries name the key, whatever they grant. */
export function aclEntryCount(db: Database, keyId: string): number {
  const { count } = db
    .prepare("SELECT COUNT(*) AS count FROM acl_entries WHERE principal_type = 'API_KEY' AND principal_id = ?")
    .get(keyId) as { count: number };
  return count;
}

/** How many data sources and projects the key holds OWNER on. */
export function ownedCounts(db: Database, keyId: string): { dataSources: number; projects: number } {
  const rows = db
    .prepare(
      `SELECT resource_type AS type, COUNT(*) AS count FROM acl_entries
       WHERE principal_type = 'API_KEY' AND principal_id = ? AND owner = 1 GROUP BY resource_type`,
    )
    .all(keyId) as unknown as { type: ResourceType; count: number }[];
  const count = (type: ResourceType): number => rows.find((row) => row.type === type)?.count ?? 0;
  return { dataSources: count('DATA_SOURCE'), projects: count('PROJECT') };
}
