// Bulk delete in the services, on both profiles (one request per key with the extension; the
// guided delete through the permission endpoints, reading the organization once, without):
// the keys deleted with the choice applied to every one, one activity entry per key with one
// batchId, a key whose resources could not be dealt with kept (with all it owns), a stopped
// run resumed, a crash found again by the next start and resumed to the same end, cancel.
// Every outcome is checked in the server, through its REST API.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../../src/shared/api-types';
import type { BulkDeleteStatus } from '../../../src/shared/bulk-delete';
import { ipcContract, type KeyDeskHandlers } from '../../../src/shared/ipc-contract';
import { restRoutes } from '../../../src/shared/rest-routes';
import { DEMO_USERS } from '../../../src/server/seed/demo-identities';
import { BULK_DELETES_FILE } from '../../../src/services/api-keys/bulk-delete/bulk-delete-plans';
import { AdminClient, type ResourceKind } from '../../e2e/support/rest-client';
import { caught } from '../support/caught';
import { DEMO_PASSWORD, PROFILES, restartServices, startHarness, type Harness } from '../support/harness';

let harness: Harness;
let opened: Harness | null = null;
afterEach(async () => {
  await opened?.close();
  opened = null;
});

const ADMIN = 'admin2@demo.local';
const TITLES = ['Field survey app', 'Nightly GIS sync', 'Tree inventory', 'Public map viewer'];

async function open(profile: (typeof PROFILES)[number]) {
  harness = await startHarness({ profile });
  opened = harness;
  await harness.handlers.signIn({ serverUrl: harness.server.url, username: ADMIN, password: DEMO_PASSWORD, remember: false });
  const rest = await AdminClient.signIn(harness.server.url, ADMIN, DEMO_PASSWORD, harness.server.demo?.organizationId ?? '');
  const page = await harness.handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'id', sortDirection: 'asc' });
  const keys = TITLES.map((title) => page.content.find((key) => key.title === title) as ApiKey);
  return { handlers: harness.handlers, rest, keys };
}

/** Every resource's entries, as `kind:id → principal → permissions`, from the server. */
async function everything(rest: AdminClient): Promise<Map<string, Map<string, string[]>>> {
  const out = new Map<string, Map<string, string[]>>();
  const kinds: [ResourceKind, { id: string }[]][] = [
    ['datasources', await rest.dataSources()],
    ['projects', await rest.projects()],
  ];
  for (const [kind, resources] of kinds) {
    for (const resource of resources) {
      const entries = await rest.permissions(kind, resource.id);
      out.set(`${kind}:${resource.id}`, new Map(entries.map((entry) => [entry.principal, [...entry.permissions].sort()])));
    }
  }
  return out;
}

const ownedBy = (all: Map<string, Map<string, string[]>>, principal: string): string[] =>
  [...all].filter(([, entries]) => entries.get(principal)?.includes('OWNER')).map(([resource]) => resource).sort();

