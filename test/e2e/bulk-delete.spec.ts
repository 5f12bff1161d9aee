// "Delete selected…", checked in the server: keys checked in the grid deleted together, every
// resource they owned given to one Editor member, a result for each key; on both profiles
// (with the extensions, and as JMap Cloud answers: the guided delete for each key). Then the
// "Select all expired" shortcut and the delete of the resources after typing the count.
import type { Page } from '@playwright/test';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import { LOCAL_SERVER_PROFILES } from '../../src/shared/server-capabilities';
import { expectAccessible } from './support/accessibility';
import { connect, rowOf, scrollToRow, waitForRows } from './support/app-page';
import { expect, test } from './support/fixtures';

const inSixtyDays = (): string => new Date(Date.now() + 60 * 86_400_000).toISOString();

async function check(page: Page, title: string): Promise<void> {
  await (await scrollToRow(page, title)).getByRole('checkbox').check();
}

for (const profile of LOCAL_SERVER_PROFILES) {
  test.describe(`profile ${profile}`, () => {
    test.use({ serverProfile: profile });

    test('deletes the checked keys, every resource they owned to one Editor, and says it for each key', async ({ page, host, rest }) => {
      const titles = [`E2E bulk ${profile} one`, `E2E bulk ${profile} two`, `E2E bulk ${profile} owner`];
      const keys = [];
      for (const title of titles) keys.push(await rest.createKey(title, 'ORG_EDITOR', inSixtyDays()));
      const owner = keys[2];
      if (!owner) throw new Error('no owner key');
      const owned = await rest.asApiKey(owner.secret).createDataSource(`E2E bulk ${profile} parcels`);

      await connect(page, host);
      for (const title of titles) await check(page, title);
      await expect(page.getByText('3 selected')).toBeVisible();
      await page.getByRole('button', { name: 'Delete selected…' }).click();

      const dialog = page.getByRole('dialog', { name: 'Delete 3 API keys?' });
      await expect(dialog.getByText(/irreversible/)).toBeVisible();
      await dialog.getByRole('radio', { name: new RegExp(DEMO_USERS.editor2.name) }).check();
      await expectAccessible(page, 'the bulk delete, choice', '[role="dialog"]');
      await dialog.getByRole('button', { name: 'Delete 3 keys' }).click();

      const done = page.getByRole('dialog', { name: 'Bulk delete finished' });
      const results = done.getByRole('list', { name: 'Result for each key' });
      for (const title of titles) await expect(results.getByRole('listitem').filter({ hasText: title })).toContainText('Deleted');
      await expect(results.getByRole('listitem').filter({ hasText: titles[2] })).toContainText(`1 resources to ${DEMO_USERS.editor2.name}`);
      await expectAccessible(page, 'the bulk delete, results', '[role="dialog"]');
      await done.getByRole('button', { name: 'Done' }).click();

      for (const title of titles) await expect(rowOf(page, title)).toHaveCount(0);
      for (const key of keys) expect(await rest.findKey(key.apiKey.id)).toBeNull();
      const entries = await rest.permissions('datasources', owned.id);
      expect(entries.find((entry) => entry.principal === DEMO_USERS.editor2.id)?.permissions).toContain('OWNER');
      expect(entries.map((entry) => entry.principal)).not.toContain(owner.apiKey.id);
    });
  });
}

test('"Select all expired" selects every expired key; their resources go with them once the count is typed', async ({ page, host, rest }) => {
  await connect(page, host);
  await waitForRows(page);
  await page.getByRole('button', { name: 'Select all expired' }).click();
  const selected = page.getByText(/^All \d+ expired keys are selected\.$/);
  await expect(selected).toBeVisible();
  const count = Number(/\d+/.exec((await selected.textContent()) ?? '')?.[0]);
  expect(count).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Delete selected…' }).click();

  const dialog = page.getByRole('dialog', { name: `Delete ${count} API keys?` });
  await dialog.getByRole('radio', { name: 'Delete the resources with the keys' }).check();
  const remove = dialog.getByRole('button', { name: `Delete ${count} keys` });
  await dialog.getByRole('textbox', { name: 'Number of keys' }).fill(String(count + 1));
  await expect(remove).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Number of keys' }).fill(String(count));
  await remove.click();

  const done = page.getByRole('dialog', { name: 'Bulk delete finished' });
  await expect(done.getByRole('status').filter({ hasText: `${count} deleted, 0 not deleted, 0 left` })).toBeVisible();
  await done.getByRole('button', { name: 'Done' }).click();
  expect((await rest.listKeys({ status: 'EXPIRED' })).page.totalElements).toBe(0);
});
