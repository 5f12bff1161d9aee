// The guided delete's flow for one dialog (stores/delete-flow.ts), wired to the services
// and to the grid, which reloads once the key is deleted or found gone.
import type { ApiKey } from '@shared/api-types';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { createDeleteFlow, type DeleteFlow, type DeleteFlowState } from '@renderer/features/api-keys/stores/delete-flow';
import { useFlow } from '@renderer/lib/use-flow';

export function useDeleteFlow(apiKey: ApiKey): [DeleteFlowState, DeleteFlow] {
  return useFlow(() => createDeleteFlow({ apiKey, api: apiKeysApi, onChanged: () => void useApiKeysStore.getState().load({ changed: true }) }));
}
