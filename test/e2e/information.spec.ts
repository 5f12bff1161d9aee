// "Display information": every field of a seeded key as the server has it, "Copy email" and "Copy id".
import { expectAccessible } from './support/accessibility';
import { connect, definitionOf, exactTime, openRowAction } from './support/app-page';
import { expect, test } from './support/fixtures';

test('the information dialog shows every field of the key, and copies the creator’s email and the key’s id', async ({ page, host, rest, readClipboard }) => {
  // A seeded key that was used and whose creator is the second administrator.
  const candidates = (await rest.listKeys()).content.filter((key) => key.lastUsedDate !== null && !key.expired);
  const key = candidates.find((candidate) => candidate.createdBy.email === 'admin2@demo.local') ?? candidates[0];
  if (!key?.lastUsedDate) throw new Error('The demo seed has no used key.');

  await connect(page, host);
  await openRowAction(page, key.title, 'Display information');
  const dialog = page.getByRole('dialog', { name: 'API key information' });
  await expect(dialog).toBeVisible();

  await expect(definitionOf(dialog, 'Title')).toHaveText(key.title);
  await expect(definitionOf(dialog, 'Created by')).toHaveText(key.createdBy.name);
  await expect(definitionOf(dialog, 'Role')).toHaveText(key.role === 'ORG_EDITOR' ? 'Editor' : 'Viewer');
  await expect(definitionOf(dialog, 'Creator’s email')).toContainText(key.createdBy.email);
  await expect(definitionOf(dialog, 'Expiration date')).toContainText(exactTime(key.expirationDate));
  await expect(definitionOf(dialog, 'Expiration date')).toContainText(/\(expires in \d+ \w+\)/);
  await expect(definitionOf(dialog, 'Id').getByText(key.id, { exact: true })).toBeVisible();
  await expect(definitionOf(dialog, 'Creation date')).toHaveText(exactTime(key.creationDate));
  await expect(definitionOf(dialog, 'Last use')).toContainText(exactTime(key.lastUsedDate));
  await expectAccessible(page, 'the information dialog', '[role="dialog"]');

  await dialog.getByRole('button', { name: 'Copy email' }).click();
  await expect(definitionOf(dialog, 'Creator’s email').getByRole('status')).toHaveText('Email copied.');
  expect(await readClipboard()).toBe(key.createdBy.email);
  await dialog.getByRole('button', { name: 'Copy id' }).click();
  await expect(definitionOf(dialog, 'Id').getByRole('status')).toHaveText('Id copied.');
  expect(await readClipboard()).toBe(key.id);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  // Looking changed nothing in the server.
  expect(await rest.findKey(key.id)).toEqual(key);
});
