// Bulk delete ("Delete selected…"): start writes the plan (the keys, the choice for what they
// own, each key pending) and runs it in the background; the progress view polls status;
// cancel stops after the current key (at once where that key's delete has changed nothing);
// a plan left unfinished (a failure, a closed window, a crash) is offered again by status
// and taken up by resume; dismiss forgets it. One plan per organization; every run acts in
// the organization its plan was made in (pinOrganization).
import { randomUUID } from 'node:crypto';
import { countStates, isLeft, type BulkDeletePlan, type BulkDeleteStatus } from '../../../shared/bulk-delete';
import { AppError } from '../../../shared/errors';
import type { IpcParsedRequest } from '../../../shared/ipc-contract';
import type { ServerCapabilities } from '../../../shared/server-capabilities';
import type { ActivityLog } from '../../activity/activity-log';
import type { Logger } from '../../logger';
import type { BoundOrganizationClient } from '../../organization-client/bound-organization-client';
import { pinOrganization, type OrganizationRef } from '../../organization-client/pinned-organization';
import type { GuidedDelete } from '../guided-delete/guided-delete';
import { transferTarget } from '../guided-delete/ownership-transfer';
import type { BulkDeletePlans } from './bulk-delete-plans';
import { runBulkDelete, type BulkRun, type BulkRunDeps } from './bulk-run';

export interface BulkDeleteOptions {
  organization: () => BoundOrganizationClient;
  capabilities: () => ServerCapabilities;
  here: () => OrganizationRef | null;
  plans: BulkDeletePlans;
  deletion: BulkRunDeps['deletion'];
  guided: Pick<GuidedDelete, 'seed' | 'progress' | 'cancel'>;
  activity: Pick<ActivityLog, 'append' | 'context'>;
  /** A key's title as the services last saw it (the grid's list), for the plan before its turn. */
  knownTitle: (apiKeyId: string) => string | undefined;
  concurrency: number;
  now: () => Date;
  log: Logger;
}

const unknownPlan = (): AppError => AppError.because('NOT_FOUND', 'bulk-delete-unknown', {}, 'KeyDesk has no such bulk delete in this organization.');
const running = (): AppError => AppError.because('CONFLICT', 'bulk-delete-running', {}, 'KeyDesk is working on this bulk delete: wait for it to finish, or cancel it.');

