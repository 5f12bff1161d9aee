// The bulk actions on the keys page, rendered with the real services: checked keys deleted
// from the bar's "Delete selected…", and a bulk delete left unfinished offered above the grid
// when the page opens again (as after a closed window or a crash), then resumed.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { call } from '@renderer/lib/keydesk-client';
import { DEMO_USERS } from '../../../../src/server/seed/demo-identities';
import { DEMO_KEYS, findRow, renderPageFor, setUpKeysPageTests } from './keys-page-harness';

const openKeysPage = setUpKeysPageTests();

describe('bulk actions on the keys page', () => {
  it('deletes the checked keys, their resources to one Editor, and lists the result for each', async () => {
    const { user } = await openKeysPage();
    for (const title of [DEMO_KEYS.ownsNothing, DEMO_KEYS.ownsSoleOnly]) await user.click(within(await findRow(title)).getByRole('checkbox'));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete selected…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 API keys?' });
    const remove = within(dialog).getByRole('button', { name: 'Delete 2 keys' });
    expect(remove).toBeDisabled();
    await user.click(await within(dialog).findByRole('radio', { name: new RegExp(DEMO_USERS.editor2.name) }));
    await user.click(remove);

    const done = await screen.findByRole('dialog', { name: 'Bulk delete finished' }, { timeout: 15_000 });
    const results = within(done).getByRole('list', { name: 'Result for each key' });
    expect(within(results).getAllByText('Deleted')).toHaveLength(2);
    await user.click(within(done).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('gridcell', { name: DEMO_KEYS.ownsSoleOnly })).not.toBeInTheDocument());
    expect(screen.queryByText(/selected$/)).not.toBeInTheDocument();
  });

  it('offers a bulk delete left unfinished when the page opens again, and resumes it', async () => {
    // The network drops on the second key's delete: the run stops there.
    let refused: string | null = null;
    const page = await openKeysPage({
      install: {
        fetch: async (input, init) => {
          if (refused !== null && init?.method === 'DELETE' && String(input).includes(refused)) throw new TypeError('fetch failed: connection reset');
          return fetch(input, init);
        },
      },
    });
    const keys = (await call('listApiKeys', { pageSize: 100 })).content.filter((key) => key.title === DEMO_KEYS.ownsNothing || key.title === DEMO_KEYS.ownsSoleOnly);
    refused = keys[1]?.id ?? null;
    await call('startBulkDelete', { apiKeyIds: keys.map((key) => key.id), resources: { kind: 'delete-with-key' }, confirmedCount: 2 });
    await waitFor(async () => expect((await call('getBulkDelete'))?.running).toBe(false));
    refused = null;

    // The window is opened again: the page finds the plan and says so.
    cleanup();
    const { user } = await renderPageFor(page.session);
    const notice = await screen.findByText('A bulk delete of 2 API keys is unfinished: 1 not deleted yet.');
    await user.click(within(notice.closest<HTMLElement>('[role="alert"]') ?? document.body).getByRole('button', { name: 'Show' }));
    const stopped = await screen.findByRole('dialog', { name: 'Bulk delete stopped' });
    expect(within(stopped).getByText('Not deleted')).toBeInTheDocument();
    await user.click(within(stopped).getByRole('button', { name: 'Resume' }));
    const done = await screen.findByRole('dialog', { name: 'Bulk delete finished' }, { timeout: 15_000 });
    expect(within(done).getAllByText('Deleted')).toHaveLength(2);
    for (const key of keys) await expect(call('getApiKey', { id: key.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('selects every expired key with Ctrl+Shift+E, showing them, as the bar’s "Select all expired" does; listed among the shortcuts', async () => {
    const { user } = await openKeysPage();
    await findRow(DEMO_KEYS.ownsSoleOnly);
    const expired = (await call('listApiKeys', { status: 'EXPIRED', pageSize: 1 })).page.totalElements;
    expect(expired).toBeGreaterThan(0);
    await user.keyboard('{Control>}{Shift>}e{/Shift}{/Control}');
    expect(await screen.findByText(`All ${expired} expired keys are selected.`)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('region', { name: 'Filters in use' })).toHaveTextContent(/Expired/));
    await user.keyboard('?');
    const shortcuts = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(shortcuts).getByRole('row', { name: /Ctrl\+Shift\+E/ })).toHaveTextContent('Select all expired keys');
  });
});
