// The "Create new API key" wizard as a flow apart from its dialog: 1. the details, sent
// with one Idempotency-Key per submission (reused while the same values are retried);
// 2. the secret, shown this once, with "Copy" and "OK" (which asks once before closing
// without a copy). The form keeps its field values and checks them (lib/create-form.ts).
//
// The new secret lives in this flow only: created with the dialog, dropped with it, and
// never in the feature's store. However the wizard ends (OK, or unmounted under it by an
// organization switch or a session that ended), main is told to forget it too.
import { createStore } from 'zustand/vanilla';
import type { ApiKey } from '@shared/api-types';
import { AppError } from '@shared/errors';
import type { ApiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { refusedFields, submissionFingerprint, type CreateField, type CreateRequest } from '@renderer/features/api-keys/lib/create-form';
import { secretActions, secretStepOf, type SecretActions, type SecretStep } from '@renderer/features/api-keys/stores/secret-reveal';
import type { Flow } from '@renderer/lib/use-flow';

export type DetailsStep = {
  step: 'details';
  submitting: boolean;
  /** The fields the server refused in the last submission, each with the error (cleared as it is edited). */
  refused: Partial<Record<CreateField, AppError>>;
  /** A failure said once, above the buttons (SECRET_LOST among them). */
  error: AppError | null;
};

export type CreateFlowState = DetailsStep | SecretStep | { step: 'finished' };

/** The secret step's events (stores/secret-reveal.ts): "OK" after a copy closes the wizard. */
export type CreateFlow = Flow<CreateFlowState> &
  SecretActions & {
    submit(request: CreateRequest): Promise<void>;
    /** The user edits a field: the server's refusal of it no longer applies. */
    fieldChanged(field: CreateField): void;
    /** The wizard is gone (unmounted): main forgets the secret if it still holds it. */
    dispose(): void;
  };

export type CreateFlowOptions = {
  api: Pick<ApiKeysApi, 'create' | 'copySecret' | 'forgetSecret'>;
  /** After "OK": the wizard closes and the grid shows the new key. */
  onFinished(apiKey: ApiKey): void;
  /** A key was created whose secret was lost (SECRET_LOST): the grid should show it. */
  onKeyCreatedWithoutSecret(): void;
};

const DETAILS: DetailsStep = { step: 'details', submitting: false, refused: {}, error: null };

export function createCreateFlow(options: CreateFlowOptions): CreateFlow {
  const { api } = options;
  const store = createStore<CreateFlowState>()(() => DETAILS);
  const set = (state: CreateFlowState): void => store.setState(state, true);
  const details = (): DetailsStep | null => {
    const state = store.getState();
    return state.step === 'details' ? state : null;
  };
  const secret = (): SecretStep | null => {
    const state = store.getState();
    return state.step === 'secret' ? state : null;
  };
  // One Idempotency-Key per submission, kept while the same values are retried.
  let submission: { fingerprint: string; key: string } | null = null;

  const finish = (): void => {
    const current = secret();
    if (!current) return;
    set({ step: 'finished' });
    void api.forgetSecret(current.created.apiKey.id).catch(() => undefined);
    options.onFinished(current.created.apiKey);
  };

  return {
    store,
    ...secretActions({ api, current: secret, update: set, finish }),

    async submit(request) {
      const current = details();
      if (!current || current.submitting) return;
      const fingerprint = submissionFingerprint(request);
      if (submission?.fingerprint !== fingerprint) submission = { fingerprint, key: crypto.randomUUID() };
      set({ ...DETAILS, submitting: true });
      try {
        const created = await api.create({ ...request, idempotencyKey: submission.key });
        submission = null;
        set(secretStepOf(created));
      } catch (failure) {
        const error = AppError.from(failure);
        if (error.code === 'SECRET_LOST') {
          // The key exists; a retry would only replay the same answer. Say it plainly.
          submission = null;
          set({ ...DETAILS, error });
          options.onKeyCreatedWithoutSecret();
          return;
        }
        const fields = refusedFields(error);
        set(fields.length > 0 ? { ...DETAILS, refused: Object.fromEntries(fields.map((field) => [field, error])) } : { ...DETAILS, error });
      }
    },

    fieldChanged(field) {
      const current = details();
      if (!current?.refused[field]) return;
      const { [field]: _dropped, ...refused } = current.refused;
      set({ ...current, refused });
    },

    dispose() {
      const current = secret();
      if (current) void api.forgetSecret(current.created.apiKey.id).catch(() => undefined);
    },
  };
}
