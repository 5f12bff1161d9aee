// A JsonFile read once and then served from memory, whose changes are read-modify-write
// one at a time, so that two changes made at once both stay (the settings and the saved
// connections both need this; each had its own copy, and the settings' lost a change).
import type { JsonFile, JsonFileRecovery } from './json-file';

export interface CachedJsonFile<T> {
  get(): Promise<T>;
  /** Runs `work` on the current value; a `next` value is written, then served. */
  change<R>(work: (current: T) => { next: T | null; result: R }): Promise<R>;
  /** Resolves once every change asked for so far is written (or has failed). */
  settled(): Promise<void>;
  readonly recovery: JsonFileRecovery | null;
}

export function cacheJsonFile<T>(file: JsonFile<T>): CachedJsonFile<T> {
  // The read itself is cached, not only its result: two first calls at once must not both
  // find a corrupt file and both try to move it aside.
  let cache: Promise<T> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const get = (): Promise<T> =>
    (cache ??= file.read().catch((error: unknown) => {
      // A failed read (permissions, disk) is not cached: the next call tries again.
      cache = undefined;
      throw error;
    }));

  return {
    get recovery() {
      return file.recovery;
    },
    get,
    change(work) {
      const run = queue.then(async () => {
        const { next, result } = work(await get());
        if (next !== null) {
          await file.write(next);
          cache = Promise.resolve(next);
        }
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async settled() {
      // A change may be queued while we wait; wait for that one too.
      let waited: Promise<unknown>;
      do {
        waited = queue;
        await waited;
      } while (waited !== queue);
    },
  };
}
