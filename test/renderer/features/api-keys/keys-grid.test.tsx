import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_TRAINING_ORGANIZATION } from '../../../../src/server/seed/demo-identities';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { call } from '@renderer/lib/keydesk-client';
import { findRow, setUpKeysPageTests, renderPageFor, visibleTitles } from './keys-page-harness';

const openKeysPage = setUpKeysPageTests();

const DEMO_KEY_COUNT = 28;
const inAYear = (): string => new Date(Date.now() + 365 * 86_400_000).toISOString();

/** Creates keys through the real API, as another admin would. */
async function createKeys(count: number, title: (index: number) => string): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const { apiKey } = await call('createApiKey', {
      title: title(index),
      role: index % 2 === 0 ? 'ORG_EDITOR' : 'ORG_VIEWER',
      expirationDate: inAYear(),
      idempotencyKey: crypto.randomUUID(),
    });
    await call('forgetSecret', { apiKeyId: apiKey.id });
  }
}

/** Opens a MUI select, picks `option`, and returns every option it offered. */
async function chooseOption(select: HTMLElement, option: string): Promise<string[]> {
  fireEvent.mouseDown(select);
  const listbox = await screen.findByRole('listbox');
  const offered = within(listbox).getAllByRole('option').map((item) => item.textContent ?? '');
  fireEvent.click(within(listbox).getByRole('option', { name: option }));
  await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
  return offered;
}

