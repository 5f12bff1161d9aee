// The guided delete's steps as the e2e specs take them, and the keys they delete.
import type { Locator, Page } from '@playwright/test';
import { DEMO_USERS } from '../../../src/server/seed/demo-identities';
import { openRowAction } from './app-page';
import { expect } from './fixtures';
import type { AdminClient } from './rest-client';

/** Step 1's warning, word for word: the admin must read that nothing brings the key back. */
export const IRREVERSIBLE =
  'Deleting an API key is irreversible: the applications that use it lose access at once, and the key cannot be restored.';

export const inSixtyDays = (): string => new Date(Date.now() + 60 * 86_400_000).toISOString();

/**
 * A key that owns, through its own API calls: a data source alone, a data source shared
 * with editor2, and a project (with layers on both) alone: three permission entries.
 */
export async function keyOwningResources(rest: AdminClient, title: string) {
  const { apiKey, secret } = await rest.createKey(title, 'ORG_EDITOR', inSixtyDays());
  const asKey = rest.asApiKey(secret);
  const alone = await asKey.createDataSource(`${title} parcels`);
  const shared = await asKey.createDataSource(`${title} roads`);
  const project = await asKey.createProject(`${title} map`, [
    { name: 'Parcels', dataSourceId: alone.id },
    { name: 'Roads', dataSourceId: shared.id },
  ]);
  await rest.addPermissions('datasources', shared.id, [{ principal: DEMO_USERS.editor2.id, permissions: ['OWNER', 'MODIFY', 'VIEW'] }]);
  return { apiKey, secret, alone, shared, project };
}

export function deleteDialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: `Delete API key “${title}”?` });
}

/** Opens the guided delete on a row and passes its first step ("OK"). */
export async function startDelete(page: Page, title: string): Promise<Locator> {
  await openRowAction(page, title, 'Delete');
  const dialog = deleteDialog(page, title);
  await expect(dialog.getByText(IRREVERSIBLE)).toBeVisible();
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  return dialog;
}

export async function expectKeyGone(rest: AdminClient, id: string, secret: string): Promise<void> {
  expect(await rest.findKey(id)).toBeNull();
  expect(await rest.asApiKey(secret).status()).toBe(401);
}
