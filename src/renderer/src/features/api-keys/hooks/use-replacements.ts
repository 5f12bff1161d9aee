// The organization's rotations under way, read when the list opens and after a dismissal:
// those whose overlap has ended (kept until a date now past) apart, as the reminder names them.
import { AppError } from '@shared/errors';
import type { RotationRecord } from '@shared/key-rotation';
import { useEffect, useState } from 'react';
import { rotationApi } from '@renderer/features/api-keys/lib/rotation-api';

export type ReplacementsState = { status: 'loading' } | { status: 'ready'; ended: RotationRecord[]; ongoing: RotationRecord[] } | { status: 'failed'; error: AppError };

export const overlapEnded = (rotation: RotationRecord, now: number): boolean =>
  rotation.stage === 'overlap' && rotation.keepUntil !== null && Date.parse(rotation.keepUntil) <= now;

export function useReplacements(onDismissed: (rotation: RotationRecord) => void): { state: ReplacementsState; dismiss: (rotation: RotationRecord) => Promise<void> } {
  const [state, setState] = useState<ReplacementsState>({ status: 'loading' });
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let live = true;
    rotationApi.list().then(
      (all) => {
        const now = Date.now();
        if (live) setState({ status: 'ready', ended: all.filter((rotation) => overlapEnded(rotation, now)), ongoing: all.filter((rotation) => !overlapEnded(rotation, now)) });
      },
      (error: unknown) => live && setState({ status: 'failed', error: AppError.from(error) }),
    );
    return () => {
      live = false;
    };
  }, [reads]);
  const dismiss = async (rotation: RotationRecord): Promise<void> => {
    try {
      await rotationApi.dismiss(rotation.id);
      onDismissed(rotation);
      setReads((count) => count + 1);
    } catch (error) {
      setState({ status: 'failed', error: AppError.from(error) });
    }
  };
  return { state, dismiss };
}
