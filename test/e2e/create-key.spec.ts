// The create wizard: validation, the secret shown once and copied exactly, gone from the
// page after "OK", and a real key in the server that works as its role allows.
// The secret is never printed: every check on it compares to a boolean.
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { connect, rowOf } from './support/app-page';
import { LOCAL_SERVER_PROFILES } from '../../src/shared/server-capabilities';
import { expect, test } from './support/fixtures';
import { withoutFailureSnapshots } from './support/secret-safe-failures';

// The secret step must not reach a failure's page snapshot.
withoutFailureSnapshots(test);

function wizard(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Create new API key' });
}

async function openWizard(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Create new API key' }).click();
  const dialog = wizard(page);
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toBeVisible();
  return dialog;
}

/** Fills step 1 with a quick-choice expiration and creates the key. */
async function createThroughWizard(dialog: Locator, name: string, expiration: '30 days' | '90 days', role: 'Editor' | 'Viewer'): Promise<void> {
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByRole('button', { name: expiration }).click();
  await dialog.getByRole('radio', { name: role }).check();
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
}

/** Types a date (MM/DD/YYYY in en-US) into the "Expiration date" field's sections. */
async function typeExpirationDate(page: Page, dialog: Locator, mmddyyyy: string): Promise<void> {
  const field = dialog.getByRole('group', { name: /^Expiration date/ });
  await field.getByRole('spinbutton', { name: 'Month' }).click();
  await page.keyboard.type(mmddyyyy.replace(/\D/g, ''));
}

/** Everything the page holds as text: markup, every field's value, and web storage. */
async function everythingInThePage(page: Page): Promise<string> {
  const live = await page.evaluate<string>(`[
    document.documentElement.outerHTML,
    document.body.innerText,
    ...Array.from(document.querySelectorAll('input, textarea')).map((field) => field.value),
    JSON.stringify(Object.entries(localStorage)),
    JSON.stringify(Object.entries(sessionStorage)),
  ].join('\\n')`);
  return `${await page.content()}\n${live}`;
}

// Every flow runs on both profiles of the local server: with KeyDesk's extensions, and as
// JMap Cloud answers (its public API only, where the delete is the guided one).
for (const profile of LOCAL_SERVER_PROFILES) {
  test.describe(`profile ${profile}`, () => {
    test.use({ serverProfile: profile });

    test('the wizard says what is missing, refuses an empty name and a past date, and creates nothing', async ({ page, host, rest }) => {
      await connect(page, host);
      const dialog = await openWizard(page);
      await expectAccessible(page, 'the create wizard, step 1', '[role="dialog"]');
      const create = dialog.getByRole('button', { name: 'Create', exact: true });
      await expect(create).toHaveAccessibleDescription('To create the key, enter a name and choose an expiration date.');

      const name = dialog.getByRole('textbox', { name: 'Name', exact: true });
      await create.click();
      await expect(name).toBeFocused();
      await expect(dialog.getByText('The name is required.')).toBeVisible();

      await name.fill('E2E past key');
      await typeExpirationDate(page, dialog, '01/15/2020');
      await dialog.getByRole('textbox', { name: 'Name', exact: true }).click();
      await expect(dialog.getByText('The expiration date must be in the future.')).toBeVisible();
      await expect(create).toHaveAccessibleDescription('To create the key, correct the expiration date.');
      await create.click();
      await expectAccessible(page, 'the create wizard with validation errors', '[role="dialog"]');

      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toHaveCount(0);
      expect(await rest.keysTitled('E2E past key')).toEqual([]);
    });

    test('a new Editor key shows its secret once, copies it exactly, and works against the server', async ({ page, host, rest, readClipboard }) => {
      await connect(page, host);
      const dialog = await openWizard(page);
      await createThroughWizard(dialog, 'E2E pipeline key', '90 days', 'Editor');

      await expect(
        dialog.getByText(
          'This is a private API key that should be kept secret and secure. Once this window is closed, it will no longer be possible to see the API key again.',
        ),
      ).toBeVisible();
      const secretField = dialog.getByRole('textbox', { name: 'API key', exact: true });
      await expect(secretField).toHaveAttribute('readonly', '');
      const secret = await secretField.inputValue();
      expect(secret.length >= 22, 'the secret field holds a key secret').toBe(true);
      await expectAccessible(page, 'the create wizard, step 2', '[role="dialog"]');

      // Escape does not close step 2.
      await page.keyboard.press('Escape');
      await expect(secretField).toBeVisible();

      await dialog.getByRole('button', { name: 'Copy API key' }).click();
      await expect(dialog.getByRole('status')).toHaveText(/clears itself in/);
      expect((await readClipboard()) === secret, 'the clipboard holds exactly the secret').toBe(true);

      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toHaveCount(0);
      await expect(rowOf(page, 'E2E pipeline key')).toBeVisible();
      expect((await everythingInThePage(page)).includes(secret), 'the secret is still somewhere in the page').toBe(false);

      // The server: the key, as an Editor, expiring in about 90 days.
      const key = await rest.keyByTitle('E2E pipeline key');
      expect(key.role).toBe('ORG_EDITOR');
      const days = (Date.parse(key.expirationDate) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(89);
      expect(days).toBeLessThan(92);
      await expect(rowOf(page, 'E2E pipeline key').locator('[data-field="id"]')).toHaveText(key.id);

      // The secret authenticates, and as an Editor it creates a project that it then owns.
      const asKey = rest.asApiKey(secret);
      expect(await asKey.status()).toBe(200);
      const project = await asKey.createProject('E2E pipeline project');
      const entries = await rest.permissions('projects', project.id);
      expect(entries).toContainEqual(expect.objectContaining({ principal: key.id, permissions: expect.arrayContaining(['OWNER']) }));
      // The default profile's one-request list of what a key owns says the same.
      if (host.profile === 'default') expect((await rest.ownedResources(key.id)).projects.map((owned) => owned.id)).toEqual([project.id]);
    });

    test('"OK" before any copy asks once whether to close anyway', async ({ page, host, rest }) => {
      await connect(page, host);
      const dialog = await openWizard(page);
      await createThroughWizard(dialog, 'E2E viewer key', '30 days', 'Viewer');
      const secretField = dialog.getByRole('textbox', { name: 'API key', exact: true });
      await expect(secretField).toBeVisible();
      const secret = await secretField.inputValue();

      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog.getByText('Close without copying?')).toBeVisible();
      await expectAccessible(page, 'the create wizard, asking to close without copying', '[role="dialog"]');
      await dialog.getByRole('button', { name: 'Close anyway' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(rowOf(page, 'E2E viewer key')).toBeVisible();
      expect((await everythingInThePage(page)).includes(secret), 'the secret is still somewhere in the page').toBe(false);

      const key = await rest.keyByTitle('E2E viewer key');
      expect(key.role).toBe('ORG_VIEWER');
      // A Viewer key reads but may not create.
      const asKey = rest.asApiKey(secret);
      expect(await asKey.status()).toBe(200);
      await expect(asKey.createProject('E2E forbidden project')).rejects.toMatchObject({ status: 403 });
    });
  });
}
