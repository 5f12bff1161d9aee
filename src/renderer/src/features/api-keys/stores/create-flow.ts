// The "Create new API key" wizard as a flow apart from its dialog: 1. the details, sent
// with one Idempotency-Key per submission (reused while the same values are retried);
// 2. the secret, shown this once, with "Copy" and "OK" (which asks once before closing
// without a copy). The form keeps its field values and checks them (lib/create-form.ts).
//
// The new secret lives in this flow only: created with the dialog, dropped with it, and
// never in the feature's store. However the wizard ends (OK, or unmounted under it by an
// organization switch or a session that ended), main is told to forget it too.
import { createStore } from 'zustand/vanilla';
import type { ApiKey, CreatedApiKey } from '@shared/api-types';
import { AppError } from '@shared/errors';
import type { ApiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { refusedFields, submissionFingerprint, type CreateField, type CreateRequest } from '@renderer/features/api-keys/lib/create-form';
import type { Flow } from '@renderer/lib/use-flow';

export type CopyState = { status: 'idle' } | { status: 'copied'; clearsAfterSeconds: number | null } | { status: 'failed'; error: AppError };

export type DetailsStep = {
  step: 'details';
  submitting: boolean;
  /** The fields the server refused in the last submission, each with the error (cleared as it is edited). */
  refused: Partial<Record<CreateField, AppError>>;
  /** A failure said once, above the buttons (SECRET_LOST among them). */
  error: AppError | null;
};

export type SecretStep = {
  step: 'secret';
  created: CreatedApiKey;
  copy: CopyState;
  copiedOnce: boolean;
  /** "Close without copying?" is showing. */
  confirmingClose: boolean;
  askedOnce: boolean;
};

export type CreateFlowState = DetailsStep | SecretStep | { step: 'finished' };

export type CreateFlow = Flow<CreateFlowState> & {
  submit(request: CreateRequest): Promise<void>;
  /** The user edits a field: the server's refusal of it no longer applies. */
  fieldChanged(field: CreateField): void;
  copySecret(): Promise<void>;
  /** "OK" on the secret: closes, unless it is the first time and nothing was copied. */
  ok(): void;
  /** "Go back" from "Close without copying?". */
  goBack(): void;
  closeAnyway(): void;
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

    async submit(request) {
      const current = details();
      if (!current || current.submitting) return;
      const fingerprint = submissionFingerprint(request);
      if (submission?.fingerprint !== fingerprint) submission = { fingerprint, key: crypto.randomUUID() };
      set({ ...DETAILS, submitting: true });
      try {
        const created = await api.create({ ...request, idempotencyKey: submission.key });
        submission = null;
        set({ step: 'secret', created, copy: { status: 'idle' }, copiedOnce: false, confirmingClose: false, askedOnce: false });
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

    async copySecret() {
      const current = secret();
      if (!current) return;
      try {
        const { clearsAfterSeconds } = await api.copySecret(current.created.apiKey.id);
        const after = secret();
        if (after) set({ ...after, copy: { status: 'copied', clearsAfterSeconds }, copiedOnce: true, confirmingClose: false });
      } catch (error) {
        const after = secret();
        if (after) set({ ...after, copy: { status: 'failed', error: AppError.from(error) } });
      }
    },

    ok() {
      const current = secret();
      if (!current) return;
      if (current.copiedOnce || current.askedOnce) finish();
      else set({ ...current, askedOnce: true, confirmingClose: true });
    },

    goBack() {
      const current = secret();
      if (current) set({ ...current, confirmingClose: false });
    },

    closeAnyway: finish,

    dispose() {
      const current = secret();
      if (current) void api.forgetSecret(current.created.apiKey.id).catch(() => undefined);
    },
  };
}
