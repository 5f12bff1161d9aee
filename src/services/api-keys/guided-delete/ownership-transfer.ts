// Who a guided transfer goes to, and its two writes, each safe to repeat (a resume repeats some): give the
// member OWNER on a resource, and remove the key's entry from it. Each reads the resource's
// entries again when the server says the picture it acted on was stale (an entry added or
// removed meanwhile), rather than trusting a scan made minutes ago.
import type { Member } from '../../../shared/api-types';
import { AppError, isAppError } from '../../../shared/errors';
import { OWNER_PERMISSIONS, type Permission, type PermissionEntry } from '../../../shared/resource-permissions';
import { holdsRole } from '../../../shared/roles';
import type { BoundOrganizationClient } from '../../organization-client/bound-organization-client';
import type { ResourceKind } from '../../organization-client/resource-methods';

type TransferClient = Pick<BoundOrganizationClient, 'resourcePermissions' | 'addPermissions' | 'updatePermissions' | 'removePermissions'>;

export interface ResourceRef {
  readonly kind: ResourceKind;
  readonly id: string;
}

/** What became of a resource: done, or deleted by someone else meanwhile (nothing to do). */
export type WriteOutcome = 'done' | 'gone';

/** Reads the entries; null when the resource no longer exists. */
export async function entriesOf(org: TransferClient, resource: ResourceRef): Promise<PermissionEntry[] | null> {
  try {
    return await org.resourcePermissions(resource.kind, resource.id);
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

/** Gives `memberId` OWNER (with MODIFY and VIEW) on the resource, keeping what it had. */
export const ensureOwner = (org: TransferClient, resource: ResourceRef, memberId: string, known: readonly PermissionEntry[]): Promise<WriteOutcome> =>
  ensurePermissions(org, resource, memberId, { wanted: ['OWNER'], grant: OWNER_PERMISSIONS }, known);

/**
 * Makes sure `principal` holds every `wanted` permission on the resource: nothing is sent when
 * it already does; else its entry becomes what it had plus `grant` (PUT), or is added (POST).
 * Also what a rotation uses to give the new key the old key's entries.
 */
export async function ensurePermissions(
  org: TransferClient,
  resource: ResourceRef,
  principal: string,
  permissions: { wanted: readonly Permission[]; grant: readonly Permission[] },
  known: readonly PermissionEntry[],
): Promise<WriteOutcome> {
  let entries: readonly PermissionEntry[] | null = known;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (entries === null) return 'gone';
    const current = entries.find((entry) => entry.principal === principal);
    if (current && permissions.wanted.every((permission) => current.permissions.includes(permission))) return 'done';
    const granted: Permission[] = [...new Set([...permissions.grant, ...(current?.permissions ?? [])])];
    try {
      if (current) await org.updatePermissions(resource.kind, resource.id, [{ principal, permissions: granted }]);
      else await org.addPermissions(resource.kind, resource.id, [{ principal, permissions: granted }]);
      return 'done';
    } catch (error) {
      // 409: it has an entry after all; 404: the entry (or the resource) is gone. Read again, once.
      if (attempt > 0 || !isAppError(error, 'CONFLICT', 'NOT_FOUND')) throw error;
      entries = await entriesOf(org, resource);
    }
  }
  return 'done';
}

/**
 * Removes the key's entry. Where it turns out to be the only owner (it gained OWNER since the
 * scan: 400 OWNER_REQUIRED), the member is made an owner first, so that no resource is ever
 * left without one.
 */
export async function removeEntry(org: TransferClient, resource: ResourceRef, keyId: string, memberId: string | null): Promise<WriteOutcome> {
  try {
    await org.removePermissions(resource.kind, resource.id, [keyId]);
    return 'done';
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND') && error.details?.serverCode !== 'NO_PERMISSION_ENTRY') return 'gone';
    if (memberId === null || !isAppError(error, 'VALIDATION') || error.details?.serverCode !== 'OWNER_REQUIRED') throw error;
  }
  const entries = await entriesOf(org, resource);
  if (entries === null || (await ensureOwner(org, resource, memberId, entries)) === 'gone') return 'gone';
  await org.removePermissions(resource.kind, resource.id, [keyId]);
  return 'done';
}

/** The member who will own the key's resources: one of the organization's, with the Editor role. */
export async function transferTarget(organization: BoundOrganizationClient, to: string): Promise<Member> {
  const member = (await organization.members()).find((candidate) => candidate.id === to);
  if (!member || !holdsRole(member.roles, 'ORG_EDITOR')) {
    throw new AppError('VALIDATION', 'The resources can only be transferred to a member of this organization who has the Editor role.', {
      serverCode: 'INVALID_TRANSFER_TARGET',
      transferTo: to,
    });
  }
  return member;
}
