// Every change the API-key services make lands in the activity log, with its outcome:
// against a real local organization server, read back through the contract's listActivity.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../src/shared/activity-log';
import type { SessionInfo } from '../../../src/shared/session';
import { caught } from '../support/caught';
import type { LocalServerProfile } from '../../../src/shared/server-capabilities';
import { DEMO_PASSWORD, PROFILES, startHarness, type Harness } from '../support/harness';
import { daysFrom, TestClient } from '../../server/server-test-client';
import { DEMO_USERS } from '../../../src/server/seed/demo-identities';

const isCreate = (method: string, path: string) => method === 'POST' && path.endsWith('/api-keys');

let harness: Harness;
let session: SessionInfo;
function onProfile(profile: LocalServerProfile): void {
  beforeEach(async () => {
    harness = await startHarness({ profile });
    session = await harness.handlers.openLocalOrganization(undefined);
  });
  afterEach(() => harness.close());
}

const newest = async (): Promise<ActivityEntry> => {
  const page = await harness.handlers.listActivity({ scope: 'organization', limit: 1 });
  const [entry] = page.entries;
  if (!entry) throw new Error('no activity entry');
  return entry;
};

/** The first key that owns something, with what it owns. */
async function anOwner(predicate: (owned: Awaited<ReturnType<Harness['handlers']['getOwnedResources']>>) => boolean) {
  const keys = (await harness.handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'id', sortDirection: 'asc' })).content;
  for (const key of keys) {
    const owned = await harness.handlers.getOwnedResources({ id: key.id });
    if (predicate(owned)) return { key, owned };
  }
  throw new Error('the demo seed has no such key');
}

describe.each(PROFILES)('creates recorded by the API-key services (profile %s)', (profile) => {
  onProfile(profile);

  it('records a create: who, where, which key, role and expiration, succeeded', async () => {
    const expirationDate = daysFrom(new Date(), 90);
    const created = await harness.handlers.createApiKey({ title: 'Nightly export', role: 'ORG_VIEWER', expirationDate, idempotencyKey: crypto.randomUUID() });
    expect(await newest()).toEqual({
      v: 1,
      id: expect.any(String),
      at: expect.any(String),
      server: harness.server.url,
      organization: session.organization,
      admin: session.user,
      action: 'create',
      apiKey: { id: created.apiKey.id, title: 'Nightly export' },
      role: 'ORG_VIEWER',
      expirationDate,
      outcome: { status: 'succeeded' },
    });
  });

  it('records a refused create as failed, with the error code and the server’s, and no key id', async () => {
    const error = await caught(
      harness.handlers.createApiKey({ title: 'Too far', role: 'ORG_EDITOR', expirationDate: daysFrom(new Date(), 800), idempotencyKey: crypto.randomUUID() }),
    );
    expect(await newest()).toMatchObject({
      action: 'create',
      apiKey: { id: null, title: 'Too far' },
      outcome: { status: 'failed', errorCode: error.code, serverCode: 'INVALID_EXPIRATION_DATE' },
    });
  });

  it('records a create whose secret was lost as partly done, naming the key that exists', async () => {
    harness.afterResponse = (request) => {
      if (isCreate(request.method, request.path)) {
        harness.afterResponse = null;
        throw new TypeError('fetch failed: connection reset');
      }
    };
    const error = await caught(
      harness.handlers.createApiKey({ title: 'Lost in transit', role: 'ORG_EDITOR', expirationDate: daysFrom(new Date(), 30), idempotencyKey: crypto.randomUUID() }),
    );
    expect(await newest()).toMatchObject({
      action: 'create',
      apiKey: { id: error.details?.apiKeyId, title: 'Lost in transit' },
      outcome: { status: 'partial', errorCode: 'SECRET_LOST' },
    });
  });

  it('keeps each organization’s activity apart, and shows them all on request', async () => {
    await harness.handlers.createApiKey({ title: 'In the first', role: 'ORG_EDITOR', expirationDate: daysFrom(new Date(), 30), idempotencyKey: crypto.randomUUID() });
    const other = session.organizations.find((organization) => organization.id !== session.organization.id);
    if (!other) throw new Error('the demo seed has one organization');
    await harness.handlers.switchOrganization({ organizationId: other.id });
    await harness.handlers.createApiKey({ title: 'In the second', role: 'ORG_EDITOR', expirationDate: daysFrom(new Date(), 30), idempotencyKey: crypto.randomUUID() });

    expect((await harness.handlers.listActivity({ scope: 'organization', limit: 100 })).entries.map((entry) => entry.apiKey.title)).toEqual(['In the second']);
    expect((await harness.handlers.listActivity({ scope: 'all', limit: 100 })).entries.map((entry) => entry.apiKey.title)).toEqual(['In the second', 'In the first']);
  });
});

