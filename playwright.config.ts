import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import type { HostKind } from './test/e2e/support/hosts';

// KEYDESK_CHROMIUM is set by scripts/e2e.mjs to the system Chromium where there is one
// (Playwright's own browser download cannot work on machines without general network);
// a bare `npx playwright test` finds Debian's chromium itself.
const executablePath = process.env.KEYDESK_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export default defineConfig<object, { hostKind: HostKind }>({
  testDir: 'test/e2e',
  testMatch: /\.spec\.ts$/,
  // Builds the renderer (and the Electron app where it can run) once, before the workers.
  globalSetup: './test/e2e/support/global-setup.ts',
  // One worker: each spec file runs a local organization server and the services in the
  // worker itself, next to a Chromium; two cores are fully used by one file at a time.
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: {
    timeout: 10_000,
    // The README's screenshots (screenshots.spec.ts): a few pixels of anti-aliasing may
    // differ between runs; anything more is a changed screen, written anew.
    toHaveScreenshot: { maxDiffPixels: 10, animations: 'disabled', caret: 'hide', scale: 'css' },
  },
  // Screenshots are documentation, not a visual regression gate: a changed screen is
  // written to docs/screenshots/ and the test passes; an unchanged one is left as it is.
  updateSnapshots: 'changed',
  snapshotPathTemplate: 'docs/screenshots/{arg}{ext}',
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    // Read by scripts/test-all.mjs for the closing summary line of `npm test`.
    ['json', { outputFile: `${process.env.KEYDESK_RESULTS_DIR ?? 'test-summary'}/playwright.json` }],
  ],
  // Traces and failure screenshots are off: they would record the secret of a new key.
  use: { trace: 'off', screenshot: 'off', video: 'off', viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' },
  projects: [
    {
      name: 'web',
      // The desktop host's own checks (the main process, app://) have no web counterpart.
      testIgnore: /desktop-app\.spec\.ts$/,
      use: {
        hostKind: 'web',
        browserName: 'chromium',
        // "Copy API key" and "Copy email" write with navigator.clipboard in the web preview.
        permissions: ['clipboard-read', 'clipboard-write'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    {
      // The same specs in the built app (launched as the project folder, whose main is
      // out/main/index.js: test/e2e/support/electron-app.ts); skipped, with the reason,
      // where no Electron binary is installed. Screenshots come from the web project only.
      name: 'electron',
      testIgnore: /screenshots\.spec\.ts$/,
      use: {
        hostKind: 'electron',
        browserName: 'chromium',
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
});
