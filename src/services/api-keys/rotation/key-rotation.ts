// Guided rotation ("Replace key…"), in four calls the renderer makes in turn: start (the new
// key, through the create wizard's own path: same Idempotency-Key retry, same secret vault
// and copy guard), grant (the old key's access copied and checked), finish (the old key
// deleted now, or both kept until a date), and, for a rotation stopped midway, the same
// call again, which resumes. Every stage is written to rotations.json before the next call.
// A rotation acts in the organization it started in (pinOrganization).
import { randomUUID } from 'node:crypto';
import type { ApiKey } from '../../../shared/api-types';
import { AppError, isAppError } from '../../../shared/errors';
import type { IpcParsedRequest } from '../../../shared/ipc-contract';
import { MAX_LISTED_SHORTFALLS, MAX_OVERLAP_DAYS, type OldKeyFate, type RotationRecord, type RotationProgress } from '../../../shared/key-rotation';
import { pickTranslation } from '../../../shared/translated-name';
import type { ActivityLog } from '../../activity/activity-log';
import { deleteEntry, outcomeOf, SUCCEEDED } from '../../activity/api-key-activity';
import type { Logger } from '../../logger';
import type { BoundOrganizationClient } from '../../organization-client/bound-organization-client';
import { pinOrganization, type OrganizationRef } from '../../organization-client/pinned-organization';
import type { GuidedDelete } from '../guided-delete/guided-delete';
import { resourceKey } from '../guided-delete/resource-scan';
import { withExtras, type createKeyDeletion } from '../key-deletion';
import { accessRemoved, rotateEntry } from './rotation-activity';
import { createRotationOperations, enter } from './rotation-operation';
import type { RotationRecords } from './rotation-records';
import { copyAccess, removeOldAccess, type CopyState, type RemovalState } from './rotation-steps';

const DAY_MS = 86_400_000;

export interface KeyRotationOptions {
  organization: () => BoundOrganizationClient;
  /** The session's organization (null without a session). */
  here: () => OrganizationRef | null;
  records: RotationRecords;
  /** The api-key service's create (the wizard's path). */
  create: (request: IpcParsedRequest<'createApiKey'>) => Promise<{ apiKey: ApiKey; secret: string }>;
  deletion: Pick<ReturnType<typeof createKeyDeletion>, 'delete'>;
  guided: Pick<GuidedDelete, 'seed' | 'progress'>;
  activity: Pick<ActivityLog, 'append' | 'context'>;
  language: () => Promise<string>;
  concurrency: number;
  now: () => Date;
  /** A rotation changed stage (the expiry watch counts ended overlaps). */
  onChanged: () => void;
  log: Logger;
}

const unknownRotation = (): AppError => AppError.because('NOT_FOUND', 'rotation-unknown', {}, 'KeyDesk has no such rotation under way in this organization.');
const notChecked = (): AppError =>
  AppError.because('CONFLICT', 'rotation-not-checked', {}, 'The new key has not been given the old key\'s access yet: finish that step first.');
const codesOf = (error: unknown): RotationRecord['stopped'] => {
  const outcome = outcomeOf(error);
  return outcome.status === 'succeeded' ? null : { code: outcome.errorCode, ...(outcome.serverCode ? { serverCode: outcome.serverCode } : {}) };
};

