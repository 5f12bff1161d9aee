// Which of the rotation feature's dialogs is open: "Replace key…" (a key, or a replacement
// under way to pick up), "Edit…", or the list of replacements under way (the reminder's
// "show-ended-overlaps"). Apart from the keys page's own dialog store, so that the row
// menu and the information dialog open them with one call.
import type { ApiKey } from '@shared/api-types';
import type { RotationRecord } from '@shared/key-rotation';
import { create } from 'zustand';

/** The key a rotation replaces: a row of the grid, or what a rotation's record says of it. */
export type KeyToReplace = Pick<ApiKey, 'id' | 'title' | 'role' | 'expirationDate'> & { creationDate?: string };

export type KeyChangeDialog =
  | { kind: 'none' }
  | { kind: 'rotate'; apiKey: KeyToReplace; resume?: RotationRecord }
  | { kind: 'edit'; apiKey: ApiKey }
  | { kind: 'replacements' };

type KeyChangeState = {
  dialog: KeyChangeDialog;
  open(dialog: Exclude<KeyChangeDialog, { kind: 'none' }>): void;
  close(): void;
};

export const useKeyChangeStore = create<KeyChangeState>()((set) => ({
  dialog: { kind: 'none' },
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: { kind: 'none' } }),
}));

/** The key a rotation's record replaces, as "Replace key…" takes it. */
export const keyOfRecord = (rotation: RotationRecord): KeyToReplace => ({ ...rotation.oldKey, role: rotation.role });
