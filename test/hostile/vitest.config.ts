// `npm run test:hostile`: the hostile suite (README.md). Its own run, not part of
// test:unit: files end in .hostile.ts, run one at a time (each starts real servers, and
// the machine has two cores), and report to hostile.json for npm test's summary line.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'hostile',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/hostile/**/*.hostile.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ['test/hostile/support/global-setup.ts'],
  },
});
