import { z } from 'zod';

/** Organization roles, additive as in JMap Cloud: an admin holds all three. */
export const ORGANIZATION_ROLES = ['ORG_ADMIN', 'ORG_EDITOR', 'ORG_VIEWER'] as const;
export const organizationRoleSchema = z.enum(ORGANIZATION_ROLES);
export type OrganizationRole = z.infer<typeof organizationRoleSchema>;

/**
 * Whether roles include `role`, additively: an administrator is an editor and a viewer, an
 * editor a viewer (as in JMap Cloud). A server that lists only the highest role is read
 * the same as one that lists all three.
 */
export function holdsRole(roles: readonly OrganizationRole[], role: OrganizationRole): boolean {
  const rank = (held: OrganizationRole): number => ORGANIZATION_ROLES.length - ORGANIZATION_ROLES.indexOf(held);
  return roles.some((held) => rank(held) >= rank(role));
}

/** An API key may only hold one of these, and never ORG_ADMIN. */
export const API_KEY_ROLES = ['ORG_EDITOR', 'ORG_VIEWER'] as const;
export const apiKeyRoleSchema = z.enum(API_KEY_ROLES);
export type ApiKeyRole = z.infer<typeof apiKeyRoleSchema>;

/** A key expiring within this many days shows as "Expiring soon". */
export const EXPIRING_SOON_DAYS = 14;
