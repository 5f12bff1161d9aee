// Asks where a long step stands, every `intervalMs`, until stopped; a failed or late answer
// is skipped (the step's own answer says how it ended), and none arrives after the stop.
export function watchProgress<P>(read: () => Promise<P | null>, intervalMs: number, onProgress: (progress: P) => void): () => void {
  let stopped = false;
  let asking = false;
  const timer = setInterval(() => {
    if (asking) return;
    asking = true;
    read()
      .then((progress) => {
        if (!stopped && progress !== null) onProgress(progress);
      })
      .catch(() => undefined)
      .finally(() => {
        asking = false;
      });
  }, intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
