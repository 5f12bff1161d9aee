// The keys grid against the server: every sort, filter, search and page the admin asks
// for must show exactly what the organization holds, on both server profiles (JMap
// Cloud's strict one filters in the services, not the server); an outage keeps the rows
// on screen, marked; row actions, keys and narrow windows. Expected rows are computed here
// from the organization's whole list, not by the product's own evaluation.
import type { Page } from '@playwright/test';
import { LOCAL_SERVER_PROFILES } from '../../src/shared/server-capabilities';
import { expectAccessible } from './support/accessibility';
import { connect, dataRows, keysGrid, quickSearch, refresh, rowOf, visibleTitles } from './support/app-page';
import { expect, test } from './support/fixtures';

async function openColumnMenu(page: Page, column: string): Promise<void> {
  // A menu still closing (its exit transition) would offer its items twice.
  await expect(page.getByRole('menu')).toHaveCount(0);
  const header = keysGrid(page).getByRole('columnheader').filter({ hasText: column });
  await header.hover();
  await header.getByRole('button', { name: `${column} column menu` }).click();
}

/** The titles on screen equal the first titles of `expected` (as many as shown). */
async function expectTitlesOf(page: Page, expected: string[]): Promise<void> {
  await expect(keysGrid(page).getByRole('progressbar')).toHaveCount(0);
  await expect
    .poll(async () => {
      const shown = await visibleTitles(page);
      return shown.length > 0 && shown.every((title, index) => title === expected[index]);
    })
    .toBe(true);
}

/** The grid holds as many rows as `titles`, and each row it renders is one of them (rows are virtualized). */
async function expectExactly(page: Page, titles: string[]): Promise<void> {
  await expect(keysGrid(page)).toHaveAttribute('aria-rowcount', String(titles.length + 1));
  await expect(keysGrid(page).getByRole('progressbar')).toHaveCount(0);
  await expect
    .poll(async () => {
      const shown = await visibleTitles(page);
      return shown.length > 0 && shown.every((title) => titles.includes(title));
    })
    .toBe(true);
}

/** Applies one criterion through its editor (opened by a column menu, a chip or "Filter"). */
async function applyChoice(page: Page, criterion: string, choice: string): Promise<void> {
  const editor = page.getByRole('form', { name: `Filter by ${criterion}` });
  await editor.getByRole('radio', { name: choice, exact: true }).check();
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor).toHaveCount(0);
}

async function addFilter(page: Page, criterion: string, choice: string): Promise<void> {
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByRole('menu', { name: 'Add a filter' }).getByRole('menuitem', { name: criterion, exact: true }).click();
  await applyChoice(page, criterion, choice);
}

for (const profile of LOCAL_SERVER_PROFILES) {
  test.describe(`profile ${profile}`, () => {
    test.use({ serverProfile: profile });

    test('sorting through the column menu shows the server’s order', async ({ page, host, rest }) => {
      await connect(page, host);
      await openColumnMenu(page, 'Title');
      await expectAccessible(page, 'the column menu', '[role="menu"]');
      await page.getByRole('menuitem', { name: 'Sort ascending' }).click();
      const ascending = await rest.listKeys({ sort: 'title,asc', size: 100 });
      await expectTitlesOf(page, ascending.content.map((key) => key.title));
      await expect(keysGrid(page).getByRole('columnheader').filter({ hasText: 'Title' })).toHaveAttribute('aria-sort', 'ascending');

      // Back to the default order (the sort is remembered for the next start).
      await openColumnMenu(page, 'Creation date');
      await page.getByRole('menuitem', { name: 'Sort descending' }).click();
      const newest = await rest.listKeys({ sort: 'creationDate,desc', size: 100 });
      await expectTitlesOf(page, newest.content.map((key) => key.title));
    });

    test('criteria combine: a column menu’s role and the bar’s last use, each a chip that removes itself', async ({ page, host, rest }) => {
      await connect(page, host);
      const all = (await rest.listKeys({ size: 1000 })).content;
      // A role with keys used and keys never used: the second criterion narrows the first.
      const roles = { ORG_EDITOR: 'Editor', ORG_VIEWER: 'Viewer' } as const;
      const role = (Object.keys(roles) as (keyof typeof roles)[]).find((candidate) => {
        const ofRole = all.filter((key) => key.role === candidate);
        return ofRole.some((key) => key.lastUsedDate === null) && ofRole.some((key) => key.lastUsedDate !== null);
      });
      if (role === undefined) throw new Error('The demo seed has no role with both used and never used keys.');
      const ofRole = all.filter((key) => key.role === role);
      const unusedOfRole = ofRole.filter((key) => key.lastUsedDate === null);

      await openColumnMenu(page, 'Role');
      await page.getByRole('menuitem', { name: 'Filter by Role…' }).click();
      await expectAccessible(page, 'the filter editor', 'form');
      await applyChoice(page, 'Role', roles[role]);
      await expectExactly(page, ofRole.map((key) => key.title));

      await addFilter(page, 'Last use', 'Never used');
      const bar = page.getByRole('region', { name: 'Filters in use' });
      await expect(bar.getByRole('button', { name: new RegExp(`^(Role: ${roles[role]}|Never used) Remove`) })).toHaveCount(2);
      await expectExactly(page, unusedOfRole.map((key) => key.title));
      await expect(page.getByRole('button', { name: 'View: Custom' })).toBeVisible();

      await bar.getByRole('img', { name: `Remove the filter Role: ${roles[role]}` }).click();
      await expectExactly(page, all.filter((key) => key.lastUsedDate === null).map((key) => key.title));
      await bar.getByRole('button', { name: 'Clear filters' }).click();
      await expect(bar).toHaveCount(0);
      await expect(keysGrid(page)).toHaveAttribute('aria-rowcount', String(all.length + 1));
    });

    test('an outage keeps the rows, marked with their time, until "Retry" finds the server again', async ({ page, host }) => {
      await connect(page, host);
      const before = await visibleTitles(page);
      const rowCount = await keysGrid(page).getAttribute('aria-rowcount');
      await host.stopServer();
      try {
        await refresh(page);
        const alert = page.getByRole('alert').filter({ hasText: 'The API keys could not be refreshed.' });
        await expect(alert).toBeVisible({ timeout: 20_000 });
        await expect(alert).toContainText(/The keys below are as they were at \d{1,2}:\d{2}/);
        // The same rows (the alert above the grid leaves room for fewer of them).
        await expect(keysGrid(page)).toHaveAttribute('aria-rowcount', rowCount ?? '');
        const during = await visibleTitles(page);
        expect(during.length).toBeGreaterThan(0);
        expect(during).toEqual(before.slice(0, during.length));
      } finally {
        await host.restartServer();
      }
      await page.getByRole('button', { name: 'Retry' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'could not be refreshed' })).toHaveCount(0);
      await expectTitlesOf(page, before);
    });
  });
}

