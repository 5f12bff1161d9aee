// The web preview, programmatically: a local organization server, the services (the same
// createKeyDeskServices as in Electron) behind the HTTP bridge, and the renderer, all on
// loopback. The CLI (cli.ts), Playwright and the benchmarks start it through this.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createKeytarCredentialStore } from '../services/credentials/keytar-credential-store';
import { createMemoryCredentialStore } from '../services/credentials/memory-credential-store';
import { createDispatcher } from '../services/dispatch/dispatcher';
import { createKeyDeskServices } from '../services/keydesk-services';
import type { LocalOrganizationLauncher } from '../services/local-organization/local-organization-launcher';
import { silentLogger, type Logger } from '../services/logger';
import { startLocalServer, type RunningLocalServer } from '../server/start-server';
import { AppError } from '../shared/errors';
import type { LocalServerProfile } from '../shared/server-capabilities';
import { createBridgeServer } from './bridge-server';
import { createCaptureClipboard } from './capture-clipboard';
import { ensureRendererBuilt, PROJECT_ROOT } from './renderer-build';

export interface WebPreviewOptions {
  /** Port of the page and the bridge; 0 (the default here) picks a free one. */
  port?: number;
  /** Database of the local organization; default a fresh temporary one with the demo seed. */
  dbPath?: string;
  adminPassword?: string;
  tokenTtlSeconds?: number;
  /** The local organization's profile: `jmapcloud` answers as JMap Cloud, without extensions. */
  profile?: LocalServerProfile;
  /** Opens the local organization at start, so that the first page load shows the keys. */
  autoConnect?: 'local' | null;
  /** Keeps remembered sign-ins in the OS keychain instead of memory. */
  keychain?: boolean;
  /** Profiles and settings; default a fresh temporary folder, removed at close. */
  userDataDir?: string;
  /** A renderer already built (tests); default: build out/renderer when out of date. */
  rendererDir?: string;
  log?: Logger;
  /** The clock of the server and the services (the README's screenshots fix it). */
  now?: () => Date;
}

export interface WebPreview {
  /** http://127.0.0.1:PORT/ */
  url: string;
  server: RunningLocalServer;
  /** The per-run session token of the bridge (also in the served page). */
  token: string;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the bridge reaches the user's organization with their session.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function projectVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

/** The local organization the services open: the one this preview started. */
function runningOrganization(server: RunningLocalServer): LocalOrganizationLauncher {
  return {
    async start() {
      if (!server.demo) {
        const message = 'This database holds no demo organization whose password is known: start the web preview with --admin-password, or without --db.';
        throw AppError.because('UNSUPPORTED', 'local-organization-password-unknown', {}, message);
      }
      return { url: server.url, adminEmail: server.demo.adminEmail, adminPassword: server.demo.adminPassword };
    },
    // The preview owns the server's lifetime, not the services.
    stop: async () => undefined,
  };
}

export async function startWebPreview(options: WebPreviewOptions = {}): Promise<WebPreview> {
  const log = options.log ?? silentLogger;
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async (): Promise<void> => {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
  };
  try {
    const temporary = await mkdtemp(join(tmpdir(), 'keydesk-web-'));
    cleanups.push(() => rm(temporary, { recursive: true, force: true }));
    const rendererDir = options.rendererDir ?? (await ensureRendererBuilt((line) => log.info(line)));

    const server = await startLocalServer({
      host: '127.0.0.1',
      port: 0,
      dbPath: options.dbPath ?? join(temporary, 'organization.db'),
      seed: 'demo',
      adminPassword: options.adminPassword,
      tokenTtlSeconds: options.tokenTtlSeconds,
      profile: options.profile,
      now: options.now,
    });
    cleanups.push(() => server.close());

    const clipboard = createCaptureClipboard();
    const services = createKeyDeskServices({
      fetch: globalThis.fetch,
      credentialStore: options.keychain ? createKeytarCredentialStore() : createMemoryCredentialStore(),
      userDataDir: options.userDataDir ?? join(temporary, 'user-data'),
      clipboard: clipboard.port,
      localOrganization: runningOrganization(server),
      // A server cannot open a tab in the user's browser: the page opens the sign-in page
      // itself, from the step's authorizationUrl (which carries no token).
      sso: { openBrowser: async () => 'page' },
      appInfo: { name: 'KeyDesk', version: await projectVersion(), host: 'web', platform: process.platform },
      updates: { check: async () => ({ status: 'unsupported', reason: 'not-packaged' }) },
      log,
      now: options.now,
    });
    cleanups.push(() => services.dispose());

    const token = randomBytes(32).toString('base64url');
    const bridge = createBridgeServer({
      dispatch: createDispatcher(services.handlers, { log: (line) => log.error(line) }),
      clipboard,
      rendererDir,
      token,
      log: (line) => log.error(line),
    });
    const port = await listen(bridge.server, options.port ?? 0);
    bridge.setPort(port);
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          bridge.server.close(() => resolve());
          bridge.server.closeAllConnections();
        }),
    );

    if (options.autoConnect === 'local') await services.handlers.openLocalOrganization(undefined);

    let closing: Promise<void> | null = null;
    return { url: `http://127.0.0.1:${port}/`, server, token, close: () => (closing ??= cleanUp()) };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
