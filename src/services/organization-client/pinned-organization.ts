// A long operation (a rotation, a bulk delete) acts on the organization it started in. The
// session's client follows the session (an admin may switch organization meanwhile), and a
// key's or resource's id sent to another organization answers "not found", which such an
// operation would read as "already done". This client refuses every call once the session
// is no longer in the organization it was pinned to, so the operation stops and says why.
import { AppError } from '../../shared/errors';
import { ORGANIZATION_METHODS, type BoundOrganizationClient, type OrganizationMethod } from './bound-organization-client';

/** Which organization, on which server. */
export type OrganizationRef = { server: string; organizationId: string; organizationName: string };

export function organizationChanged(pinned: OrganizationRef): AppError {
  return AppError.because(
    'CONFLICT',
    'organization-changed',
    { organization: pinned.organizationName },
    `The session moved to another organization while KeyDesk was working in ${pinned.organizationName}: switch back to it, then resume.`,
  );
}

export function pinOrganization(
  organization: () => BoundOrganizationClient,
  current: () => OrganizationRef | null,
  pinned: OrganizationRef,
): BoundOrganizationClient {
  const check = (): void => {
    const here = current();
    if (here?.server !== pinned.server || here.organizationId !== pinned.organizationId) throw organizationChanged(pinned);
  };
  const pin = (method: OrganizationMethod) => (...args: unknown[]) => {
    check();
    // The same method of the session's client, with the same arguments (see bound-organization-client.ts).
    const call = organization()[method] as (...rest: unknown[]) => Promise<unknown>;
    return call(...args);
  };
  return Object.fromEntries(ORGANIZATION_METHODS.map((method) => [method, pin(method)])) as BoundOrganizationClient;
}
