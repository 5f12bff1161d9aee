// Guided rotation ("Replace key…"), as Stripe's roll and MongoDB Atlas's overlap: a new key
// with the old one's role and a title the admin confirms (its secret shown once), given the
// old key's access entries on every resource through the public permission endpoints, then
// checked; then the old key is deleted at once, or both are kept until a date after which
// KeyDesk reminds. A rotation is remembered in the user-data folder (rotations.json) from
// the moment its new key exists, so that one stopped midway, by a failure or a crash, is
// said and resumed, and an overlap's end is remembered across starts.
import { z } from 'zod';
import { isoDateTimeSchema } from './api-types';
import type { AppErrorData } from './errors';
import { apiKeyRoleSchema } from './roles';

/** How far ahead an overlap may end: long enough to redeploy, short enough to be remembered. */
export const MAX_OVERLAP_DAYS = 90;

const id = z.string().min(1).max(200);
const title = z.string().max(1000);
const count = z.number().int().min(0);
const code = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/);

/**
 * Where a rotation stands: `granting` (the new key exists; its access is being given, or
 * that stopped midway), `granted` (checked: the admin chooses what becomes of the old key),
 * `overlap` (both kept until `keepUntil`), `retiring` (the old key's delete is under way, or
 * stopped). A rotation whose old key is deleted is finished, and forgotten.
 */
export const ROTATION_STAGES = ['granting', 'granted', 'overlap', 'retiring'] as const;
export type RotationStage = (typeof ROTATION_STAGES)[number];

/** A resource on which the new key has less access than the old one (the check said so). */
export const accessShortfallSchema = z.strictObject({
  kind: z.enum(['dataSource', 'project']),
  id,
  name: title,
});
export type AccessShortfall = z.infer<typeof accessShortfallSchema>;

/** At most this many shortfalls are listed one by one; `shortfallCount` counts them all. */
export const MAX_LISTED_SHORTFALLS = 200;

export const rotationRecordSchema = z.strictObject({
  id: z.uuid(),
  server: z.string().min(1).max(2048),
  organizationId: id,
  startedAt: isoDateTimeSchema,
  oldKey: z.strictObject({ id, title, expirationDate: isoDateTimeSchema }),
  replacement: z.strictObject({ id, title, expirationDate: isoDateTimeSchema }),
  role: apiKeyRoleSchema,
  stage: z.enum(ROTATION_STAGES),
  /** What the last check found (null until one ran): resources naming the old key, and where the new key has as much. */
  access: z
    .strictObject({
      toGrant: count,
      granted: count,
      shortfallCount: count,
      shortfall: z.array(accessShortfallSchema).max(MAX_LISTED_SHORTFALLS),
      checkedAt: isoDateTimeSchema,
    })
    .nullable(),
  /** Stage `overlap`: when the old key should go; `remindedAt` once KeyDesk said so. */
  keepUntil: isoDateTimeSchema.nullable(),
  remindedAt: isoDateTimeSchema.nullable(),
  /** The failure the last step stopped on (codes only); null once a step succeeded. */
  stopped: z.strictObject({ code, serverCode: code.optional() }).nullable(),
});
export type RotationRecord = z.infer<typeof rotationRecordSchema>;

/** Phases of a rotation's long steps, for the progress view. */
export const ROTATION_PHASES = [
  /** Reading every data source's and project's entries for the old key's. */
  'finding',
  /** Giving the new key the old key's permissions, resource by resource. */
  'granting',
  /** Reading them again: the new key must have at least the old key's access everywhere. */
  'checking',
  /** Removing the old key's entries (its access now held by the new key). */
  'removing-entries',
  /** The old key's own delete. */
  'deleting-key',
] as const;
export type RotationPhase = (typeof ROTATION_PHASES)[number];

export interface RotationProgress {
  readonly rotationId: string;
  readonly phase: RotationPhase;
  /** Within the phase: resources handled so far, of `total` (0 of 0 while unknown). */
  readonly done: number;
  readonly total: number;
  /** Whether the server has been changed by this step: until then it can be cancelled. */
  readonly changed: boolean;
  /** Set when the step stopped on a failure (ask it again to resume); null while running. */
  readonly stopped: AppErrorData | null;
}

/** The argument of every call about one rotation. */
export const rotationIdRequestSchema = z.strictObject({ rotationId: z.uuid() });

/** What becomes of the old key once the new one has its access. */
export const oldKeyFateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('delete-now') }),
  /** Both stay valid until `until` (an instant within MAX_OVERLAP_DAYS); then KeyDesk reminds. */
  z.strictObject({ kind: z.literal('keep-until'), until: isoDateTimeSchema }),
]);
export type OldKeyFate = z.infer<typeof oldKeyFateSchema>;
export const finishRotationRequestSchema = z.strictObject({ rotationId: z.uuid(), oldKey: oldKeyFateSchema });

/** A rotation whose overlap has ended: the banner and the notification offer the delete. */
export type EndedOverlap = Pick<RotationRecord, 'id' | 'oldKey' | 'replacement' | 'keepUntil'>;
