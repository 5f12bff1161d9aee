// The activity entries of a rotation: `rotate` for the access copy (each resource naming the
// old key, done where the new key now has its access), and, when the old key's entries are
// removed before its delete, those resources for the delete's entry (key-deletion.ts).
import type { ActivityDraft, ActivityOutcome, ActivityResource } from '../../../shared/activity-log';
import type { RotationRecord } from '../../../shared/key-rotation';
import { pickTranslation } from '../../../shared/translated-name';
import { resourceKey, type ScannedResource } from '../guided-delete/resource-scan';
import type { CopyState } from './rotation-steps';

const typeOf = (resource: ScannedResource): ActivityResource['type'] => (resource.kind === 'dataSource' ? 'DATA_SOURCE' : 'PROJECT');

export function rotateEntry(record: RotationRecord, state: CopyState, language: string, outcome: ActivityOutcome): ActivityDraft {
  const granted = state.targets.filter((resource) => state.covered.has(resourceKey(resource))).length;
  return {
    action: 'rotate',
    apiKey: { id: record.oldKey.id, title: record.oldKey.title },
    replacement: { id: record.replacement.id, title: record.replacement.title },
    role: record.role,
    accessToGrant: state.targets.length,
    accessGranted: granted,
    shortfall: state.targets.length - granted,
    resources: state.targets.map((resource) => ({
      type: typeOf(resource),
      id: resource.id,
      name: pickTranslation(resource.name, language),
      change: 'access-granted',
      done: state.covered.has(resourceKey(resource)),
    })),
    outcome,
  };
}

/** The old key's entries removed before its delete (`done` false for those a stop left). */
export function accessRemoved(named: readonly ScannedResource[], removed: readonly ScannedResource[], language: string): ActivityResource[] {
  const gone = new Set(removed.map(resourceKey));
  return named.map((resource) => ({
    type: typeOf(resource),
    id: resource.id,
    name: pickTranslation(resource.name, language),
    change: 'access-removed',
    done: gone.has(resourceKey(resource)),
  }));
}
