// "Replace key…"'s flow for one dialog (stores/rotate-flow.ts), wired to the services and to
// the grid (read again whenever a key was made or deleted); main forgets the new secret and
// polling stops when the dialog goes, however it goes.
import type { RotationRecord } from '@shared/key-rotation';
import { useEffect } from 'react';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { rotationApi } from '@renderer/features/api-keys/lib/rotation-api';
import type { KeyToReplace } from '@renderer/features/api-keys/stores/key-change-store';
import { createRotateFlow, type RotateFlow, type RotateFlowState } from '@renderer/features/api-keys/stores/rotate-flow';
import { useFlow } from '@renderer/lib/use-flow';

export function useRotateFlow(apiKey: KeyToReplace, resume?: RotationRecord): [RotateFlowState, RotateFlow] {
  const [state, flow] = useFlow(() =>
    createRotateFlow({ apiKey, resume, api: rotationApi, keys: apiKeysApi, onChanged: () => void useApiKeysStore.getState().load({ changed: true }) }),
  );
  useEffect(() => {
    void flow.open();
    return () => flow.dispose();
  }, [flow]);
  return [state, flow];
}