test('the built-in views ask the audit questions: "Expired"', async ({ page, host, rest }) => {
  await connect(page, host);
  const expired = (await rest.listKeys({ size: 1000 })).content.filter((key) => key.expired);
  expect(expired.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'View: All keys' }).click();
  await page.getByRole('menu', { name: 'Views' }).getByRole('menuitem', { name: 'Expired', exact: true }).click();
  await expectExactly(page, expired.map((key) => key.title));
  await expect(page.getByRole('region', { name: 'Filters in use' }).getByRole('button', { name: 'Status: Expired' })).toBeVisible();
});

test('a saved view and the hidden columns come back at the next start', async ({ page, host }) => {
  await connect(page, host);
  await addFilter(page, 'Role', 'Editor');
  await page.getByRole('region', { name: 'Filters in use' }).getByRole('button', { name: 'Save this view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this view' });
  await dialog.getByLabel('Name').fill('Editors');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('View “Editors” saved.')).toBeVisible();
  await openColumnMenu(page, 'Id');
  await page.getByRole('menuitem', { name: 'Hide column' }).click();
  const idHeader = keysGrid(page).getByRole('columnheader').filter({ hasText: /^Id$/ });
  await expect(idHeader).toHaveCount(0);

  await page.reload();
  await connect(page, host);
  await expect(idHeader).toHaveCount(0);
  await page.getByRole('button', { name: 'View: All keys' }).click();
  const views = page.getByRole('menu', { name: 'Views' });
  await views.getByRole('menuitem', { name: 'Editors' }).click();
  await expect(page.getByRole('button', { name: 'View: Editors' })).toBeVisible();
  await expect(dataRows(page).locator('[data-field="role"]').first()).toHaveText('Editor');

  // Leave the next tests the default layout.
  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  await expectAccessible(page, 'the columns panel', '.MuiDataGrid-panel');
  await page.getByRole('checkbox', { name: 'Id', exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(idHeader).toBeVisible();
  await page.getByRole('button', { name: 'View: Editors' }).click();
  await views.getByRole('button', { name: 'Delete the view Editors' }).click();
  await expect(views.getByRole('menuitem', { name: 'Editors' })).toHaveCount(0);
});

test('"Last used" gives the date of last use or "Never used"', async ({ page, host, rest }) => {
  await connect(page, host);
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
  // Back to pages of 100 (remembered for the next start).
  await rowsPerPage.click();
  await page.getByRole('option', { name: '100', exact: true }).click();
});

test('the keyboard: Ctrl+N, Ctrl+F, and on a focused row Delete, Enter and Shift+F10; "?" lists them all', async ({ page, host }) => {
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

  await first.locator('[data-field="title"]').click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'API key information' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await first.locator('[data-field="title"]').click();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: `Actions for ${title}` });
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toHaveAttribute('aria-keyshortcuts', 'Delete');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await keysGrid(page).locator('[role="gridcell"][data-field="title"]').first().click();
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByText('Open the actions of the key in focus')).toBeVisible();
  await expectAccessible(page, 'the shortcuts dialog', '[role="dialog"]');
  await shortcuts.getByRole('button', { name: 'Close' }).click();
});

