// The organization's REST API as one signed-in session sees it: the OrganizationClient's
// organization methods without their first two arguments (access token, organization id),
// which the session supplies on every call. A service then reads like what it does
// (`organization.getApiKey(id)`), and renewal and the retry after a 401 stay in one place:
// TokenSession.withAccess.
import type { OrganizationClient } from './organization-client';

/** The client's methods that act inside one organization: (accessToken, organizationId, ...args). */
export const ORGANIZATION_METHODS = [
  'membersSelf',
  'members',
  'listApiKeys',
  'getApiKey',
  'createApiKey',
  'editApiKey',
  'ownedResources',
  'deleteApiKey',
  'deleteApiKeyWithResources',
  'dataSources',
  'projects',
  'resourcePermissions',
  'ownPermissions',
  'addPermissions',
  'updatePermissions',
  'removePermissions',
] as const;
export type OrganizationMethod = (typeof ORGANIZATION_METHODS)[number];

type WithoutAccess<F> = F extends (accessToken: string, organizationId: string, ...rest: infer A) => infer R ? (...rest: A) => R : never;

export type BoundOrganizationClient = { [M in OrganizationMethod]: WithoutAccess<OrganizationClient[M]> };

/** What a call needs: the client, a fresh access token, and the session's organization. */
export interface Access {
  client: OrganizationClient;
  accessToken: string;
  organizationId: string;
}

/** Runs `work` with fresh access (TokenSession.withAccess). */
export type WithAccess = <T>(work: (access: Access) => Promise<T>) => Promise<T>;

export function bindOrganizationClient(withAccess: WithAccess): BoundOrganizationClient {
  const bind = (method: OrganizationMethod) => (...args: unknown[]) =>
    withAccess(({ client, accessToken, organizationId }) => {
      // Each method's own signature is (accessToken, organizationId, ...args); the mapped
      // type above checks callers, and TypeScript cannot follow that through the union.
      const call = client[method] as (accessToken: string, organizationId: string, ...rest: unknown[]) => Promise<unknown>;
      return call(accessToken, organizationId, ...args);
    });
  return Object.fromEntries(ORGANIZATION_METHODS.map((method) => [method, bind(method)])) as BoundOrganizationClient;
}
