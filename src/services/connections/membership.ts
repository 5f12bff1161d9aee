// Who may manage API keys where (an administrator of the organization), where the roles
// come from (JMap Cloud's members/self, not users/self), and what a connection is called,
// for every way of signing in.
import type { OrganizationInfo, OrganizationMembership, UserRef, UserSelf } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import { restRoutes } from '../../shared/rest-routes';
import { holdsRole, type OrganizationRole } from '../../shared/roles';
import { mapLimit } from '../concurrency/map-limit';
import type { Logger } from '../logger';
import type { OrganizationClient } from '../organization-client/organization-client';

export const LOCAL_CONNECTION_LABEL = 'Local organization';

/** Organizations whose roles are asked at once while signing in. */
const ROLE_LOOKUPS_IN_FLIGHT = 4;

/** A saved connection's name: its organization and who signs in. */
export function profileLabel(organizationName: string, username: string): string {
  return `${organizationName} (${username})`;
}

export function notAdministrator(organizationName: string): AppError {
  return AppError.because(
    'NOT_ADMINISTRATOR',
    'not-administrator',
    { organization: organizationName },
    `Managing API keys needs the Administrator role in ${organizationName}. Ask an administrator of ${organizationName} for it.`,
  );
}

/** Refuses an organization in which the user is known not to be an administrator; unknown roles pass (checked once scoped). */
export function refuseKnownNonAdministrator(organization: OrganizationMembership): void {
  if (organization.roles !== null && !holdsRole(organization.roles, 'ORG_ADMIN')) throw notAdministrator(organization.name);
}

/** The user's membership of `organizationId`, or NOT_FOUND. */
export function membershipOf(organizations: readonly OrganizationMembership[], organizationId: string): OrganizationMembership {
  const organization = organizations.find((candidate) => candidate.id === organizationId);
  if (!organization) throw AppError.because('NOT_FOUND', 'not-a-member', {}, 'You are not a member of this organization.', { organizationId });
  return organization;
}

/** The list with one organization's roles now known. */
export function withRoles(organizations: readonly OrganizationMembership[], organizationId: string, roles: OrganizationRole[]): OrganizationMembership[] {
  return organizations.map((organization) => (organization.id === organizationId ? { ...organization, roles } : organization));
}

/**
 * The user's roles in each organization, from members/self with the token at hand. A server
 * may answer that only for the organization a session is scoped to: a refusal leaves those
 * roles unknown (null), to be read once the user chooses that organization.
 */
export async function lookUpRoles(
  client: OrganizationClient,
  accessToken: string,
  organizations: readonly OrganizationInfo[],
  log: Logger,
): Promise<OrganizationMembership[]> {
  return mapLimit(organizations, ROLE_LOOKUPS_IN_FLIGHT, async (organization) => {
    try {
      const { roles } = await client.membersSelf(accessToken, organization.id);
      return { ...organization, roles };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      log.info('The roles in an organization are not known before it is chosen', { organizationId: organization.id, code: error.code });
      return { ...organization, roles: null };
    }
  });
}

/**
 * The signed-in user as the session shows them. Nothing public says users/self gives an
 * id, and a missing name or email never stops a sign-in: the username stands in for them.
 */
export function userOf(user: UserSelf, username: string, log: Logger): UserRef {
  const missing = (['id', 'name', 'email'] as const).filter((field) => user[field] === undefined || user[field] === '');
  if (missing.length > 0) {
    log.info('The answer left fields out; the username stands in for them', { endpoint: restRoutes.usersSelf.pattern, fields: missing.join(',') });
  }
  const email = user.email || username;
  return { id: user.id || email, name: user.name || email, email };
}
