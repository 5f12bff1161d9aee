// The state of one rotation's long step while it runs (its access copy, or its old key's
// retirement), for the progress view: the phase, how far in it, whether anything changed
// (until then it can be cancelled), and the failure it stopped on.
import { AppError, toAppErrorData, type AppErrorData } from '../../../shared/errors';
import type { RotationPhase, RotationProgress } from '../../../shared/key-rotation';
import type { ScanOptions } from '../guided-delete/resource-scan';

export interface RotationOperation {
  readonly rotationId: string;
  running: boolean;
  abort: AbortController;
  phase: RotationPhase;
  done: number;
  total: number;
  changed: boolean;
  stopped: AppErrorData | null;
  /** In the phase `deleting-key`: the key whose (guided) delete is running. */
  deleting: string | null;
}

export function createRotationOperations() {
  const operations = new Map<string, RotationOperation>();

  return {
    /** The rotation's operation, made running; CONFLICT while another request runs it. */
    begin(rotationId: string): RotationOperation {
      if (operations.get(rotationId)?.running) {
        throw AppError.because('CONFLICT', 'rotation-running', {}, 'KeyDesk is already working on this rotation: wait for it to finish.');
      }
      const operation: RotationOperation = { rotationId, running: true, abort: new AbortController(), phase: 'finding', done: 0, total: 0, changed: false, stopped: null, deleting: null };
      operations.set(rotationId, operation);
      return operation;
    },

    /** The step ended: finished, it is forgotten; stopped, its failure is kept for the progress view. */
    end(operation: RotationOperation, error: unknown | null): void {
      operation.running = false;
      if (error === null) operations.delete(operation.rotationId);
      else operation.stopped = toAppErrorData(error);
    },

    progress(rotationId: string, deleting: (operation: RotationOperation) => { done: number; total: number } | null): RotationProgress | null {
      const operation = operations.get(rotationId);
      if (!operation) return null;
      // The old key's delete runs as its own (guided) delete: its counts are shown.
      const counts = operation.phase === 'deleting-key' && operation.running ? (deleting(operation) ?? operation) : operation;
      return {
        rotationId,
        phase: operation.phase,
        done: counts.done,
        total: counts.total,
        changed: operation.changed,
        stopped: operation.running ? null : operation.stopped,
      };
    },

    running: (rotationId: string): boolean => operations.get(rotationId)?.running === true,

    /** Cancels a running step that has changed nothing yet; false when it cannot be. */
    cancel(rotationId: string): boolean {
      const operation = operations.get(rotationId);
      if (!operation?.running || operation.changed) return false;
      operation.abort.abort();
      return true;
    },

    /** At the end of a session: every scan stops (a step that changed something stops on its next request). */
    clear(): void {
      for (const operation of operations.values()) operation.abort.abort();
      operations.clear();
    },
  };
}

export type RotationOperations = ReturnType<typeof createRotationOperations>;

export function enter(operation: RotationOperation, phase: RotationPhase, total: number): void {
  operation.phase = phase;
  operation.done = 0;
  operation.total = total;
}

/** A scan's options: cancellable until something changed, its progress in the operation. */
export const scanOptionsOf = (operation: RotationOperation, concurrency: number): ScanOptions => ({
  concurrency,
  signal: operation.changed ? undefined : operation.abort.signal,
  onProgress: (done, total) => {
    operation.done = done;
    operation.total = total;
  },
});
