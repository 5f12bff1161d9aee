// One guided delete's state (guided-delete.ts runs it): where it is, what it changed, what
// it found, and what to report of it. Kept while stopped, so that the same delete resumes.
import type { DeletePhase, DeleteProgress } from '../../../shared/delete-progress';
import { AppError, type AppErrorData } from '../../../shared/errors';
import type { ResourcesFate } from '../../../shared/resources-fate';
import { naming, ownedBy, type ResourceScan, type ScannedResource } from './resource-scan';

export interface Operation {
  readonly apiKeyId: string;
  running: boolean;
  abort: AbortController;
  phase: DeletePhase;
  done: number;
  total: number;
  changed: boolean;
  fate: ResourcesFate | null;
  scan: { value: ResourceScan; at: number } | null;
  /** Resources the member owns now (by kind and id), and those no longer naming the key. */
  transferred: Map<string, ScannedResource>;
  entriesRemoved: Set<string>;
  stopped: AppErrorData | null;
}

export function newOperation(apiKeyId: string): Operation {
  return {
    apiKeyId,
    running: false,
    abort: new AbortController(),
    phase: 'finding',
    done: 0,
    total: 0,
    changed: false,
    fate: null,
    scan: null,
    transferred: new Map(),
    entriesRemoved: new Set(),
    stopped: null,
  };
}

export function progressOf(operation: Operation): DeleteProgress {
  const found = operation.scan?.value;
  return {
    apiKeyId: operation.apiKeyId,
    phase: operation.phase,
    done: operation.done,
    total: operation.total,
    changed: operation.changed,
    fate: operation.fate,
    transferred: operation.transferred.size,
    toTransfer: found ? Math.max(ownedBy(found).length, operation.transferred.size) : 0,
    entriesRemoved: operation.entriesRemoved.size,
    entriesToRemove: found ? Math.max(naming(found).length, operation.entriesRemoved.size) : 0,
    stopped: operation.running ? null : operation.stopped,
  };
}

/**
 * A resource the member lost ownership of, marked as the key's again so that the next round
 * gives it back: the key's entry is already gone, so only the member's OWNER is missing.
 */
export function withKeyOwner(resource: ScannedResource, keyId: string): ScannedResource {
  return { ...resource, entries: [...resource.entries.filter((entry) => entry.principal !== keyId), { principal: keyId, permissions: ['OWNER'] }] };
}

export const sameFate = (a: ResourcesFate | null, b: ResourcesFate): boolean => a !== null && a.kind === b.kind && (a.kind !== 'transfer' || b.kind !== 'transfer' || a.to === b.to);

/** CONFLICT (RESOURCES_OWNED) when the scan finds the key owning something, else null. */
export const ownsSomething = (found: ResourceScan): AppError | null => {
  const owned = ownedBy(found);
  if (owned.length === 0) return null;
  const dataSources = owned.filter((resource) => resource.kind === 'dataSource').length;
  return new AppError('CONFLICT', `This key owns ${dataSources} data source(s) and ${owned.length - dataSources} project(s): transfer them to an Editor member or delete them with the key.`, {
    serverCode: 'RESOURCES_OWNED',
    dataSources,
    projects: owned.length - dataSources,
  });
};

/** How many data sources and projects among `resources`. */
export const counts = (resources: Iterable<ScannedResource>): { dataSources: number; projects: number } => {
  let dataSources = 0;
  let projects = 0;
  for (const resource of resources) {
    if (resource.kind === 'dataSource') dataSources += 1;
    else projects += 1;
  }
  return { dataSources, projects };
};
