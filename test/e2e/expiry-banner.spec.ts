// The expiry watch's banner above the keys (the demo seed: 5 keys expire within 14 days,
// 4 have expired): its counts, "Show them" applying the grid's matching view, and the
// warning days, which refuse what is not a whole number from 1 to 90 and change the count.
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { connect, dataRows, waitForRows } from './support/app-page';
import { LOCAL_SERVER_PROFILES } from '../../src/shared/server-capabilities';
import { expect, test } from './support/fixtures';

const banner = (page: Page): Locator => page.getByRole('region', { name: 'Expiring keys' });

async function expectStatuses(page: Page, count: number, status: string): Promise<void> {
  await waitForRows(page, count);
  await expect(dataRows(page).locator('[data-field="status"]')).toHaveText(Array.from({ length: count }, () => status));
}

/** Types `days` in "Expiry warnings" and saves; the dialog stays open when it is refused. */
async function saveWarningDays(dialog: Locator, days: string): Promise<void> {
  await dialog.getByRole('textbox', { name: 'Warn me this many days before a key expires' }).fill(days);
  await dialog.getByRole('button', { name: 'Save' }).click();
}

for (const profile of LOCAL_SERVER_PROFILES) {
  test.describe(`profile ${profile}`, () => {
    test.use({ serverProfile: profile });

    test('the banner counts the keys, shows them, and follows the warning days', async ({ page, host }) => {
      await connect(page, host);
      const region = banner(page);
      await expect(region.getByText('5 keys expire within 14 days —')).toBeVisible();
      await expect(region.getByText('4 keys have expired —')).toBeVisible();
      await expectAccessible(page, 'the expiry banner', '[role="region"][aria-label="Expiring keys"]');

      await region.getByRole('button', { name: 'Show them — 4 keys have expired' }).click();
      await expectStatuses(page, 4, 'Expired');
      await region.getByRole('button', { name: 'Show them — 5 keys expire within 14 days' }).click();
      await expectStatuses(page, 5, 'Expiring soon');

      await region.getByRole('button', { name: 'When to warn…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Expiry warnings' });
      for (const refused of ['0', '91', 'two weeks']) {
        await saveWarningDays(dialog, refused);
        await expect(dialog.getByText('Enter a whole number of days from 1 to 90.')).toBeVisible();
      }
      await saveWarningDays(dialog, '30');
      await expect(dialog).toHaveCount(0);
      await expect(region.getByText('6 keys expire within 30 days —')).toBeVisible();
      await expect(region.getByText('4 keys have expired —')).toBeVisible();
      // The view follows the days too: the same six keys, not the grid's 14-day status.
      await region.getByRole('button', { name: 'Show them — 6 keys expire within 30 days' }).click();
      await waitForRows(page, 6);

      // Back to the default, from the account menu, for the next test of this host.
      await page.getByRole('button', { name: /^Account: / }).click();
      await page.getByRole('menuitem', { name: 'Expiry warnings…' }).click();
      await saveWarningDays(dialog, '14');
      await expect(region.getByText('5 keys expire within 14 days —')).toBeVisible();
    });
  });
}
