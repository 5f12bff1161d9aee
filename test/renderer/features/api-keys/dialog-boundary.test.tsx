// A dialog of the keys page that fails to render is replaced by one that says so, with
// "Try again" and "Back to the keys"; the grid behind it stays. The failure is made on
// purpose: the information dialog throws while its flag is up.
import { createElement } from 'react';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { findRow, setUpKeysPageTests, type KeysPage } from './keys-page-harness';

const failing = vi.hoisted(() => ({ information: false }));

vi.mock('@renderer/features/api-keys/components/information/api-key-information-dialog', async (importOriginal) => {
  const original = await importOriginal<Record<string, unknown>>();
  const Real = original.ApiKeyInformationDialog as (props: object) => React.ReactNode;
  return {
    ...original,
    ApiKeyInformationDialog: (props: object) => {
      if (failing.information) throw new Error('a render failure');
      return createElement(Real, props);
    },
  };
});

const openKeysPage = setUpKeysPageTests();

async function openInformation(page: KeysPage, title: string): Promise<void> {
  const row = await findRow(title);
  await page.user.click(within(row).getByRole('button', { name: `Actions for ${title}` }));
  await page.user.click(await screen.findByRole('menuitem', { name: 'Display information' }));
}

describe('a dialog that fails to render', () => {
  it('says so in a dialog of its own, goes back to the keys, and can be tried again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const page = await openKeysPage();
    failing.information = true;
    await openInformation(page, 'Nightly GIS sync');
    const problem = await screen.findByRole('alertdialog', { name: 'This part of KeyDesk ran into a problem' });
    expect(problem).toHaveTextContent('nothing in your organization was changed');
    await page.user.click(within(problem).getByRole('button', { name: 'Back to the keys' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('gridcell', { name: 'Nightly GIS sync' })).toBeVisible();

    await openInformation(page, 'Nightly GIS sync');
    failing.information = false;
    await page.user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('dialog', { name: 'API key information' })).toBeVisible();
    failing.information = false;
  });
});
