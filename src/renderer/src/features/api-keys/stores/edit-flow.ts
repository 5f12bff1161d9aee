// "Edit…" as a flow apart from its dialog: the new title and/or expiration sent once (only
// what changed), the server's refusal said, the key as saved handed back. Where the server
// cannot edit (JMap Cloud: capabilities.apiKeyEdit false) the dialog says so and offers
// "Replace key…" instead; a refusal for that reason (key-edit-unsupported) lands there too.
import { createStore } from 'zustand/vanilla';
import type { ApiKey } from '@shared/api-types';
import { AppError } from '@shared/errors';
import type { RotationApi } from '@renderer/features/api-keys/lib/rotation-api';
import type { Flow } from '@renderer/lib/use-flow';

export type EditFlowState =
  | { step: 'form'; saving: boolean; error: AppError | null }
  | { step: 'unsupported' }
  | { step: 'saved'; apiKey: ApiKey };

export type EditChanges = { title?: string; expirationDate?: string };

export type EditFlow = Flow<EditFlowState> & { save(changes: EditChanges): Promise<void> };

export type EditFlowOptions = {
  apiKey: ApiKey;
  /** capabilities.apiKeyEdit of the session's server. */
  canEdit: boolean;
  api: Pick<RotationApi, 'edit'>;
  onSaved(apiKey: ApiKey): void;
};

export function createEditFlow({ apiKey, canEdit, api, onSaved }: EditFlowOptions): EditFlow {
  const store = createStore<EditFlowState>()(() => (canEdit ? { step: 'form', saving: false, error: null } : { step: 'unsupported' }));
  const set = (state: EditFlowState): void => store.setState(state, true);
  return {
    store,
    async save(changes) {
      const current = store.getState();
      if (current.step !== 'form' || current.saving) return;
      if (changes.title === undefined && changes.expirationDate === undefined) return;
      set({ step: 'form', saving: true, error: null });
      try {
        const saved = await api.edit({ id: apiKey.id, ...changes });
        set({ step: 'saved', apiKey: saved });
        onSaved(saved);
      } catch (failure) {
        const error = AppError.from(failure);
        set(error.reason === 'key-edit-unsupported' ? { step: 'unsupported' } : { step: 'form', saving: false, error });
      }
    },
  };
}
