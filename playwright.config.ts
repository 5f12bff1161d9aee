import { defineConfig } from '@playwright/test';

// KEYDESK_CHROMIUM is set by scripts/e2e.mjs to the system Chromium where there is one.
const executablePath = process.env.KEYDESK_CHROMIUM;

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  reporter: [
    ['list'],
    // Read by scripts/test-all.mjs for the closing summary line of `npm test`.
    ['json', { outputFile: `${process.env.KEYDESK_RESULTS_DIR ?? 'test-summary'}/playwright.json` }],
  ],
  use: { trace: 'off', screenshot: 'off' },
  projects: [
    {
      name: 'web',
      testIgnore: /electron\//,
      use: {
        browserName: 'chromium',
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
});
