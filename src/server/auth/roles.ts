import { ORGANIZATION_ROLES, type OrganizationRole } from '../../shared/roles';

/** Roles are additive: a member or key with `role` also holds every role below it. */
export function rolesFrom(role: OrganizationRole): OrganizationRole[] {
  return ORGANIZATION_ROLES.slice(ORGANIZATION_ROLES.indexOf(role));
}

/** SQL-side rank, highest first, matching ORGANIZATION_ROLES' order. */
export const roleRank = (role: OrganizationRole): number => ORGANIZATION_ROLES.length - ORGANIZATION_ROLES.indexOf(role);