describe('keys grid', () => {
  it('shows the seeded keys with the seven columns, status as a chip with its word', async () => {
    await openKeysPage();
    const row = await findRow('Field survey app');
    for (const name of ['Title', 'Id', 'Created by', 'Creation date', 'Expiration date', 'Role', 'Status']) {
      // A sorted header's name also holds its sort button's label.
      expect(screen.getByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeInTheDocument();
    }
    expect(within(row).getByText('Alice Gagnon')).toBeInTheDocument();
    expect(within(row).getByText('Editor')).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(await findRow('Asset inventory import')).getByText('Expired')).toBeInTheDocument();
    expect(within(await findRow('Nightly GIS sync')).getByText('Expiring soon')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Actions for Field survey app' })).toBeInTheDocument();
    expect(visibleTitles()).toHaveLength(DEMO_KEY_COUNT);
  });

  it('sorts on the server when a header is clicked, and searches with the quick search', async () => {
    const page = await openKeysPage();
    const { user } = page;
    await findRow('Field survey app');
    await user.click(screen.getByRole('columnheader', { name: /^Title/ }).querySelector('.MuiDataGrid-columnHeaderTitle') as HTMLElement);
    await waitFor(() => expect(visibleTitles()[0]).toBe('Asset inventory import'));
    expect(useApiKeysStore.getState().sort).toEqual({ field: 'title', direction: 'asc' });
    const titles = visibleTitles();
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));

    await user.type(screen.getByRole('searchbox', { name: 'Search API keys' }), 'sync');
    await waitFor(() => expect(visibleTitles()).toEqual(['Nightly GIS sync', 'Property assessment sync']));

    await user.clear(screen.getByRole('searchbox', { name: 'Search API keys' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search API keys' }), 'no such key anywhere');
    expect(await screen.findByText('No API keys match the search or filters.')).toBeInTheDocument();
  });

  it('combines criteria of the filter bar: role and status together, each a chip that removes itself', async () => {
    const page = await openKeysPage();
    const { user } = page;
    await findRow('Field survey app');
    const addFilter = async (criterion: string, choice: string): Promise<void> => {
      await user.click(screen.getByRole('button', { name: 'Filter' }));
      await user.click(await screen.findByRole('menuitem', { name: criterion }));
      const editor = await screen.findByRole('form', { name: `Filter by ${criterion}` });
      await user.click(within(editor).getByRole('radio', { name: choice }));
      await user.click(within(editor).getByRole('button', { name: 'Apply' }));
    };
    await addFilter('Role', 'Viewer');
    await waitFor(() => expect(visibleTitles()).toHaveLength(9));
    await addFilter('Status', 'Active');
    await waitFor(() => expect(useApiKeysStore.getState().filters).toEqual({ role: 'ORG_VIEWER', status: 'ACTIVE' }));
    await waitFor(() => expect(useApiKeysStore.getState().loading).toBe(false));
    const { rows } = useApiKeysStore.getState();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(9);
    expect(rows.every((key) => key.role === 'ORG_VIEWER' && !key.expired)).toBe(true);
    await waitFor(() => expect(visibleTitles()).toHaveLength(rows.length));

    const bar = screen.getByRole('region', { name: 'Filters in use' });
    expect(within(bar).getByText('Role: Viewer')).toBeInTheDocument();
    await user.click(within(bar).getByTitle('Remove the filter Role: Viewer'));
    await waitFor(() => expect(useApiKeysStore.getState().filters).toEqual({ status: 'ACTIVE' }));
    await user.click(within(bar).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(visibleTitles()).toHaveLength(DEMO_KEY_COUNT));
  });

  it('pages through more than 100 keys, and exports every matching key to CSV', async () => {
    const page = await openKeysPage();
    const { user } = page;
    await findRow('Field survey app');
    await createKeys(105, (index) => `Bulk key ${String(index).padStart(3, '0')}, "quoted"`);
    // Pages of 25 on screen (jsdom renders slowly); the export still reads pages of 100.
    await chooseOption(screen.getByRole('combobox', { name: 'Rows per page:' }), '25');
    await waitFor(() => expect(screen.getByText('1–25 of 133')).toBeInTheDocument());
    for (let index = 0; index < 5; index += 1) await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    await waitFor(() => expect(screen.getByText('126–133 of 133')).toBeInTheDocument());
    await waitFor(() => expect(visibleTitles()).toHaveLength(8));
    expect(useApiKeysStore.getState()).toMatchObject({ page: 5, pageSize: 25 });

    await user.type(screen.getByRole('searchbox', { name: 'Search API keys' }), 'Bulk key');
    await waitFor(() => expect(useApiKeysStore.getState().rowCount).toBe(105));

    // jsdom has no object URLs: keep the Blob the page hands to the download link.
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:keydesk-test';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^api-keys-demo-organization-\d{4}-\d{2}-\d{2}\.csv$/);
    });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText(/Exported 105 API keys to api-keys-demo-organization-/)).toBeInTheDocument();
    expect(clicked).toHaveBeenCalledOnce();
    clicked.mockRestore();

    expect(blobs).toHaveLength(1);
    const csv = await (blobs[0] as Blob).text();
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Title,Id,Created by,Creator email,Creation date,Expiration date,Last use,Role,Status');
    expect(lines).toHaveLength(106);
    expect(lines.slice(1).every((line) => line.startsWith('"Bulk key ') && line.includes('""quoted""'))).toBe(true);
    expect(new Set(lines.slice(1).map((line) => line.split('",')[1]?.split(',')[0])).size).toBe(105);
  }, 90_000);

  it('keeps the page size and sort in the settings, and starts with them next time', async () => {
    const page = await openKeysPage();
    await findRow('Field survey app');
    await chooseOption(screen.getByRole('combobox', { name: 'Rows per page:' }), '25');
    await page.user.click(screen.getByRole('columnheader', { name: /^Title/ }).querySelector('.MuiDataGrid-columnHeaderTitle') as HTMLElement);
    await waitFor(async () => expect((await call('getSettings')).grid).toMatchObject({ pageSize: 25, sort: { field: 'title', direction: 'asc' } }));

    page.unmount();
    await renderPageFor(page.session);
    await waitFor(() => expect(screen.getByText('1–25 of 28')).toBeInTheDocument(), { timeout: 15_000 });
    expect(useApiKeysStore.getState().sort).toEqual({ field: 'title', direction: 'asc' });
    await waitFor(() => expect(visibleTitles()[0]).toBe('Asset inventory import'));
  });

  it('says "No API keys yet" with the create button for an organization without keys', async () => {
    const page = await openKeysPage();
    // Empty the training organization through the real API, then show it.
    const session = await call('switchOrganization', { organizationId: DEMO_TRAINING_ORGANIZATION.id });
    for (const key of (await call('listApiKeys', {})).content) await call('deleteApiKey', { id: key.id, resources: { kind: 'nothing-owned' } });
    page.unmount();
    const { user } = await renderPageFor(session);
    expect(await screen.findByText('No API keys yet', {}, { timeout: 15_000 })).toBeInTheDocument();
    // The toolbar's button and the empty state's own.
    const [, emptyStateCreate] = screen.getAllByRole('button', { name: 'Create new API key' });
    expect(emptyStateCreate).toBeDefined();
    await user.click(emptyStateCreate as HTMLElement);
    expect(await screen.findByRole('dialog', { name: 'Create new API key' })).toBeInTheDocument();
  });

  it('keeps the last rows on an outage, marked with their time, with "Retry"', async () => {
    const page = await openKeysPage();
    await findRow('Field survey app');
    await page.keydesk.server.close();
    await page.user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('The API keys could not be refreshed.', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText(/The keys below are as they were at /)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(visibleTitles()).toHaveLength(DEMO_KEY_COUNT);

    // A sort asked meanwhile cannot be answered: the header keeps saying how the rows on
    // screen are sorted (newest first), and the alert says they predate the change.
    const rowsBefore = visibleTitles();
    await page.user.click(screen.getByRole('columnheader', { name: /^Title/ }).querySelector('.MuiDataGrid-columnHeaderTitle') as HTMLElement);
    expect(await screen.findByText(/before your last change of page, sort or filters/, {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /^Title/ })).not.toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /^Creation date/ })).toHaveAttribute('aria-sort', 'descending');
    expect(visibleTitles()).toEqual(rowsBefore);
  });

  it('opens the row menu with "Display information", "Edit…", "Replace key…" and "Delete"', async () => {
    const page = await openKeysPage();
    const row = await findRow('Public map viewer');
    await page.user.click(within(row).getByRole('button', { name: 'Actions for Public map viewer' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Display informationEnter', 'Edit…', 'Replace key…', 'DeleteDelete', 'Copy id', 'Copy title']);
    // The keys beside the items are theirs, not part of their names.
    expect(within(menu).getByRole('menuitem', { name: 'Delete' })).toHaveAttribute('aria-keyshortcuts', 'Delete');
    await page.user.click(within(menu).getByRole('menuitem', { name: 'Display information' }));
    expect(await screen.findByRole('dialog', { name: 'API key information' })).toBeInTheDocument();
    expect(useApiKeysStore.getState().dialog).toMatchObject({ kind: 'information', apiKey: { title: 'Public map viewer' } });
  });
});

describe('keyboard and menu commands', () => {
  it('Ctrl+N opens the wizard, Ctrl+F focuses the search, F5 refreshes', async () => {
    const page = await openKeysPage();
    const { user } = page;
    await findRow('Field survey app');

    await user.keyboard('{Control>}f{/Control}');
    expect(screen.getByRole('searchbox', { name: 'Search API keys' })).toHaveFocus();

    await createKeys(1, () => 'Made elsewhere');
    await user.keyboard('{F5}');
    expect(await findRow('Made elsewhere')).toBeInTheDocument();

    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Create new API key' })).toBeInTheDocument();
  });

  it('on a focused row, Delete opens the guided delete, Enter the information, Shift+F10 the row menu', async () => {
    const page = await openKeysPage();
    const row = await findRow('Public map viewer');
    await page.user.click(within(row).getByText('Alice Gagnon'));
    await page.user.keyboard('{Delete}');
    expect(await screen.findByRole('dialog', { name: 'Delete API key “Public map viewer”?' })).toBeInTheDocument();
    useApiKeysStore.getState().closeDialog();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await page.user.click(within(row).getByText('Alice Gagnon'));
    await page.user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'API key information' })).toBeInTheDocument();
    useApiKeysStore.getState().closeDialog();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await page.user.click(within(row).getByText('Alice Gagnon'));
    await page.user.keyboard('{Shift>}{F10}{/Shift}');
    expect(await screen.findByRole('menu', { name: 'Actions for Public map viewer' })).toBeInTheDocument();
  });

  it('"?" shows every shortcut of the page', async () => {
    const page = await openKeysPage();
    await findRow('Field survey app');
    await page.user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const action of ['Create a new API key', 'Go to the search', 'Refresh the list', 'Open the actions of the key in focus']) {
      expect(within(dialog).getByText(action)).toBeInTheDocument();
    }
  });

  it('follows the app menu’s "new-api-key" and "refresh"', async () => {
    const page = await openKeysPage();
    await findRow('Field survey app');
    await createKeys(1, () => 'Made by the menu test');
    page.keydesk.sendMenuCommand('refresh');
    expect(await findRow('Made by the menu test')).toBeInTheDocument();
    page.keydesk.sendMenuCommand('new-api-key');
    expect(await screen.findByRole('dialog', { name: 'Create new API key' })).toBeInTheDocument();
  });
});