// The one-request delete of the local server's extensions.
describe('deletes recorded by the API-key services (profile default)', () => {
  onProfile('default');

  it('records a transfer-and-delete with the member, the counts and each resource transferred', async () => {
    const { key, owned } = await anOwner((found) => found.dataSources.length + found.projects.length > 0);
    const editor = (await harness.handlers.listEditorMembers(undefined)).find((member) => member.email === 'editor1@demo.local');
    if (!editor) throw new Error('no editor in the seed');
    const result = await harness.handlers.deleteApiKey({ id: key.id, resources: { kind: 'transfer', to: editor.id } });

    const entry = await newest();
    expect(entry).toMatchObject({
      action: 'delete',
      apiKey: { id: key.id, title: key.title },
      resourcesFate: 'transfer',
      transferTo: { id: editor.id, name: editor.name },
      transferred: result.transferred,
      deleted: { dataSources: 0, projects: 0, layers: 0 },
      accessEntriesRemoved: result.aclEntriesRemoved,
      outcome: { status: 'succeeded' },
    });
    expect(entry.action === 'delete' && entry.resources).toEqual([
      ...owned.dataSources.map((source) => ({ type: 'DATA_SOURCE', id: source.id, name: source.name, change: 'transferred', done: true })),
      ...owned.projects.map((project) => ({ type: 'PROJECT', id: project.id, name: project.name, change: 'transferred', done: true })),
    ]);
  });

  it('records a delete with the resources: what the key owned alone is deleted, its access to shared ones removed', async () => {
    const { key, owned } = await anOwner((found) => [...found.dataSources, ...found.projects].some((resource) => resource.soleOwner));
    const result = await harness.handlers.deleteApiKey({ id: key.id, resources: { kind: 'delete-with-key' } });
    const entry = await newest();
    expect(entry).toMatchObject({ action: 'delete', resourcesFate: 'delete-with-key', transferTo: null, deleted: result.deleted, outcome: { status: 'succeeded' } });
    const changes = entry.action === 'delete' ? entry.resources.map((resource) => [resource.id, resource.change]) : [];
    expect(changes).toEqual(
      [...owned.dataSources, ...owned.projects].map((resource) => [resource.id, resource.soleOwner ? 'deleted' : 'access-removed']),
    );
  });

  it('records a refused delete as failed, nothing done', async () => {
    const { key } = await anOwner((found) => found.dataSources.length + found.projects.length > 0);
    const error = await caught(harness.handlers.deleteApiKey({ id: key.id, resources: { kind: 'nothing-owned' } }));
    expect(await newest()).toMatchObject({
      action: 'delete',
      apiKey: { id: key.id, title: key.title },
      resourcesFate: 'nothing-owned',
      resources: [],
      outcome: { status: 'failed', errorCode: error.code, serverCode: 'RESOURCES_OWNED' },
    });
  });

  it('names a key the admin never listed by asking the server for its title', async () => {
    // Made by someone else (another admin's tool): the services have never seen it.
    const rest = new TestClient(harness.server);
    const { accessToken } = await rest.signIn('admin@demo.local', DEMO_PASSWORD, session.organization.id);
    const made = await rest.createKey(accessToken, { title: 'Made elsewhere' });
    await harness.handlers.deleteApiKey({ id: made.apiKey.id, resources: { kind: 'nothing-owned' } });
    expect(await newest()).toMatchObject({ action: 'delete', apiKey: { id: made.apiKey.id, title: 'Made elsewhere' }, outcome: { status: 'succeeded' } });
  });
});

