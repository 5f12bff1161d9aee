// Renderer tests run the real components against the real services: a real local
// organization server on a loopback port, the real services, and window.keydesk built from
// the real dispatcher (so every argument is validated exactly as over IPC). Nothing mocked.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppInfo, KeyDeskApi, MenuCommand } from '../../../src/shared/ipc-contract';
import { IPC_METHODS } from '../../../src/shared/ipc-contract';
import { startLocalServer, type DemoInfo, type LocalServerOptions, type RunningLocalServer } from '../../../src/server/start-server';
import { createMemoryCredentialStore } from '../../../src/services/credentials/memory-credential-store';
import type { CredentialStore } from '../../../src/services/credentials/credential-store';
import { createDispatcher } from '../../../src/services/dispatch/dispatcher';
import { createKeyDeskServices, type KeyDeskServices } from '../../../src/services/keydesk-services';
import type { LocalOrganizationLauncher } from '../../../src/services/local-organization/local-organization-launcher';
import type { SsoPorts } from '../../../src/services/sso/sso-ports';
import { createMemoryClipboard, type MemoryClipboard } from './memory-clipboard';

/** Every demo user signs in with this password (admin@demo.local, editor1@demo.local, …). */
export const DEMO_PASSWORD = 'Demo-password-for-tests-1';

export const TEST_APP_INFO: AppInfo = { name: 'KeyDesk', version: '0.0.0-test', host: 'web', platform: process.platform };

export type InstallOptions = {
  /** Options of the local organization server (port, seed and password have test defaults). */
  server?: Omit<LocalServerOptions, 'port' | 'host'>;
  credentialStore?: CredentialStore;
  appInfo?: AppInfo;
  /** Single sign-on's browser (a test browser that plays the person). */
  sso?: SsoPorts;
  /** The services' fetch (default: the real one), for a test that must make a request fail. */
  fetch?: typeof globalThis.fetch;
  /** The services' clock (a test moves it to see what the services do days later). */
  now?: () => Date;
};

export type RealKeydesk = {
  server: RunningLocalServer;
  /** The demo seed's admin (email, password, organization id); see src/server/seed/demo-identities.ts. */
  demo: DemoInfo;
  /** The services now running (new ones after restartServices). */
  readonly services: KeyDeskServices;
  /** What the app "copied": the in-memory clipboard behind copySecret / copyText. */
  clipboard: MemoryClipboard;
  /** Every method the renderer called over the bridge, in order. */
  calls: string[];
  userDataDir: string;
  /**
   * Quits and restarts the services as an app restart does (same user-data folder, same
   * keychain, same server). Unmount the app first, and render it again after.
   */
  restartServices(): Promise<void>;
  /** Sends a menu command as Electron's main process would. */
  sendMenuCommand(command: MenuCommand): void;
  cleanup(): Promise<void>;
};

/** A launcher that "starts" the already-running test server, so the local organization is it. */
function launcherFor(server: RunningLocalServer, demo: DemoInfo): LocalOrganizationLauncher {
  return {
    start: async () => ({ url: server.url, adminEmail: demo.adminEmail, adminPassword: demo.adminPassword }),
    stop: async () => undefined,
  };
}

/** The bridge as the preload builds it: one function per contract method, plus menu events. */
function bridgeFor(services: KeyDeskServices, listeners: Set<(command: MenuCommand) => void>, calls: string[]): KeyDeskApi {
  const dispatch = createDispatcher(services.handlers, { log: () => undefined });
  const methods = Object.fromEntries(
    IPC_METHODS.map((method) => [
      method,
      // structuredClone both ways, as IPC does: nothing is shared by reference across the bridge.
      async (request?: unknown) => {
        calls.push(method);
        return structuredClone(await dispatch(method, structuredClone(request)));
      },
    ]),
  );
  const onMenuCommand = (listener: (command: MenuCommand) => void): (() => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  // Built from the method list at run time, as the preload does; TypeScript cannot follow that.
  return { ...methods, onMenuCommand } as unknown as KeyDeskApi;
}

/**
 * Starts a local organization server (in memory, demo seed, port 0), the real services over
 * it, and sets `window.keydesk`. Call `cleanup()` after the test (it also removes window.keydesk).
 */
export async function installRealKeydesk(options: InstallOptions = {}): Promise<RealKeydesk> {
  const server = await startLocalServer({ seed: 'demo', adminPassword: DEMO_PASSWORD, dbPath: ':memory:', ...options.server, port: 0, host: '127.0.0.1' });
  const { demo } = server;
  if (!demo) {
    await server.close();
    throw new Error('The test server was started without its demo seed.');
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'keydesk-renderer-test-'));
  const clipboard = createMemoryClipboard();
  const credentialStore = options.credentialStore ?? createMemoryCredentialStore();
  const listeners = new Set<(command: MenuCommand) => void>();
  const calls: string[] = [];
  const start = (): KeyDeskServices => {
    const started = createKeyDeskServices({
      fetch: options.fetch ?? globalThis.fetch,
      credentialStore,
      userDataDir,
      clipboard,
      localOrganization: launcherFor(server, demo),
      sso: options.sso,
      now: options.now,
      appInfo: options.appInfo ?? TEST_APP_INFO,
      updates: { check: async () => ({ status: 'unsupported', reason: 'not-packaged' }) },
    });
    window.keydesk = bridgeFor(started, listeners, calls);
    return started;
  };
  let services = start();

  let cleaned: Promise<void> | null = null;
  return {
    server,
    demo,
    get services() {
      return services;
    },
    clipboard,
    calls,
    userDataDir,
    async restartServices() {
      await services.dispose();
      listeners.clear();
      services = start();
    },
    sendMenuCommand(command) {
      for (const listener of [...listeners]) listener(command);
    },
    cleanup: () =>
      (cleaned ??= (async () => {
        Reflect.deleteProperty(window, 'keydesk');
        await services.dispose();
        await server.close();
        await rm(userDataDir, { recursive: true, force: true });
      })()),
  };
}
