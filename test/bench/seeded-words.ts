// Seeded pseudo-random titles for the benchmarks: the same data on every run.
export const WORDS = ['field', 'survey', 'sync', 'export', 'viewer', 'parcel', 'road', 'water', 'permit', 'tree', 'drone', 'transit',
  'zoning', 'lidar', 'census', 'storm', 'bike', 'park', 'asset', 'noise', 'snow', 'waste', 'heritage', 'light'];

/** xorshift32 from `seed`: a number in [0, 1) per call. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** One of the title words, drawn with `random`. */
export function wordPicker(random: () => number): () => string {
  return () => WORDS[Math.floor(random() * WORDS.length)] ?? 'key';
}
