// The two hosts the specs run the real renderer in, each with a real local organization
// server on loopback whose database is a file (so that it can be stopped and restarted
// on the same port with the same data, as after a crash):
// - web: the web preview (startWebPreview: the services behind the HTTP bridge), in Chromium;
// - electron: the built app (the project folder, whose main is out/main/index.js) through
//   Playwright's _electron.launch.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { startLocalServer, type RunningLocalServer } from '../../../src/server/start-server';
import type { LocalServerProfile } from '../../../src/shared/server-capabilities';
import { startWebPreview, type WebPreview } from '../../../src/web/start-web-preview';
import { E2E_RENDERER_DIR } from './e2e-renderer';
import { electronLaunchArgs } from './electron-app';
import { findElectronBinary } from './electron-binary';

export type HostKind = 'web' | 'electron';

/** The organization the UI works on, as the tests' REST client reaches it. */
export interface OrganizationServer {
  readonly url: string;
  readonly port: number;
  readonly dbPath: string;
  readonly adminEmail: string;
  readonly adminPassword: string;
  readonly organizationId: string;
}

export interface AppHost {
  readonly kind: HostKind;
  /** `jmapcloud`: the organization answers as JMap Cloud does, without KeyDesk's extensions. */
  readonly profile: LocalServerProfile;
  readonly organization: OrganizationServer;
  /** Web: the preview's URL. Electron: null (the window loads the app itself). */
  readonly pageUrl: string | null;
  /** Stops the organization server (the app keeps running and finds it gone). */
  stopServer(): Promise<void>;
  /** Starts it again on the same port with the same database. */
  restartServer(): Promise<void>;
  close(): Promise<void>;
}

/** A fixed password: the tests sign in with it; it is no secret of anyone's. */
export const E2E_ADMIN_PASSWORD = 'e2e-demo-password';

function organizationOf(server: RunningLocalServer, dbPath: string): OrganizationServer {
  if (!server.demo) throw new Error('The local organization server has no demo organization.');
  return {
    url: server.url,
    port: server.port,
    dbPath,
    adminEmail: server.demo.adminEmail,
    adminPassword: server.demo.adminPassword,
    organizationId: server.demo.organizationId,
  };
}

function restartable(first: RunningLocalServer, dbPath: string, profile: LocalServerProfile) {
  let current: RunningLocalServer | null = first;
  return {
    async stop(): Promise<void> {
      const stopping = current;
      current = null;
      await stopping?.close();
    },
    async restart(): Promise<void> {
      await this.stop();
      current = await startLocalServer({ host: '127.0.0.1', port: first.port, dbPath, seed: 'demo', adminPassword: E2E_ADMIN_PASSWORD, profile });
    },
    /** The server started by restart(), which its first owner does not know about. */
    async closeRestarted(): Promise<void> {
      if (current !== first) await current?.close();
    },
  };
}

export async function startWebHost(profile: LocalServerProfile = 'default'): Promise<AppHost> {
  const folder = await mkdtemp(join(tmpdir(), 'keydesk-e2e-'));
  const dbPath = join(folder, 'organization.db');
  let preview: WebPreview;
  try {
    preview = await startWebPreview({
      port: 0,
      dbPath,
      adminPassword: E2E_ADMIN_PASSWORD,
      userDataDir: join(folder, 'user-data'),
      profile,
      // Copied from out/renderer by global-setup.ts before the workers start.
      rendererDir: E2E_RENDERER_DIR,
    });
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const server = restartable(preview.server, dbPath, profile);
  return {
    kind: 'web',
    profile,
    organization: organizationOf(preview.server, dbPath),
    pageUrl: preview.url,
    stopServer: () => server.stop(),
    restartServer: () => server.restart(),
    async close() {
      await server.closeRestarted();
      await preview.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Electron: the app talks to a local organization server started here, through
 * "Connect to JMap Cloud" with its loopback URL (the app's own bundled server runs in a
 * utilityProcess whose port and password the tests cannot know).
 */
export async function startElectronHost(profile: LocalServerProfile = 'default'): Promise<AppHost> {
  const folder = await mkdtemp(join(tmpdir(), 'keydesk-e2e-electron-'));
  const dbPath = join(folder, 'organization.db');
  const first = await startLocalServer({ host: '127.0.0.1', port: 0, dbPath, seed: 'demo', adminPassword: E2E_ADMIN_PASSWORD, profile });
  const server = restartable(first, dbPath, profile);
  return {
    kind: 'electron',
    profile,
    organization: organizationOf(first, dbPath),
    pageUrl: null,
    stopServer: () => server.stop(),
    restartServer: () => server.restart(),
    async close() {
      await server.closeRestarted();
      await first.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

export interface LaunchedElectron {
  app: ElectronApplication;
  window: Page;
  close(): Promise<void>;
}

/**
 * Launches the built app with a fresh user-data folder: Chromium's --user-data-dir, and the
 * folder the OS's default derives from (XDG_CONFIG_HOME on Linux, APPDATA on Windows).
 */
export async function launchElectron(): Promise<LaunchedElectron> {
  const binary = findElectronBinary();
  if (binary.path === null) throw new Error(`Cannot launch Electron: ${binary.reason}.`);
  const config = await mkdtemp(join(tmpdir(), 'keydesk-e2e-user-'));
  const app = await _electron.launch({
    executablePath: binary.path,
    args: electronLaunchArgs(join(config, 'KeyDesk')),
    env: { ...process.env, XDG_CONFIG_HOME: config, APPDATA: config, NODE_ENV: 'production' },
  });
  const window = await app.firstWindow();
  return {
    app,
    window,
    async close() {
      await app.close();
      await rm(config, { recursive: true, force: true });
    },
  };
}
