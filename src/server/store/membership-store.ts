// Memberships in SQL: who belongs to which organization, with their highest role (roles
// are additive: auth/roles.ts expands one into the roles it implies).
import type { UserRef } from '../../shared/api-types';
import type { OrganizationRole } from '../../shared/roles';
import type { Database } from '../db/database';

export type MemberRow = UserRef & { readonly role: OrganizationRole };

export function insertMembership(db: Database, organizationId: string, userId: string, role: OrganizationRole): void {
  db.prepare('INSERT INTO memberships (organization_id, user_id, role) VALUES (?, ?, ?)').run(organizationId, userId, role);
}

/** The user's highest role in the organization, or undefined when not a member. */
export function membershipRole(db: Database, organizationId: string, userId: string): OrganizationRole | undefined {
  const row = db.prepare('SELECT role FROM memberships WHERE organization_id = ? AND user_id = ?').get(organizationId, userId) as
    | { role: OrganizationRole }
    | undefined;
  return row?.role;
}

/** The organizations the user belongs to, by name, with their Auth0 id and the user's highest role in each. */
export function organizationsOf(db: Database, userId: string): { id: string; name: string; auth0Id: string; role: OrganizationRole }[] {
  return db
    .prepare(
      `SELECT o.id, o.name, o.auth0_id AS auth0Id, m.role FROM memberships m JOIN organizations o ON o.id = m.organization_id
       WHERE m.user_id = ? ORDER BY o.name`,
    )
    .all(userId) as unknown as { id: string; name: string; auth0Id: string; role: OrganizationRole }[];
}

/** The organization's members, by name (case-insensitive), then id. */
export function listMembers(db: Database, organizationId: string): MemberRow[] {
  return db
    .prepare(
      `SELECT u.id, u.name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organization_id = ? ORDER BY u.name COLLATE NOCASE, u.id`,
    )
    .all(organizationId) as unknown as MemberRow[];
}

export function findMember(db: Database, organizationId: string, userId: string): MemberRow | undefined {
  return db
    .prepare(
      `SELECT u.id, u.name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organization_id = ? AND m.user_id = ?`,
    )
    .get(organizationId, userId) as MemberRow | undefined;
}
