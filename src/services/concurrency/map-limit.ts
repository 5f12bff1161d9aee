// Runs one async step per item with at most `limit` of them at a time, keeping the items'
// order in the results. A server is not a place to send a thousand requests at once.
// On the first failure no new step starts; the steps already running are waited for, so
// that when this rejects nothing is still changing behind the caller's back.

export async function mapLimit<T, R>(items: readonly T[], limit: number, step: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a whole number of at least 1.');
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  async function worker(): Promise<void> {
    while (failure === null && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await step(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
