// Bulk delete ("Delete selected…"): many keys deleted with one choice for what they own (one
// Editor receives every owned resource, or the resources go with the keys). The plan (the
// keys, the choice, each key's state) is written to the user-data folder before the first
// delete and after each key, so a bulk delete stopped by a failure, a closed window or a
// crash is offered again at the next start and resumed; a key is deleted only through the
// services' own delete, which never deletes a key whose resources were not dealt with.
import { z } from 'zod';
import { isoDateTimeSchema } from './api-types';
import type { DeleteProgress } from './delete-progress';
import { resourcesFateSchema } from './resources-fate';

/** Enough for an organization's clean-up; a bound on what one request (and the plan file) holds. */
export const MAX_BULK_KEYS = 5000;

const id = z.string().min(1).max(200);
const code = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/);
const reason = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/);

/**
 * A key's state in the plan: `pending` (not reached yet), `deleting` (under way: after a crash
 * it is resumed like a pending one), `deleted`, `gone` (it no longer existed when its turn
 * came), `failed` (not deleted: its error says why; a resume tries it again), `cancelled`
 * (not deleted: the admin cancelled the rest).
 */
export const BULK_KEY_STATES = ['pending', 'deleting', 'deleted', 'gone', 'failed', 'cancelled'] as const;
export type BulkKeyState = (typeof BULK_KEY_STATES)[number];

/** Codes only (never a message): the renderer words them. */
export const bulkErrorSchema = z.strictObject({ code, serverCode: code.optional(), reason: reason.optional() });
export type BulkError = z.infer<typeof bulkErrorSchema>;

const resourceCounts = z.strictObject({ dataSources: z.number().int().min(0), projects: z.number().int().min(0) });

export const bulkKeySchema = z.strictObject({
  id,
  title: z.string().max(1000),
  state: z.enum(BULK_KEY_STATES),
  error: bulkErrorSchema.nullable(),
  /** Once deleted: the resources given to the member, and those deleted with the key. */
  transferred: resourceCounts.nullable(),
  deleted: resourceCounts.nullable(),
});
export type BulkKey = z.infer<typeof bulkKeySchema>;

export const bulkDeletePlanSchema = z.strictObject({
  /** Also the activity entries' batchId. */
  id: z.uuid(),
  server: z.string().min(1).max(2048),
  organizationId: id,
  organizationName: z.string().max(1000),
  startedAt: isoDateTimeSchema,
  /** The choice applied to every key (`nothing-owned` is not offered: a key may own something). */
  resources: resourcesFateSchema,
  /** The member who receives the resources (for the words; the fate holds the id). */
  transferTo: z.strictObject({ id, name: z.string().max(1000) }).nullable(),
  keys: z.array(bulkKeySchema).min(1).max(MAX_BULK_KEYS),
  /** The failure that stopped the whole run (the session, the network…); null otherwise. */
  stopped: bulkErrorSchema.nullable(),
  /** Set once no key is left to try (every key deleted, gone, failed or cancelled). */
  finishedAt: isoDateTimeSchema.nullable(),
});
export type BulkDeletePlan = z.infer<typeof bulkDeletePlanSchema>;

export const BULK_PHASES = [
  /** Reading every resource's permissions once for all the keys (servers without the extension). */
  'finding',
  /** Deleting the keys one by one. */
  'deleting',
] as const;
export type BulkPhase = (typeof BULK_PHASES)[number];

/** The plan as the progress view shows it. */
export interface BulkDeleteStatus {
  readonly plan: BulkDeletePlan;
  /** Whether KeyDesk is working on it now (a plan found at start is not: it offers to resume). */
  readonly running: boolean;
  /** Whether Cancel was asked and the run is finishing its current key. */
  readonly cancelling: boolean;
  readonly phase: BulkPhase;
  /** Within `finding`: resources read so far, of `total`. */
  readonly done: number;
  readonly total: number;
  /** The key being deleted now, and its own guided progress where the server has no extension. */
  readonly current: { readonly apiKeyId: string; readonly progress: DeleteProgress | null } | null;
  readonly counts: Readonly<Record<BulkKeyState, number>>;
}

/** What start asks (its key ids are checked with the contract's id schema: ipc-contract.ts). */
export function startBulkDeleteRequestSchema(keyId: z.ZodType<string>) {
  return z
    .strictObject({
      apiKeyIds: z.array(keyId).min(1).max(MAX_BULK_KEYS),
      resources: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('transfer'), to: keyId }),
        z.strictObject({ kind: z.literal('delete-with-key') }),
      ]),
      /** For `delete-with-key`: the number of keys, as the admin typed it to confirm. */
      confirmedCount: z.number().int().min(0).max(MAX_BULK_KEYS).optional(),
    })
    .refine((request) => new Set(request.apiKeyIds).size === request.apiKeyIds.length, { message: 'Each key must be listed once.', path: ['apiKeyIds'] })
    .refine((request) => request.resources.kind !== 'delete-with-key' || request.confirmedCount === request.apiKeyIds.length, {
      message: 'Type the number of keys to confirm that their resources are deleted with them.',
      path: ['confirmedCount'],
    });
}

export const bulkDeleteIdRequestSchema = z.strictObject({ batchId: z.uuid() });

export function countStates(keys: readonly BulkKey[]): Record<BulkKeyState, number> {
  const counts = Object.fromEntries(BULK_KEY_STATES.map((state) => [state, 0])) as Record<BulkKeyState, number>;
  for (const key of keys) counts[key.state] += 1;
  return counts;
}

/** Keys a run (or a resume) still has to try. */
export const isLeft = (key: BulkKey): boolean => key.state === 'pending' || key.state === 'deleting' || key.state === 'failed';
