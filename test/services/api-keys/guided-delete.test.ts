// The delete dialog's services on both profiles of the local server: with the extensions
// (one request each) and as JMap Cloud answers (the guided delete through the permission
// endpoints). The same flows give the same results; on the strict profile the order of the
// requests, a failure midway, a resume, a cancel, a busy server and the cap on requests in
// flight are checked as well. Every outcome is checked in the server, through its REST API.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../../src/shared/api-types';
import { restRoutes } from '../../../src/shared/rest-routes';
import { pickTranslation } from '../../../src/shared/translated-name';
import { DEMO_USERS } from '../../../src/server/seed/demo-identities';
import { AdminClient, type ResourceKind } from '../../e2e/support/rest-client';
import { caught } from '../support/caught';
import { DEMO_PASSWORD, PROFILES, startHarness, type Harness, type HarnessOptions } from '../support/harness';

let harness: Harness;
afterEach(() => harness.close());

async function open(options: HarnessOptions): Promise<{ handlers: Harness['handlers']; rest: AdminClient }> {
  harness = await startHarness(options);
  await harness.handlers.openLocalOrganization(undefined);
  const organizationId = harness.server.demo?.organizationId ?? '';
  return { handlers: harness.handlers, rest: await AdminClient.signIn(harness.server.url, 'admin2@demo.local', DEMO_PASSWORD, organizationId) };
}

/** A demo key by title, found without the server's search (the strict profile has none). */
async function keyTitled(handlers: Harness['handlers'], title: string): Promise<ApiKey> {
  const page = await handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'id', sortDirection: 'asc' });
  const found = page.content.find((key) => key.title === title);
  if (!found) throw new Error(`no demo key ${title}`);
  return found;
}

/** Every resource of the organization with its entries, from the server. */
async function everything(rest: AdminClient) {
  const kinds: [ResourceKind, { id: string; name: unknown }[]][] = [
    ['datasources', await rest.dataSources()],
    ['projects', await rest.projects()],
  ];
  const out: { kind: ResourceKind; id: string; name: string; entries: { principal: string; permissions: string[] }[] }[] = [];
  for (const [kind, resources] of kinds) {
    for (const resource of resources) {
      const name = typeof resource.name === 'string' ? resource.name : pickTranslation(resource.name as Record<string, string>, 'en');
      out.push({ kind, id: resource.id, name, entries: await rest.permissions(kind, resource.id) });
    }
  }
  return out;
}

/** The organization's changes the server accepted (sign-in and token renewals aside). */
const changesAccepted = () =>
  harness.requests.filter(
    (request) => request.method !== 'GET' && /\/(api-keys|datasources|projects)\b/.test(request.path) && request.status !== null && request.status < 300,
  );

const owns = (entries: { principal: string; permissions: string[] }[], principal: string): boolean =>
  entries.some((entry) => entry.principal === principal && entry.permissions.includes('OWNER'));

