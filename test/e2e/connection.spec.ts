// Connecting: the local organization and its seeded keys, signing out and back in, a
// wrong password, and the organization server going away mid-session and coming back.
import { expectAccessible } from './support/accessibility';
import {
  SEVEN_COLUMNS,
  connect,
  fillCloudSignIn,
  keysGrid,
  localButton,
  openConnectionScreen,
  refresh,
  signOut,
  visibleTitles,
  waitForRows,
} from './support/app-page';
import { expect, test } from './support/fixtures';
import { AdminClient } from './support/rest-client';

test('the local organization opens on its seeded keys, in the seven columns', async ({ page, host, rest }) => {
  await openConnectionScreen(page, host);
  await expect(page.getByRole('heading', { name: 'Connect to JMap Cloud' })).toBeVisible();
  await expectAccessible(page, 'the connection screen');

  // In Electron too, this opens the app's own bundled organization (in its utility
  // process): the same demo seed, so the same titles, order and count as the tests' server.
  await localButton(page).click();
  await waitForRows(page);
  const grid = keysGrid(page);
  // The seven columns and "Last used" (shown by default since the grid's layout), in order:
  // after the bulk actions' checkboxes, then the row actions' column.
  await expect(grid.getByRole('columnheader').first().getByRole('checkbox', { name: 'Select all rows' })).toBeVisible();
  const shownColumns = [...SEVEN_COLUMNS.slice(0, 5), 'Last used', ...SEVEN_COLUMNS.slice(5)];
  await expect.poll(async () => (await grid.getByRole('columnheader').allInnerTexts()).slice(1, 9)).toEqual(shownColumns);
  await expect(page.getByText('Demo Organization').first()).toBeVisible();
  await expectAccessible(page, 'the keys grid');

  // The server's newest keys, in its order, are the grid's first rows; the count matches.
  const server = await rest.listKeys({ sort: 'creationDate,desc', size: 100 });
  expect(server.page.totalElements).toBeGreaterThanOrEqual(25);
  await expect(grid).toHaveAttribute('aria-rowcount', String(server.page.totalElements + 1));
  const shown = await visibleTitles(page);
  expect(shown.length).toBeGreaterThan(5);
  expect(shown).toEqual(server.content.slice(0, shown.length).map((key) => key.title));
});

test('signing out returns to the connection screen, and the organization reopens', async ({ page, host, rest }) => {
  await connect(page, host);
  await signOut(page);
  await expect(keysGrid(page)).toHaveCount(0);
  // A new page load still shows the connection screen: the session really ended.
  await openConnectionScreen(page, host);
  await expect(localButton(page)).toBeVisible();

  await connect(page, host);
  const server = await rest.listKeys();
  await expect(keysGrid(page)).toHaveAttribute('aria-rowcount', String(server.page.totalElements + 1));
});

test('a wrong password is refused in one plain sentence, and nothing is opened', async ({ page, host }) => {
  await openConnectionScreen(page, host);
  const { url, adminEmail, adminPassword } = host.organization;
  await fillCloudSignIn(page, url, adminEmail, 'not-the-password');
  // Said next to what caused it: on the password field, as its description.
  const password = page.getByRole('form', { name: 'Connect to JMap Cloud' }).getByLabel(/^Password/);
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/^[^\n.]*(email|password)[^\n.]*\.$/i);
  await expect(keysGrid(page)).toHaveCount(0);
  await expectAccessible(page, 'the connection screen with a sign-in error');

  // The server refused that password and still accepts the right one.
  expect(await AdminClient.authenticateStatus(url, adminEmail, 'not-the-password')).toBe(401);
  expect(await AdminClient.authenticateStatus(url, adminEmail, adminPassword)).toBe(200);
});

test('the server stopping mid-session gives a clear error, and the grid recovers once it is back', async ({ page, host }) => {
  await connect(page, host);
  await host.stopServer();
  try {
    await refresh(page);
    // The rows on screen stay (the grid's outage keeps them): the list could not be refreshed.
    const problem = page.getByText('The API keys could not be refreshed.');
    await expect(problem).toBeVisible({ timeout: 30_000 });
    const retry = page.getByRole('button', { name: 'Retry' });
    await expect(retry).toBeVisible();
    await expectAccessible(page, 'the keys grid in its error state');
  } finally {
    await host.restartServer();
  }
  await page.getByRole('button', { name: 'Retry' }).click();
  await waitForRows(page);
  await expect(page.getByText('The API keys could not be loaded.')).toHaveCount(0);

  // The restarted server is the same organization, with the same keys.
  const { url, adminEmail, adminPassword, organizationId } = host.organization;
  const rest = await AdminClient.signIn(url, adminEmail, adminPassword, organizationId);
  const server = await rest.listKeys();
  await expect(keysGrid(page)).toHaveAttribute('aria-rowcount', String(server.page.totalElements + 1));
});
