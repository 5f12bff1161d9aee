// Who may manage API keys where (an administrator of the organization), and what a
// connection is called, for every way of signing in.
import type { OrganizationMembership } from '../../shared/api-types';
import { AppError } from '../../shared/errors';

export const LOCAL_CONNECTION_LABEL = 'Local organization';

/** A saved connection's name: its organization and who signs in. */
export function profileLabel(organizationName: string, username: string): string {
  return `${organizationName} (${username})`;
}

export function notAdministrator(organizationName: string): AppError {
  return new AppError(
    'NOT_ADMINISTRATOR',
    `Managing API keys needs the Administrator role in ${organizationName}. Ask an administrator of ${organizationName} for it.`,
  );
}

export function requireAdmin(organization: OrganizationMembership): void {
  if (!organization.roles.includes('ORG_ADMIN')) throw notAdministrator(organization.name);
}

/** The user's membership of `organizationId`, or NOT_FOUND. */
export function membershipOf(organizations: readonly OrganizationMembership[], organizationId: string): OrganizationMembership {
  const organization = organizations.find((candidate) => candidate.id === organizationId);
  if (!organization) throw new AppError('NOT_FOUND', 'You are not a member of this organization.', { organizationId });
  return organization;
}
