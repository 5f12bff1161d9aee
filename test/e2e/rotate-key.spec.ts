// "Replace key…" and "Edit…", on both profiles of the local server: a key owning resources,
// with access entries, replaced; the new key's secret through the create wizard's one-time
// step; the new key holds every entry the old one had (read in the server); the old key
// deleted, or kept until a date. "Edit…" saves on the default profile, and on JMap Cloud's
// (strict) says it cannot and offers the replacement. The secret is never printed.
import type { Locator, Page } from '@playwright/test';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import { LOCAL_SERVER_PROFILES } from '../../src/shared/server-capabilities';
import { expectAccessible } from './support/accessibility';
import { connect, rowOf, scrollToRow } from './support/app-page';
import { expect, test } from './support/fixtures';
import { withoutFailureSnapshots } from './support/secret-safe-failures';
import type { AdminClient, ResourceKind } from './support/rest-client';

// The secret step must not reach a failure's page snapshot.
withoutFailureSnapshots(test);

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

/** A key owning a data source and a project, sharing one with editor2, and viewing one: four entries. */
async function keyWithAccess(rest: AdminClient, title: string) {
  const { apiKey, secret } = await rest.createKey(title, 'ORG_EDITOR', inDays(60));
  const asKey = rest.asApiKey(secret);
  const owned = await asKey.createDataSource(`${title} parcels`);
  const shared = await asKey.createDataSource(`${title} roads`);
  const project = await asKey.createProject(`${title} map`, [{ name: 'Parcels', dataSourceId: owned.id }]);
  await rest.addPermissions('datasources', shared.id, [{ principal: DEMO_USERS.editor2.id, permissions: ['OWNER', 'MODIFY', 'VIEW'] }]);
  const viewed = await asKey.createDataSource(`${title} viewed`);
  await rest.addPermissions('datasources', viewed.id, [{ principal: DEMO_USERS.admin.id, permissions: ['OWNER', 'MODIFY', 'VIEW'] }]);
  await rest.updatePermissions('datasources', viewed.id, [{ principal: apiKey.id, permissions: ['VIEW'] }]);
  const resources: [ResourceKind, string][] = [['datasources', owned.id], ['datasources', shared.id], ['datasources', viewed.id], ['projects', project.id]];
  return { apiKey, secret, resources };
}

/** `kind:id → permissions` of every entry naming `principal` on these resources. */
async function entriesOf(rest: AdminClient, resources: [ResourceKind, string][], principal: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [kind, id] of resources) {
    const entry = (await rest.permissions(kind, id)).find((candidate) => candidate.principal === principal);
    if (entry) out[`${kind}:${id}`] = [...entry.permissions].sort();
  }
  return out;
}

