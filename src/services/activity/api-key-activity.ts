// The activity entries of the API-key changes, built from what the flows know: the request,
// the server's answer or the error, and (for a delete) what the key owned. Kept apart from
// the flows so that each flow adds one call where it ends, whatever its shape.
import type { ActivityDraft, ActivityOutcome, ActivityResource } from '../../shared/activity-log';
import type { DeleteApiKeyResult, OwnedResources } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import type { IpcParsedRequest } from '../../shared/ipc-contract';
import type { ResourcesFate } from '../../shared/resources-fate';

const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** How a change that threw ended: its AppError code (INTERNAL for anything else) and the server's code. */
export function outcomeOf(error: unknown, status: 'failed' | 'partial' = 'failed'): ActivityOutcome {
  if (!(error instanceof AppError)) return { status, errorCode: 'INTERNAL' };
  const serverCode = error.details?.serverCode;
  return typeof serverCode === 'string' && CODE.test(serverCode) ? { status, errorCode: error.code, serverCode } : { status, errorCode: error.code };
}

export const SUCCEEDED: ActivityOutcome = { status: 'succeeded' };

export function createEntry(
  request: IpcParsedRequest<'createApiKey'>,
  apiKey: { id: string | null; title: string },
  outcome: ActivityOutcome,
): ActivityDraft {
  return { action: 'create', apiKey, role: request.role, expirationDate: request.expirationDate, outcome };
}

/**
 * The data sources and projects a delete acted on, one by one, from what the key owned:
 * a transfer gives the member every one of them; a delete with the key deletes those it
 * owned alone and takes its access off the shared ones. (Layers are counted, not listed:
 * a deleted data source also takes other projects' layers that use it.)
 */
export function deletedResources(owned: OwnedResources, fate: ResourcesFate, done: (type: ResourceType, id: string) => boolean): ActivityResource[] {
  if (fate.kind === 'nothing-owned') return [];
  const change = (soleOwner: boolean): ActivityResource['change'] =>
    fate.kind === 'transfer' ? 'transferred' : soleOwner ? 'deleted' : 'access-removed';
  return [
    ...owned.dataSources.map((source) => ({ type: 'DATA_SOURCE' as const, id: source.id, name: source.name, change: change(source.soleOwner), done: done('DATA_SOURCE', source.id) })),
    ...owned.projects.map((project) => ({ type: 'PROJECT' as const, id: project.id, name: project.name, change: change(project.soleOwner), done: done('PROJECT', project.id) })),
  ];
}

type ResourceType = 'DATA_SOURCE' | 'PROJECT';

/** What a delete stopped midway had already done (the guided delete keeps it, to resume). */
export interface PartlyDone {
  isTransferred(type: ResourceType, id: string): boolean;
  accessEntriesRemoved: number;
}

export function deleteEntry(args: {
  apiKey: { id: string; title: string };
  fate: ResourcesFate;
  /** What the key owned just before, where the server tells it; null when unknown. */
  owned: OwnedResources | null;
  /** The server's answer; null when the delete failed. */
  result: DeleteApiKeyResult | null;
  /** For a delete that stopped after changing something: what it had done. */
  partly?: PartlyDone | null;
  outcome: ActivityOutcome;
}): ActivityDraft {
  const { fate, result, partly } = args;
  // Done: everything once the key is gone; before that, only what a stopped transfer made.
  const done = (type: ResourceType, id: string): boolean => result !== null || (partly?.isTransferred(type, id) ?? false);
  const resources = args.owned ? deletedResources(args.owned, fate, done) : [];
  const transferredSoFar = {
    dataSources: resources.filter((resource) => resource.type === 'DATA_SOURCE' && resource.done).length,
    projects: resources.filter((resource) => resource.type === 'PROJECT' && resource.done).length,
  };
  const transferTo =
    fate.kind !== 'transfer' ? null : { id: fate.to, name: result?.transferredTo?.id === fate.to ? result.transferredTo.name : null };
  return {
    action: 'delete',
    apiKey: args.apiKey,
    resourcesFate: fate.kind,
    transferTo,
    transferred: result?.transferred ?? (fate.kind === 'transfer' ? transferredSoFar : { dataSources: 0, projects: 0 }),
    deleted: result?.deleted ?? { dataSources: 0, projects: 0, layers: 0 },
    accessEntriesRemoved: result?.aclEntriesRemoved ?? partly?.accessEntriesRemoved ?? 0,
    resources,
    outcome: args.outcome,
  };
}
