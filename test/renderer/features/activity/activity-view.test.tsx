// The Activity view in the whole app, against the real services: what an admin did shows
// up with its outcome, the filters narrow it, an entry opens in full, unreadable lines of
// the log are reported, and the export writes every match as CSV.
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, setUpAppTests, type RenderedApp } from '../../support/render-app';

const keydesk = setUpAppTests();
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

async function openActivity(): Promise<RenderedApp> {
  const connected = (await keydesk().services.handlers.getSession(undefined)) !== null;
  const app = await renderApp();
  // Already connected (the test made changes first): the app opens on the keys.
  if (!connected) await app.user.click(await screen.findByRole('button', { name: 'Open local organization' }));
  await app.user.click(await screen.findByRole('tab', { name: 'Activity' }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Activity', level: 1 })).toHaveFocus());
  return app;
}

/** Changes made through the real services, as the keys page would make them. */
async function makeActivity(): Promise<void> {
  const { handlers } = keydesk().services;
  await handlers.openLocalOrganization(undefined);
  const created = await handlers.createApiKey({ title: 'Nightly export', role: 'ORG_VIEWER', expirationDate: inDays(30), idempotencyKey: crypto.randomUUID() });
  await handlers.forgetSecret({ apiKeyId: created.apiKey.id });
  await handlers.createApiKey({ title: '=Too far', role: 'ORG_EDITOR', expirationDate: inDays(800), idempotencyKey: crypto.randomUUID() }).catch(() => undefined);
  await handlers.deleteApiKey({ id: created.apiKey.id, resources: { kind: 'nothing-owned' } });
}

const rowTitles = (): string[] =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).queryAllByRole('gridcell')[2]?.querySelector('p')?.textContent ?? '');

/** Opens a MUI multiple select and toggles `option`. */
async function toggleOption(label: string, option: string): Promise<void> {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  const listbox = await screen.findByRole('listbox');
  fireEvent.click(within(listbox).getByRole('option', { name: option }));
  fireEvent.keyDown(listbox, { key: 'Escape' });
  await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
}

describe('the Activity view', () => {
  it('says there is no activity yet before any change', async () => {
    await openActivity();
    expect(await screen.findByText('No activity yet')).toBeVisible();
  });

  it('lists each change newest first, with its outcome, and opens an entry in full', async () => {
    await makeActivity();
    const { user } = await openActivity();
    await waitFor(() => expect(rowTitles()).toEqual(['Nightly export', '=Too far', 'Nightly export']));
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0] as HTMLElement).getByText('Deleted')).toBeVisible();
    expect(within(rows[0] as HTMLElement).getByText('It owned nothing')).toBeVisible();
    expect(within(rows[1] as HTMLElement).getByText('Failed')).toBeVisible();
    expect(within(rows[2] as HTMLElement).getByText('Succeeded')).toBeVisible();
    expect(within(rows[2] as HTMLElement).getByText(/^Role: Viewer · expires /)).toBeVisible();

    await user.click(within(rows[1] as HTMLElement).getByText('=Too far'));
    const dialog = await screen.findByRole('dialog', { name: 'Created — “=Too far”' });
    expect(within(dialog).getByText('none: the server did not create it')).toBeVisible();
    expect(within(dialog).getByText('VALIDATION · INVALID_EXPIRATION_DATE')).toBeVisible();
    expect(within(dialog).getByText('admin@demo.local', { exact: false })).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('narrows the entries by action, outcome, key and text, and clears the filters', async () => {
    await makeActivity();
    const { user } = await openActivity();
    await waitFor(() => expect(rowTitles()).toHaveLength(3));

    await toggleOption('Action', 'Deleted');
    await waitFor(() => expect(rowTitles()).toEqual(['Nightly export']));
    await toggleOption('Action', 'Deleted');
    await toggleOption('Outcome', 'Failed');
    await waitFor(() => expect(rowTitles()).toEqual(['=Too far']));
    await toggleOption('Outcome', 'Failed');

    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'nightly{Enter}');
    await waitFor(() => expect(rowTitles()).toEqual(['Nightly export', 'Nightly export']));
    await user.type(screen.getByRole('searchbox', { name: 'Search entries' }), 'no such thing{Enter}');
    expect(await screen.findByText('No entry matches these filters.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    expect(screen.getByRole('textbox', { name: 'Key' })).toHaveValue('');
  });

  it('reports the lines of the log it could not read, and shows the others', async () => {
    await makeActivity();
    const folder = join(keydesk().userDataDir, 'activity');
    await mkdir(folder, { recursive: true });
    await appendFile(join(folder, 'activity.jsonl'), 'edited by hand\n{"v":1,"id":"cut');
    await openActivity();
    expect(await screen.findByText(/Some lines of the activity log could not be read: 2\./)).toBeVisible();
    expect(screen.getByText('activity.jsonl, line 4: not a readable entry')).toBeVisible();
    expect(screen.getByText('activity.jsonl, line 5: cut short when KeyDesk stopped while writing it')).toBeVisible();
    expect(rowTitles()).toHaveLength(3);
  });

  it('exports every matching entry as CSV, with formulas defused', async () => {
    await makeActivity();
    const { user } = await openActivity();
    await waitFor(() => expect(rowTitles()).toHaveLength(3));

    // jsdom has no object URLs: keep the Blob the page hands to the download link.
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: vi.fn((blob: Blob) => (blobs.push(blob), 'blob:keydesk-test')), revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^activity-demo-organization-\d{4}-\d{2}-\d{2}\.csv$/);
    });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText(/Exported 3 entries to activity-demo-organization-/)).toBeVisible();
    clicked.mockRestore();

    const lines = (await (blobs[0] as Blob).text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Time (UTC),Action,Outcome,Error code,Server code,Server,Organization,Organization id,Administrator,Administrator email,Key,Key id,What was done,Resources',
    );
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain(",Failed,VALIDATION,INVALID_EXPIRATION_DATE,");
    // A title typed by any admin never runs as a spreadsheet formula.
    expect(lines[2]).toContain(",'=Too far,");
  });
});
