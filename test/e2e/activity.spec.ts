// The Activity view: a key created and deleted in KeyDesk appears as two entries, the
// filters narrow them, and the CSV export holds them, with the key's id and never its secret.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { connect, openRowAction, rowOf } from './support/app-page';
import { LOCAL_SERVER_PROFILES } from '../../src/shared/server-capabilities';
import { expect, test } from './support/fixtures';

// On a failure Playwright writes the page's accessibility snapshot to error-context.md, which
// while the new key's secret is on screen would hold it (as create-key.spec.ts does).
let previousSnapshotSetting: string | undefined;
test.beforeAll(() => {
  previousSnapshotSetting = process.env.PLAYWRIGHT_NO_COPY_PROMPT;
  process.env.PLAYWRIGHT_NO_COPY_PROMPT = '1';
});
test.afterAll(() => {
  if (previousSnapshotSetting === undefined) delete process.env.PLAYWRIGHT_NO_COPY_PROMPT;
  else process.env.PLAYWRIGHT_NO_COPY_PROMPT = previousSnapshotSetting;
});

/** Creates a Viewer key through the wizard; returns its secret (never printed). */
async function createKey(page: Page, title: string): Promise<string> {
  await page.getByRole('button', { name: 'Create new API key' }).click();
  const wizard = page.getByRole('dialog', { name: 'Create new API key' });
  await wizard.getByRole('textbox', { name: 'Name', exact: true }).fill(title);
  await wizard.getByRole('button', { name: '30 days' }).click();
  await wizard.getByRole('radio', { name: 'Viewer' }).check();
  await wizard.getByRole('button', { name: 'Create', exact: true }).click();
  const secret = await wizard.getByRole('textbox', { name: 'API key', exact: true }).inputValue();
  await wizard.getByRole('button', { name: 'Copy API key' }).click();
  await wizard.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(wizard).toHaveCount(0);
  // The grid shows the new key first, selected; wait for it before looking for its row.
  await expect(rowOf(page, title)).toBeVisible();
  return secret;
}

async function deleteKey(page: Page, title: string): Promise<void> {
  await openRowAction(page, title, 'Delete');
  const dialog = page.getByRole('dialog', { name: `Delete API key “${title}”?` });
  // The key owns nothing: "OK" is its one confirmation.
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  const done = page.getByRole('dialog', { name: 'API key deleted' });
  await done.getByRole('button', { name: 'Close' }).click();
  await expect(rowOf(page, title)).toHaveCount(0);
}

/** The Activity grid's rows, each as "action | key". */
function entries(page: Page): Locator {
  return page.getByRole('grid', { name: 'Activity' }).locator('[role="row"][data-id]');
}
async function entryTexts(page: Page): Promise<string[]> {
  const rows = await entries(page).all();
  return Promise.all(rows.map(async (row) => `${await row.locator('[data-field="action"]').innerText()} | ${await row.locator('[data-field="apiKey"]').innerText()}`));
}

for (const profile of LOCAL_SERVER_PROFILES) {
  test.describe(`profile ${profile}`, () => {
    test.use({ serverProfile: profile });

    test('a create and a delete are listed, filtered and exported without the secret', async ({ page, host, rest }) => {
      const title = `E2E logged key ${profile}`;
      await connect(page, host);
      const secret = await createKey(page, title);
      const { id } = await rest.keyByTitle(title);
      await deleteKey(page, title);

      await page.getByRole('tab', { name: 'Activity' }).click();
      await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
      await expect(entries(page)).toHaveCount(2);
      // Newest first: the delete, then the create.
      await expect.poll(() => entryTexts(page)).toEqual([expect.stringMatching(new RegExp(`^Deleted \\| ${title}`)), expect.stringMatching(new RegExp(`^Created \\| ${title}`))]);
      await expectAccessible(page, 'the Activity view', 'main');

      // Filters: the action, then the key's id (the demo seed made no entry: KeyDesk did not).
      await page.getByRole('combobox', { name: 'Action' }).click();
      await page.getByRole('option', { name: 'Deleted' }).click();
      await page.keyboard.press('Escape');
      await expect(entries(page)).toHaveCount(1);
      await expect(entries(page).locator('[data-field="action"]')).toHaveText('Deleted');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByRole('textbox', { name: 'Key' }).fill(id);
      await expect(entries(page)).toHaveCount(2);
      await page.getByRole('textbox', { name: 'Key' }).fill('no such key');
      await expect(page.getByText('No entry matches these filters.')).toBeVisible();
      await page.getByRole('textbox', { name: 'Key' }).fill(title);
      await expect(entries(page)).toHaveCount(2);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.csv$/);
      const csv = await readFile(await file.path(), 'utf8');
      const lines = csv.trim().split(/\r?\n/);
      expect(lines[0]).toContain('Time (UTC)');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain('Deleted');
      expect(lines[2]).toContain('Created');
      for (const line of lines.slice(1)) {
        expect(line).toContain(title);
        expect(line).toContain(id);
      }
      expect(csv.includes(secret), 'the export holds the secret').toBe(false);
    });
  });
}
