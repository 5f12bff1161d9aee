// The guided delete when things go slowly or wrong, against the real local server: a resource
// the server cannot write stops the delete with nothing lost, and it finishes once the resource
// can be written again (both profiles); on JMap Cloud's API, where the delete is many requests,
// the dialog shows what KeyDesk reads and changes while it waits on the network, and Cancel
// works until something changes.
import { DatabaseSync } from 'node:sqlite';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import { LOCAL_SERVER_PROFILES } from '../../src/shared/server-capabilities';
import { expectAccessible } from './support/accessibility';
import { connect, definitionOf, fillCloudSignIn, openConnectionScreen, openRowAction, rowOf, signOut, waitForRows } from './support/app-page';
import { deleteDialog, expectKeyGone, keyOwningResources, startDelete } from './support/delete-steps';
import { expect, test } from './support/fixtures';
import { startHoldingProxy, type ProxiedRequest } from './support/holding-proxy';
import type { AdminClient, ResourceKind } from './support/rest-client';

const editor = DEMO_USERS.editor1;

/**
 * Makes the server's database refuse any change to one resource's permission entries (as a
 * failing disk or a locked row would): the server answers that request with an error, and
 * its transaction changes nothing. Returns what makes the resource writable again.
 */
function makeUnwritable(dbPath: string, resourceId: string): () => void {
  if (!/^[0-9a-f-]{36}$/.test(resourceId)) throw new Error(`not a resource id: ${resourceId}`);
  const db = new DatabaseSync(dbPath);
  const triggers = ['INSERT', 'UPDATE', 'DELETE'].map((event) => {
    const name = `e2e_unwritable_${event.toLowerCase()}`;
    const row = event === 'INSERT' ? 'NEW' : 'OLD';
    db.exec(`CREATE TRIGGER ${name} BEFORE ${event} ON acl_entries WHEN ${row}.resource_id = '${resourceId}' BEGIN SELECT RAISE(ABORT, 'unwritable'); END`);
    return name;
  });
  return () => {
    for (const name of triggers) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
    db.close();
  };
}

/** Who owns the resource, by principal id. */
async function ownersOf(rest: AdminClient, kind: ResourceKind, id: string): Promise<string[]> {
  return (await rest.permissions(kind, id)).filter((entry) => entry.permissions.includes('OWNER')).map((entry) => entry.principal);
}

for (const profile of LOCAL_SERVER_PROFILES) {
  test.describe(`profile ${profile}`, () => {
    test.use({ serverProfile: profile });

    test('a resource the server cannot write stops the delete with nothing lost; it finishes once the resource can be written', async ({ page, host, rest }) => {
      const title = 'E2E stopped key';
      const { apiKey, secret, alone, shared, project } = await keyOwningResources(rest, title);
      await connect(page, host);
      const dialog = await startDelete(page, title);
      await dialog.getByRole('radiogroup', { name: 'Transfer ownership to' }).getByRole('radio', { name: `${editor.name} ${editor.email}` }).check();

      const writable = makeUnwritable(host.organization.dbPath, project.id);
      try {
        await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
        if (host.profile === 'default') {
          // One request, one transaction on the server: it failed whole, and nothing changed.
          await expect(dialog.getByText(/^The API key was not deleted: /)).toBeVisible();
          expect(await ownersOf(rest, 'datasources', alone.id)).toEqual([apiKey.id]);
        } else {
          // Many requests: the data sources went to the member, the project did not.
          await expect(dialog.getByText('Stopped before the end')).toBeVisible();
          await expect(dialog.getByText(`2 of 3 resources now also belong to ${editor.name}.`)).toBeVisible();
          await expect(dialog.getByText(/^The API key was not deleted\. Nothing is lost: it still owns what was not transferred\./)).toBeVisible();
          await expectAccessible(page, 'the delete dialog, stopped', '[role="dialog"]');
          expect((await ownersOf(rest, 'datasources', alone.id)).sort()).toEqual([apiKey.id, editor.id].sort());
        }
        // Either way the key is there, and still owns the project alone.
        expect(await rest.findKey(apiKey.id)).not.toBeNull();
        expect(await ownersOf(rest, 'projects', project.id)).toEqual([apiKey.id]);
      } finally {
        writable();
      }

      await dialog.getByRole('button', { name: host.profile === 'default' ? 'Delete' : 'Resume', exact: true }).click();
      const done = page.getByRole('dialog', { name: 'API key deleted' });
      await expect(done.getByText(`Ownership went to ${editor.name} (${editor.email}).`)).toBeVisible();
      await expect(definitionOf(done, 'Data sources moved')).toHaveText('2');
      await expect(definitionOf(done, 'Projects moved')).toHaveText('1');
      await done.getByRole('button', { name: 'Close' }).click();
      await expect(rowOf(page, title)).toHaveCount(0);

      await expectKeyGone(rest, apiKey.id, secret);
      for (const [kind, id] of [['datasources', alone.id], ['datasources', shared.id], ['projects', project.id]] as const) {
        expect(await ownersOf(rest, kind, id)).toContain(editor.id);
        expect((await rest.permissions(kind, id)).filter((entry) => entry.principal === apiKey.id)).toEqual([]);
      }
    });
  });
}