/** Waits for the run to end (the progress view polls the same way). */
async function settled(handlers: KeyDeskHandlers): Promise<BulkDeleteStatus> {
  for (let tries = 0; tries < 2000; tries++) {
    const status = await handlers.getBulkDelete(undefined);
    if (status && !status.running) return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the bulk delete did not end');
}

const states = (status: BulkDeleteStatus): Record<string, string> => Object.fromEntries(status.plan.keys.map((key) => [key.title, key.state]));
const editor = DEMO_USERS.editor2;

describe('the bulk delete\'s request', () => {
  it('deletes resources with the keys only with the number of keys typed, and lists each key once', () => {
    const schema = ipcContract.startBulkDelete.request;
    const resources = { kind: 'delete-with-key' } as const;
    expect(schema.safeParse({ apiKeyIds: ['a', 'b'], resources, confirmedCount: 2 }).success).toBe(true);
    for (const confirmedCount of [undefined, 1, 3]) expect(schema.safeParse({ apiKeyIds: ['a', 'b'], resources, confirmedCount }).success).toBe(false);
    expect(schema.safeParse({ apiKeyIds: ['a', 'a'], resources, confirmedCount: 2 }).success).toBe(false);
    expect(schema.safeParse({ apiKeyIds: ['a'], resources: { kind: 'nothing-owned' } }).success).toBe(false);
  });
});

describe.each(PROFILES)('bulk delete (profile %s)', (profile) => {
  it('deletes every key, giving every owned resource to one Editor; one activity entry per key, one batchId', async () => {
    const { handlers, rest, keys } = await open(profile);
    const before = await everything(rest);
    const owned = [...new Set(keys.flatMap((key) => ownedBy(before, key.id)))].sort();
    expect(owned.length).toBeGreaterThan(3);

    const started = await handlers.startBulkDelete({ apiKeyIds: keys.map((key) => key.id), resources: { kind: 'transfer', to: editor.id } });
    expect(started.plan).toMatchObject({ transferTo: { id: editor.id, name: editor.name }, finishedAt: null });
    const done = await settled(handlers);
    expect(states(done)).toEqual(Object.fromEntries(TITLES.map((title) => [title, 'deleted'])));
    expect(done.plan.finishedAt).not.toBeNull();
    expect(done.counts).toMatchObject({ deleted: 4, failed: 0, pending: 0 });
    for (const key of keys) expect(await rest.findKey(key.id)).toBeNull();

    const after = await everything(rest);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const resource of owned) expect(after.get(resource)?.get(editor.id), resource).toContain('OWNER');
    for (const [resource, entries] of after) for (const key of keys) expect(entries.has(key.id), resource).toBe(false);

    const entries = (await handlers.listActivity({ scope: 'organization', limit: 10 })).entries.filter((entry) => entry.action === 'delete');
    expect(entries.map((entry) => entry.apiKey.id).sort()).toEqual(keys.map((key) => key.id).sort());
    expect(new Set(entries.map((entry) => entry.batchId))).toEqual(new Set([done.plan.id]));
    expect(entries.every((entry) => entry.outcome.status === 'succeeded')).toBe(true);
    // Finished and kept for its result list, until dismissed.
    await handlers.dismissBulkDelete({ batchId: done.plan.id });
    expect(await handlers.getBulkDelete(undefined)).toBeNull();
  });

  it('keeps a key whose resources could not be transferred, with all it owns; the others go; resume finishes it', async () => {
    const { handlers, rest, keys } = await open(profile);
    const [failing] = keys as [ApiKey];
    const before = await everything(rest);
    const orgId = harness.server.demo?.organizationId ?? '';
    // The server refuses that key's transfer: its delete (one request) or a write on one of its resources.
    const [kind, resourceId] = (ownedBy(before, failing.id)[1] ?? '').split(':') as [ResourceKind, string];
    const refused = (method: string, path: string): boolean =>
      profile === 'default'
        ? method === 'DELETE' && path === restRoutes.apiKey.path({ orgId, keyId: failing.id })
        : (method === 'POST' || method === 'PUT') && path.endsWith(`/${kind}/${resourceId}/permissions`);
    harness.respondInstead = (method, path) => (refused(method, path) ? Response.json({ status: 500, code: 'INTERNAL_ERROR', message: 'boom' }, { status: 500 }) : null);

    await handlers.startBulkDelete({ apiKeyIds: keys.map((key) => key.id), resources: { kind: 'transfer', to: editor.id } });
    const done = await settled(handlers);
    expect(states(done)).toMatchObject({ [failing.title]: 'failed', 'Nightly GIS sync': 'deleted', 'Tree inventory': 'deleted' });
    expect(done.plan.keys[0]?.error).toMatchObject({ code: 'SERVER' });
    expect(await rest.findKey(failing.id)).not.toBeNull();
    // It still owns (at least) the resource that could not be given: nothing went with a deleted key.
    const after = await everything(rest);
    expect(after.get(`${kind}:${resourceId}`)?.get(failing.id)).toContain('OWNER');
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const entry = (await handlers.listActivity({ scope: 'organization', limit: 10 })).entries.find((candidate) => candidate.apiKey.id === failing.id);
    expect(entry).toMatchObject({ action: 'delete', batchId: done.plan.id, outcome: { errorCode: 'SERVER' } });
    // A new bulk delete waits for this one to be resumed or dismissed.
    expect((await caught(handlers.startBulkDelete({ apiKeyIds: [failing.id], resources: { kind: 'delete-with-key' }, confirmedCount: 1 }))).details?.reason).toBe(
      'bulk-delete-unfinished',
    );

    harness.respondInstead = null;
    await handlers.resumeBulkDelete({ batchId: done.plan.id });
    const resumed = await settled(handlers);
    expect(states(resumed)[failing.title]).toBe('deleted');
    expect(await rest.findKey(failing.id)).toBeNull();
    const final = await everything(rest);
    for (const resource of ownedBy(before, failing.id)) expect(final.get(resource)?.get(editor.id), resource).toContain('OWNER');
  });

  it('a NOT_FOUND during a key’s delete, the key still there, is a failure, not "already gone"', async () => {
    const { handlers, rest, keys } = await open(profile);
    const [failing] = keys as [ApiKey];
    const orgId = harness.server.demo?.organizationId ?? '';
    // Something on the way answers 404 (the key's delete, or a resource's write), the key stays.
    const answered404 = (method: string, path: string): boolean =>
      method !== 'GET' && (path === restRoutes.apiKey.path({ orgId, keyId: failing.id }) || path.endsWith('/permissions'));
    harness.respondInstead = (method, path) => (answered404(method, path) ? Response.json({ status: 404, code: 'NOT_FOUND', message: 'Not found' }, { status: 404 }) : null);
    await handlers.startBulkDelete({ apiKeyIds: [failing.id], resources: { kind: 'transfer', to: editor.id } });
    const done = await settled(handlers);
    harness.respondInstead = null;
    expect(states(done)).toEqual({ [failing.title]: 'failed' });
    expect(await rest.findKey(failing.id)).not.toBeNull();
  });

  it('after a crash midway, the next start offers the plan and resumes it: nothing owned is lost', async () => {
    const { handlers, rest, keys } = await open(profile);
    const before = await everything(rest);
    // The network drops during the second key's delete (after some of its resources were given, on the strict profile).
    const [first, second] = keys as [ApiKey, ApiKey];
    let firstDeleted = false;
    let writes = 0;
    harness.beforeRequest = (method, path) => {
      if (method === 'DELETE' && path.endsWith(`/api-keys/${first.id}`)) firstDeleted = true;
      const mine = profile === 'default' ? path.endsWith(`/api-keys/${second.id}`) && method === 'DELETE' : firstDeleted && path.endsWith('/permissions') && method !== 'GET';
      if (mine && (profile === 'default' || ++writes > 2)) throw new TypeError('fetch failed: connection reset');
    };
    const started = await handlers.startBulkDelete({ apiKeyIds: keys.map((key) => key.id), resources: { kind: 'transfer', to: editor.id } });
    const stopped = await settled(handlers);
    expect(stopped.plan.stopped).toMatchObject({ code: 'NETWORK' });
    expect(states(stopped)).toMatchObject({ 'Field survey app': 'deleted', 'Nightly GIS sync': 'failed', 'Tree inventory': 'pending' });
    harness.beforeRequest = null;
    // What a crash at that moment leaves on disk: the second key marked as under way.
    const path = join(harness.userDataDir, BULK_DELETES_FILE);
    const file = JSON.parse(await readFile(path, 'utf8'));
    file.plans[0].keys[1] = { ...file.plans[0].keys[1], state: 'deleting', error: null };
    file.plans[0].stopped = null;
    await writeFile(path, JSON.stringify(file));
    await harness.services.dispose();

    const next = restartServices(harness);
    try {
      await next.handlers.signIn({ serverUrl: harness.server.url, username: ADMIN, password: DEMO_PASSWORD, remember: false });
      const offered = await next.handlers.getBulkDelete(undefined);
      expect(offered).toMatchObject({ running: false, plan: { id: started.plan.id }, counts: { deleted: 1, deleting: 1, pending: 2 } });
      await next.handlers.resumeBulkDelete({ batchId: started.plan.id });
      const done = await settled(next.handlers);
      expect(done.counts).toMatchObject({ deleted: 4 });
      for (const key of keys) expect(await rest.findKey(key.id)).toBeNull();
      const after = await everything(rest);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const key of keys) for (const resource of ownedBy(before, key.id)) expect(after.get(resource)?.get(editor.id), resource).toContain('OWNER');
    } finally {
      await next.dispose();
    }
  });

  it('deletes the resources with the keys only when the count was typed; cancel stops before the next key', async () => {
    const { handlers, rest, keys } = await open(profile);
    const started = await handlers.startBulkDelete({ apiKeyIds: keys.map((key) => key.id), resources: { kind: 'delete-with-key' }, confirmedCount: 4 });
    expect(await handlers.cancelBulkDelete({ batchId: started.plan.id })).toEqual({ cancelled: true });
    const done = await settled(handlers);
    expect(done.plan.finishedAt).not.toBeNull();
    const deleted = done.plan.keys.filter((key) => key.state === 'deleted');
    expect(deleted.length).toBeLessThan(4);
    expect(done.counts.cancelled).toBe(4 - deleted.length);
    for (const key of done.plan.keys) expect((await rest.findKey(key.id)) === null, key.title).toBe(key.state === 'deleted');
  });
});
