// The guided delete, checked in the server after each run: a key owning nothing (one
// confirmation); a key
// whose resources go to an Editor member; a key deleted with its resources; and a key
// another administrator deleted while this one was looking at it.
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import { expectAccessible } from './support/accessibility';
import { connect, definitionOf, openRowAction, rowOf } from './support/app-page';
import { LOCAL_SERVER_PROFILES } from '../../src/shared/server-capabilities';
import { IRREVERSIBLE, deleteDialog, expectKeyGone, inSixtyDays, keyOwningResources, startDelete } from './support/delete-steps';
import { expect, test } from './support/fixtures';
import { AdminClient, type ResourceKind } from './support/rest-client';

async function entriesNaming(rest: AdminClient, kind: ResourceKind, id: string, principalId: string) {
  return (await rest.permissions(kind, id)).filter((entry) => entry.principal === principalId);
}

// Every flow runs on both profiles of the local server: with KeyDesk's extensions, and as
// JMap Cloud answers (its public API only, where the delete is the guided one).
for (const profile of LOCAL_SERVER_PROFILES) {
  test.describe(`profile ${profile}`, () => {
    test.use({ serverProfile: profile });

    test('a key that owns nothing is deleted after one confirmation that says it is irreversible', async ({ page, host, rest }) => {
      const { apiKey, secret } = await rest.createKey('E2E lonely key', 'ORG_VIEWER', inSixtyDays());
      await connect(page, host);
      await openRowAction(page, apiKey.title, 'Delete');
      const dialog = deleteDialog(page, apiKey.title);
      await expect(dialog.getByText(IRREVERSIBLE)).toBeVisible();
      await expectAccessible(page, 'the delete dialog, step 1', '[role="dialog"]');
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();

      // Nothing to choose: "OK" was the one confirmation, as the portal's guide has it.
      const done = page.getByRole('dialog', { name: 'API key deleted' });
      await expect(done.getByText('API key “E2E lonely key” was deleted.')).toBeVisible();
      await expect(done.getByText('This API key owns no resources.')).toHaveCount(0);
      // No counts of zero: it owned nothing, and had no entry on any resource.
      await expect(done.locator('dl')).toHaveCount(0);
      await expectAccessible(page, 'the delete dialog, result', '[role="dialog"]');
      await done.getByRole('button', { name: 'Close' }).click();
      await expect(rowOf(page, apiKey.title)).toHaveCount(0);
      await expectKeyGone(rest, apiKey.id, secret);
    });

    test('with a transfer, the chosen Editor member owns everything the key owned', async ({ page, host, rest }) => {
      const title = 'E2E transfer key';
      const { apiKey, secret, alone, shared, project } = await keyOwningResources(rest, title);
      const viewed = await rest.asApiKey(secret).createDataSource(`${title} viewed`);
      // Handing the view-only data source to the admin leaves the key a VIEW entry on it.
      await rest.addPermissions('datasources', viewed.id, [{ principal: DEMO_USERS.admin.id, permissions: ['OWNER', 'MODIFY', 'VIEW'] }]);
      await rest.updatePermissions('datasources', viewed.id, [{ principal: apiKey.id, permissions: ['VIEW'] }]);
      if (host.profile === 'default') expect((await rest.ownedResources(apiKey.id)).aclEntryCount).toBe(4);

      await connect(page, host);
      const dialog = await startDelete(page, title);
      await expect(dialog.getByText('This API key owns these resources. Choose what happens to them.')).toBeVisible();
      for (const name of [alone.name, shared.name, project.name]) await expect(dialog.getByText(name, { exact: true })).toBeVisible();
      // Layers come with the default profile's list; JMap Cloud lists them per project.
      if (host.profile === 'default') await expect(dialog.getByText('Layers: Parcels, Roads')).toBeVisible();
      await expect(dialog.getByText('Access-control entries of the key: 4')).toBeVisible();
      await expectAccessible(page, 'the delete dialog with resources', '[role="dialog"]');

      const deleteButton = dialog.getByRole('button', { name: 'Delete', exact: true });
      await expect(deleteButton).toBeDisabled();
      // As the portal does: the transfer is chosen at once, and the Editor members listed.
      await expect(dialog.getByRole('radio', { name: 'Transfer ownership to a member with the Editor role' })).toBeChecked();
      const editors = dialog.getByRole('radiogroup', { name: 'Transfer ownership to' });
      await expect(editors.getByRole('radio')).toHaveCount(5);
      await editors.getByRole('radio', { name: `${DEMO_USERS.editor1.name} ${DEMO_USERS.editor1.email}` }).check();
      await expectAccessible(page, 'the delete dialog with a transfer chosen', '[role="dialog"]');
      await expect(deleteButton).toBeEnabled();
      await deleteButton.click();

      const done = page.getByRole('dialog', { name: 'API key deleted' });
      await expect(done.getByText(`Ownership went to ${DEMO_USERS.editor1.name} (${DEMO_USERS.editor1.email}).`)).toBeVisible();
      await expect(definitionOf(done, 'Data sources moved')).toHaveText('2');
      await expect(definitionOf(done, 'Projects moved')).toHaveText('1');
      await expect(definitionOf(done, 'Access-control entries removed')).toHaveText('4');
      await done.getByRole('button', { name: 'Close' }).click();
      await expect(rowOf(page, title)).toHaveCount(0);

      // The server: editor1 owns every data source and project the key owned, editor2 still
      // co-owns the shared one, no entry names the key any more, and its secret is refused.
      await expectKeyGone(rest, apiKey.id, secret);
      for (const [kind, id] of [['datasources', alone.id], ['datasources', shared.id], ['projects', project.id]] as const) {
        const entries = await rest.permissions(kind, id);
        expect(entries).toContainEqual(expect.objectContaining({ principal: DEMO_USERS.editor1.id, permissions: expect.arrayContaining(['OWNER']) }));
        expect(entries.filter((entry) => entry.principal === apiKey.id)).toEqual([]);
      }
      expect(await entriesNaming(rest, 'datasources', shared.id, DEMO_USERS.editor2.id)).toHaveLength(1);
      expect(await entriesNaming(rest, 'datasources', viewed.id, apiKey.id)).toEqual([]);
      const projectAfter = (await rest.projects()).find((candidate) => candidate.id === project.id);
      expect(projectAfter?.layers?.map((layer) => layer.name)).toEqual(['Parcels', 'Roads']);
    });

    test('with "Delete the resources with the key", what it owned alone goes, what it shared stays', async ({ page, host, rest }) => {
      const title = 'E2E purge key';
      const { apiKey, secret, alone, shared, project } = await keyOwningResources(rest, title);
      // Someone else's project with a layer on the data source the key owns alone.
      const adminAsEditor = await rest.createKey('E2E purge bystander', 'ORG_EDITOR', inSixtyDays());
      const bystander = await rest.asApiKey(adminAsEditor.secret).createProject(`${title} bystander map`, [
        { name: 'Parcels', dataSourceId: alone.id },
        { name: 'Roads', dataSourceId: shared.id },
      ]);

      await connect(page, host);
      const dialog = await startDelete(page, title);
      await dialog.getByRole('radio', { name: 'Delete the resources with the key' }).check();
      await expect(dialog.getByText('These will be destroyed:')).toBeVisible();
      await expect(dialog.getByText(/Shared with other owners, these remain/)).toBeVisible();
      const deleteButton = dialog.getByRole('button', { name: 'Delete', exact: true });
      await expect(deleteButton).toBeDisabled();
      const confirm = dialog.getByRole('textbox', { name: 'Title of the API key' });
      await confirm.fill('E2E purge');
      await expect(deleteButton).toBeDisabled();
      await confirm.fill(title);
      await expectAccessible(page, 'the delete dialog deleting the resources', '[role="dialog"]');
      await expect(deleteButton).toBeEnabled();
      await deleteButton.click();

      const done = page.getByRole('dialog', { name: 'API key deleted' });
      await expect(done.getByText(`API key “${title}” was deleted.`)).toBeVisible();
      await expect(definitionOf(done, 'Data sources deleted')).toHaveText('1');
      await expect(definitionOf(done, 'Projects deleted')).toHaveText('1');
      // JMap Cloud's delete counts no layers: the line is left out rather than shown as 0.
      await expect(done.getByText('Layers deleted')).toHaveCount(host.profile === 'default' ? 1 : 0);
      await done.getByRole('button', { name: 'Close' }).click();

      // The server: the data source and the project it owned alone are gone, with the
      // project's layers and the bystander's layer on that data source; the shared data
      // source stays, owned by editor2 alone.
      await expectKeyGone(rest, apiKey.id, secret);
      const dataSources = await rest.dataSources();
      expect(dataSources.map((dataSource) => dataSource.id)).not.toContain(alone.id);
      const sharedAfter = dataSources.find((dataSource) => dataSource.id === shared.id);
      expect(sharedAfter).toBeDefined();
      expect((await rest.permissions('datasources', shared.id)).filter((entry) => entry.permissions.includes('OWNER'))).toEqual([
        expect.objectContaining({ principal: DEMO_USERS.editor2.id }),
      ]);
      const projects = await rest.projects();
      expect(projects.map((candidate) => candidate.id)).not.toContain(project.id);
      const bystanderAfter = projects.find((candidate) => candidate.id === bystander.id);
      expect(bystanderAfter?.layers?.map((layer) => layer.dataSourceId)).toEqual([shared.id]);
    });

    test('a key another administrator deleted meanwhile gives a plain message and a refreshed grid', async ({ page, host, rest }) => {
      const { apiKey } = await rest.createKey('E2E vanishing key', 'ORG_EDITOR', inSixtyDays());
      const other = await rest.createKey('E2E vanishing info key', 'ORG_EDITOR', inSixtyDays());
      const { url, adminPassword, organizationId } = host.organization;
      const secondAdmin = await AdminClient.signIn(url, DEMO_USERS.secondAdmin.email, adminPassword, organizationId);
      const gone = 'This API key no longer exists: someone else deleted it meanwhile. The list has been refreshed.';

      await connect(page, host);
      await openRowAction(page, apiKey.title, 'Delete');
      const dialog = deleteDialog(page, apiKey.title);
      await expect(dialog.getByText(IRREVERSIBLE)).toBeVisible();
      await secondAdmin.deleteKey(apiKey.id);
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(page.getByText(gone)).toBeVisible();
      await expectAccessible(page, 'the delete dialog for a key deleted meanwhile', '[role="dialog"]');
      await expect(rowOf(page, apiKey.title)).toHaveCount(0);
      await page.getByRole('dialog').getByRole('button', { name: /^(Close|Cancel|OK)$/ }).first().click();

      // The same from "Display information".
      await secondAdmin.deleteKey(other.apiKey.id);
      await openRowAction(page, other.apiKey.title, 'Display information');
      await expect(page.getByRole('dialog', { name: 'API key information' }).getByText(gone)).toBeVisible();
      await expect(rowOf(page, other.apiKey.title)).toHaveCount(0);
      expect(await rest.findKey(apiKey.id)).toBeNull();
    });
  });
}
