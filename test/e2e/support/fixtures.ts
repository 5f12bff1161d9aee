// The specs' `test`: the same specs run in the `web` and `electron` projects. Each spec
// file gets a fresh host (a web preview, or a local organization server for the Electron
// app) with its own database, reused by the tests of that file; `page` is the app's
// window; `rest` is an administrator's REST client of the same organization, to check the
// server after each flow.
import { test as base, expect, type Page } from '@playwright/test';
import { findElectronBinary } from './electron-binary';
import { launchElectron, startElectronHost, startWebHost, type AppHost, type HostKind, type LaunchedElectron } from './hosts';
import { AdminClient } from './rest-client';
import type { LocalServerProfile } from '../../../src/shared/server-capabilities';

export interface Fixtures {
  /**
   * The local organization's profile: `default`, or `jmapcloud` (JMap Cloud's public API
   * only). A spec runs a flow on both with `test.use({ serverProfile })` in a describe.
   */
  serverProfile: LocalServerProfile;
  /** Reads the system clipboard as the app wrote it (the browser's in the web preview). */
  readClipboard: () => Promise<string>;
  host: AppHost;
  rest: AdminClient;
  /** The launched app in the electron project; null in the web project. */
  electron: LaunchedElectron | null;
}

interface WorkerFixtures {
  hostKind: HostKind;
  /** One host per spec file: started for the first test of a file, replaced for the next file. */
  hostPool: { forFile(file: string, profile: LocalServerProfile): Promise<AppHost> };
}

const electronBinary = findElectronBinary();

export const test = base.extend<Fixtures & { skipWithoutHost: undefined }, WorkerFixtures>({
  hostKind: ['web', { option: true, scope: 'worker' }],

  hostPool: [
    async ({ hostKind }, use) => {
      const state: { current: { file: string; profile: LocalServerProfile; host: AppHost } | null } = { current: null };
      await use({
        async forFile(file, profile) {
          if (state.current?.file === file && state.current.profile === profile) return state.current.host;
          await state.current?.host.close();
          state.current = null;
          const host = hostKind === 'web' ? await startWebHost(profile) : await startElectronHost(profile);
          state.current = { file, profile, host };
          return host;
        },
      });
      await state.current?.host.close();
    },
    // The first web preview may build the renderer (vite) before it listens.
    { scope: 'worker', timeout: 240_000 },
  ],

  // Runs before every other fixture of a test: an Electron test skips here, with the
  // reason, before anything tries to launch a binary that is not there.
  skipWithoutHost: [
    async ({ hostKind }, use, testInfo) => {
      if (hostKind === 'electron' && electronBinary.path === null) {
        testInfo.skip(true, `Electron project skipped: ${electronBinary.reason}. The same specs run in the web project.`);
      }
      await use(undefined);
    },
    { auto: true },
  ],

  serverProfile: ['default', { option: true }],

  host: [
    async ({ hostPool, serverProfile }, use, testInfo) => {
      await use(await hostPool.forFile(testInfo.file, serverProfile));
    },
    { timeout: 240_000 },
  ],

  electron: async ({ hostKind }, use) => {
    if (hostKind !== 'electron') {
      await use(null);
      return;
    }
    const launched = await launchElectron();
    try {
      await use(launched);
    } finally {
      await launched.close();
    }
  },

  page: async ({ page, electron }, use) => {
    await use(electron ? electron.window : page);
  },

  readClipboard: async ({ page, electron }, use) => {
    // In the web preview the page itself writes the copy with navigator.clipboard (the
    // context has the clipboard permissions); in Electron the main process writes it.
    await use(async () =>
      electron
        ? electron.app.evaluate(({ clipboard }) => clipboard.readText())
        : page.evaluate<string>('navigator.clipboard.readText()'),
    );
  },

  rest: async ({ host }, use) => {
    const { url, adminEmail, adminPassword, organizationId } = host.organization;
    await use(await AdminClient.signIn(url, adminEmail, adminPassword, organizationId));
  },
});

export { expect };
export type { Page };
