// "Edit…"'s flow for one dialog (stores/edit-flow.ts): `canEdit` is the session server's
// capabilities.apiKeyEdit; a saved key refreshes the grid.
import type { ApiKey } from '@shared/api-types';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { rotationApi } from '@renderer/features/api-keys/lib/rotation-api';
import { createEditFlow, type EditFlow, type EditFlowState } from '@renderer/features/api-keys/stores/edit-flow';
import { useFlow } from '@renderer/lib/use-flow';

export function useEditFlow(apiKey: ApiKey, canEdit: boolean, onSaved: (apiKey: ApiKey) => void): [EditFlowState, EditFlow] {
  return useFlow(() =>
    createEditFlow({
      apiKey,
      canEdit,
      api: rotationApi,
      onSaved: (saved) => {
        void useApiKeysStore.getState().load({ changed: true });
        onSaved(saved);
      },
    }),
  );
}
