// Owned resources and deletion: transfer, deletion of what the key owned alone, the
// refusals, and the transaction (a failure midway leaves everything as it was).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteApiKeyResultSchema, ownedResourcesAnswerSchema, type ApiKey } from '../../src/shared/api-types';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import type { ServerHooks } from '../../src/server/server-context';
import { KEYS, MCS, startTestServer, type TestClient } from './server-test-client';

// Each test gets a fresh in-memory organization: deletions must not leak between tests.
let client: TestClient;
let token: string;
const hooks: ServerHooks = {};

beforeEach(async () => {
  delete hooks.onDeleteStep;
  // The failures these tests inject are expected: their 500 lines are not printed.
  client = await startTestServer({ hooks, logError: () => undefined });
  token = (await client.signIn('admin@demo.local')).accessToken;
});
afterEach(() => client.server.close());

async function keyId(title: string): Promise<string> {
  const page = (await client.request('GET', `${KEYS}?search=${encodeURIComponent(title)}`, { token })).body;
  const key = page.content.find((candidate: ApiKey) => candidate.title === title);
  if (!key) throw new Error(`no demo key ${title}`);
  return key.id;
}

/** Everything a deletion can touch, to compare before and after. */
async function snapshot() {
  const [keys, dataSources, projects] = await Promise.all([
    client.request('GET', `${KEYS}?size=1000&sort=id`, { token }),
    client.request('GET', `${MCS}/datasources`, { token }),
    client.request('GET', `${MCS}/projects`, { token }),
  ]);
  const permissions = await Promise.all([
    ...dataSources.body.map((ds: { id: string }) => client.request('GET', `${MCS}/datasources/${ds.id}/permissions`, { token })),
    ...projects.body.map((p: { id: string }) => client.request('GET', `${MCS}/projects/${p.id}/permissions`, { token })),
  ]);
  return { keys: keys.body, dataSources: dataSources.body, projects: projects.body, permissions: permissions.map((r) => r.body) };
}

