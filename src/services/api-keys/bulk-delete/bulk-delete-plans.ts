// The bulk deletes KeyDesk has under way or just finished, in the user-data folder
// (bulk-deletes.json): one plan per organization, written before the first delete and after
// each key's, so that a run stopped by a failure, a closed window or a crash is found again
// at the next start. Validated on every read (a bad file is moved aside, as every KeyDesk
// file), written atomically, one change at a time (as rotations.json).
import { join } from 'node:path';
import { z } from 'zod';
import { bulkDeletePlanSchema, type BulkDeletePlan } from '../../../shared/bulk-delete';
import { cacheJsonFile } from '../../files/cached-json-file';
import { createJsonFile } from '../../files/json-file';
import type { Logger } from '../../logger';

export const BULK_DELETES_FILE = 'bulk-deletes.json';
/** One plan per organization: a bound on what a bad file can make KeyDesk hold. */
const MAX_PLANS = 100;

const fileSchema = z.strictObject({ version: z.literal(1), plans: z.array(bulkDeletePlanSchema).max(MAX_PLANS) });
type PlansFile = z.infer<typeof fileSchema>;

export type PlanPlace = { server: string; organizationId: string };

export interface BulkDeletePlans {
  /** The organization's plan, if any. */
  find(where: PlanPlace): Promise<BulkDeletePlan | null>;
  /** Writes the plan, replacing the organization's previous one. */
  put(plan: BulkDeletePlan): Promise<BulkDeletePlan>;
  remove(planId: string): Promise<void>;
  settled(): Promise<void>;
}

const samePlace = (plan: BulkDeletePlan, where: PlanPlace): boolean => plan.server === where.server && plan.organizationId === where.organizationId;

export function createBulkDeletePlans(options: { userDataDir: string; now: () => Date; log: Logger }): BulkDeletePlans {
  const file = cacheJsonFile(
    createJsonFile<PlansFile>({
      path: join(options.userDataDir, BULK_DELETES_FILE),
      schema: fileSchema,
      defaults: () => ({ version: 1, plans: [] }),
      now: options.now,
      log: options.log,
    }),
  );
  const write = (plans: BulkDeletePlan[]): PlansFile => ({ version: 1, plans: plans.slice(-MAX_PLANS) });

  return {
    find: async (where) => (await file.get()).plans.find((plan) => samePlace(plan, where)) ?? null,
    put: (plan) =>
      file.change((current) => {
        const checked = bulkDeletePlanSchema.parse(plan);
        return { next: write([...current.plans.filter((existing) => existing.id !== plan.id && !samePlace(existing, plan)), checked]), result: checked };
      }),
    remove: (planId) =>
      file.change((current) => ({
        next: current.plans.some((plan) => plan.id === planId) ? write(current.plans.filter((plan) => plan.id !== planId)) : null,
        result: undefined,
      })),
    settled: file.settled,
  };
}