export function createKeyRotation(options: KeyRotationOptions) {
  const { records, activity, log } = options;
  const operations = createRotationOperations();
  // A record whose write failed (a full disk) is kept here for the session: the new key and
  // its secret must reach the admin whatever the disk says.
  const unsaved = new Map<string, RotationRecord>();

  const requireHere = (): OrganizationRef => {
    const where = options.here();
    if (!where) throw new AppError('NOT_CONNECTED', 'Connect to an organization first.');
    return where;
  };
  const inHere = (record: RotationRecord, where: OrganizationRef): boolean => record.server === where.server && record.organizationId === where.organizationId;

  async function find(rotationId: string): Promise<{ record: RotationRecord; where: OrganizationRef }> {
    const where = requireHere();
    const record = unsaved.get(rotationId) ?? (await records.get(rotationId));
    if (!record || !inHere(record, where)) throw unknownRotation();
    return { record, where };
  }

  async function save(record: RotationRecord): Promise<RotationRecord> {
    try {
      await records.put(record);
      unsaved.delete(record.id);
    } catch (error) {
      log.warn('A rotation could not be written to the user-data folder; it is kept for this session', { rotationId: record.id, code: error instanceof AppError ? error.code : 'INTERNAL' });
      unsaved.set(record.id, record);
    }
    return record;
  }

  const step = (where: OrganizationRef, rotationId: string) => ({
    org: pinOrganization(options.organization, options.here, where),
    operation: operations.begin(rotationId),
    concurrency: options.concurrency,
  });

  function accessOf(state: CopyState, language: string): RotationRecord['access'] {
    const missing = state.targets.filter((resource) => !state.covered.has(resourceKey(resource)));
    return {
      toGrant: state.targets.length,
      granted: state.targets.length - missing.length,
      shortfallCount: missing.length,
      shortfall: missing.slice(0, MAX_LISTED_SHORTFALLS).map((resource) => ({ kind: resource.kind, id: resource.id, name: pickTranslation(resource.name, language) })),
      checkedAt: options.now().toISOString(),
    };
  }

  async function retire(record: RotationRecord, where: OrganizationRef): Promise<null> {
    const { org, operation, concurrency } = step(where, record.id);
    const context = activity.context();
    const language = await options.language();
    const state: RemovalState = { named: [], removed: [] };
    let deleting = false;
    try {
      await save({ ...record, stage: 'retiring' });
      // The new key's access is what makes the old key's delete safe: it must still exist.
      await org.getApiKey(record.replacement.id).catch((error: unknown) => {
        throw isAppError(error, 'NOT_FOUND') ? AppError.because('CONFLICT', 'replacement-gone', {}, 'The new key no longer exists: the old key is kept.') : error;
      });
      const after = await removeOldAccess({ org, operation, concurrency }, record.oldKey.id, record.replacement.id, state);
      enter(operation, 'deleting-key', 1);
      operation.changed = true;
      operation.deleting = record.oldKey.id;
      options.guided.seed(record.oldKey.id, after);
      deleting = true;
      await options.deletion
        .delete(record.oldKey.id, { kind: 'nothing-owned' }, { accessRemoved: accessRemoved(state.named, state.removed, language), context })
        // Deleted by someone else meanwhile: the rotation is finished all the same.
        .catch((error: unknown) => {
          if (!isAppError(error, 'NOT_FOUND')) throw error;
        });
      await records.remove(record.id);
      unsaved.delete(record.id);
      operations.end(operation, null);
      options.onChanged();
      return null;
    } catch (error) {
      operations.end(operation, error);
      await save({ ...record, stage: 'retiring', stopped: codesOf(error) });
      // The delete records its own failure; a stop before it is recorded here.
      if (!deleting) {
        const draft = deleteEntry({ apiKey: record.oldKey, fate: { kind: 'nothing-owned' }, owned: null, result: null, outcome: outcomeOf(error, operation.changed ? 'partial' : 'failed') });
        await activity.append(withExtras(draft, { accessRemoved: accessRemoved(state.named, state.removed, language) }), context);
      }
      throw error;
    }
  }

  return {
    async start(request: IpcParsedRequest<'startRotation'>): Promise<{ rotation: RotationRecord; apiKey: ApiKey; secret: string }> {
      const where = requireHere();
      const old = await pinOrganization(options.organization, options.here, where).getApiKey(request.apiKeyId);
      const created = await options.create({ title: request.title, role: old.role, expirationDate: request.expirationDate, idempotencyKey: request.idempotencyKey });
      const rotation = await save({
        id: randomUUID(),
        server: where.server,
        organizationId: where.organizationId,
        startedAt: options.now().toISOString(),
        oldKey: { id: old.id, title: old.title, expirationDate: old.expirationDate },
        replacement: { id: created.apiKey.id, title: created.apiKey.title, expirationDate: created.apiKey.expirationDate },
        role: old.role,
        stage: 'granting',
        access: null,
        keepUntil: null,
        remindedAt: null,
        stopped: null,
      });
      log.info('Rotation started', { rotationId: rotation.id, apiKeyId: old.id, replacementId: created.apiKey.id });
      return { rotation, ...created };
    },

    /** The old key's access given to the new key and checked; the same call resumes a stopped one. */
    async grant(rotationId: string): Promise<RotationRecord> {
      const { record, where } = await find(rotationId);
      if (record.stage === 'retiring') throw notChecked();
      const { org, operation, concurrency } = step(where, rotationId);
      const context = activity.context();
      const language = await options.language();
      const state: CopyState = { targets: [], covered: new Set() };
      try {
        await copyAccess({ org, operation, concurrency }, record.oldKey.id, record.replacement.id, state);
        const checked = await save({ ...record, stage: record.stage === 'overlap' ? 'overlap' : 'granted', access: accessOf(state, language), stopped: null });
        operations.end(operation, null);
        await activity.append(rotateEntry(record, state, language, SUCCEEDED), context);
        return checked;
      } catch (error) {
        operations.end(operation, error);
        await save({ ...record, access: state.targets.length > 0 ? accessOf(state, language) : record.access, stopped: codesOf(error) });
        await activity.append(rotateEntry(record, state, language, outcomeOf(error, operation.changed ? 'partial' : 'failed')), context);
        throw error;
      }
    },

    /** The old key deleted now (null: the rotation is finished), or both kept until a date. */
    async finish(rotationId: string, fate: OldKeyFate): Promise<RotationRecord | null> {
      const { record, where } = await find(rotationId);
      if (record.stage === 'granting') throw notChecked();
      if (fate.kind === 'delete-now') return retire(record, where);
      const until = Date.parse(fate.until);
      const now = options.now().getTime();
      if (record.stage === 'retiring' || until <= now || until > now + MAX_OVERLAP_DAYS * DAY_MS) {
        if (record.stage === 'retiring') throw notChecked();
        throw AppError.because('VALIDATION', 'overlap-date-out-of-range', { maxDays: MAX_OVERLAP_DAYS }, `Keep both keys until a date in the next ${MAX_OVERLAP_DAYS} days.`);
      }
      const kept = await save({ ...record, stage: 'overlap', keepUntil: new Date(until).toISOString(), remindedAt: null, stopped: null });
      options.onChanged();
      return kept;
    },

    /** The organization's rotations under way, oldest first. */
    async list(): Promise<RotationRecord[]> {
      const where = requireHere();
      const saved = (await records.list(where)).filter((record) => !unsaved.has(record.id));
      return [...saved, ...[...unsaved.values()].filter((record) => inHere(record, where))].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    },

    /** KeyDesk stops following the rotation (both keys stay as they are). */
    async dismiss(rotationId: string): Promise<void> {
      await find(rotationId);
      if (operations.running(rotationId)) {
        throw AppError.because('CONFLICT', 'rotation-running', {}, 'KeyDesk is working on this rotation: wait for it to finish.');
      }
      unsaved.delete(rotationId);
      await records.remove(rotationId);
      options.onChanged();
    },

    progress: (rotationId: string): RotationProgress | null =>
      operations.progress(rotationId, (operation) => (operation.deleting === null ? null : options.guided.progress(operation.deleting))),
    cancel: (rotationId: string): boolean => operations.cancel(rotationId),
    clear: (): void => operations.clear(),
  };
}

export type KeyRotation = ReturnType<typeof createKeyRotation>;