async function rowAction(page: Page, title: string, action: 'Edit…' | 'Replace key…'): Promise<void> {
  const row = await scrollToRow(page, title);
  await row.hover();
  await row.getByRole('button', { name: `Actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** From the row's "Replace key…" to the old key's choice: title confirmed, secret copied, access given. */
async function replaceUpToChoice(page: Page, title: string, readClipboard: () => Promise<string>): Promise<Locator> {
  await rowAction(page, title, 'Replace key…');
  const dialog = page.getByRole('dialog', { name: `Replace API key “${title}”` });
  await expect(dialog.getByRole('textbox', { name: 'Title of the new key' })).toHaveValue(`${title} (rotated)`);
  await expect(dialog.getByText(/same role \(Editor\)/)).toBeVisible();
  await expectAccessible(page, 'the replace dialog, step 1', '[role="dialog"]');
  await dialog.getByRole('button', { name: 'Create new key' }).click();

  // The create wizard's own one-time step: Escape does not close it, "Continue" asks once without a copy.
  const secretField = dialog.getByRole('textbox', { name: 'API key', exact: true });
  const secret = await secretField.inputValue();
  expect(secret.length >= 22, 'the secret field holds a key secret').toBe(true);
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('alertdialog', { name: 'Close without copying?' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy API key' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/clears itself in/);
  expect((await readClipboard()) === secret, 'the clipboard holds exactly the secret').toBe(true);
  await dialog.getByRole('button', { name: 'Continue' }).click();

  await expect(dialog.getByText(`“${title} (rotated)” has the same access as “${title}” on every resource (4).`)).toBeVisible();
  expect((await page.content()).includes(secret), 'the secret is still in the page').toBe(false);
  return dialog;
}

for (const profile of LOCAL_SERVER_PROFILES) {
  test.describe(`profile ${profile}`, () => {
    test.use({ serverProfile: profile });

    test('replaces a key: the new key gets every access entry; the old one is deleted', async ({ page, host, rest, readClipboard }) => {
      const title = `E2E rotated ${profile}`;
      const { apiKey, secret, resources } = await keyWithAccess(rest, title);
      const before = await entriesOf(rest, resources, apiKey.id);
      expect(Object.keys(before)).toHaveLength(4);
      await connect(page, host);
      const dialog = await replaceUpToChoice(page, title, readClipboard);
      await expectAccessible(page, 'the replace dialog, the old key’s choice', '[role="dialog"]');
      await dialog.getByRole('radio', { name: 'Delete the old key now' }).check();
      await dialog.getByRole('button', { name: 'Delete old key' }).click();

      const done = page.getByRole('dialog', { name: 'Key replaced' });
      await expect(done.getByText(`“${title}” was deleted; “${title} (rotated)” replaces it with the same access.`)).toBeVisible();
      await done.getByRole('button', { name: 'Close' }).click();
      await expect(rowOf(page, title)).toHaveCount(0);
      await expect(rowOf(page, `${title} (rotated)`)).toBeVisible();

      const replacement = await rest.keyByTitle(`${title} (rotated)`);
      expect(replacement.role).toBe('ORG_EDITOR');
      expect(await entriesOf(rest, resources, replacement.id)).toEqual(before);
      expect(await rest.findKey(apiKey.id)).toBeNull();
      expect(await rest.asApiKey(secret).status()).toBe(401);
    });

    test('replaces a key and keeps both until a date', async ({ page, host, rest, readClipboard }) => {
      const title = `E2E overlap ${profile}`;
      const { apiKey, secret, resources } = await keyWithAccess(rest, title);
      const before = await entriesOf(rest, resources, apiKey.id);
      await connect(page, host);
      const dialog = await replaceUpToChoice(page, title, readClipboard);
      await dialog.getByRole('radio', { name: 'Keep both keys until a date' }).check();
      const until = new Date(Date.now() + 20 * 86_400_000);
      await dialog.getByRole('group', { name: /^Keep both until/ }).getByRole('spinbutton', { name: 'Month' }).click();
      await page.keyboard.type(`${String(until.getUTCMonth() + 1).padStart(2, '0')}${String(until.getUTCDate()).padStart(2, '0')}${until.getUTCFullYear()}`);
      await dialog.getByRole('button', { name: 'Keep both' }).click();

      const long = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(until);
      const done = page.getByRole('dialog', { name: 'Key replaced' });
      await expect(done.getByText(new RegExp(`Both work until ${long}`))).toBeVisible();
      await done.getByRole('button', { name: 'Close' }).click();

      const replacement = await rest.keyByTitle(`${title} (rotated)`);
      expect(await entriesOf(rest, resources, replacement.id)).toEqual(before);
      expect(await entriesOf(rest, resources, apiKey.id)).toEqual(before);
      expect(await rest.asApiKey(secret).status()).toBe(200);
    });
  });
}

test.describe('profile default', () => {
  test('"Edit…" changes the title and extends the expiration, the secret unchanged', async ({ page, host, rest }) => {
    const { apiKey, secret } = await rest.createKey('E2E edited key', 'ORG_VIEWER', inDays(10));
    await connect(page, host);
    await rowAction(page, apiKey.title, 'Edit…');
    const dialog = page.getByRole('dialog', { name: 'Edit API key “E2E edited key”' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('E2E edited key (v2)');
    await dialog.getByRole('button', { name: '90 days' }).click();
    await expectAccessible(page, 'the edit dialog', '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('API key “E2E edited key (v2)” saved.')).toBeVisible();
    await expect(rowOf(page, 'E2E edited key (v2)')).toBeVisible();

    const saved = await rest.findKey(apiKey.id);
    expect(saved?.title).toBe('E2E edited key (v2)');
    const days = (Date.parse(saved?.expirationDate ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(await rest.asApiKey(secret).status()).toBe(200);
  });
});

test.describe('profile jmapcloud', () => {
  test.use({ serverProfile: 'jmapcloud' });

  test('"Edit…" says the server cannot, and offers "Replace key…"', async ({ page, host, rest }) => {
    const { apiKey } = await rest.createKey('E2E unchangeable key', 'ORG_VIEWER', inDays(10));
    await connect(page, host);
    await rowAction(page, apiKey.title, 'Edit…');
    const dialog = page.getByRole('dialog', { name: 'Edit API key “E2E unchangeable key”' });
    await expect(dialog.getByText('This server cannot change a key')).toBeVisible();
    await expectAccessible(page, 'the edit dialog, unsupported', '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Replace key…' }).click();
    const replace = page.getByRole('dialog', { name: 'Replace API key “E2E unchangeable key”' });
    await expect(replace.getByRole('textbox', { name: 'Title of the new key' })).toHaveValue('E2E unchangeable key (rotated)');
    await replace.getByRole('button', { name: 'Cancel' }).click();
    await expect(replace).toHaveCount(0);
    expect((await rest.findKey(apiKey.id))?.title).toBe('E2E unchangeable key');
  });
});