// JMap Cloud's way: the guided delete transfers resource by resource, and may stop midway.
describe('deletes recorded by the guided delete (profile jmapcloud)', () => {
  onProfile('jmapcloud');

  const keyTitled = async (title: string) => {
    const page = await harness.handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'id', sortDirection: 'asc' });
    const found = page.content.find((key) => key.title === title);
    if (!found) throw new Error(`no demo key ${title}`);
    return found;
  };

  it('records a transfer-and-delete with each resource transferred', async () => {
    const key = await keyTitled('Field survey app');
    const owned = await harness.handlers.getOwnedResources({ id: key.id });
    await harness.handlers.deleteApiKey({ id: key.id, resources: { kind: 'transfer', to: DEMO_USERS.editor2.id } });
    const entry = await newest();
    expect(entry).toMatchObject({
      action: 'delete',
      apiKey: { id: key.id, title: 'Field survey app' },
      resourcesFate: 'transfer',
      transferTo: { id: DEMO_USERS.editor2.id, name: DEMO_USERS.editor2.name },
      transferred: { dataSources: 3, projects: 2 },
      outcome: { status: 'succeeded' },
    });
    expect(entry.action === 'delete' && entry.resources.map((resource) => [resource.id, resource.change, resource.done])).toEqual([
      ...owned.dataSources.map((source) => [source.id, 'transferred', true]),
      ...owned.projects.map((project) => [project.id, 'transferred', true]),
    ]);
  });

  it('records a transfer stopped midway as partly done, resource by resource, and its resume as succeeded', async () => {
    const key = await keyTitled('Field survey app');
    await harness.handlers.getOwnedResources({ id: key.id });
    let writes = 0;
    harness.beforeRequest = (method, path) => {
      if ((method === 'POST' || method === 'PUT') && path.endsWith('/permissions') && ++writes === 3) throw new TypeError('connection reset');
    };
    await caught(harness.handlers.deleteApiKey({ id: key.id, resources: { kind: 'transfer', to: DEMO_USERS.editor2.id } }));
    const progress = await harness.handlers.getDeleteProgress({ apiKeyId: key.id });
    const stopped = await newest();
    expect(stopped).toMatchObject({ action: 'delete', resourcesFate: 'transfer', outcome: { status: 'partial', errorCode: 'NETWORK' } });
    if (stopped.action !== 'delete') throw new Error('not a delete entry');
    const done = stopped.resources.filter((resource) => resource.done);
    // Exactly what the guided delete says it did: no more, no less.
    expect(done).toHaveLength(progress?.transferred ?? -1);
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(stopped.resources.length - done.length).toBeGreaterThanOrEqual(1);
    expect(stopped.transferred.dataSources + stopped.transferred.projects).toBe(done.length);

    harness.beforeRequest = null;
    await harness.handlers.deleteApiKey({ id: key.id, resources: { kind: 'transfer', to: DEMO_USERS.editor2.id } });
    const page = await harness.handlers.listActivity({ scope: 'organization', limit: 10 });
    expect(page.entries.map((entry) => entry.outcome.status)).toEqual(['succeeded', 'partial']);
  });

  it('records a plain delete refused because the key owns something as failed', async () => {
    const key = await keyTitled('Field survey app');
    const error = await caught(harness.handlers.deleteApiKey({ id: key.id, resources: { kind: 'nothing-owned' } }));
    expect(await newest()).toMatchObject({ action: 'delete', resourcesFate: 'nothing-owned', outcome: { status: 'failed', errorCode: error.code } });
  });
});
