// What an admin does on KeyDesk's screens, in the words on those screens (the visible
// labels and accessible names of issue 4), shared by every spec.
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppHost } from './hosts';

export const SEVEN_COLUMNS = ['Title', 'Id', 'Created by', 'Creation date', 'Expiration date', 'Role', 'Status'] as const;

export function keysGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'API keys' });
}

/** The data rows on screen (the grid renders only what is in view). */
export function dataRows(page: Page): Locator {
  return keysGrid(page).locator('[role="row"][data-id]');
}

export function rowOf(page: Page, title: string): Locator {
  return dataRows(page).filter({ has: page.locator('[data-field="title"]', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The titles of the rows on screen, top to bottom. */
export async function visibleTitles(page: Page): Promise<string[]> {
  return dataRows(page).locator('[data-field="title"]').allInnerTexts();
}

/** Waits until the grid has finished loading and shows `count` data rows (when given). */
export async function waitForRows(page: Page, count?: number): Promise<void> {
  const grid = keysGrid(page);
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('progressbar')).toHaveCount(0);
  if (count === undefined) await expect(dataRows(page).first()).toBeVisible();
  else await expect(dataRows(page)).toHaveCount(count);
}

export function localButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Open local organization' });
}

/** Loads the app; it shows either the connection screen or (still signed in) the keys. */
export async function openApp(page: Page, host: AppHost): Promise<'connection' | 'keys'> {
  if (host.pageUrl) await page.goto(host.pageUrl);
  const local = localButton(page);
  await expect(local.or(keysGrid(page))).toBeVisible();
  return (await local.isVisible()) ? 'connection' : 'keys';
}

/** Signs in through "Connect to JMap Cloud" with the given server, email and password. */
export async function fillCloudSignIn(page: Page, serverUrl: string, email: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Connect to JMap Cloud' });
  await form.getByLabel('Server URL').fill(serverUrl);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel(/^Password/).fill(password);
  await form.getByRole('button', { name: 'Connect', exact: true }).click();
}

/**
 * Opens the organization the host's server holds and waits for its keys: "Open local
 * organization" in the web preview; in Electron, a sign-in to the tests' own server (the
 * demo admin belongs to two organizations, so the picker asks which).
 */
export async function connect(page: Page, host: AppHost): Promise<void> {
  if ((await openApp(page, host)) === 'keys') {
    await waitForRows(page);
    return;
  }
  if (host.kind === 'web') {
    await localButton(page).click();
  } else {
    const { url, adminEmail, adminPassword } = host.organization;
    await fillCloudSignIn(page, url, adminEmail, adminPassword);
    await page.getByRole('dialog', { name: 'Choose an organization' }).getByText('Demo Organization', { exact: true }).click();
  }
  await waitForRows(page);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account: / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(localButton(page)).toBeVisible();
}

/** Back to the connection screen whatever the state the previous test left. */
export async function openConnectionScreen(page: Page, host: AppHost): Promise<void> {
  if ((await openApp(page, host)) === 'keys') await signOut(page);
}

/** Scrolls the grid down, as an admin would, until the row is rendered (rows are virtualized). */
export async function scrollToRow(page: Page, title: string): Promise<Locator> {
  const row = rowOf(page, title);
  const scroller = keysGrid(page).locator('.MuiDataGrid-virtualScroller');
  for (let step = 0; step < 50 && (await row.count()) === 0; step++) {
    await scroller.evaluate((element) => element.scrollBy(0, element.clientHeight * 0.8));
    await row.waitFor({ timeout: 250 }).catch(() => undefined);
  }
  return row;
}

export async function openRowAction(page: Page, title: string, action: 'Display information' | 'Edit…' | 'Replace key…' | 'Delete'): Promise<void> {
  const row = await scrollToRow(page, title);
  await row.hover();
  await row.getByRole('button', { name: `Actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** Types in the toolbar's quick search and waits for the grid to settle. */
export async function quickSearch(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search API keys' }).or(page.getByRole('textbox', { name: 'Search API keys' })).fill(text);
}

export async function refresh(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
}

/** The value (dd) that follows a term (dt) in a description list of `container`. */
export function definitionOf(container: Locator, term: string): Locator {
  return container.locator('dt', { hasText: new RegExp(`^${escapeRegExp(term)}$`) }).locator('xpath=following-sibling::dd[1]');
}

/** Dates as the app shows them in its dialogs (en-US, the browser's UTC time zone). */
export function exactTime(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}