describe.each(PROFILES)('the delete dialog\'s services (profile %s)', (profile) => {
  it('finds what a key owns: its data sources and projects, alone or shared, and its entries', async () => {
    const { handlers } = await open({ profile });
    const key = await keyTitled(handlers, 'Field survey app');
    const owned = await handlers.getOwnedResources({ id: key.id });
    expect(owned.dataSources.map((source) => [source.name, source.soleOwner])).toEqual([
      ['Parcels 2024', true],
      ['Road network', false],
      ['Survey points', true],
    ]);
    expect(owned.projects.map((project) => [project.name, project.soleOwner])).toEqual([
      ['Field survey', true],
      ['Public works', false],
    ]);
    expect(owned.aclEntryCount).toBe(6);
    // Layers come with the extension only: JMap Cloud lists them per project.
    expect(owned.projects[0]?.layers?.map((layer) => layer.name) ?? null).toEqual(profile === 'default' ? ['Parcels', 'Survey points'] : null);
    expect(await handlers.getOwnedResources({ id: (await keyTitled(handlers, 'Tree inventory')).id })).toEqual({ dataSources: [], projects: [], aclEntryCount: 0 });
  });

  it('transfers everything the key owned to the chosen Editor, removes its entries, then deletes it', async () => {
    const { handlers, rest } = await open({ profile });
    const key = await keyTitled(handlers, 'Field survey app');
    const before = await everything(rest);
    const owned = before.filter((resource) => owns(resource.entries, key.id));
    await handlers.getOwnedResources({ id: key.id });
    const result = await handlers.deleteApiKey({ id: key.id, resources: { kind: 'transfer', to: DEMO_USERS.editor2.id } });
    expect(result).toMatchObject({
      deletedApiKeyId: key.id,
      transferredTo: { id: DEMO_USERS.editor2.id, name: DEMO_USERS.editor2.name, email: DEMO_USERS.editor2.email },
      transferred: { dataSources: 3, projects: 2 },
      aclEntriesRemoved: 6,
    });
    expect(await rest.findKey(key.id)).toBeNull();
    const after = await everything(rest);
    expect(after.map((resource) => resource.id).sort()).toEqual(before.map((resource) => resource.id).sort());
    for (const resource of after) {
      expect(resource.entries.map((entry) => entry.principal), resource.name).not.toContain(key.id);
      if (owned.some((was) => was.id === resource.id)) expect(owns(resource.entries, DEMO_USERS.editor2.id), resource.name).toBe(true);
    }
    // Co-owners keep what they had.
    expect(owns(after.find((resource) => resource.name === 'Road network')?.entries ?? [], DEMO_USERS.editor1.id)).toBe(true);
    if (profile === 'jmapcloud') {
      // JMap Cloud's API only: permission writes, then one plain DELETE of the key, last.
      const keyPath = restRoutes.apiKey.path({ orgId: harness.server.demo?.organizationId ?? '', keyId: key.id });
      const writes = harness.requests.filter((request) => request.method !== 'GET');
      expect(writes.at(-1)).toMatchObject({ method: 'DELETE', path: keyPath, query: '' });
      expect(writes.filter((request) => request.path === keyPath)).toHaveLength(1);
      expect(harness.requests.some((request) => request.path.endsWith('/owned-resources') || /transferTo|deleteResources/.test(request.query))).toBe(false);
    }
  });

  it('refuses to delete as "owning nothing" a key that owns something, and changes nothing', async () => {
    const { handlers, rest } = await open({ profile });
    const key = await keyTitled(handlers, 'Nightly GIS sync');
    const before = await everything(rest);
    const refused = await caught(handlers.deleteApiKey({ id: key.id, resources: { kind: 'nothing-owned' } }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details?.serverCode).toBe('RESOURCES_OWNED');
    expect(await rest.findKey(key.id)).not.toBeNull();
    expect(await everything(rest)).toEqual(before);
    expect(changesAccepted()).toEqual([]);
  });

  it('deletes a key with what it alone owned when asked to, leaving what it shared to the others', async () => {
    const { handlers, rest } = await open({ profile });
    const key = await keyTitled(handlers, 'Field survey app');
    await handlers.getOwnedResources({ id: key.id });
    const result = await handlers.deleteApiKey({ id: key.id, resources: { kind: 'delete-with-key' } });
    expect(result).toMatchObject({ transferredTo: null, deleted: { dataSources: 2, projects: 1 } });
    const names = (await everything(rest)).map((resource) => resource.name);
    for (const gone of ['Parcels 2024', 'Survey points', 'Field survey']) expect(names).not.toContain(gone);
    for (const kept of ['Road network', 'Public works']) expect(names).toContain(kept);
    expect(await rest.findKey(key.id)).toBeNull();
  });

  it('deletes a key that owns nothing, with its view-only entries', async () => {
    const { handlers, rest } = await open({ profile });
    const created = await handlers.createApiKey({ title: 'Guided lonely key', role: 'ORG_VIEWER', expirationDate: new Date(Date.now() + 30 * 86_400_000).toISOString(), idempotencyKey: crypto.randomUUID() });
    expect(await handlers.getOwnedResources({ id: created.apiKey.id })).toEqual({ dataSources: [], projects: [], aclEntryCount: 0 });
    await handlers.deleteApiKey({ id: created.apiKey.id, resources: { kind: 'nothing-owned' } });
    expect(await rest.findKey(created.apiKey.id)).toBeNull();
  });

  it('says NOT_FOUND for a key deleted meanwhile by someone else', async () => {
    const { handlers, rest } = await open({ profile });
    const created = await rest.createKey('Guided vanishing key', 'ORG_EDITOR', new Date(Date.now() + 30 * 86_400_000).toISOString());
    await rest.deleteKey(created.apiKey.id);
    expect((await caught(handlers.getOwnedResources({ id: created.apiKey.id }))).code).toBe('NOT_FOUND');
    expect(await handlers.getDeleteProgress({ apiKeyId: created.apiKey.id })).toBeNull();
  });
});

describe('the guided delete, as on JMap Cloud (profile jmapcloud)', () => {
  it('stops on a failure midway, says what was done, never leaves a resource without an owner, and resumes', async () => {
    const { handlers, rest } = await open({ profile: 'jmapcloud' });
    const key = await keyTitled(handlers, 'Field survey app');
    await handlers.getOwnedResources({ id: key.id });
    let writes = 0;
    harness.beforeRequest = (method, path) => {
      if ((method === 'POST' || method === 'PUT') && path.endsWith('/permissions') && ++writes === 3) throw new TypeError('connection reset');
    };
    const stopped = await caught(handlers.deleteApiKey({ id: key.id, resources: { kind: 'transfer', to: DEMO_USERS.editor2.id } }));
    expect(stopped.code).toBe('NETWORK');
    const progress = await handlers.getDeleteProgress({ apiKeyId: key.id });
    expect(progress).toMatchObject({ apiKeyId: key.id, changed: true, toTransfer: 5, entriesRemoved: 0, stopped: { code: 'NETWORK' } });
    expect(progress?.transferred).toBeGreaterThanOrEqual(1);
    expect(progress?.transferred).toBeLessThan(5);
    // Nothing is lost: the key still owns what it owned, some of it now shared with editor2.
    expect(await rest.findKey(key.id)).not.toBeNull();
    for (const resource of await everything(rest)) expect(resource.entries.some((entry) => entry.permissions.includes('OWNER')), resource.name).toBe(true);
    expect((await everything(rest)).filter((resource) => owns(resource.entries, key.id))).toHaveLength(5);

    harness.beforeRequest = null;
    const requestsBefore = harness.requests.length;
    const result = await handlers.deleteApiKey({ id: key.id, resources: { kind: 'transfer', to: DEMO_USERS.editor2.id } });
    expect(result.transferred).toEqual({ dataSources: 3, projects: 2 });
    // The resume skipped what was done: fewer ownership writes than resources.
    const resumedWrites = harness.requests.slice(requestsBefore).filter((request) => (request.method === 'POST' || request.method === 'PUT') && request.path.endsWith('/permissions'));
    expect(resumedWrites.length).toBe(5 - (progress?.transferred ?? 0));
    expect(await rest.findKey(key.id)).toBeNull();
    for (const resource of await everything(rest)) expect(resource.entries.map((entry) => entry.principal)).not.toContain(key.id);
    expect(await handlers.getDeleteProgress({ apiKeyId: key.id })).toBeNull();
  });

  it('can be cancelled while it finds what the key owns, and then has changed nothing', async () => {
    const { handlers, rest } = await open({ profile: 'jmapcloud' });
    const key = await keyTitled(handlers, 'Field survey app');
    let seen: Awaited<ReturnType<typeof handlers.getDeleteProgress>> = null;
    let reads = 0;
    harness.beforeRequest = (method, path) => {
      if (method !== 'GET' || !path.endsWith('/permissions') || ++reads !== 4) return;
      void handlers.getDeleteProgress({ apiKeyId: key.id }).then((progress) => {
        seen = progress;
      });
      void handlers.cancelDeleteOperation({ apiKeyId: key.id });
    };
    const cancelled = await caught(handlers.getOwnedResources({ id: key.id }));
    expect(cancelled.code).toBe('CANCELLED');
    expect(seen).toMatchObject({ phase: 'finding', changed: false, stopped: null });
    expect((seen as unknown as { total: number } | null)?.total).toBeGreaterThan(4);
    expect(await handlers.getDeleteProgress({ apiKeyId: key.id })).toBeNull();
    expect(await rest.findKey(key.id)).not.toBeNull();
    harness.beforeRequest = null;
    expect((await handlers.getOwnedResources({ id: key.id })).aclEntryCount).toBe(6);
  });

  it('waits and retries when the server answers 429 or 503, and never has more requests in flight than the limit', async () => {
    const { handlers, rest } = await open({ profile: 'jmapcloud', http: { maxInFlight: 3 } });
    const key = await keyTitled(handlers, 'Field survey app');
    // Each permission call is refused twice before it goes through: once 429 (with
    // Retry-After), once 503 (without: KeyDesk's own backoff).
    const refusals = new Map<string, number>();
    harness.respondInstead = (method, path) => {
      if (!path.includes('/permissions')) return null;
      const call = `${method} ${path}`;
      const refused = refusals.get(call) ?? 0;
      refusals.set(call, refused + 1);
      if (refused === 0) return Response.json({ message: 'Slow down' }, { status: 429, headers: { 'Retry-After': '0' } });
      if (refused === 1) return new Response('busy', { status: 503 });
      return null;
    };
    harness.maxInFlight = 0;
    const result = await handlers.deleteApiKey({ id: key.id, resources: { kind: 'transfer', to: DEMO_USERS.editor2.id } });
    expect(result.transferred).toEqual({ dataSources: 3, projects: 2 });
    expect(harness.requests.filter((request) => request.status === 429 || request.status === 503).length).toBeGreaterThan(5);
    expect(harness.maxInFlight).toBeLessThanOrEqual(3);
    expect(harness.maxInFlight).toBeGreaterThanOrEqual(2);
    expect(await rest.findKey(key.id)).toBeNull();
  });

  it('refuses a transfer to a member who is not an Editor, changing nothing', async () => {
    const { handlers, rest } = await open({ profile: 'jmapcloud' });
    const key = await keyTitled(handlers, 'Field survey app');
    const refused = await caught(handlers.deleteApiKey({ id: key.id, resources: { kind: 'transfer', to: DEMO_USERS.viewer1.id } }));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details?.serverCode).toBe('INVALID_TRANSFER_TARGET');
    expect(await rest.findKey(key.id)).not.toBeNull();
    expect(changesAccepted()).toEqual([]);
  });
});
