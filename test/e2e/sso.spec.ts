// "Sign in with single sign-on" end to end in the web preview: the real renderer, services
// and loopback listener, and a local organization server as the identity provider, whose
// sign-in page opens in a new tab as the system browser would show it. Sign in, choose the
// organization, see the keys, stay signed in across a restart when remembered (the real
// keychain, where one answers), sign out. The Electron project skips it: the system browser
// is outside the app's window, where Playwright cannot follow it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { LOCAL_IDENTITY_PROVIDER } from '../../src/shared/identity-provider';
import { DEMO_TRAINING_ORGANIZATION } from '../../src/server/seed/demo-identities';
import { startLocalServer, type RunningLocalServer } from '../../src/server/start-server';
import { startWebPreview, type WebPreview } from '../../src/web/start-web-preview';
import { expectAccessible } from './support/accessibility';
import { keysGrid, waitForRows } from './support/app-page';
import { E2E_RENDERER_DIR } from './support/e2e-renderer';
import { expect, test } from './support/fixtures';
import { E2E_ADMIN_PASSWORD } from './support/hosts';
import { keychainSkipReason } from './support/keychain';
import { AdminClient } from './support/rest-client';

test.skip(({ hostKind }) => hostKind !== 'web', 'The system browser opened for single sign-on is outside the app’s window: the web project runs this flow.');

let folder: string;
let server: RunningLocalServer;
/** The strict profile: its identity provider changes organization only through /authorize, as JMap Cloud's Auth0. */
let strict: RunningLocalServer;
const previews: WebPreview[] = [];

test.beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'keydesk-e2e-sso-'));
  // The organization and its identity provider: a server of its own, as JMap Cloud and its Auth0 tenant would be.
  server = await startLocalServer({ host: '127.0.0.1', port: 0, dbPath: join(folder, 'organization.db'), seed: 'demo', adminPassword: E2E_ADMIN_PASSWORD });
  strict = await startLocalServer({ host: '127.0.0.1', port: 0, dbPath: join(folder, 'strict.db'), seed: 'demo', adminPassword: E2E_ADMIN_PASSWORD, profile: 'jmapcloud' });
});

