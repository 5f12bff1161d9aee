// Organizations in SQL (the local server has no endpoint that creates one: the seed does).
import type { Database } from '../db/database';

export function insertOrganization(db: Database, organization: { id: string; name: string }): void {
  db.prepare('INSERT INTO organizations (id, name) VALUES (?, ?)').run(organization.id, organization.name);
}

export function organizationExists(db: Database, organizationId: string): boolean {
  return db.prepare('SELECT 1 FROM organizations WHERE id = ?').get(organizationId) !== undefined;
}

/** A new database: no organization yet (the demo seed goes only into one). */
export function isDatabaseEmpty(db: Database): boolean {
  return db.prepare('SELECT 1 FROM organizations LIMIT 1').get() === undefined;
}
