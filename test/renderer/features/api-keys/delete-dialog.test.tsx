import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { DEMO_USERS } from '../../../../src/server/seed/demo-identities';
import { call } from '@renderer/lib/keydesk-client';
import type { InstallOptions } from '../../support/real-keydesk';
import { DEMO_KEYS, findRow, setUpKeysPageTests, type KeysPage } from './keys-page-harness';

const openKeysPage = setUpKeysPageTests();

/** Opens the guided delete of `title` from its row's actions menu. */
async function openDelete(title: string, install?: InstallOptions): Promise<{ page: KeysPage; dialog: HTMLElement; id: string }> {
  const page = await openKeysPage({ install });
  const row = await findRow(title);
  const id = row.getAttribute('data-id') ?? '';
  await page.user.click(within(row).getByRole('button', { name: `Actions for ${title}` }));
  await page.user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
  const dialog = await screen.findByRole('dialog', { name: `Delete API key “${title}”?` });
  expect(dialog).toHaveTextContent('irreversible');
  return { page, dialog, id };
}

async function expectGoneFromServerAndGrid(id: string, title: string): Promise<void> {
  await expect(call('getApiKey', { id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await waitFor(() => expect(screen.queryByRole('gridcell', { name: title })).not.toBeInTheDocument());
}

/** The value next to `label` in the result's list of counts. */
function count(dialog: HTMLElement, label: string): string | null | undefined {
  return within(dialog).getByText(label).nextElementSibling?.textContent;
}

describe('guided delete', () => {
  it('Cancel at step 1 changes nothing', async () => {
    const { page, dialog, id } = await openDelete(DEMO_KEYS.ownsNothing);
    await page.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await call('getApiKey', { id })).toMatchObject({ title: DEMO_KEYS.ownsNothing });
  });

  it('deletes a key that owns nothing after its one confirmation, with no counts of zero', async () => {
    const { page, dialog, id } = await openDelete(DEMO_KEYS.ownsNothing);
    const { user } = page;
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    const done = await screen.findByRole('dialog', { name: 'API key deleted' });
    expect(within(done).getByText(`API key “${DEMO_KEYS.ownsNothing}” was deleted.`)).toBeInTheDocument();
    // Its one access-control entry (it could view "City viewer") went with it; nothing else to count.
    expect([...done.querySelectorAll('dt')].map((term) => term.textContent)).toEqual(['Access-control entries removed']);
    expect(count(done, 'Access-control entries removed')).toBe('1');
    await expectGoneFromServerAndGrid(id, DEMO_KEYS.ownsNothing);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('transfers what the key owns to an Editor member picked by name or email', async () => {
    const { page, dialog, id } = await openDelete(DEMO_KEYS.ownsSharedAndSole);
    const { user } = page;
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(await within(dialog).findByText('Parcels 2024')).toBeInTheDocument();
    for (const name of ['Survey points', 'Road network', 'Field survey', 'Public works']) {
      expect(within(dialog).getAllByText(name).length).toBeGreaterThan(0);
    }
    expect(within(dialog).getByText('Layers: Roads, Rivers and lakes')).toBeInTheDocument();
    // Counted, since the list scrolls once it is long.
    expect(within(dialog).getByText('Data sources (3)')).toBeInTheDocument();
    expect(within(dialog).getByText('Projects (2)')).toBeInTheDocument();
    expect(within(dialog).getAllByText('Only owner')).toHaveLength(3);
    expect(within(dialog).getAllByText('Shared with other owners')).toHaveLength(2);
    const remove = within(dialog).getByRole('button', { name: 'Delete' });
    expect(remove).toBeDisabled();

    // As the portal does: the transfer is chosen at once, and the Editor members listed.
    expect(within(dialog).getByRole('radio', { name: 'Transfer ownership to a member with the Editor role' })).toBeChecked();
    const editors = await within(dialog).findByRole('radiogroup', { name: 'Transfer ownership to' });
    const names = within(editors).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent);
    expect(names).toContain(`${DEMO_USERS.editor3.name} ${DEMO_USERS.editor3.email}`);
    expect(names).toContain(`${DEMO_USERS.admin.name} ${DEMO_USERS.admin.email}`);
    expect(names.join()).not.toContain(DEMO_USERS.viewer1.email);
    expect(remove).toBeDisabled();
    await user.click(within(editors).getByRole('radio', { name: `${DEMO_USERS.editor3.name} ${DEMO_USERS.editor3.email}` }));
    expect(remove).toBeEnabled();

    await user.click(remove);
    expect(await within(dialog).findByText(`Ownership went to ${DEMO_USERS.editor3.name} (${DEMO_USERS.editor3.email}).`)).toBeInTheDocument();
    expect(count(dialog, 'Data sources moved')).toBe('3');
    expect(count(dialog, 'Projects moved')).toBe('2');
    expect(Number(count(dialog, 'Access-control entries removed'))).toBeGreaterThan(0);
    await expectGoneFromServerAndGrid(id, DEMO_KEYS.ownsSharedAndSole);
  });

  it('deletes the resources with the key once its title is typed', async () => {
    const { page, dialog, id } = await openDelete(DEMO_KEYS.ownsSoleOnly);
    const { user } = page;
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await user.click(await within(dialog).findByRole('radio', { name: 'Delete the resources with the key' }));
    expect(within(dialog).getByText('These will be destroyed:')).toBeInTheDocument();
    const remove = within(dialog).getByRole('button', { name: 'Delete' });
    const confirm = within(dialog).getByRole('textbox', { name: 'Title of the API key' });
    expect(confirm).toHaveAccessibleDescription(`Type ${DEMO_KEYS.ownsSoleOnly} to confirm`);
    await user.type(confirm, 'Nightly GIS');
    expect(remove).toBeDisabled();
    await user.type(confirm, ' sync');
    expect(remove).toBeEnabled();

    await user.click(remove);
    expect(await within(dialog).findByText(`API key “${DEMO_KEYS.ownsSoleOnly}” was deleted.`)).toBeInTheDocument();
    expect(count(dialog, 'Data sources deleted')).toBe('1');
    expect(count(dialog, 'Projects deleted')).toBe('1');
    expect(count(dialog, 'Layers deleted')).toBe('2');
    expect(within(dialog).queryByText(/Ownership went to/)).not.toBeInTheDocument();
    await expectGoneFromServerAndGrid(id, DEMO_KEYS.ownsSoleOnly);
  });

  it('says so plainly when someone else deleted the key meanwhile, and refreshes the grid', async () => {
    const { page, dialog, id } = await openDelete(DEMO_KEYS.ownsNothing);
    await call('deleteApiKey', { id, resources: { kind: 'nothing-owned' } });
    await page.user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(
      await within(dialog).findByText('This API key no longer exists: someone else deleted it meanwhile. The list has been refreshed.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('gridcell', { name: DEMO_KEYS.ownsNothing })).not.toBeInTheDocument());
  });

  it('says so too when the key disappears between step 2 and "Delete"', async () => {
    const { page, dialog, id } = await openDelete(DEMO_KEYS.ownsSoleOnly);
    const { user } = page;
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await user.click(await within(dialog).findByRole('radio', { name: 'Delete the resources with the key' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Title of the API key' }), DEMO_KEYS.ownsSoleOnly);
    await call('deleteApiKey', { id, resources: { kind: 'delete-with-key' } });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText(/no longer exists: someone else deleted it meanwhile/)).toBeInTheDocument();
    await expect(call('getApiKey', { id })).rejects.toBeInstanceOf(AppError);
    await waitFor(() => expect(screen.queryByRole('gridcell', { name: DEMO_KEYS.ownsSoleOnly })).not.toBeInTheDocument());
  });

  describe('on a server without the extensions (as JMap Cloud)', () => {
    /** Fails the `n`th permission write (POST or PUT) once, as a dropped connection would. */
    function failingWrite(n: number): typeof fetch {
      let writes = 0;
      return async (input, init) => {
        const method = init?.method ?? 'GET';
        if (String(input).includes('/permissions') && (method === 'POST' || method === 'PUT') && ++writes === n) throw new TypeError('connection reset');
        return fetch(input, init);
      };
    }

    it('stops on a failure midway, says what was done and that nothing is lost, and resumes', async () => {
      const { page, dialog, id } = await openDelete(DEMO_KEYS.ownsSharedAndSole, { server: { profile: 'jmapcloud' }, fetch: failingWrite(3) });
      const { user } = page;
      await user.click(within(dialog).getByRole('button', { name: 'OK' }));
      const editors = await within(dialog).findByRole('radiogroup', { name: 'Transfer ownership to' });
      // JMap Cloud lists a project's layers apart: not shown rather than "No layers".
      expect(within(dialog).queryByText(/^Layers:|No layers/)).not.toBeInTheDocument();
      await user.click(within(editors).getByRole('radio', { name: `${DEMO_USERS.editor2.name} ${DEMO_USERS.editor2.email}` }));
      await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

      expect(await within(dialog).findByText('Stopped before the end')).toBeInTheDocument();
      expect(within(dialog).getByText(new RegExp(`of 5 resources now also belong to ${DEMO_USERS.editor2.name}\\.`))).toBeInTheDocument();
      expect(within(dialog).getByText(/The API key was not deleted\. Nothing is lost/)).toBeInTheDocument();
      expect(await call('getApiKey', { id })).toMatchObject({ id });

      await user.click(within(dialog).getByRole('button', { name: 'Resume' }));
      expect(await within(dialog).findByText(`Ownership went to ${DEMO_USERS.editor2.name} (${DEMO_USERS.editor2.email}).`)).toBeInTheDocument();
      expect(count(dialog, 'Data sources moved')).toBe('3');
      await expectGoneFromServerAndGrid(id, DEMO_KEYS.ownsSharedAndSole);
    });

    it('deletes the resources with the key, and leaves out the layers JMap Cloud does not count', async () => {
      const { page, dialog, id } = await openDelete(DEMO_KEYS.ownsSoleOnly, { server: { profile: 'jmapcloud' } });
      const { user } = page;
      await user.click(within(dialog).getByRole('button', { name: 'OK' }));
      await user.click(await within(dialog).findByRole('radio', { name: 'Delete the resources with the key' }));
      await user.type(within(dialog).getByRole('textbox', { name: 'Title of the API key' }), DEMO_KEYS.ownsSoleOnly);
      await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
      expect(await within(dialog).findByText(`API key “${DEMO_KEYS.ownsSoleOnly}” was deleted.`)).toBeInTheDocument();
      expect(count(dialog, 'Data sources deleted')).toBe('1');
      expect(count(dialog, 'Projects deleted')).toBe('1');
      expect(within(dialog).queryByText('Layers deleted')).not.toBeInTheDocument();
      await expectGoneFromServerAndGrid(id, DEMO_KEYS.ownsSoleOnly);
    });
  });
});
