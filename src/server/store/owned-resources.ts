// What an API key owns: the data sources and projects on which it holds OWNER, each with
// all its owners and whether the key is the only one, plus how many entries name it.
import type { OwnedResources } from '../../shared/api-types';
import type { Database } from '../db/database';
import { layersOf, ownersOf, type ResourceType } from './resource-store';

function ownedBy(db: Database, keyId: string, type: ResourceType): { id: string; name: string }[] {
  const table = type === 'DATA_SOURCE' ? 'data_sources' : 'projects';
  return db
    .prepare(
      `SELECT r.id, r.name FROM acl_entries a JOIN ${table} r ON r.id = a.resource_id
       WHERE a.principal_type = 'API_KEY' AND a.principal_id = ? AND a.resource_type = ? AND a.owner = 1
       ORDER BY r.name, r.id`,
    )
    .all(keyId, type) as unknown as { id: string; name: string }[];
}

export function ownedResources(db: Database, keyId: string): OwnedResources {
  const dataSources = ownedBy(db, keyId, 'DATA_SOURCE');
  const projects = ownedBy(db, keyId, 'PROJECT');
  const dataSourceOwners = ownersOf(db, 'DATA_SOURCE', dataSources.map((row) => row.id));
  const projectOwners = ownersOf(db, 'PROJECT', projects.map((row) => row.id));
  const { count } = db
    .prepare("SELECT COUNT(*) AS count FROM acl_entries WHERE principal_type = 'API_KEY' AND principal_id = ?")
    .get(keyId) as { count: number };
  return {
    dataSources: dataSources.map((row) => {
      const owners = dataSourceOwners.get(row.id) ?? [];
      return { ...row, owners, soleOwner: owners.length === 1 };
    }),
    projects: projects.map((row) => {
      const owners = projectOwners.get(row.id) ?? [];
      return { ...row, layers: layersOf(db, row.id), owners, soleOwner: owners.length === 1 };
    }),
    aclEntryCount: count,
  };
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
