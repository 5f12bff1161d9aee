import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, type AppErrorData } from '../../../src/shared/errors';
import {
  createKeytarCredentialStore,
  keychainUnavailableMessage,
  KEYCHAIN_SERVICE,
  type KeytarApi,
} from '../../../src/services/credentials/keytar-credential-store';
import { DEMO_PASSWORD, restartServices, startHarness, type Harness } from '../support/harness';

const run = promisify(execFile);
const PROBE = join(import.meta.dirname, '..', 'support', 'keychain-probe.ts');

/** Runs the probe in a child process with the given environment; its one JSON line. */
async function probe(command: string[], env: NodeJS.ProcessEnv): Promise<{ ok: boolean } & Partial<AppErrorData>> {
  const [file = '', ...args] = command;
  const { stdout } = await run(file, args, { env, timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { ok: boolean } & Partial<AppErrorData>;
}

async function hasCommand(name: string): Promise<boolean> {
  return run('sh', ['-c', `command -v ${name}`]).then(
    () => true,
    () => false,
  );
}

/** Whether a Secret Service answers in this process's own D-Bus session. */
async function secretServiceAnswers(): Promise<string | null> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return 'no D-Bus session (run inside dbus-run-session with an unlocked gnome-keyring, as .ci/run does)';
  try {
    const keytar = (await import('keytar')).default as unknown as KeytarApi;
    const account = `probe-${randomUUID()}`;
    const answered = await Promise.race([
      keytar.setPassword(KEYCHAIN_SERVICE, account, 'probe').then(() => keytar.deletePassword(KEYCHAIN_SERVICE, account)),
      new Promise((resolve) => setTimeout(() => resolve('timeout'), 5_000)),
    ]);
    return answered === 'timeout' ? 'the Secret Service did not answer within 5 s' : null;
  } catch (error) {
    return `the Secret Service refused: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const unavailableReason = await secretServiceAnswers();
const canRunKeyringDaemon = (await hasCommand('dbus-run-session')) && (await hasCommand('gnome-keyring-daemon'));
const node = [process.execPath, '--import', 'tsx', PROBE];

describe.skipIf(unavailableReason !== null)(`keytar against the real keychain${unavailableReason ? ` — skipped: ${unavailableReason}` : ''}`, () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.close());

  it('stores, reads, replaces and deletes a refresh token', async () => {
    const store = createKeytarCredentialStore();
    const id = `test-${randomUUID()}`;
    expect(await store.getRefreshToken(id)).toBeNull();
    await store.setRefreshToken(id, 'first');
    await store.setRefreshToken(id, 'second');
    expect(await store.getRefreshToken(id)).toBe('second');
    await store.deleteRefreshToken(id);
    expect(await store.getRefreshToken(id)).toBeNull();
  });

  it('keeps a remembered sign-in across a restart and forgets it at sign-out', async () => {
    const store = createKeytarCredentialStore();
    harness = await startHarness({ credentialStore: store });
    const outcome = await harness.handlers.signIn({ serverUrl: harness.server.url, username: 'admin2@demo.local', password: DEMO_PASSWORD, remember: true });
    if (outcome.status !== 'signed-in') throw new Error('expected a direct sign-in');
    const connectionId = outcome.session.connectionId;
    expect(await store.getRefreshToken(connectionId)).toEqual(expect.any(String));

    // The next start of the app: a fresh services instance, the same keychain and profiles.
    await harness.services.dispose();
    const restarted = restartServices(harness);
    try {
      const session = await restarted.handlers.connectSaved({ id: connectionId });
      expect(session).toMatchObject({ connectionId, remembered: true, user: { email: 'admin2@demo.local' } });
      await restarted.handlers.signOut(undefined);
      expect(await store.getRefreshToken(connectionId)).toBeNull();
      await expect(restarted.handlers.connectSaved({ id: connectionId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    } finally {
      await restarted.dispose();
    }
  });
});

describe('when no keychain answers', () => {
  it('reports KEYCHAIN_UNAVAILABLE from the real keytar with no D-Bus session at all', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keydesk-test-bus' };
    delete env.DISPLAY;
    const result = await probe(node, env);
    expect(result).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE', message: keychainUnavailableMessage('linux') });
    expect(JSON.stringify(result)).not.toContain('probe-token-value');
  });

  it.skipIf(!canRunKeyringDaemon)(
    `reports KEYCHAIN_UNAVAILABLE for a locked gnome-keyring${canRunKeyringDaemon ? '' : ' — skipped: dbus-run-session or gnome-keyring-daemon is not installed'}`,
    async () => {
    const data = await mkdtemp(join(tmpdir(), 'keydesk-keyring-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: data };
      delete env.DISPLAY;
      const inSession = (unlockWith: string) => [
        'dbus-run-session',
        '--',
        'sh',
        '-c',
        `printf %s '${unlockWith}' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"`,
        'sh',
        ...node,
      ];
      // The first session creates the login keyring with one password; the second cannot unlock it.
      expect(await probe(inSession('right-password'), env)).toEqual({ ok: true });
      const locked = await probe(inSession('wrong-password'), env);
      expect(locked).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE', details: { operation: 'write', reason: 'keychain-unavailable-linux' } });
      expect(String(locked.details?.cause)).toMatch(/locked/i);
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });

  it('reports KEYCHAIN_UNAVAILABLE when keytar itself cannot load (injected loader), with each platform’s fix', async () => {
    const broken = (platform: NodeJS.Platform) =>
      createKeytarCredentialStore({
        platform,
        loadKeytar: () => Promise.reject(new Error('keytar.node: cannot open shared object file')),
      });
    for (const [platform, words] of [
      ['linux', 'gnome-keyring'],
      ['darwin', 'macOS Keychain'],
      ['win32', 'Windows Credential Manager'],
    ] as const) {
      const error = await broken(platform).setRefreshToken('c1', 'token-sentinel').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
      expect((error as AppError).message).toContain(words);
    }
  });

  it('never falls back to memory: a remembered sign-in fails, and a session-only one works', async () => {
    const unavailable = createKeytarCredentialStore({ loadKeytar: () => Promise.reject(new Error('no keytar')) });
    const harness = await startHarness({ credentialStore: unavailable });
    try {
      const request = { serverUrl: harness.server.url, username: 'admin2@demo.local', password: DEMO_PASSWORD };
      await expect(harness.handlers.signIn({ ...request, remember: true })).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
      expect(await harness.handlers.getSession(undefined)).toBeNull();
      const revoked = harness.requests.filter((entry) => entry.path.endsWith('/revoke-token'));
      expect(revoked.map((entry) => entry.status)).toEqual([204]);

      const outcome = await harness.handlers.signIn({ ...request, remember: false });
      expect(outcome).toMatchObject({ status: 'signed-in', session: { remembered: false } });
    } finally {
      await harness.close();
    }
  });
});