export function createBulkDelete(options: BulkDeleteOptions) {
  const { plans, log } = options;
  const runs = new Map<string, BulkRun>();
  const runsDone = new Set<Promise<void>>();

  const requireHere = (): OrganizationRef => {
    const where = options.here();
    if (!where) throw new AppError('NOT_CONNECTED', 'Connect to an organization first.');
    return where;
  };
  const placeOf = (where: OrganizationRef) => ({ server: where.server, organizationId: where.organizationId });

  async function find(batchId: string): Promise<{ plan: BulkDeletePlan; where: OrganizationRef }> {
    const where = requireHere();
    const plan = runs.get(batchId)?.plan ?? (await plans.find(placeOf(where)));
    if (!plan || plan.id !== batchId || plan.server !== where.server || plan.organizationId !== where.organizationId) throw unknownPlan();
    return { plan, where };
  }

  function launch(plan: BulkDeletePlan, where: OrganizationRef): void {
    const run: BulkRun = { planId: plan.id, plan, cancelling: false, abort: new AbortController(), phase: 'deleting', done: 0, total: 0, current: null };
    runs.set(plan.id, run);
    const done = runBulkDelete(run, {
      org: pinOrganization(options.organization, options.here, where),
      guidedPath: !options.capabilities().deleteWithResourcesFate,
      deletion: options.deletion,
      guided: options.guided,
      activity: options.activity,
      context: options.activity.context(),
      save: plans.put,
      concurrency: options.concurrency,
      now: options.now,
      log,
    })
      .catch((error: unknown) => log.error('A bulk delete ended unexpectedly', { batchId: plan.id, kind: error instanceof Error ? error.name : typeof error }))
      .finally(() => {
        runs.delete(plan.id);
        runsDone.delete(done);
      });
    runsDone.add(done);
  }

  function statusOf(plan: BulkDeletePlan): BulkDeleteStatus {
    const run = runs.get(plan.id);
    const current = run?.current ?? null;
    return {
      plan: run?.plan ?? plan,
      running: run !== undefined,
      cancelling: run?.cancelling ?? false,
      phase: run?.phase ?? 'deleting',
      done: run?.done ?? 0,
      total: run?.total ?? 0,
      current: current === null ? null : { apiKeyId: current, progress: options.guided.progress(current) },
      counts: countStates((run?.plan ?? plan).keys),
    };
  }

  return {
    async start(request: IpcParsedRequest<'startBulkDelete'>): Promise<BulkDeleteStatus> {
      const where = requireHere();
      const previous = await plans.find(placeOf(where));
      if (previous && (runs.has(previous.id) || previous.keys.some(isLeft))) {
        throw AppError.because('CONFLICT', 'bulk-delete-unfinished', {}, 'A bulk delete is unfinished in this organization: resume or dismiss it first.');
      }
      const org = pinOrganization(options.organization, options.here, where);
      // A member who cannot receive the resources is refused before anything is written.
      const member = request.resources.kind === 'transfer' ? await transferTarget(org, request.resources.to) : null;
      const plan = await plans.put({
        id: randomUUID(),
        server: where.server,
        organizationId: where.organizationId,
        organizationName: where.organizationName,
        startedAt: options.now().toISOString(),
        resources: request.resources,
        transferTo: member && { id: member.id, name: member.name },
        keys: request.apiKeyIds.map((id) => ({ id, title: options.knownTitle(id) ?? '', state: 'pending', error: null, transferred: null, deleted: null })),
        stopped: null,
        finishedAt: null,
      });
      log.info('Bulk delete started', { batchId: plan.id, keys: plan.keys.length, resources: plan.resources.kind });
      launch(plan, where);
      return statusOf(plan);
    },

    /** The organization's plan (running, stopped, or finished and not dismissed); null when none. */
    async status(): Promise<BulkDeleteStatus | null> {
      const where = requireHere();
      const run = [...runs.values()].find((candidate) => candidate.plan.server === where.server && candidate.plan.organizationId === where.organizationId);
      const plan = run?.plan ?? (await plans.find(placeOf(where)));
      return plan && statusOf(plan);
    },

    /** Takes a stopped plan up again: its keys not deleted yet (failed ones included) are tried again. */
    async resume(batchId: string): Promise<BulkDeleteStatus> {
      const { plan, where } = await find(batchId);
      if (runs.has(batchId)) throw running();
      const resumed = await plans.put({ ...plan, stopped: null, finishedAt: null });
      log.info('Bulk delete resumed', { batchId, left: resumed.keys.filter(isLeft).length });
      launch(resumed, where);
      return statusOf(resumed);
    },

    /** Stops after the current key (at once while its delete has changed nothing); false when not running. */
    async cancel(batchId: string): Promise<boolean> {
      await find(batchId);
      const run = runs.get(batchId);
      if (!run) return false;
      run.cancelling = true;
      run.abort.abort();
      if (run.current !== null) options.guided.cancel(run.current);
      return true;
    },

    /** KeyDesk forgets the plan (the keys stay as they are). */
    async dismiss(batchId: string): Promise<void> {
      await find(batchId);
      if (runs.has(batchId)) throw running();
      await plans.remove(batchId);
    },

    /** Resolves once no run is under way (tests, and the app's quit). */
    async settled(): Promise<void> {
      while (runsDone.size > 0) await Promise.all(runsDone);
      await plans.settled();
    },
  };
}

export type BulkDelete = ReturnType<typeof createBulkDelete>;