describe('GET api-keys/{keyId}/owned-resources', () => {
  it('lists what the key owns, with every owner and whether it is the only one', async () => {
    const id = await keyId('Field survey app');
    const response = await client.request('GET', `${KEYS}/${id}/owned-resources`, { token });
    expect(response.status).toBe(200);
    const owned = ownedResourcesAnswerSchema.parse(response.body);
    expect(owned.dataSources.map((ds) => [ds.name, ds.soleOwner])).toEqual([
      ['Parcels 2024', true],
      ['Road network', false],
      ['Survey points', true],
    ]);
    expect(owned.dataSources.find((ds) => ds.name === 'Road network')?.owners).toEqual([
      { type: 'USER', id: DEMO_USERS.editor1.id, name: DEMO_USERS.editor1.name },
      { type: 'API_KEY', id, name: 'Field survey app' },
    ]);
    expect(owned.projects.map((p) => [p.name, p.soleOwner, p.layers.map((layer) => layer.name)])).toEqual([
      [{ en: 'Field survey', fr: 'Relevé terrain' }, true, ['Parcels', 'Survey points']],
      [{ en: 'Public works', fr: 'Travaux publics' }, false, ['Roads', 'Rivers and lakes']],
    ]);
    // 5 owner entries plus MODIFY on "City viewer".
    expect(owned.aclEntryCount).toBe(6);
  });

  it('is empty for a key that owns nothing, and 404 for an unknown key', async () => {
    const { apiKey } = await client.createKey(token);
    const owned = (await client.request('GET', `${KEYS}/${apiKey.id}/owned-resources`, { token })).body;
    expect(owned).toEqual({ dataSources: [], projects: [], aclEntryCount: 0 });
    const unknown = await client.request('GET', `${KEYS}/00000000-0000-4000-8000-000000000000/owned-resources`, { token });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('DELETE api-keys/{keyId}', () => {
  it('deletes a key that owns nothing without any parameter', async () => {
    const { apiKey } = await client.createKey(token);
    const response = await client.request('DELETE', `${KEYS}/${apiKey.id}`, { token });
    expect(response.status).toBe(200);
    expect(deleteApiKeyResultSchema.parse(response.body)).toEqual({
      deletedApiKeyId: apiKey.id,
      transferredTo: null,
      transferred: { dataSources: 0, projects: 0 },
      deleted: { dataSources: 0, projects: 0, layers: 0 },
      aclEntriesRemoved: 0,
    });
    expect((await client.request('GET', `${KEYS}/${apiKey.id}`, { token })).status).toBe(404);
    expect((await client.request('DELETE', `${KEYS}/${apiKey.id}`, { token })).status).toBe(404);
  });

  it('refuses to delete a key that owns resources without a decision (409 RESOURCES_OWNED), changing nothing', async () => {
    const id = await keyId('Field survey app');
    const before = await snapshot();
    const response = await client.request('DELETE', `${KEYS}/${id}`, { token });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'RESOURCES_OWNED', details: { dataSources: 3, projects: 2 } });
    const explicitNo = await client.request('DELETE', `${KEYS}/${id}?deleteResources=false`, { token });
    expect(explicitNo.status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it('transfers ownership of everything the key owned to an Editor member', async () => {
    const id = await keyId('Field survey app');
    const response = await client.request('DELETE', `${KEYS}/${id}?transferTo=${DEMO_USERS.editor2.id}`, { token });
    expect(response.status).toBe(200);
    expect(deleteApiKeyResultSchema.parse(response.body)).toEqual({
      deletedApiKeyId: id,
      transferredTo: { id: DEMO_USERS.editor2.id, name: DEMO_USERS.editor2.name, email: DEMO_USERS.editor2.email },
      transferred: { dataSources: 3, projects: 2 },
      deleted: { dataSources: 0, projects: 0, layers: 0 },
      aclEntriesRemoved: 6,
    });
    const projects = (await client.request('GET', `${MCS}/projects`, { token })).body as { name: { en: string }; owners: { id: string }[] }[];
    const owners = (name: string) => projects.find((p) => p.name.en === name)?.owners.map((owner) => owner.id).sort();
    expect(owners('Field survey')).toEqual([DEMO_USERS.editor2.id]);
    expect(owners('Public works')).toEqual([DEMO_USERS.editor1.id, DEMO_USERS.editor2.id].sort());
    // The key's non-owner entry on "City viewer" is gone too.
    const cityViewer = projects.find((p) => p.name.en === 'City viewer') as unknown as { id: string };
    const acl = (await client.request('GET', `${MCS}/projects/${cityViewer.id}/permissions`, { token })).body;
    expect(acl.some((entry: { principal: string }) => entry.principal === id)).toBe(false);
  });

  it('can transfer to an administrator, who holds the Editor role too', async () => {
    const id = await keyId('Nightly GIS sync');
    const response = await client.request('DELETE', `${KEYS}/${id}?transferTo=${DEMO_USERS.secondAdmin.id}`, { token });
    expect(response.status).toBe(200);
    expect(response.body.transferred).toEqual({ dataSources: 1, projects: 1 });
  });

  it('with deleteResources=true, deletes what the key owned alone with its layers, and keeps what it shared', async () => {
    const id = await keyId('Field survey app');
    const response = await client.request('DELETE', `${KEYS}/${id}?deleteResources=true`, { token });
    expect(response.status).toBe(200);
    // Parcels 2024 and Survey points go, with project Field survey (2 layers) and the
    // Parcels layers of Urban planning and City viewer that used Parcels 2024.
    expect(deleteApiKeyResultSchema.parse(response.body)).toMatchObject({
      transferredTo: null,
      transferred: { dataSources: 0, projects: 0 },
      deleted: { dataSources: 2, projects: 1, layers: 4 },
      aclEntriesRemoved: 6,
    });
    const dataSources = (await client.request('GET', `${MCS}/datasources`, { token })).body.map((ds: { name: string }) => ds.name);
    expect(dataSources).not.toContain('Parcels 2024');
    expect(dataSources).toContain('Road network');
    const projects = (await client.request('GET', `${MCS}/projects`, { token })).body as { name: { en: string }; layers: { name: string }[]; owners: { id: string }[] }[];
    expect(projects.map((p) => p.name.en)).not.toContain('Field survey');
    expect(projects.find((p) => p.name.en === 'Urban planning')?.layers.map((layer) => layer.name)).toEqual(['Zoning']);
    expect(projects.find((p) => p.name.en === 'Public works')?.owners.map((owner) => owner.id)).toEqual([DEMO_USERS.editor1.id]);
  });

  it.each([
    ['a viewer', DEMO_USERS.viewer1.id],
    ['a stranger', '00000000-0000-4000-8000-000000000000'],
    ['not an id', 'editor1'],
  ])('refuses a transfer to %s (400 INVALID_TRANSFER_TARGET)', async (_label, target) => {
    const id = await keyId('Field survey app');
    const response = await client.request('DELETE', `${KEYS}/${id}?transferTo=${target}`, { token });
    expect([response.status, response.body.code]).toEqual([400, 'INVALID_TRANSFER_TARGET']);
  });

  it('refuses both parameters together (400), a bad deleteResources (400) and an unknown key (404)', async () => {
    const id = await keyId('Field survey app');
    const both = await client.request('DELETE', `${KEYS}/${id}?transferTo=${DEMO_USERS.editor1.id}&deleteResources=true`, { token });
    expect([both.status, both.body.code]).toEqual([400, 'CONFLICTING_PARAMETERS']);
    const bad = await client.request('DELETE', `${KEYS}/${id}?deleteResources=yes`, { token });
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_QUERY_PARAMETER']);
    const unknown = await client.request('DELETE', `${KEYS}/00000000-0000-4000-8000-000000000000?deleteResources=true`, { token });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('is for administrators only', async () => {
    const id = await keyId('Field survey app');
    const editor = await client.signIn(DEMO_USERS.editor1.email);
    const response = await client.request('DELETE', `${KEYS}/${id}?deleteResources=true`, { token: editor.accessToken });
    expect([response.status, response.body.code]).toEqual([403, 'INSUFFICIENT_ROLE']);
  });

  it.each(['acl-transferred', 'acl-removed', 'key-deleted'] as const)(
    'changes nothing when a transfer fails midway (after %s)',
    async (failingStep) => {
      const id = await keyId('Field survey app');
      const { secret } = await client.createKey(token);
      const before = await snapshot();
      hooks.onDeleteStep = (step) => {
        if (step === failingStep) throw new Error('injected failure');
      };
      const response = await client.request('DELETE', `${KEYS}/${id}?transferTo=${DEMO_USERS.editor2.id}`, { token });
      expect([response.status, response.body.code]).toEqual([500, 'INTERNAL_ERROR']);
      expect(response.text).not.toContain('injected');
      delete hooks.onDeleteStep;
      expect(await snapshot()).toEqual(before);
      // The server is still healthy afterwards.
      expect((await client.request('GET', `${MCS}/datasources`, { apiKey: secret })).status).toBe(200);
      expect((await client.request('DELETE', `${KEYS}/${id}?transferTo=${DEMO_USERS.editor2.id}`, { token })).status).toBe(200);
    },
  );

  it('changes nothing when a deletion of resources fails midway', async () => {
    const id = await keyId('Field survey app');
    const before = await snapshot();
    hooks.onDeleteStep = (step) => {
      if (step === 'acl-removed') throw new Error('injected failure');
    };
    expect((await client.request('DELETE', `${KEYS}/${id}?deleteResources=true`, { token })).status).toBe(500);
    expect(await snapshot()).toEqual(before);
  });
});
