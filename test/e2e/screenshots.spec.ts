// The README's screenshots of the main screens, light and dark, written to
// docs/screenshots/ (web project only). Stable from run to run: fixed viewport, fixed data
// and clock (see screenshot-host.ts). Never a screen that shows a secret: the wizard is
// shot at step 1 only. Each theme gets its own preview: the run ends with two deletes, for
// the Activity view.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { keysGrid, localButton, openRowAction, quickSearch, rowOf, scrollToRow, signOut, waitForRows } from './support/app-page';
import { expect, test } from './support/fixtures';
import { SCREENSHOT_NOW, startScreenshotPreview } from './support/screenshot-host';

let preview: Awaited<ReturnType<typeof startScreenshotPreview>> | null = null;

test.beforeEach(async () => {
  preview = await startScreenshotPreview();
});

test.afterEach(async () => {
  await preview?.close();
  preview = null;
});

async function shoot(page: Page, name: string, theme: string, within?: string): Promise<void> {
  // Nothing hovered, no click ripple still fading: those would differ from run to run.
  await page.mouse.move(0, 0);
  await expect(page.locator('.MuiTouchRipple-child')).toHaveCount(0);
  // Written to docs/screenshots/ (snapshotPathTemplate) only when it changed beyond a few
  // anti-aliased pixels (updateSnapshots: 'changed'), so unchanged screens stay untouched.
  await expect(page).toHaveScreenshot(`${name}-${theme}.png`);
  // Each theme's colours get their own accessibility check; soft, so that one finding
  // does not keep the other screens from being written.
  await expectAccessible(page, `${name} (${theme} theme)`, within, { soft: true });
}

/** Deletes a key through the guided delete (its resources, if any, to the first Editor listed). */
async function deleteKey(page: Page, title: string): Promise<void> {
  await quickSearch(page, title);
  await waitForRows(page, 1);
  await openRowAction(page, title, 'Delete');
  const remove = page.getByRole('dialog', { name: `Delete API key “${title}”?` });
  await remove.getByRole('button', { name: 'OK', exact: true }).click();
  // A key that owns nothing is deleted at "OK"; one that owns resources asks where they go.
  const editors = remove.getByRole('radiogroup', { name: 'Transfer ownership to' });
  const done = page.getByRole('dialog', { name: 'API key deleted' });
  await expect(editors.or(done)).toBeVisible();
  if (await editors.isVisible()) {
    await editors.getByRole('radio').first().check();
    await remove.getByRole('button', { name: 'Delete', exact: true }).click();
  }
  await done.getByRole('button', { name: 'Close' }).click();
  await expect(done).toHaveCount(0);
  await quickSearch(page, '');
}

/** The filter bar with two criteria (Editor keys never used). Light theme only. */
async function shootGridAudit(page: Page, theme: string): Promise<void> {
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Role', exact: true }).click();
  const role = page.getByRole('form', { name: 'Filter by Role' });
  await role.getByRole('radio', { name: 'Editor', exact: true }).check();
  await role.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Last use', exact: true }).click();
  const lastUse = page.getByRole('form', { name: 'Filter by Last use' });
  await lastUse.getByRole('radio', { name: 'Never used', exact: true }).check();
  await lastUse.getByRole('button', { name: 'Apply' }).click();
  const bar = page.getByRole('region', { name: 'Filters in use' });
  await expect(bar.getByRole('button', { name: /^Never used/ })).toBeVisible();
  await expect(keysGrid(page).getByRole('progressbar')).toHaveCount(0);
  await shoot(page, 'filter-bar', theme);
  await bar.getByRole('button', { name: 'Clear filters' }).click();
  await expect(bar).toHaveCount(0);
}

/** Last of the run: the keys in a window 800 px wide. */
async function shootNarrowWindow(page: Page, theme: string): Promise<void> {
  await quickSearch(page, '');
  await expect(page.getByRole('button', { name: 'View: All keys' })).toBeVisible();
  await expect(keysGrid(page).getByRole('progressbar')).toHaveCount(0);
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 800, height: 800 });
  await expect(keysGrid(page).getByRole('columnheader').filter({ hasText: /^Id$/ })).toHaveCount(0);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await shoot(page, 'narrow-window', theme);
}

/**
 * Two keys deleted, then the Activity view. (Deletes only: a key created here would get a
 * random id, which the view shows, and the screen would change on every run.)
 */
async function shootActivity(page: Page, theme: string): Promise<void> {
  await deleteKey(page, 'Training sandbox');
  await deleteKey(page, 'Field survey app');
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page.getByRole('grid', { name: 'Activity' }).locator('[role="row"][data-id]')).toHaveCount(2);
  await shoot(page, 'activity', theme, 'main');
  await page.getByRole('tab', { name: 'API keys' }).click();
}

/**
 * "Replace key…" at the old key's choice, the new key's access checked. Last, after the
 * Activity view (the new key's id is random). The secret step is passed without a shot.
 */
