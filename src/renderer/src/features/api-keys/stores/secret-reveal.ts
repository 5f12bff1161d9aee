// The one-time secret step, shared by every flow that makes a key (the create wizard, and
// "Replace key…"): the secret shown once, "Copy" through the main process's guarded
// clipboard, and "OK" that asks once before closing without a copy. A flow keeps this step
// in its own state and hands its getter and setter here; what "OK" leads to is its own.
import { AppError } from '@shared/errors';
import type { CreatedApiKey } from '@shared/api-types';
import type { ApiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';

export type CopyState = { status: 'idle' } | { status: 'copied'; clearsAfterSeconds: number | null } | { status: 'failed'; error: AppError };

export type SecretStep = {
  step: 'secret';
  created: CreatedApiKey;
  copy: CopyState;
  copiedOnce: boolean;
  /** "Close without copying?" is showing. */
  confirmingClose: boolean;
  askedOnce: boolean;
};

/** The events of the secret step (the component components/create/secret-step.tsx sends them). */
export type SecretActions = {
  copySecret(): Promise<void>;
  /** "OK": goes on, unless it is the first time and nothing was copied. */
  ok(): void;
  /** "Go back" from "Close without copying?". */
  goBack(): void;
  closeAnyway(): void;
};

export const secretStepOf = (created: CreatedApiKey): SecretStep => ({
  step: 'secret',
  created,
  copy: { status: 'idle' },
  copiedOnce: false,
  confirmingClose: false,
  askedOnce: false,
});

/** `S`: the flow's secret step, which may carry more (the rotation's record). */
export type SecretRevealOptions<S extends SecretStep> = {
  api: Pick<ApiKeysApi, 'copySecret'>;
  /** The flow's secret step, or null once it has left it. */
  current(): S | null;
  update(step: S): void;
  /** "OK" after a copy, or "Close anyway": the flow goes on (and main forgets the secret). */
  finish(): void;
};

export function secretActions<S extends SecretStep>({ api, current, update, finish }: SecretRevealOptions<S>): SecretActions {
  return {
    async copySecret() {
      const step = current();
      if (!step) return;
      try {
        const { clearsAfterSeconds } = await api.copySecret(step.created.apiKey.id);
        const after = current();
        if (after) update({ ...after, copy: { status: 'copied', clearsAfterSeconds }, copiedOnce: true, confirmingClose: false });
      } catch (error) {
        const after = current();
        if (after) update({ ...after, copy: { status: 'failed', error: AppError.from(error) } });
      }
    },
    ok() {
      const step = current();
      if (!step) return;
      if (step.copiedOnce || step.askedOnce) finish();
      else update({ ...step, askedOnce: true, confirmingClose: true });
    },
    goBack() {
      const step = current();
      if (step) update({ ...step, confirmingClose: false });
    },
    closeAnyway() {
      if (current()) finish();
    },
  };
}