// Only JMap Cloud's API makes the delete many requests: with the extensions it is one, and
// the dialog has no resource-by-resource progress to show (an indeterminate bar).
test.describe('profile jmapcloud, over a slow network', () => {
  test.use({ serverProfile: 'jmapcloud' });

  test('the dialog shows what KeyDesk reads and changes, and Cancel works until something changes', async ({ page, host, rest }) => {
    // A title as an admin would give it: it is in the README's picture.
    const title = 'Field crew tablets';
    const { apiKey, secret, project } = await keyOwningResources(rest, title);
    // KeyDesk signs in to the server through a pass-through that holds the requests a step
    // names, as a slow network would: the dialog is looked at while it waits on them.
    const proxy = await startHoldingProxy(host.organization.url);
    const onProject = ({ path }: ProxiedRequest): boolean => path.includes(`/projects/${project.id}/permissions`);
    try {
      await openConnectionScreen(page, host);
      await fillCloudSignIn(page, proxy.url, host.organization.adminEmail, host.organization.adminPassword);
      await page.getByRole('dialog', { name: 'Choose an organization' }).getByText('Demo Organization', { exact: true }).click();
      await waitForRows(page);

      // Reading what the key owns, one resource's permissions held: progress, and Cancel.
      proxy.hold((request) => request.method === 'GET' && onProject(request));
      await openRowAction(page, title, 'Delete');
      const dialog = deleteDialog(page, title);
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      const status = dialog.getByRole('status');
      await expect(status).toContainText(/Reading what the key owns: \d+ of \d+/);
      await expect(status).toContainText('You can cancel until something changes.');
      await expect(status.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^\d+$/);
      await expect.poll(() => proxy.holding()).toBe(1);
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(dialog.getByText('Cancelled: nothing was changed.')).toBeVisible();
      proxy.release();

      // Again, to the end; the member's OWNER on the project held: the transfer's progress,
      // and no Cancel any more (changes have started).
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await dialog.getByRole('radiogroup', { name: 'Transfer ownership to' }).getByRole('radio', { name: `${editor.name} ${editor.email}` }).check();
      proxy.hold((request) => (request.method === 'POST' || request.method === 'PUT') && onProject(request));
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      const transferring = `Giving ${editor.name} ownership: 2 of 3 resources`;
      await expect(status).toContainText(transferring);
      await expect(status).toContainText('Changes have started: KeyDesk finishes, or stops safely where it is.');
      await expect(status.getByRole('progressbar', { name: transferring })).toHaveAttribute('aria-valuenow', '67');
      await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toBeDisabled();
      await expectAccessible(page, 'the delete dialog in progress', '[role="dialog"]');
      if (host.kind === 'web') {
        // The README's picture of a delete in progress: the dialog alone, within its edges (no
        // id, date or secret in it; nothing behind it that differs from run to run).
        await page.mouse.move(0, 0);
        const box = await dialog.boundingBox();
        if (!box) throw new Error('The delete dialog has no box on screen.');
        const clip = { x: Math.ceil(box.x) + 1, y: Math.ceil(box.y) + 1, width: Math.floor(box.width) - 3, height: Math.floor(box.height) - 3 };
        await expect(page).toHaveScreenshot('delete-progress-light.png', { clip });
      }
      proxy.release();

      const done = page.getByRole('dialog', { name: 'API key deleted' });
      await expect(done.getByText(`Ownership went to ${editor.name} (${editor.email}).`)).toBeVisible();
      await expect(definitionOf(done, 'Projects moved')).toHaveText('1');
      await done.getByRole('button', { name: 'Close' }).click();
      await expectKeyGone(rest, apiKey.id, secret);
      await signOut(page);
    } finally {
      await proxy.close();
    }
  });
});