test('a right click on a row opens its actions', async ({ page, host }) => {
  await connect(page, host);
  const first = dataRows(page).first();
  const title = await first.locator('[data-field="title"]').innerText();
  await first.locator('[data-field="createdBy"]').click({ button: 'right' });
  await page.getByRole('menu', { name: `Actions for ${title}` }).getByRole('menuitem', { name: 'Display information' }).click();
  await expect(page.getByRole('dialog', { name: 'API key information' })).toBeVisible();
});

test('a row’s checkbox is reached with the arrow keys; Space checks it and unchecks it', async ({ page, host }) => {
  await connect(page, host);
  const first = dataRows(page).first();
  await first.locator('[data-field="title"]').click();
  await page.keyboard.press('ArrowLeft');
  const checkbox = first.getByRole('checkbox', { name: 'Select row' });
  await expect(checkbox).toBeFocused();
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
  await expect(page.getByText('1 selected', { exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(checkbox).not.toBeChecked();
  await expect(page.getByText('1 selected', { exact: true })).toHaveCount(0);
});

test('in French, the grid, its filter bar, its row actions and its dates are French', async ({ page, host }) => {
  await connect(page, host);
  try {
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitemradio', { name: 'Français' }).click();
    const grid = page.getByRole('grid', { name: 'Clés d’API' });
    const rows = grid.locator('[role="row"][data-id]');
    const headers = grid.getByRole('columnheader');
    for (const name of ['Titre', 'Rôle', 'Statut']) await expect(headers.filter({ hasText: new RegExp(`^${name}`) })).toBeVisible();

    const roleHeader = headers.filter({ hasText: /^Rôle/ });
    await roleHeader.hover();
    await roleHeader.getByRole('button', { name: /Rôle/ }).last().click();
    await page.getByRole('menuitem', { name: 'Filtrer par Rôle…' }).click();
    const editor = page.getByRole('form', { name: 'Filtrer par Rôle' });
    await editor.getByRole('radio', { name: 'Lecteur', exact: true }).check();
    await editor.getByRole('button', { name: 'Appliquer' }).click();
    const chip = page.getByRole('region', { name: 'Filtres appliqués' }).getByRole('button', { name: /^Rôle : Lecteur/ });
    await expect(chip).toBeVisible();
    // French typography: a narrow no-break space before the colon.
    expect(await chip.evaluate((element) => element.textContent)).toContain('Rôle\u202f: Lecteur');
    await expect.poll(async () => [...new Set(await rows.locator('[data-field="role"]').allInnerTexts())]).toEqual(['Lecteur']);

    const first = rows.first();
    const title = await first.locator('[data-field="title"]').innerText();
    await expect(first.getByRole('button', { name: `Actions pour ${title}` })).toBeVisible();
    // MUI X's own names in French too (the checkboxes here).
    await expect(first.getByRole('checkbox', { name: 'Sélectionner la ligne' })).toBeVisible();
    await expect(headers.first().getByRole('checkbox', { name: 'Sélectionner toutes les lignes' })).toBeVisible();
    // "26 nov. 2026", not "Nov 26, 2026".
    await expect(first.locator('[data-field="creationDate"]')).toHaveText(/^\d{1,2} \p{L}+\.? \d{4}$/u);
    await expect(page.getByText('Lignes par page :')).toBeVisible();

    // Back to English, as the admin would (the language is kept in the settings).
    await page.getByRole('button', { name: 'Langue' }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect(keysGrid(page)).toBeVisible();
  } finally {
    // The spec file's other tests share this host and its settings: English whatever happened above.
    await page.evaluate('window.keydesk.updateSettings({ language: "en" })').catch(() => undefined);
  }
});

test('at 800 px the row actions stay in view and the least needed columns give way', async ({ page, host }) => {
  await page.setViewportSize({ width: 800, height: 700 });
  await connect(page, host);
  const headers = keysGrid(page).getByRole('columnheader');
  for (const kept of ['Title', 'Expiration date', 'Role', 'Status']) await expect(headers.filter({ hasText: new RegExp(`^${kept}`) })).toBeVisible();
  await expect(headers.filter({ hasText: /^Id$/ })).toHaveCount(0);
  const first = dataRows(page).first();
  const title = await first.locator('[data-field="title"]').innerText();
  await expect(first.getByRole('button', { name: `Actions for ${title}` })).toBeInViewport({ ratio: 1 });
  const scroller = keysGrid(page).locator('.MuiDataGrid-virtualScroller');
  expect(await scroller.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: /^Columns — .*hidden to fit the window$/ })).toBeVisible();
});
