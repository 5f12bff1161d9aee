import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors';
import { call } from '@renderer/lib/keydesk-client';
import { findRow, setUpKeysPageTests, storeSnapshot, type KeysPage } from './keys-page-harness';

const openKeysPage = setUpKeysPageTests();

async function openWizard(): Promise<{ page: KeysPage; dialog: HTMLElement }> {
  const page = await openKeysPage();
  await findRow('Field survey app');
  await page.user.click(screen.getByRole('button', { name: 'Create new API key' }));
  return { page, dialog: await screen.findByRole('dialog', { name: 'Create new API key' }) };
}

/** Types a date into the picker's field, section by section (month, day, year in English). */
async function typeDate(page: KeysPage, dialog: HTMLElement, date: dayjs.Dayjs): Promise<void> {
  const month = within(dialog).getByRole('spinbutton', { name: 'Month' });
  await page.user.click(month);
  await page.user.keyboard(date.format('MMDDYYYY'));
}

describe('create wizard, step 1', () => {
  it('says what is still needed, and a click on "Create" shows each problem and goes to the first', async () => {
    const { page, dialog } = await openWizard();
    const { user, keydesk } = page;
    const create = within(dialog).getByRole('button', { name: 'Create' });
    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    const hint = (): string | null => within(dialog).queryByRole('status')?.textContent ?? null;
    expect(create).toBeEnabled();
    expect(create).toHaveAccessibleDescription('To create the key, enter a name and choose an expiration date.');
    expect(within(dialog).getByRole('radio', { name: 'Viewer' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Editor' })).toHaveAccessibleDescription(/creates, modifies and deletes/);

    const creates = keydesk.calls.filter((method) => method === 'createApiKey').length;
    await user.click(create);
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription('The name is required.');
    expect(await within(dialog).findByText('Choose an expiration date.')).toBeInTheDocument();
    expect(keydesk.calls.filter((method) => method === 'createApiKey')).toHaveLength(creates);

    await user.type(name, 'Reporting service');
    expect(name).toHaveAccessibleDescription(/1 to 100 characters/);
    expect(hint()).toBe('To create the key, choose an expiration date.');

    await typeDate(page, dialog, dayjs().subtract(3, 'day'));
    expect(await within(dialog).findByText('The expiration date must be in the future.')).toBeInTheDocument();
    expect(hint()).toBe('To create the key, correct the expiration date.');

    await user.click(within(dialog).getByRole('button', { name: '30 days' }));
    expect(within(dialog).queryByText('The expiration date must be in the future.')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
    expect(hint()).toBeNull();
    expect(create).not.toHaveAccessibleDescription();

    await user.type(name, 'y'.repeat(100));
    expect(name).toHaveAccessibleDescription('The name must be at most 100 characters.');
    expect(hint()).toBe('To create the key, correct the name.');
  });

  it('warns, without refusing, of a name another key has', async () => {
    const { page, dialog } = await openWizard();
    const { user } = page;
    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    await user.type(name, '  field SURVEY app ');
    await waitFor(() =>
      expect(name).toHaveAccessibleDescription('A key named “Field survey app” already exists. You can still use this name; a different one tells them apart.'),
    );
    await user.type(name, 's');
    await waitFor(() => expect(name).toHaveAccessibleDescription(/1 to 100 characters/));
    await user.type(name, '{Backspace}');
    await user.click(within(dialog).getByRole('button', { name: '90 days' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByRole('button', { name: 'Copy API key' })).toBeInTheDocument();
  });

  it('offers at most one year, as the server allows, and says so for a later date', async () => {
    const { page, dialog } = await openWizard();
    const { user } = page;
    const create = within(dialog).getByRole('button', { name: 'Create' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Yearly export');
    const tooFar = 'The expiration date can be at most one year from today: a key must be renewed at least once a year.';
    await typeDate(page, dialog, dayjs().add(1, 'year').add(1, 'day'));
    expect(await within(dialog).findByText(tooFar)).toBeInTheDocument();
    expect(create).toHaveAccessibleDescription('To create the key, correct the expiration date.');
    await user.click(within(dialog).getByRole('button', { name: '1 year' }));
    expect(within(dialog).queryByText(tooFar)).not.toBeInTheDocument();
    await user.click(create);
    expect(await within(dialog).findByRole('button', { name: 'Copy API key' })).toBeInTheDocument();
  });

  it('says plainly when the key was created but its secret was lost', async () => {
    const { page, dialog } = await openWizard();
    const { user } = page;
    // A first submission whose answer never came back: the same Idempotency-Key again gets
    // the server's replay answer, which the services turn into SECRET_LOST.
    const idempotencyKey = crypto.randomUUID();
    const expirationDate = dayjs().startOf('day').add(90, 'day').endOf('day').toISOString();
    const first = await call('createApiKey', { title: 'Lost in transit', role: 'ORG_VIEWER', expirationDate, idempotencyKey });
    await call('forgetSecret', { apiKeyId: first.apiKey.id });
    vi.spyOn(crypto, 'randomUUID').mockReturnValue(idempotencyKey as ReturnType<typeof crypto.randomUUID>);

    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Lost in transit');
    await user.click(within(dialog).getByRole('button', { name: '90 days' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      `The API key was created (id ${first.apiKey.id}) but its secret was lost on the way. Delete that key and create a new one.`,
    );
    expect(within(dialog).queryByRole('button', { name: 'Copy API key' })).not.toBeInTheDocument();
  });

  it('reuses the Idempotency-Key when the same values are retried, and takes a new one for new values', async () => {
    const { page, dialog } = await openWizard();
    const { user } = page;
    // This key was already used for another request: the server refuses it (422).
    const usedKey = crypto.randomUUID();
    const used = await call('createApiKey', { title: 'Other', role: 'ORG_EDITOR', expirationDate: dayjs().add(10, 'day').toISOString(), idempotencyKey: usedKey });
    await call('forgetSecret', { apiKeyId: used.apiKey.id });
    const randomUUID = vi.spyOn(crypto, 'randomUUID').mockReturnValueOnce(usedKey as ReturnType<typeof crypto.randomUUID>);

    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Retried');
    await user.click(within(dialog).getByRole('button', { name: '60 days' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByRole('alert')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Create' })).toBeEnabled());
    expect(randomUUID).toHaveBeenCalledTimes(1);

    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), ' again');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByRole('button', { name: 'Copy API key' })).toBeInTheDocument();
    expect(randomUUID).toHaveBeenCalledTimes(2);
  });
});

describe('create wizard, step 2', () => {
  async function createKey(title: string): Promise<{ page: KeysPage; dialog: HTMLElement; secret: string }> {
    const { page, dialog } = await openWizard();
    const { user } = page;
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), title);
    await user.click(within(dialog).getByRole('button', { name: '1 year' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Editor' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    const field = await within(dialog).findByRole('textbox', { name: 'API key' });
    const secret = (field as HTMLTextAreaElement).value;
    expect(secret.length).toBeGreaterThan(20);
    return { page, dialog, secret };
  }

  it('shows the secret once, copies it, and leaves no trace of it after "OK"', async () => {
    const { page, dialog, secret } = await createKey('Secret shown once');
    const { user, keydesk } = page;
    expect(dialog).toHaveTextContent(
      'This is a private API key that should be kept secret and secure. Once this window is closed, it will no longer be possible to see the API key again.',
    );
    expect(within(dialog).getByRole('textbox', { name: 'API key' })).toHaveAttribute('readonly');
    const { apiKey } = (await call('listApiKeys', { search: 'Secret shown once' })).content.map((key) => ({ apiKey: key }))[0] ?? {};
    expect(apiKey).toBeDefined();

    // Escape and a click outside do not close step 2.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Create new API key' })).toBeInTheDocument();
    const backdrop = document.querySelector('.MuiBackdrop-root');
    if (backdrop) await user.click(backdrop);
    expect(screen.getByRole('dialog', { name: 'Create new API key' })).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Copy API key' }));
    expect(await within(dialog).findByText('Copied. The clipboard clears itself in 60 seconds.')).toBeInTheDocument();
    expect(keydesk.clipboard.text).toBe(secret);
    expect(keydesk.clipboard.lastWriteWasSecret).toBe(true);

    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(document.body.innerHTML).not.toContain(secret);
    expect(storeSnapshot()).not.toContain(secret);
    expect(JSON.stringify(localStorage)).not.toContain(secret);
    expect(JSON.stringify(sessionStorage)).not.toContain(secret);
    // Main forgot it too: there is nothing left to copy.
    await expect(call('copySecret', { apiKeyId: apiKey?.id ?? '' })).rejects.toBeInstanceOf(AppError);

    const row = await findRow('Secret shown once');
    // Marked, not checked: a bulk "Delete selected…" must not take the key just created.
    expect(row).toHaveClass('keydesk-highlighted');
    expect(row).not.toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('API key “Secret shown once” created.')).toBeInTheDocument();
  });

  it('has main forget the secret when the wizard is unmounted without "OK"', async () => {
    // An organization switch or an ended session takes the page, and the wizard, away.
    const { page } = await createKey('Unmounted mid-wizard');
    const apiKeyId = (await call('listApiKeys', { search: 'Unmounted mid-wizard' })).content[0]?.id ?? '';
    await expect(call('copySecret', { apiKeyId })).resolves.toBeDefined();
    page.unmount();
    await waitFor(() => expect(call('copySecret', { apiKeyId })).rejects.toBeInstanceOf(AppError));
  });

  it('asks once before closing when the key was not copied', async () => {
    const { page, dialog, secret } = await createKey('Never copied');
    const { user } = page;
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    const question = within(dialog).getByRole('alertdialog', { name: 'Close without copying?' });
    expect(question).toHaveTextContent('You have not copied the API key.');
    await user.click(within(question).getByRole('button', { name: 'Go back' }));
    expect(within(dialog).queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'API key' })).toHaveValue(secret);

    // Asked once: "OK" now closes.
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(document.body.innerHTML).not.toContain(secret);
    expect(await findRow('Never copied')).toBeInTheDocument();
  });

  it('puts the focus on "Copy API key" when it asks, so that a second Enter copies instead of closing', async () => {
    const { page, dialog, secret } = await createKey('Double Enter');
    const { user, keydesk } = page;
    within(dialog).getByRole('button', { name: 'OK' }).focus();
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('alertdialog', { name: 'Close without copying?' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy API key' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByText('Copied. The clipboard clears itself in 60 seconds.')).toBeInTheDocument();
    expect(keydesk.clipboard.text).toBe(secret);
    expect(screen.getByRole('dialog', { name: 'Create new API key' })).toBeInTheDocument();
  });

  it('counts a copy of the whole secret by the keyboard or the context menu as copied, through the guarded clipboard', async () => {
    const { page, dialog, secret } = await createKey('Copied by hand');
    const { user, keydesk } = page;
    const field = within(dialog).getByRole('textbox', { name: 'API key' }) as HTMLTextAreaElement;
    await user.click(field);
    // The field selects the whole secret when focused; Ctrl+C then fires "copy" on it.
    expect(field.selectionEnd - field.selectionStart).toBe(secret.length);
    await user.copy();
    expect(await within(dialog).findByText('Copied. The clipboard clears itself in 60 seconds.')).toBeInTheDocument();
    expect(keydesk.clipboard.text).toBe(secret);
    expect(keydesk.clipboard.lastWriteWasSecret).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
