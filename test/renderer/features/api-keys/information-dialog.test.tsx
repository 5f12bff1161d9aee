import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../../src/server/seed/demo-identities';
import { findRow, setUpKeysPageTests, type KeysPage } from './keys-page-harness';

const openKeysPage = setUpKeysPageTests();

/** The value shown next to `label` in the dialog's list. */
function field(dialog: HTMLElement, label: string): HTMLElement {
  const term = within(dialog).getByText(label, { selector: 'dt' });
  const value = term.nextElementSibling;
  if (!(value instanceof HTMLElement)) throw new Error(`No value next to ${label}.`);
  return value;
}

async function openInformation(page: KeysPage, title: string, actions: string, item: string): Promise<HTMLElement> {
  const row = await findRow(title);
  await page.user.click(within(row).getByRole('button', { name: actions }));
  await page.user.click(await screen.findByRole('menuitem', { name: item }));
  return row;
}

describe('display information', () => {
  it('shows every field, and copies the creator’s email and the key’s id', async () => {
    const page = await openKeysPage();
    const row = await openInformation(page, 'Nightly GIS sync', 'Actions for Nightly GIS sync', 'Display information');
    const dialog = await screen.findByRole('dialog', { name: 'API key information' });
    // The key's own facts first, then its creator's (the role is the key's, not the creator's).
    const labels = within(dialog).getAllByRole('term').map((term) => term.textContent);
    expect(labels).toEqual(['Title', 'Role', 'Expiration date', 'Last use', 'Created by', 'Creator’s email', 'Creation date', 'Id']);
    expect(field(dialog, 'Title')).toHaveTextContent('Nightly GIS sync');
    expect(field(dialog, 'Created by')).toHaveTextContent(DEMO_USERS.secondAdmin.name);
    expect(field(dialog, 'Role')).toHaveTextContent('Editor');
    expect(field(dialog, 'Creator’s email')).toHaveTextContent(DEMO_USERS.secondAdmin.email);
    // Seeded to expire in 2 days.
    expect(field(dialog, 'Expiration date')).toHaveTextContent(/\(expires in 2 days\)/);
    expect(field(dialog, 'Expiration date')).toHaveTextContent('Expiring soon');
    expect(field(dialog, 'Id')).toHaveTextContent(row.getAttribute('data-id') ?? 'missing id');
    expect(field(dialog, 'Creation date')).toHaveTextContent(/\d{4}/);
    expect(field(dialog, 'Last use')).toHaveTextContent('Never used');

    await page.user.click(within(dialog).getByRole('button', { name: 'Copy email' }));
    expect(await within(dialog).findByText('Email copied.')).toBeInTheDocument();
    expect(page.keydesk.clipboard.text).toBe(DEMO_USERS.secondAdmin.email);
    await page.user.click(within(dialog).getByRole('button', { name: 'Copy id' }));
    expect(await within(field(dialog, 'Id')).findByText('Id copied.')).toBeInTheDocument();
    expect(page.keydesk.clipboard.text).toBe(row.getAttribute('data-id'));
    // Each copy says so beside its own button: the email's message is gone.
    expect(within(field(dialog, 'Creator’s email')).queryByText('Email copied.')).not.toBeInTheDocument();

    await page.user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('speaks French, with dates and relative times in French', async () => {
    const page = await openKeysPage({ language: 'fr' });
    expect(await screen.findByRole('heading', { name: 'Clés d’API' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Créer une nouvelle clé d’API' })).toBeInTheDocument();
    const row = await findRow('Asset inventory import');
    expect(within(row).getByText('Expirée')).toBeInTheDocument();
    await openInformation(page, 'Asset inventory import', 'Actions pour Asset inventory import', 'Afficher les informations');
    const dialog = await screen.findByRole('dialog', { name: 'Informations sur la clé d’API' });
    expect(field(dialog, 'Rôle')).toHaveTextContent('Éditeur');
    expect(field(dialog, 'Date d’expiration')).toHaveTextContent(/\(expirée il y a 4 jours\)/);
    expect(within(dialog).getByRole('button', { name: 'Copier le courriel' })).toBeInTheDocument();
  });
});
