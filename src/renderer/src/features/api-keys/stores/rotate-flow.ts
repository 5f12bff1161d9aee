// "Replace key…" as a flow apart from its dialog: 1. the new key's title and expiration
// (the old key's role); 2. its secret, shown once through the create wizard's own step and
// copy guard (stores/secret-reveal.ts); 3. the old key's access given to the new key, with
// progress and Cancel while nothing has changed; a stop says what was done and offers
// Resume; 4. the admin's choice for the old key: delete it now, or keep both until a date;
// 5. the result. A rotation of this key already under way (closed midway, or a crash) is
// found when the flow opens, and picked up where it stands.
import { createStore } from 'zustand/vanilla';
import { AppError, isAppError } from '@shared/errors';
import type { OldKeyFate, RotationProgress, RotationRecord } from '@shared/key-rotation';
import type { ApiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { submissionFingerprint } from '@renderer/features/api-keys/lib/create-form';
import { secretActions, secretStepOf, type SecretActions, type SecretStep } from '@renderer/features/api-keys/stores/secret-reveal';
import type { KeyToReplace } from '@renderer/features/api-keys/stores/key-change-store';
import { watchProgress } from '@renderer/features/api-keys/lib/watch-progress';
import type { RotationApi } from '@renderer/features/api-keys/lib/rotation-api';
import type { Flow } from '@renderer/lib/use-flow';

export type RotateDetailsStep = { step: 'details'; submitting: boolean; error: AppError | null };
export type RotateSecretStep = SecretStep & { rotation: RotationRecord };
/** A long step running: the access copy (`grant`) or the old key's fate (`finish`). */
export type RotateWorkingStep = { step: 'working'; stage: 'grant' | 'finish'; rotation: RotationRecord; fate: OldKeyFate | null; progress: RotationProgress | null; cancelling: boolean };
/**
 * A long step that stopped (a failure, Cancel, or a rotation found under way): the record
 * says how far the access got; "Resume" runs the same step again. `error` is null for a
 * rotation picked up as it was left.
 */
export type RotateStoppedStep = { step: 'stopped'; stage: 'grant' | 'finish'; rotation: RotationRecord; fate: OldKeyFate | null; error: AppError | null };
export type RotateChooseStep = { step: 'choose'; rotation: RotationRecord; error: AppError | null };
export type RotateDoneStep = { step: 'done'; rotation: RotationRecord; outcome: { kind: 'deleted' } | { kind: 'kept'; until: string } };

export type RotateFlowState = { step: 'loading' } | RotateDetailsStep | RotateSecretStep | RotateWorkingStep | RotateStoppedStep | RotateChooseStep | RotateDoneStep;

export type RotateFlow = Flow<RotateFlowState> &
  SecretActions & {
    /** Looks for a rotation of this key under way (or takes the one given), else asks for the details. */
    open(): Promise<void>;
    submit(request: { title: string; expirationDate: string }): Promise<void>;
    cancel(): Promise<void>;
    /** Runs the stopped step again (the services resume where it stopped). */
    resume(): Promise<void>;
    finish(fate: OldKeyFate): Promise<void>;
    /** The dialog is gone: main forgets the secret if it still holds it; polling stops. */
    dispose(): void;
  };

export type RotateFlowOptions = {
  apiKey: KeyToReplace;
  /** A rotation to pick up (from the list of replacements under way) rather than looking for one. */
  resume?: RotationRecord;
  api: Pick<RotationApi, 'start' | 'grant' | 'finish' | 'progress' | 'cancel' | 'list'>;
  keys: Pick<ApiKeysApi, 'copySecret' | 'forgetSecret'>;
  /** A key was made, or deleted, or changed: the grid should read the keys again. */
  onChanged(): void;
  pollMs?: number;
};

const DETAILS: RotateDetailsStep = { step: 'details', submitting: false, error: null };

/** Where a rotation found under way is picked up. */
export function stepOf(rotation: RotationRecord): RotateFlowState {
  if (rotation.stage === 'granting') return { step: 'stopped', stage: 'grant', rotation, fate: null, error: null };
  if (rotation.stage === 'retiring') return { step: 'stopped', stage: 'finish', rotation, fate: { kind: 'delete-now' }, error: null };
  return { step: 'choose', rotation, error: null };
}

export function createRotateFlow(options: RotateFlowOptions): RotateFlow {
  const { api, keys, apiKey } = options;
  const store = createStore<RotateFlowState>()(() => ({ step: 'loading' }));
  const set = (state: RotateFlowState): void => store.setState(state, true);
  const secret = (): RotateSecretStep | null => {
    const state = store.getState();
    return state.step === 'secret' ? state : null;
  };
  let submission: { fingerprint: string; key: string } | null = null;
  let stopWatching = (): void => undefined;
  let disposed = false;

  /** The record as the services now have it (a stop updates its access counts). */
  const latest = async (rotation: RotationRecord): Promise<RotationRecord> => {
    const all = await api.list().catch(() => []);
    return all.find((candidate) => candidate.id === rotation.id) ?? rotation;
  };

  async function run(stage: 'grant' | 'finish', rotation: RotationRecord, fate: OldKeyFate | null): Promise<void> {
    set({ step: 'working', stage, rotation, fate, progress: null, cancelling: false });
    stopWatching = watchProgress(() => api.progress(rotation.id), options.pollMs ?? 400, (progress) => {
      const state = store.getState();
      if (state.step === 'working' && state.rotation.id === rotation.id) set({ ...state, progress });
    });
    try {
      if (stage === 'grant') {
        set({ step: 'choose', rotation: await api.grant(rotation.id), error: null });
      } else if (fate) {
        const kept = await api.finish(rotation.id, fate);
        set({ step: 'done', rotation: kept ?? rotation, outcome: kept?.keepUntil ? { kind: 'kept', until: kept.keepUntil } : { kind: 'deleted' } });
        options.onChanged();
      }
    } catch (failure) {
      const error = AppError.from(failure);
      // A date the services refused: back to the choice, which says why.
      if (stage === 'finish' && fate?.kind === 'keep-until' && error.code === 'VALIDATION') set({ step: 'choose', rotation, error });
      else set({ step: 'stopped', stage, rotation: await latest(rotation), fate, error });
      if (stage === 'finish') options.onChanged();
    } finally {
      stopWatching();
    }
  }

  const afterSecret = (): void => {
    const current = secret();
    if (!current) return;
    void keys.forgetSecret(current.created.apiKey.id).catch(() => undefined);
    void run('grant', current.rotation, null);
  };

  return {
    store,
    ...secretActions<RotateSecretStep>({ api: keys, current: secret, update: set, finish: afterSecret }),

    async open() {
      if (options.resume) return set(stepOf(options.resume));
      const underWay = (await api.list().catch(() => [])).find((rotation) => rotation.oldKey.id === apiKey.id);
      if (store.getState().step === 'loading') set(underWay ? stepOf(underWay) : DETAILS);
    },

    async submit(request) {
      const current = store.getState();
      if (current.step !== 'details' || current.submitting) return;
      const fingerprint = submissionFingerprint({ ...request, role: apiKey.role });
      if (submission?.fingerprint !== fingerprint) submission = { fingerprint, key: crypto.randomUUID() };
      set({ ...DETAILS, submitting: true });
      try {
        const started = await api.start({ apiKeyId: apiKey.id, ...request, idempotencyKey: submission.key });
        submission = null;
        if (disposed) void keys.forgetSecret(started.apiKey.id).catch(() => undefined);
        else set({ ...secretStepOf({ apiKey: started.apiKey, secret: started.secret }), rotation: started.rotation });
        options.onChanged();
      } catch (failure) {
        const error = AppError.from(failure);
        // The new key exists without its secret: a retry would only replay the same answer.
        if (isAppError(error, 'SECRET_LOST')) {
          submission = null;
          options.onChanged();
        }
        set({ ...DETAILS, error });
      }
    },

    async cancel() {
      const current = store.getState();
      if (current.step !== 'working' || current.cancelling || current.progress?.changed) return;
      set({ ...current, cancelling: true });
      const { cancelled } = await api.cancel(current.rotation.id).catch(() => ({ cancelled: false }));
      const after = store.getState();
      if (!cancelled && after.step === 'working') set({ ...after, cancelling: false });
    },

    async resume() {
      const current = store.getState();
      if (current.step === 'stopped') await run(current.stage, current.rotation, current.fate);
    },

    async finish(fate) {
      const current = store.getState();
      if (current.step === 'choose') await run('finish', current.rotation, fate);
    },

    dispose() {
      disposed = true;
      stopWatching();
      const current = secret();
      if (current) void keys.forgetSecret(current.created.apiKey.id).catch(() => undefined);
    },
  };
}
