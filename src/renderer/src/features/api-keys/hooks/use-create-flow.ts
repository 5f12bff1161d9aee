// The create wizard's flow for one dialog (stores/create-flow.ts), wired to the services
// and to the grid; main forgets the secret when the dialog goes, however it goes.
import { useEffect, useRef } from 'react';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { createCreateFlow, type CreateFlow, type CreateFlowState } from '@renderer/features/api-keys/stores/create-flow';
import { useFlow } from '@renderer/lib/use-flow';

/** `onCreated` hears the new key's title once the wizard closed on it. */
export function useCreateFlow(onCreated: (title: string) => void): [CreateFlowState, CreateFlow] {
  const created = useRef(onCreated);
  useEffect(() => {
    created.current = onCreated;
  });
  const [state, flow] = useFlow(() =>
    createCreateFlow({
      api: apiKeysApi,
      onFinished: (apiKey) => {
        const page = useApiKeysStore.getState();
        page.closeDialog();
        page.showNewest(apiKey.id);
        created.current(apiKey.title);
      },
      onKeyCreatedWithoutSecret: () => void useApiKeysStore.getState().load({ changed: true }),
    }),
  );
  useEffect(() => () => flow.dispose(), [flow]);
  return [state, flow];
}
