// The two long steps of a rotation, on the public permission endpoints only:
// - copyAccess: find every resource naming the old key, give the new key the same
//   permissions there, and check by reading them again (rounds, as the guided delete does:
//   a key still gaining access after MAX_ROUNDS is stopped, not chased);
// - removeOldAccess: before the old key's delete, check again that the new key holds its
//   access everywhere (and give it where not), then remove the old key's entries, so that
//   the delete itself finds the old key owning nothing and takes nothing with it.
// Each write is safe to repeat, so a step stopped midway is resumed by running it again.
import { AppError } from '../../../shared/errors';
import { mapLimit } from '../../concurrency/map-limit';
import type { BoundOrganizationClient } from '../../organization-client/bound-organization-client';
import { removeEntry } from '../guided-delete/ownership-transfer';
import { naming, recheck, resourceKey, scanResources, type ResourceScan, type ScannedResource } from '../guided-delete/resource-scan';
import { covers, grantMissing, shortfallOf } from './access-copy';
import { enter, scanOptionsOf, type RotationOperation } from './rotation-operation';

const MAX_ROUNDS = 3;

export interface StepContext {
  org: BoundOrganizationClient;
  operation: RotationOperation;
  concurrency: number;
}

/** Where the copy stands, also when it stopped: the resources naming the old key, and those the new key now covers. */
export interface CopyState {
  targets: readonly ScannedResource[];
  covered: Set<string>;
}

const keepsGainingAccess = (): AppError =>
  AppError.because('CONFLICT', 'key-keeps-gaining-access', {}, 'The old key keeps gaining access to resources while KeyDesk copies it: stop what changes it, then resume.');

/** The rounds of grant and check; `state` follows them (for a report after a stop). */
export async function copyAccess(step: StepContext, oldKeyId: string, newKeyId: string, state: CopyState): Promise<ResourceScan> {
  const { org, operation, concurrency } = step;
  const scanning = scanOptionsOf(operation, concurrency);
  enter(operation, 'finding', 0);
  const scan = await scanResources(org, oldKeyId, scanning);
  let current = scan;
  const follow = (read: ResourceScan): void => {
    state.targets = naming(read);
    state.covered = new Set(state.targets.filter((resource) => covers(resource, oldKeyId, newKeyId)).map(resourceKey));
  };
  follow(current);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const missing = shortfallOf(current, newKeyId);
    // Nothing missing in what was just read: that reading is the check.
    if (missing.length === 0) return current;
    enter(operation, 'granting', missing.length);
    await grantMissing(org, current, newKeyId, {
      concurrency,
      onWrite: () => void (operation.changed = true),
      onDone: (key) => {
        if (key !== null) state.covered.add(key);
        operation.done += 1;
      },
    });
    enter(operation, 'checking', 0);
    current = await recheck(org, scan, naming(current), scanOptionsOf(operation, concurrency));
    follow(current);
  }
  if (shortfallOf(current, newKeyId).length === 0) return current;
  throw keepsGainingAccess();
}

/** Where the removal stands, also when it stopped: the resources naming the old key, and those it no longer names. */
export interface RemovalState {
  named: readonly ScannedResource[];
  removed: ScannedResource[];
}

/** The old key's entries, removed once the new key is checked to hold the same access. */
export async function removeOldAccess(step: StepContext, oldKeyId: string, newKeyId: string, state: RemovalState): Promise<ResourceScan> {
  const { org, operation, concurrency } = step;
  enter(operation, 'finding', 0);
  const scan = await scanResources(org, oldKeyId, scanOptionsOf(operation, concurrency));
  const missing = shortfallOf(scan, newKeyId);
  if (missing.length > 0) {
    enter(operation, 'granting', missing.length);
    await grantMissing(org, scan, newKeyId, { concurrency, onWrite: () => void (operation.changed = true), onDone: () => void (operation.done += 1) });
  }
  const named = naming(scan);
  state.named = named;
  enter(operation, 'removing-entries', named.length);
  await mapLimit(named, concurrency, async (resource) => {
    operation.changed = true;
    // No member to fall back on: were the old key the only owner (the new key's OWNER taken
    // away meanwhile), the server refuses (OWNER_REQUIRED) and the step stops there.
    if ((await removeEntry(org, resource, oldKeyId, null)) === 'done') state.removed.push(resource);
    operation.done += 1;
  });
  // What the old key's delete starts from: the same resources, no longer naming it.
  return { keyId: oldKeyId, resources: scan.resources.map((resource) => ({ ...resource, entries: resource.entries.filter((entry) => entry.principal !== oldKeyId) })) };
}
