// The rotations KeyDesk has under way, in the user-data folder (rotations.json): written as
// soon as a new key exists, changed at each stage, removed once the old key is deleted. So a
// rotation stopped by a failure, a closed window or a crash is found again at the next
// start, and an overlap's end is remembered. Validated on every read (a bad file is moved
// aside, as every KeyDesk file), written atomically, one change at a time.
import { join } from 'node:path';
import { z } from 'zod';
import { rotationRecordSchema, type RotationRecord } from '../../../shared/key-rotation';
import { cacheJsonFile } from '../../files/cached-json-file';
import { createJsonFile } from '../../files/json-file';
import type { Logger } from '../../logger';
import type { OrganizationRef } from '../../organization-client/pinned-organization';

export const ROTATIONS_FILE = 'rotations.json';
/** More than any admin keeps under way; a bound on what a bad file can make KeyDesk hold. */
const MAX_RECORDS = 1000;

const fileSchema = z.strictObject({ version: z.literal(1), rotations: z.array(rotationRecordSchema).max(MAX_RECORDS) });
type RotationsFile = z.infer<typeof fileSchema>;


const sameOrganization = (record: RotationRecord, where: Omit<OrganizationRef, 'organizationName'>): boolean =>
  record.server === where.server && record.organizationId === where.organizationId;

export interface RotationRecords {
  /** The organization's rotations, oldest first. */
  list(where: Omit<OrganizationRef, 'organizationName'>): Promise<RotationRecord[]>;
  get(rotationId: string): Promise<RotationRecord | null>;
  /** Adds or replaces the record with this id. */
  put(record: RotationRecord): Promise<RotationRecord>;
  /** Changes the record if it is still there (null when it is not). */
  update(rotationId: string, change: (record: RotationRecord) => RotationRecord): Promise<RotationRecord | null>;
  remove(rotationId: string): Promise<void>;
  /** The organization's rotations kept in overlap until a date not after `now`. */
  endedOverlaps(where: Omit<OrganizationRef, 'organizationName'>, now: Date): Promise<RotationRecord[]>;
  /** Marks those rotations' reminders as shown. */
  reminded(rotationIds: readonly string[], at: Date): Promise<void>;
  settled(): Promise<void>;
}

export function createRotationRecords(options: { userDataDir: string; now: () => Date; log: Logger }): RotationRecords {
  const file = cacheJsonFile(
    createJsonFile<RotationsFile>({
      path: join(options.userDataDir, ROTATIONS_FILE),
      schema: fileSchema,
      defaults: () => ({ version: 1, rotations: [] }),
      now: options.now,
      log: options.log,
    }),
  );
  const write = (rotations: RotationRecord[]) => ({ version: 1 as const, rotations });

  return {
    list: async (where) => (await file.get()).rotations.filter((record) => sameOrganization(record, where)),
    get: async (rotationId) => (await file.get()).rotations.find((record) => record.id === rotationId) ?? null,
    put: (record) =>
      file.change((current) => {
        const others = current.rotations.filter((existing) => existing.id !== record.id);
        // The oldest go first if a file somehow holds too many: a bound, not a policy.
        return { next: write([...others, record].slice(-MAX_RECORDS)), result: record };
      }),
    update: (rotationId, change) =>
      file.change((current) => {
        const found = current.rotations.find((record) => record.id === rotationId);
        if (!found) return { next: null, result: null };
        const changed = rotationRecordSchema.parse(change(found));
        return { next: write(current.rotations.map((record) => (record.id === rotationId ? changed : record))), result: changed };
      }),
    remove: (rotationId) =>
      file.change((current) => ({
        next: current.rotations.some((record) => record.id === rotationId) ? write(current.rotations.filter((record) => record.id !== rotationId)) : null,
        result: undefined,
      })),
    endedOverlaps: async (where, now) =>
      (await file.get()).rotations.filter(
        (record) => sameOrganization(record, where) && record.stage === 'overlap' && record.keepUntil !== null && Date.parse(record.keepUntil) <= now.getTime(),
      ),
    reminded: (rotationIds, at) =>
      file.change((current) => {
        const ids = new Set(rotationIds);
        if (!current.rotations.some((record) => ids.has(record.id))) return { next: null, result: undefined };
        return { next: write(current.rotations.map((record) => (ids.has(record.id) ? { ...record, remindedAt: at.toISOString() } : record))), result: undefined };
      }),
    settled: file.settled,
  };
}