async function shootRotation(page: Page, theme: string): Promise<void> {
  await quickSearch(page, 'Nightly GIS sync');
  await waitForRows(page, 1);
  // Found by its id, the grid behind keeps to the old key (the new one's id is random).
  await quickSearch(page, await rowOf(page, 'Nightly GIS sync').locator('[data-field="id"]').innerText());
  await waitForRows(page, 1);
  await openRowAction(page, 'Nightly GIS sync', 'Replace key…');
  const rotate = page.getByRole('dialog', { name: 'Replace API key “Nightly GIS sync”' });
  await rotate.getByRole('button', { name: 'Create new key' }).click();
  await rotate.getByRole('button', { name: 'Continue' }).click();
  await rotate.getByRole('button', { name: 'Close anyway' }).click();
  await expect(rotate.getByRole('radio', { name: 'Delete the old key now' })).toBeChecked();
  await shoot(page, 'rotate', theme, '[role="dialog"]');
  await page.keyboard.press('Escape');
  await expect(rotate).toHaveCount(0);
}

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots of the main screens, ${theme}`, async ({ page }) => {
    // Ten screens, two deletes, a bulk delete and a replacement, on a loaded machine.
    test.setTimeout(240_000);
    if (!preview) throw new Error('The screenshot preview did not start.');
    await page.clock.setFixedTime(SCREENSHOT_NOW);
    await page.goto(preview.url);
    await expect(localButton(page)).toBeVisible();
    await page.getByRole('button', { name: 'Theme' }).click();
    await page.getByRole('menuitemradio', { name: theme === 'light' ? 'Light' : 'Dark' }).click();
    await expect(page.getByRole('menu')).toHaveCount(0);
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await shoot(page, 'connection', theme);

    await localButton(page).click();
    await waitForRows(page);
    await expect(keysGrid(page).getByRole('progressbar')).toHaveCount(0);
    // The expiry banner above the keys (the seed: 5 keys expire within 14 days, 4 have expired).
    const banner = page.getByRole('region', { name: 'Expiring keys' });
    await expect(banner.getByText('4 keys have expired —')).toBeVisible();
    await shoot(page, 'keys-grid', theme);
    if (theme === 'light') await shootGridAudit(page, theme);

    await banner.getByRole('button', { name: 'When to warn…' }).click();
    const warnings = page.getByRole('dialog', { name: 'Expiry warnings' });
    await expect(warnings.getByRole('textbox')).toBeFocused();
    await shoot(page, 'expiry-warnings', theme, '[role="dialog"]');
    await warnings.getByRole('button', { name: 'Cancel' }).click();
    await expect(warnings).toHaveCount(0);

    await page.getByRole('button', { name: 'Create new API key' }).click();
    const wizard = page.getByRole('dialog', { name: 'Create new API key' });
    await wizard.getByRole('textbox', { name: 'Name', exact: true }).fill('Field survey tablets');
    await wizard.getByRole('button', { name: '90 days' }).click();
    await wizard.getByRole('radio', { name: 'Editor' }).check();
    await shoot(page, 'create-wizard', theme, '[role="dialog"]');
    await wizard.getByRole('button', { name: 'Cancel' }).click();
    await expect(wizard).toHaveCount(0);

    await openRowAction(page, 'Field survey app', 'Display information');
    const information = page.getByRole('dialog', { name: 'API key information' });
    await expect(information.getByText('Alice Gagnon')).toBeVisible();
    await shoot(page, 'information', theme, '[role="dialog"]');
    await information.getByRole('button', { name: 'Close' }).click();
    await expect(information).toHaveCount(0);

    await openRowAction(page, 'Field survey app', 'Delete');
    const remove = page.getByRole('dialog', { name: 'Delete API key “Field survey app”?' });
    await remove.getByRole('button', { name: 'OK', exact: true }).click();
    await remove.getByRole('radio', { name: 'Transfer ownership to a member with the Editor role' }).check();
    await expect(remove.getByText('Parcels 2024', { exact: true })).toBeVisible();
    await shoot(page, 'delete-resources', theme, '[role="dialog"]');
    await remove.getByRole('button', { name: 'Cancel' }).click();
    await expect(remove).toHaveCount(0);

    await shootActivity(page, theme);

    // "Delete selected…" and its result for each key.
    const bulkKeys = ['Permit portal', 'Open data export', 'Traffic counts feed'];
    for (const title of bulkKeys) await (await scrollToRow(page, title)).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete selected…' }).click();
    const bulk = page.getByRole('dialog', { name: 'Delete 3 API keys?' });
    await bulk.getByRole('radio', { name: /David Côté/ }).check();
    await bulk.getByRole('button', { name: 'Delete 3 keys' }).click();
    const bulkDone = page.getByRole('dialog', { name: 'Bulk delete finished' });
    await expect(bulkDone.getByText('3 deleted, 0 not deleted, 0 left')).toBeVisible();
    await shoot(page, 'bulk-delete-result', theme, '[role="dialog"]');
    await bulkDone.getByRole('button', { name: 'Done' }).click();
    await expect(bulkDone).toHaveCount(0);

    await shootRotation(page, theme);
    // The least needed columns give way, the row actions stay. Light theme only.
    if (theme === 'light') await shootNarrowWindow(page, theme);
    await signOut(page);
  });
}
