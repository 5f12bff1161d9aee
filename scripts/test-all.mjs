// `npm test`: every check in order (lint, type-check, vitest, Playwright and whatever
// else package.json lists in `test:steps`), with a header per step and, at the end, one
// plain line counting the tests of every runner: "Summary: N passed, N failed, N skipped".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnTool } from './lib/spawn-tool.mjs';

// Not under test-results/: Playwright empties that folder when it starts.
const resultsDir = 'test-summary';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const steps = JSON.parse(readFileSync('package.json', 'utf8')).scripts['test:steps'].split(/\s+/).filter(Boolean);
const env = { ...process.env, KEYDESK_RESULTS_DIR: resultsDir };
const failedSteps = [];
for (const step of steps) {
  console.log(`\n=== npm run ${step} ===`);
  const started = Date.now();
  const result = spawnTool('npm', ['run', '--silent', step], { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${step}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds} s ===`);
  if (result.status !== 0) failedSteps.push(step);
}

function read(file) {
  const path = `${resultsDir}/${file}`;
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}
const counts = { passed: 0, failed: 0, skipped: 0 };
// vitest.json: the unit tests; hostile.json: the hostile suite (test/hostile), another vitest run.
for (const vitest of [read('vitest.json'), read('hostile.json')]) {
  if (!vitest) continue;
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const playwright = read('playwright.json');
if (playwright) {
  counts.passed += playwright.stats.expected + playwright.stats.flaky;
  counts.failed += playwright.stats.unexpected;
  counts.skipped += playwright.stats.skipped;
}
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
// A failed step with no failed test (lint, type-check) still counts as one failure.
const failed = counts.failed + (counts.failed === 0 && failedSteps.length > 0 ? 1 : 0);
console.log(`\nSummary: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
