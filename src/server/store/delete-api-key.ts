// Deleting a key, in one transaction and set-based (a key may own 10,000 resources):
// 1. on a transfer, that member gets OWNER wherever the key had it;
// 2. otherwise, resources the key owned alone are deleted with their dependents
//    (a project's layers, and every layer that uses a deleted data source);
// 3. every permission entry naming the key goes; 4. the key goes.
import type { DeleteApiKeyResult, UserRef } from '../../shared/api-types';
import type { ResourcesFate } from '../../shared/resources-fate';
import { inTransaction, type Database } from '../db/database';
import type { ServerHooks } from '../server-context';
import { aclEntryCount, ownedCounts } from './owned-resources';

export interface DeletePlan {
  keyId: string;
  /** The transfer target is resolved to the member it names (the result says who). */
  resources: ResourcesFate<UserRef>;
}

type Hook = NonNullable<ServerHooks['onDeleteStep']>;

export function deleteApiKey(db: Database, plan: DeletePlan, onStep: Hook = () => undefined): DeleteApiKeyResult {
  return inTransaction(db, () => {
    const { keyId } = plan;
    const transferTo = plan.resources.kind === 'transfer' ? plan.resources.to : null;
    const owned = ownedCounts(db, keyId);
    // Counted first: with deleteResources, some of the key's entries go with their resource.
    const entries = aclEntryCount(db, keyId);
    const result: DeleteApiKeyResult = {
      deletedApiKeyId: keyId,
      transferredTo: transferTo,
      transferred: { dataSources: 0, projects: 0 },
      deleted: { dataSources: 0, projects: 0, layers: 0 },
      aclEntriesRemoved: 0,
    };
    if (transferTo) {
      db.prepare(
        `INSERT INTO acl_entries (resource_type, resource_id, principal_type, principal_id, owner, modify, view)
         SELECT resource_type, resource_id, 'USER', ?, 1, 1, 1 FROM acl_entries
         WHERE principal_type = 'API_KEY' AND principal_id = ? AND owner = 1
         ON CONFLICT DO UPDATE SET owner = 1, modify = 1, view = 1`,
      ).run(transferTo.id, keyId);
      result.transferred = owned;
      onStep('acl-transferred');
    } else {
      result.deleted = deleteSolelyOwned(db, keyId);
      onStep('resources-deleted');
    }
    db.prepare("DELETE FROM acl_entries WHERE principal_type = 'API_KEY' AND principal_id = ?").run(keyId);
    result.aclEntriesRemoved = entries;
    onStep('acl-removed');
    db.prepare('DELETE FROM api_keys WHERE id = ?').run(keyId);
    onStep('key-deleted');
    return result;
  });
}

function deleteSolelyOwned(db: Database, keyId: string): DeleteApiKeyResult['deleted'] {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS doomed_resources (resource_type TEXT NOT NULL, resource_id TEXT NOT NULL, PRIMARY KEY (resource_type, resource_id)) WITHOUT ROWID');
  db.exec('DELETE FROM doomed_resources');
  db.prepare(
    `INSERT INTO doomed_resources (resource_type, resource_id)
     SELECT a.resource_type, a.resource_id FROM acl_entries a
     WHERE a.principal_type = 'API_KEY' AND a.principal_id = ? AND a.owner = 1
       AND NOT EXISTS (SELECT 1 FROM acl_entries b WHERE b.resource_type = a.resource_type AND b.resource_id = a.resource_id
                       AND b.owner = 1 AND NOT (b.principal_type = 'API_KEY' AND b.principal_id = a.principal_id))`,
  ).run(keyId);
  const layers = db
    .prepare(
      `DELETE FROM layers WHERE project_id IN (SELECT resource_id FROM doomed_resources WHERE resource_type = 'PROJECT')
       OR data_source_id IN (SELECT resource_id FROM doomed_resources WHERE resource_type = 'DATA_SOURCE')`,
    )
    .run().changes;
  db.exec(
    `DELETE FROM acl_entries WHERE (resource_type, resource_id) IN (SELECT resource_type, resource_id FROM doomed_resources)`,
  );
  const projects = db.prepare("DELETE FROM projects WHERE id IN (SELECT resource_id FROM doomed_resources WHERE resource_type = 'PROJECT')").run().changes;
  const dataSources = db
    .prepare("DELETE FROM data_sources WHERE id IN (SELECT resource_id FROM doomed_resources WHERE resource_type = 'DATA_SOURCE')")
    .run().changes;
  db.exec('DELETE FROM doomed_resources');
  return { dataSources: Number(dataSources), projects: Number(projects), layers: Number(layers) };
}
