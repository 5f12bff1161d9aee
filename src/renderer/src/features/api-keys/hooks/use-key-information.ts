// "Display information": the key as the grid had it, refreshed from the service (its last
// use may have changed); gone when someone deleted it meanwhile (the grid reloads then);
// and the copy buttons, each with how its last copy went.
import type { ApiKey } from '@shared/api-types';
import { AppError } from '@shared/errors';
import { useEffect, useState } from 'react';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';

export type CopiedField = 'email' | 'id';
export type CopyOutcome = { field: CopiedField } & ({ copied: true } | { copied: false; error: AppError });

export function useKeyInformation(initial: ApiKey): {
  apiKey: ApiKey;
  gone: boolean;
  lastCopy: CopyOutcome | null;
  copy(field: CopiedField, text: string): void;
} {
  const load = useApiKeysStore((state) => state.load);
  const [apiKey, setApiKey] = useState(initial);
  const [gone, setGone] = useState(false);
  const [lastCopy, setLastCopy] = useState<CopyOutcome | null>(null);

  useEffect(() => {
    let current = true;
    apiKeysApi
      .get(initial.id)
      .then((fresh) => current && setApiKey(fresh))
      .catch((error: unknown) => {
        if (!current || !(error instanceof AppError) || error.code !== 'NOT_FOUND') return;
        setGone(true);
        void load();
      });
    return () => {
      current = false;
    };
  }, [initial.id, load]);

  const copy = async (field: CopiedField, text: string): Promise<void> => {
    try {
      await apiKeysApi.copyText(text);
      setLastCopy({ field, copied: true });
    } catch (error) {
      setLastCopy({ field, copied: false, error: AppError.from(error) });
    }
  };

  return { apiKey, gone, lastCopy, copy: (field, text) => void copy(field, text) };
}
