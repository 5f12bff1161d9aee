// Organizations in SQL (the local server has no endpoint that creates one: the seed does).
import type { Database } from '../db/database';

/**
 * How an identity provider names the organization (Auth0's `org_…` ids): derived from the id,
 * as migration 6 filled it in for organizations that existed before it.
 */
export function defaultAuth0Id(organizationId: string): string {
  return `org_${organizationId.replaceAll('-', '').slice(0, 16)}`;
}

export function insertOrganization(db: Database, organization: { id: string; name: string; auth0Id?: string }): void {
  db.prepare('INSERT INTO organizations (id, name, auth0_id) VALUES (?, ?, ?)').run(
    organization.id,
    organization.name,
    organization.auth0Id ?? defaultAuth0Id(organization.id),
  );
}

export function organizationExists(db: Database, organizationId: string): boolean {
  return db.prepare('SELECT 1 FROM organizations WHERE id = ?').get(organizationId) !== undefined;
}

/** The organization an identity provider names by its Auth0 id, if any. */
export function findOrganizationByAuth0Id(db: Database, auth0Id: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM organizations WHERE auth0_id = ?').get(auth0Id) as { id: string; name: string } | undefined;
}

/** The Auth0 id of an organization (for the `org_id` claim), if the organization exists. */
export function auth0IdOf(db: Database, organizationId: string): string | undefined {
  const row = db.prepare('SELECT auth0_id FROM organizations WHERE id = ?').get(organizationId) as { auth0_id: string } | undefined;
  return row?.auth0_id;
}

/** A new database: no organization yet (the demo seed goes only into one). */
export function isDatabaseEmpty(db: Database): boolean {
  return db.prepare('SELECT 1 FROM organizations LIMIT 1').get() === undefined;
}