test.afterAll(async () => {
  for (const preview of previews) await preview.close();
  await server?.close();
  await strict?.close();
  // Unset where the project skipped the file before beforeAll ran (electron).
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Starts KeyDesk (the web preview) on the test's user-data folder: a second start is a restart. */
async function startKeyDesk(keychain: boolean): Promise<WebPreview> {
  const preview = await startWebPreview({ port: 0, userDataDir: join(folder, 'user-data'), rendererDir: E2E_RENDERER_DIR, adminPassword: E2E_ADMIN_PASSWORD, keychain });
  previews.push(preview);
  return preview;
}

function ssoForm(page: Page) {
  return page.getByRole('form', { name: 'Single sign-on' });
}

async function fillSso(page: Page, remember: boolean, on: RunningLocalServer = server): Promise<void> {
  await page.getByRole('tab', { name: 'Single sign-on' }).click();
  const form = ssoForm(page);
  await form.getByLabel('Server URL').fill(on.url);
  await form.getByLabel('Identity provider').fill(`${on.url}/`);
  await form.getByLabel('Client ID').fill(LOCAL_IDENTITY_PROVIDER.clientId);
  await form.getByLabel('Audience').fill(LOCAL_IDENTITY_PROVIDER.audience);
  await form.getByRole('checkbox', { name: 'Remember me' }).setChecked(remember);
}

/** Does `act` and returns the tab the sign-in page opened in. */
async function signInPageOpenedBy(context: BrowserContext, act: () => Promise<void>): Promise<Page> {
  const opened = context.waitForEvent('page');
  await act();
  const tab = await opened;
  await tab.waitForLoadState();
  return tab;
}

/** Presses the button and returns the tab the sign-in page opened in. */
const openSignInPage = (page: Page, context: BrowserContext): Promise<Page> =>
  signInPageOpenedBy(context, () => ssoForm(page).getByRole('button', { name: 'Sign in with single sign-on' }).click());

/** The person signs in on the provider's page, which then says so; the tab is closed. */
async function signInOnProviderPage(tab: Page, email: string): Promise<void> {
  await tab.getByLabel('Email').fill(email);
  await tab.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await expect(tab.getByRole('heading', { name: 'Sign-in complete' })).toBeVisible();
  await tab.close();
}

test('signs in through the identity provider in a new tab, chooses the organization, stays signed in across a restart, and signs out', async ({ page, context }) => {
  const keychain = await keychainSkipReason();
  let preview = await startKeyDesk(keychain === null);
  await page.goto(preview.url);
  await fillSso(page, true);
  await expectAccessible(page, 'the single sign-on form');
  const tab = await openSignInPage(page, context);
  expect(tab.url()).toContain(`${server.url}/authorize?`);
  await expect(page.getByText('Continue in your browser')).toBeVisible();
  await expectAccessible(page, 'the wait for the browser');

  // The identity provider's page: the person signs in there, never in KeyDesk.
  await tab.getByLabel('Email').fill('admin@demo.local');
  await tab.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await expect(tab.getByRole('heading', { name: 'Sign-in complete' })).toBeVisible();
  await expect(tab.getByText('You can close this tab')).toBeVisible();
  await tab.close();

  // The admin belongs to two organizations: KeyDesk asks which.
  await page.getByRole('dialog', { name: 'Choose an organization' }).getByText('Demo Organization', { exact: true }).click();
  await waitForRows(page);
  const rest = await AdminClient.signIn(server.url, 'admin@demo.local', E2E_ADMIN_PASSWORD, server.demo?.organizationId ?? '');
  const keys = await rest.listKeys();
  await expect(keysGrid(page)).toHaveAttribute('aria-rowcount', String(keys.page.totalElements + 1));

  // A restart: the services stop and start again on the same folder (and keychain).
  test.skip(keychain !== null, `Staying signed in across a restart needs the OS keychain: ${keychain}.`);
  await preview.close();
  preview = await startKeyDesk(true);
  await page.goto(preview.url);
  const saved = page.getByRole('list', { name: 'Saved connections' });
  await expect(saved.getByText('Signs in without a password')).toBeVisible();
  await saved.getByRole('button', { name: 'Connect to Demo Organization' }).click();
  await waitForRows(page);

  // Sign-out ends the remembered sign-in: the connection now asks for single sign-on again.
  await page.getByRole('button', { name: /^Account: / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(saved.getByText('Signs in with single sign-on')).toBeVisible();
});

test('Cancel in KeyDesk stops waiting for the browser, and a sign-in refused on the provider’s page is said plainly', async ({ page, context }) => {
  const preview = await startKeyDesk(false);
  await page.goto(preview.url);
  await fillSso(page, false);
  const first = await openSignInPage(page, context);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(ssoForm(page).getByRole('button', { name: 'Sign in with single sign-on' })).toBeEnabled();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The listener is closed: the provider's redirect now finds nobody.
  await first.getByLabel('Email').fill('admin@demo.local');
  await first.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
  await first.getByRole('button', { name: 'Sign in' }).click();
  await expect(first.locator('body')).not.toContainText('Sign-in complete');
  await first.close();

  const second = await openSignInPage(page, context);
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(second.getByRole('heading', { name: 'Sign-in failed' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(/refused|single sign-on/i);
  await expect(keysGrid(page)).toHaveCount(0);
  await second.close();
});

test('switches organization through the browser where the provider changes organization only there (as Auth0)', async ({ page, context }) => {
  const preview = await startKeyDesk(false);
  await page.goto(preview.url);
  await fillSso(page, false, strict);
  await signInOnProviderPage(await openSignInPage(page, context), 'admin@demo.local');
  // The first choice of organization is a trip through the browser too, for that organization.
  const chosen = await signInPageOpenedBy(context, () =>
    page.getByRole('dialog', { name: 'Choose an organization' }).getByText('Demo Organization', { exact: true }).click(),
  );
  await signInOnProviderPage(chosen, 'admin@demo.local');
  await waitForRows(page);

  // The switcher opens the provider's page for the other organization, the email filled in.
  await page.getByRole('button', { name: 'Switch organization: Demo Organization' }).click();
  const tab = await signInPageOpenedBy(context, () => page.getByRole('menuitem', { name: 'Demo Training Organization' }).click());
  await expect(tab.getByRole('heading', { name: 'Sign in to Demo Training Organization' })).toBeVisible();
  await expect(tab.getByLabel('Email')).toHaveValue('admin@demo.local');
  const waiting = page.getByRole('dialog', { name: 'Switching to Demo Training Organization' });
  await expect(waiting.getByText('Continue in your browser')).toBeVisible();
  await expectAccessible(page, 'the organization switch waiting for the browser');
  await signInOnProviderPage(tab, 'admin@demo.local');

  await expect(waiting).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Switch organization: Demo Training Organization' })).toBeVisible();
  const training = await AdminClient.signIn(strict.url, 'admin@demo.local', E2E_ADMIN_PASSWORD, DEMO_TRAINING_ORGANIZATION.id);
  await expect(keysGrid(page)).toHaveAttribute('aria-rowcount', String((await training.listKeys()).page.totalElements + 1));
});
