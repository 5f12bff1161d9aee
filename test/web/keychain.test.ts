// `npm run web -- --keychain`: a remembered sign-in made through the bridge lands in the
// real OS keychain (gnome-keyring under .ci/run), and sign-out removes it. Skips, saying
// why, where no Secret Service answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, type KeytarApi } from '../../src/services/credentials/keytar-credential-store';
import type { Result } from '../../src/shared/errors';
import type { ConnectionProfile, SignInOutcome } from '../../src/shared/session';
import { startWebPreview, type WebPreview } from '../../src/web/start-web-preview';
import { rawRequest } from './http-request';

const PASSWORD = 'keychain-test-password';

async function loadKeytar(): Promise<KeytarApi | string> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return 'no D-Bus session (run inside dbus-run-session with an unlocked gnome-keyring, as .ci/run does)';
  try {
    const keytar = ((await import('keytar')) as { default: KeytarApi }).default;
    // A write, not a read: a locked collection answers reads and refuses writes.
    const account = `probe-${crypto.randomUUID()}`;
    const write = keytar.setPassword(KEYCHAIN_SERVICE, account, 'probe').then(() => keytar.deletePassword(KEYCHAIN_SERVICE, account));
    const answered = await Promise.race([write.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5_000))]);
    return answered ? keytar : 'the Secret Service did not answer within 5 s';
  } catch (error) {
    return `keytar could not load: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const keytar = await loadKeytar();
const skipReason = typeof keytar === 'string' ? keytar : null;

describe.skipIf(skipReason !== null)(`web preview with --keychain${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let preview: WebPreview;
  const call = async <T>(method: string, body?: unknown): Promise<Result<T>> => {
    const origin = preview.url.replace(/\/$/, '');
    const response = await rawRequest(`${origin}/__keydesk/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, 'X-KeyDesk-Token': preview.token },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    return response.json<Result<T>>();
  };

  beforeAll(async () => {
    preview = await startWebPreview({ port: 0, keychain: true, adminPassword: PASSWORD });
  }, 180_000);
  afterAll(() => preview?.close());

  it('keeps a remembered sign-in’s refresh token in the keychain until sign-out', async () => {
    const api = keytar as KeytarApi;
    const signedIn = await call<SignInOutcome>('signIn', { serverUrl: preview.server.url, username: 'admin@demo.local', password: PASSWORD, remember: true });
    expect(signedIn).toMatchObject({ ok: true });
    if (signedIn.ok && signedIn.value.status === 'choose-organization') {
      const chosen = await call('selectOrganization', { organizationId: signedIn.value.organizations[0]?.id });
      expect(chosen).toMatchObject({ ok: true });
    }
    const connections = await call<ConnectionProfile[]>('listConnections');
    const saved = connections.ok ? connections.value.find((profile) => profile.remembered) : undefined;
    expect(saved).toBeDefined();
    const stored = await api.getPassword(KEYCHAIN_SERVICE, saved?.id ?? '');
    expect(stored).toBeTruthy();
    // The renderer's view of the connection never holds it.
    expect(JSON.stringify(connections)).not.toContain(stored);

    expect(await call('signOut')).toEqual({ ok: true, value: null });
    expect(await api.getPassword(KEYCHAIN_SERVICE, saved?.id ?? '')).toBeNull();
  });
});
