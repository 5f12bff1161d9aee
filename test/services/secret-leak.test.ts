// A whole sign-in → create → copy → delete run with a sentinel password, watching every
// log line (services and server) and every file written under the user-data folder: no
// password, access token, refresh token or key secret may appear in any of them.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { startHarness, type Harness } from './support/harness';
import { expectStep, ssoRequest } from './support/sso';
import { daysFrom } from '../server/server-test-client';

const SENTINEL_PASSWORD = 'Sentinel-Passw0rd-3f9c1e7a';
const WRONG_PASSWORD = 'Wrong-Sentinel-Passw0rd-b2d4';

async function filesUnder(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path] = await readFile(path, 'utf8');
    }
  }
  return files;
}

let harness: Harness;
afterEach(() => harness.close());

describe('the secret-leak run', () => {
  it('leaves no password, token or secret in any log line, file or error', async () => {
    harness = await startHarness({ password: SENTINEL_PASSWORD, tokenTtlSeconds: 120 });
    const { handlers } = harness;
    const errors: unknown[] = [];
    const expectFailure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a failure'), (error: unknown) => void errors.push(error));

    await expectFailure(handlers.signIn({ serverUrl: harness.server.url, username: 'admin@demo.local', password: WRONG_PASSWORD, remember: true }));
    const outcome = await handlers.signIn({ serverUrl: harness.server.url, username: 'admin@demo.local', password: SENTINEL_PASSWORD, remember: true });
    expect(outcome.status).toBe('choose-organization');
    const session = await handlers.selectOrganization({ organizationId: harness.server.demo?.organizationId ?? '' });
    await handlers.updateSettings({ clipboardClearSeconds: 45 });
    // The expiry watch reads the keys and remembers what it announced.
    expect((await handlers.getExpiryStatus(undefined))?.expired).toBeGreaterThan(0);
    expect(harness.notices.length).toBeGreaterThan(0);

    // Renewals before expiry and after a 401 both rotate the refresh token.
    harness.clientClock.advance(70_000);
    harness.serverClock.advance(70_000);
    await handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'creationDate', sortDirection: 'desc' });
    harness.serverClock.advance(200_000);
    await handlers.listEditorMembers(undefined);

    const created = await handlers.createApiKey({ title: 'Leak check', role: 'ORG_EDITOR', expirationDate: daysFrom(new Date(), 180), idempotencyKey: crypto.randomUUID() });
    await handlers.copySecret({ apiKeyId: created.apiKey.id });
    await handlers.copyText({ text: session.user.email });
    await handlers.getApiKey({ id: created.apiKey.id });
    await handlers.getOwnedResources({ id: created.apiKey.id });
    await handlers.forgetSecret({ apiKeyId: created.apiKey.id });
    await expectFailure(handlers.copySecret({ apiKeyId: created.apiKey.id }));
    await handlers.deleteApiKey({ id: created.apiKey.id, resources: { kind: 'nothing-owned' } });
    await expectFailure(handlers.getApiKey({ id: created.apiKey.id }));
    await handlers.switchOrganization({ organizationId: session.organizations.find((organization) => organization.id !== session.organization.id)?.id ?? '' });
    const info = JSON.stringify([
      await handlers.getSession(undefined),
      await handlers.listConnections(undefined),
      await handlers.getSettings(undefined),
      await handlers.listActivity({ scope: 'all', limit: 1000 }),
    ]);
    await handlers.signOut(undefined);
    await harness.services.dispose();

    const secrets = [SENTINEL_PASSWORD, WRONG_PASSWORD, created.secret, ...harness.secretsSeen];
    // The run really exercised what it claims to: two sign-ins, several rotations, a secret.
    expect(harness.secretsSeen.has(created.secret)).toBe(true);
    expect(harness.secretsSeen.size).toBeGreaterThan(8);
    expect(harness.log.lines.length).toBeGreaterThan(10);

    const files = await filesUnder(harness.userDataDir);
    expect(Object.keys(files).map((path) => path.slice(harness.userDataDir.length + 1)).sort()).toEqual([
      join('activity', 'activity.jsonl'),
      'expiry-notifications.json',
      'profiles.json',
      'settings.json',
    ]);
    // The activity log recorded the run (so its file is really among those checked).
    expect(files[join(harness.userDataDir, 'activity', 'activity.jsonl')]).toContain(created.apiKey.id);
    const errorText = errors.map((error) => {
      expect(error).toBeInstanceOf(AppError);
      return JSON.stringify((error as AppError).toData());
    });
    const places: Record<string, string> = {
      'services log': harness.log.lines.join('\n'),
      'server log': harness.serverLogLines.join('\n'),
      errors: errorText.join('\n'),
      'session, profiles, settings and activity as the renderer sees them': info,
      'system notifications': JSON.stringify(harness.notices),
      ...files,
    };
    for (const [place, text] of Object.entries(places)) {
      for (const secret of secrets) {
        if (text.includes(secret)) expect.fail(`a secret (${secret.length} characters) leaked into ${place}`);
      }
    }
    expect(harness.clipboard.value).toBe(session.user.email);
  });

  it('leaves none after a single sign-on run either (a refused redirect, the sign-in, renewals, a switch, sign-out)', async () => {
    harness = await startHarness({ password: SENTINEL_PASSWORD, tokenTtlSeconds: 120 });
    const { handlers, browser } = harness;
    const errors: unknown[] = [];
    // A wrong password on the provider's page, then a redirect with a forged state: refused.
    expectStep(await handlers.startSsoSignIn(ssoRequest(harness, true)), 'waiting-for-browser');
    await browser.signInOnPage('admin@demo.local', WRONG_PASSWORD).catch(() => undefined);
    const forged = new URL(await browser.signInOnPage('admin@demo.local', SENTINEL_PASSWORD));
    forged.searchParams.set('state', 'forged');
    const refused = handlers.continueSsoSignIn(undefined).catch((error: unknown) => void errors.push(error));
    await browser.follow(forged.href);
    await refused;
    // The real sign-in.
    expectStep(await handlers.startSsoSignIn(ssoRequest(harness, true)), 'waiting-for-browser');
    const waiting = handlers.continueSsoSignIn(undefined);
    await browser.signIn('admin@demo.local', SENTINEL_PASSWORD);
    expectStep(await waiting, 'choose-organization');
    const { session } = expectStep(await handlers.chooseSsoOrganization({ organizationId: harness.server.demo?.organizationId ?? '' }), 'signed-in');
    harness.clientClock.advance(70_000);
    harness.serverClock.advance(70_000);
    await handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'creationDate', sortDirection: 'desc' });
    harness.serverClock.advance(200_000);
    await handlers.listEditorMembers(undefined);
    await handlers.switchOrganization({ organizationId: session.organizations.find((organization) => organization.id !== session.organization.id)?.id ?? '' });
    const info = JSON.stringify([await handlers.getSession(undefined), await handlers.listConnections(undefined), session]);
    await handlers.signOut(undefined);
    await harness.services.dispose();

    const secrets = [SENTINEL_PASSWORD, WRONG_PASSWORD, ...harness.secretsSeen];
    expect(harness.secretsSeen.size).toBeGreaterThan(8);
    expect(errors).toHaveLength(1);
    const places: Record<string, string> = {
      'services log': harness.log.lines.join('\n'),
      'server log': harness.serverLogLines.join('\n'),
      errors: errors.map((error) => JSON.stringify((error as AppError).toData())).join('\n'),
      'what the renderer saw': info,
      ...(await filesUnder(harness.userDataDir)),
    };
    for (const [place, text] of Object.entries(places)) {
      for (const secret of secrets) {
        if (text.includes(secret)) expect.fail(`a secret (${secret.length} characters) leaked into ${place}`);
      }
    }
  });
});
