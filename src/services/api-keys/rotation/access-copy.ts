// A rotation's access copy, resource by resource: what the old key may do on a resource
// (its entry's permissions), whether the new key may do at least as much, and the write
// that makes it so (ownership-transfer's ensurePermissions: nothing sent where it already
// can; PUT its entry widened, or POST a new one). Only the public permission endpoints.
import type { Permission } from '../../../shared/resource-permissions';
import type { BoundOrganizationClient } from '../../organization-client/bound-organization-client';
import { mapLimit } from '../../concurrency/map-limit';
import { ensurePermissions, type WriteOutcome } from '../guided-delete/ownership-transfer';
import { naming, resourceKey, type ResourceScan, type ScannedResource } from '../guided-delete/resource-scan';

type CopyClient = Pick<BoundOrganizationClient, 'resourcePermissions' | 'addPermissions' | 'updatePermissions' | 'removePermissions'>;

/** What `principal` holds on the resource (none without an entry). */
export const permissionsOf = (resource: ScannedResource, principal: string): readonly Permission[] =>
  resource.entries.find((entry) => entry.principal === principal)?.permissions ?? [];

/** Whether `to` holds every permission `from` holds on the resource. */
export const covers = (resource: ScannedResource, from: string, to: string): boolean => {
  const held = permissionsOf(resource, to);
  return permissionsOf(resource, from).every((permission) => held.includes(permission));
};

/** The resources naming `from` on which `to` has less access (a key's entry without a known permission asks for nothing). */
export const shortfallOf = (scan: ResourceScan, to: string): ScannedResource[] => naming(scan).filter((resource) => !covers(resource, scan.keyId, to));

/** Gives `to` the old key's permissions on one resource, keeping what it had. */
export const grantLike = (org: CopyClient, resource: ScannedResource, from: string, to: string): Promise<WriteOutcome> => {
  const wanted = permissionsOf(resource, from);
  return ensurePermissions(org, resource, to, { wanted, grant: wanted }, resource.entries);
};

/**
 * Grants `to` the access of `scan.keyId` on every resource where it lacks some, `concurrency`
 * at a time; `onWrite` is told before each write (the operation is then changing things) and
 * `onDone` after each resource, with its key (kind:id) when the new key now has the access.
 */
export async function grantMissing(
  org: CopyClient,
  scan: ResourceScan,
  to: string,
  options: { concurrency: number; onWrite: () => void; onDone: (key: string | null) => void },
): Promise<void> {
  await mapLimit(shortfallOf(scan, to), options.concurrency, async (resource) => {
    options.onWrite();
    const outcome = await grantLike(org, resource, scan.keyId, to);
    options.onDone(outcome === 'done' ? resourceKey(resource) : null);
  });
}
