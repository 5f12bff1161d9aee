// One run of a bulk delete: the plan's keys still to try, one after another, each through the
// services' own delete (key-deletion.ts: the server's extension in one request, or the guided
// delete through the public permission endpoints, seeded with one reading of the
// organization for all the keys). The plan is written after each key, so a crash leaves the
// key it was on `pending` (or `deleting`, after a crash of a resumed run), which a resume
// deletes again from what the server has: each resource's step is safe to repeat, a key found
// gone is said so, and a key is only ever deleted by that delete, after its resources were
// dealt with as chosen.
import type { ActivityContext } from '../../../shared/activity-log';
import type { DeleteApiKeyResult } from '../../../shared/api-types';
import { isLeft, type BulkDeletePlan, type BulkError, type BulkKey, type BulkPhase } from '../../../shared/bulk-delete';
import { AppError, isAppError } from '../../../shared/errors';
import type { ResourcesFate } from '../../../shared/resources-fate';
import type { ActivityLog } from '../../activity/activity-log';
import { deleteEntry, outcomeOf } from '../../activity/api-key-activity';
import type { Logger } from '../../logger';
import type { BoundOrganizationClient } from '../../organization-client/bound-organization-client';
import type { GuidedDelete } from '../guided-delete/guided-delete';
import { withExtras, type DeletionExtras } from '../key-deletion';
import { createSharedScan } from './shared-scan';

/** A run under way, as the progress view reads it. */
export interface BulkRun {
  readonly planId: string;
  plan: BulkDeletePlan;
  cancelling: boolean;
  readonly abort: AbortController;
  phase: BulkPhase;
  done: number;
  total: number;
  current: string | null;
}

export interface BulkRunDeps {
  /** Pinned to the plan's organization (a switch stops the run instead of acting elsewhere). */
  org: BoundOrganizationClient;
  /** Whether the server deletes with the resources' fate in one request (else the guided delete). */
  guidedPath: boolean;
  deletion: { delete(apiKeyId: string, fate: ResourcesFate, extras: DeletionExtras): Promise<DeleteApiKeyResult> };
  guided: Pick<GuidedDelete, 'seed'>;
  activity: Pick<ActivityLog, 'append'>;
  context: ActivityContext | null;
  /** Writes the plan (the run stops if it cannot: a resume needs it). */
  save: (plan: BulkDeletePlan) => Promise<BulkDeletePlan>;
  concurrency: number;
  now: () => Date;
  log: Logger;
}

const RUN_STOPPERS: ReadonlySet<string> = new Set(['NETWORK', 'NOT_CONNECTED', 'UNAUTHORIZED', 'FORBIDDEN', 'RATE_LIMITED', 'NOT_ADMINISTRATOR', 'INTERNAL']);

/** Failures that are not the key's own: the run stops there, to be resumed. */
function stopsTheRun(error: unknown): boolean {
  if (!(error instanceof AppError)) return true;
  return RUN_STOPPERS.has(error.code) || error.details?.reason === 'organization-changed';
}

export function errorOf(error: unknown): BulkError {
  const outcome = outcomeOf(error);
  const reason = error instanceof AppError && typeof error.details?.reason === 'string' ? error.details.reason : undefined;
  return {
    code: outcome.status === 'succeeded' ? 'INTERNAL' : outcome.errorCode,
    ...(outcome.status !== 'succeeded' && outcome.serverCode ? { serverCode: outcome.serverCode } : {}),
    ...(reason ? { reason } : {}),
  };
}

const withKey = (plan: BulkDeletePlan, apiKeyId: string, change: Partial<BulkKey>): BulkDeletePlan => ({
  ...plan,
  keys: plan.keys.map((key) => (key.id === apiKeyId ? { ...key, ...change } : key)),
});

