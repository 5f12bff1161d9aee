// The keys grid against the server: every sort, filter, search and page the admin asks
// for through the grid's own menus must show exactly what the server answers.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { connect, dataRows, keysGrid, quickSearch, rowOf, visibleTitles } from './support/app-page';
import { expect, test } from './support/fixtures';

async function openColumnMenu(page: Page, column: string): Promise<void> {
  // A menu still closing (its exit transition) would offer its items twice.
  await expect(page.getByRole('menu')).toHaveCount(0);
  const header = keysGrid(page).getByRole('columnheader').filter({ hasText: column });
  await header.hover();
  await header.getByRole('button', { name: `${column} column menu` }).click();
}

/** The titles on screen equal the first titles of the server's answer (as many as shown). */
async function expectTitlesOf(page: Page, expected: string[]): Promise<void> {
  await expect(keysGrid(page).getByRole('progressbar')).toHaveCount(0);
  await expect
    .poll(async () => {
      const shown = await visibleTitles(page);
      return shown.length > 0 && shown.every((title, index) => title === expected[index]);
    })
    .toBe(true);
}

test('sorting through the column menu shows the server’s order', async ({ page, host, rest }) => {
  await connect(page, host);
  await openColumnMenu(page, 'Title');
  await expectAccessible(page, 'the column menu', '[role="menu"]');
  await page.getByRole('menuitem', { name: 'Sort by ASC' }).click();
  const ascending = await rest.listKeys({ sort: 'title,asc', size: 100 });
  await expectTitlesOf(page, ascending.content.map((key) => key.title));
  await expect(keysGrid(page).getByRole('columnheader').filter({ hasText: 'Title' })).toHaveAttribute('aria-sort', 'ascending');

  await openColumnMenu(page, 'Expiration date');
  await page.getByRole('menuitem', { name: 'Sort by DESC' }).click();
  const byExpiration = await rest.listKeys({ sort: 'expirationDate,desc', size: 100 });
  await expectTitlesOf(page, byExpiration.content.map((key) => key.title));
});

test('filtering a column through its menu shows only the keys the server filters', async ({ page, host, rest }) => {
  await connect(page, host);
  await openColumnMenu(page, 'Role');
  await page.getByRole('menuitem', { name: 'Filter' }).click();
  const value = page.getByRole('combobox', { name: 'Value' });
  await expect(value).toBeVisible();
  await expectAccessible(page, 'the filter panel', '.MuiDataGrid-panel');
  if ((await value.evaluate((element) => element.tagName)) === 'SELECT') {
    await value.selectOption({ label: 'Viewer' });
  } else {
    await value.click();
    await page.getByRole('option', { name: 'Viewer', exact: true }).click();
  }
  await page.keyboard.press('Escape');

  const viewers = await rest.listKeys({ role: 'ORG_VIEWER', size: 100 });
  expect(viewers.page.totalElements).toBeGreaterThan(0);
  await expect(keysGrid(page)).toHaveAttribute('aria-rowcount', String(viewers.page.totalElements + 1));
  await expectTitlesOf(page, viewers.content.map((key) => key.title));
  await expect(dataRows(page).locator('[data-field="role"]')).toHaveText(Array(await dataRows(page).count()).fill('Viewer'));
});

test('a column hidden through its menu comes back through the columns panel', async ({ page, host }) => {
  await connect(page, host);
  const idHeader = keysGrid(page).getByRole('columnheader').filter({ hasText: /^Id$/ });
  await expect(idHeader).toBeVisible();
  await openColumnMenu(page, 'Id');
  await page.getByRole('menuitem', { name: 'Hide column' }).click();
  await expect(idHeader).toHaveCount(0);
  await expect(dataRows(page).first().locator('[data-field="id"]')).toHaveCount(0);

  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  const idSwitch = page.getByRole('checkbox', { name: 'Id', exact: true });
  await expectAccessible(page, 'the columns panel', '.MuiDataGrid-panel');
  await idSwitch.check();
  await page.keyboard.press('Escape');
  await expect(idHeader).toBeVisible();
});

test('"Last used" starts hidden; shown through the columns panel, it gives the date of last use or "Never used"', async ({ page, host, rest }) => {
  await connect(page, host);
  const header = keysGrid(page).getByRole('columnheader').filter({ hasText: /^Last used$/ });
  await expect(header).toHaveCount(0);
  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Last used', exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(header).toBeVisible();

  // One key of each kind, with a title no other key has, found through the quick search.
  const keys = (await rest.listKeys({ size: 100 })).content;
  const unique = keys.filter((key) => keys.filter((other) => other.title === key.title).length === 1);
  const used = unique.find((key) => key.lastUsedDate !== null);
  const unused = unique.find((key) => key.lastUsedDate === null);
  if (!used?.lastUsedDate || !unused) throw new Error('The demo seed has lost its used and unused keys.');
  const shortDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(used.lastUsedDate));
  await quickSearch(page, used.title);
  await expect(rowOf(page, used.title).locator('[data-field="lastUsedDate"]')).toHaveText(shortDate);
  await quickSearch(page, unused.title);
  await expect(rowOf(page, unused.title).locator('[data-field="lastUsedDate"]')).toHaveText('Never used');
});

test('the quick search shows the keys the server finds', async ({ page, host, rest }) => {
  await connect(page, host);
  await quickSearch(page, 'map');
  const found = await rest.listKeys({ search: 'map', size: 100 });
  expect(found.page.totalElements).toBeGreaterThan(1);
  await expect(keysGrid(page)).toHaveAttribute('aria-rowcount', String(found.page.totalElements + 1));
  await expectTitlesOf(page, found.content.map((key) => key.title));
  await expect(dataRows(page)).toHaveCount(found.page.totalElements);
});

test('changing the page shows the server’s next page', async ({ page, host, rest }) => {
  await connect(page, host);
  const rowsPerPage = page.getByRole('combobox', { name: 'Rows per page:' });
  await rowsPerPage.click();
  await page.getByRole('option', { name: '25', exact: true }).click();
  const first = await rest.listKeys({ size: 25, page: 0 });
  expect(first.page.totalPages).toBeGreaterThan(1);
  await expect(page.getByText(`1–25 of ${first.page.totalElements}`)).toBeVisible();
  await expectTitlesOf(page, first.content.map((key) => key.title));

  await page.getByRole('button', { name: 'Go to next page' }).click();
  const second = await rest.listKeys({ size: 25, page: 1 });
  await expect(page.getByText(`26–${Math.min(50, second.page.totalElements)} of ${second.page.totalElements}`)).toBeVisible();
  await expectTitlesOf(page, second.content.map((key) => key.title));
  await expect(dataRows(page)).toHaveCount(Math.min(25, second.page.totalElements - 25));
});

test('the keyboard opens the wizard, the search, and the guided delete of the focused row', async ({ page, host }) => {
  await connect(page, host);
  await page.keyboard.press('Control+n');
  const wizard = page.getByRole('dialog', { name: 'Create new API key' });
  await expect(wizard).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(wizard).toHaveCount(0);

  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Search API keys' })).toBeFocused();

  const first = dataRows(page).first();
  const title = await first.locator('[data-field="title"]').innerText();
  await first.locator('[data-field="title"]').click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog', { name: `Delete API key “${title}”?` })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
