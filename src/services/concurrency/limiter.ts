// At most `max` tasks running at once; the others wait their turn in order. The organization
// client sends every request through one, so that no flow (a scan of 2,000 resources, the
// grid refreshing meanwhile) puts more requests in flight than the limit.

export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now (for tests and benchmarks). */
  readonly running: number;
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a whole number of at least 1.');
  let running = 0;
  const waiting: (() => void)[] = [];

  const release = (): void => {
    running -= 1;
    waiting.shift()?.();
  };

  return {
    get running() {
      return running;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      running += 1;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