export async function runBulkDelete(run: BulkRun, deps: BulkRunDeps): Promise<void> {
  const { org, log } = deps;
  const save = async (plan: BulkDeletePlan): Promise<void> => {
    run.plan = plan;
    await deps.save(plan);
  };
  const shared = deps.guidedPath
    ? createSharedScan({
        org,
        now: () => deps.now().getTime(),
        scanOptions: () => ({
          concurrency: deps.concurrency,
          signal: run.abort.signal,
          onProgress: (done, total) => Object.assign(run, { phase: 'finding', done, total }),
        }),
      })
    : null;
  const fate = run.plan.resources;

  /**
   * Whether a NOT_FOUND means the key is gone: certain before its delete began (its own
   * read); after, only if the key is not found again (a NOT_FOUND of something else, on the
   * way, must not be written "already deleted" while the key is still there).
   */
  const isGone = async (apiKeyId: string, reached: boolean): Promise<boolean> =>
    !reached ||
    (await org.getApiKey(apiKeyId).then(
      () => false,
      (error: unknown) => isAppError(error, 'NOT_FOUND'),
    ));

  /** A key found gone before its delete: said in the log like any delete of the batch. */
  const gone = async (key: BulkKey, error: unknown): Promise<void> => {
    const draft = deleteEntry({ apiKey: { id: key.id, title: key.title }, fate, owned: null, result: null, outcome: outcomeOf(error) });
    await deps.activity.append(withExtras(draft, { batchId: run.planId }), deps.context);
  };

  try {
    for (const key of run.plan.keys.filter(isLeft)) {
      if (run.cancelling) break;
      run.current = key.id;
      let title = key.title;
      let reached = false;
      try {
        // Not written: after a crash a key still `pending` is taken up the same way.
        run.plan = withKey(run.plan, key.id, { state: 'deleting', error: null });
        title = (await org.getApiKey(key.id)).title;
        if (shared) deps.guided.seed(key.id, await shared.forKey(key.id));
        Object.assign(run, { phase: 'deleting', done: 0, total: 0 });
        reached = true;
        const result = await deps.deletion.delete(key.id, fate, { batchId: run.planId, context: deps.context });
        await save(withKey(run.plan, key.id, { state: 'deleted', title, transferred: result.transferred, deleted: { dataSources: result.deleted.dataSources, projects: result.deleted.projects } }));
      } catch (error) {
        if (isAppError(error, 'NOT_FOUND') && error.details?.serverCode !== 'INVALID_TRANSFER_TARGET' && (await isGone(key.id, reached))) {
          if (!reached) await gone({ ...key, title }, error);
          await save(withKey(run.plan, key.id, { state: 'gone', title, error: null }));
          continue;
        }
        const cancelled = run.cancelling && (isAppError(error, 'CANCELLED') || !reached);
        await save(withKey(run.plan, key.id, cancelled ? { state: 'cancelled', title } : { state: 'failed', title, error: errorOf(error) }));
        if (cancelled) break;
        log.warn('A key of a bulk delete was not deleted', { batchId: run.planId, apiKeyId: key.id, code: error instanceof AppError ? error.code : 'INTERNAL' });
        if (stopsTheRun(error)) throw error;
      } finally {
        shared?.done(key.id);
        run.current = null;
      }
    }
    const left = run.plan.keys.filter((key) => key.state === 'pending' || key.state === 'deleting');
    const keys = run.cancelling ? run.plan.keys.map((key) => (left.includes(key) ? { ...key, state: 'cancelled' as const } : key)) : run.plan.keys;
    const finished = keys.every((key) => key.state !== 'pending' && key.state !== 'deleting');
    await save({ ...run.plan, keys, stopped: null, finishedAt: finished ? deps.now().toISOString() : null });
  } catch (error) {
    log.warn('A bulk delete stopped', { batchId: run.planId, code: error instanceof AppError ? error.code : 'INTERNAL' });
    await save({ ...run.plan, stopped: errorOf(error) }).catch(() => undefined);
  }
}
