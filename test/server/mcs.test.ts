// Map configuration service: data sources and projects (read with ORG_VIEWER, create
// with ORG_EDITOR, creator becomes OWNER; project names per language) and their
// permission entries in JMap Cloud's shape: GET, GET …/self, POST add, PUT change, DELETE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceSchema, projectSchema } from '../../src/shared/api-types';
import { permissionListSchema } from '../../src/shared/resource-permissions';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import { MCS, startTestServer, type TestClient } from './server-test-client';

let client: TestClient;
let admin: string;
let editor: string;
let viewer: string;

beforeAll(async () => {
  client = await startTestServer();
  [admin, editor, viewer] = await Promise.all(
    ['admin@demo.local', DEMO_USERS.editor3.email, DEMO_USERS.viewer2.email].map(async (email) => (await client.signIn(email)).accessToken),
  ) as [string, string, string];
});
afterAll(() => client.server.close());

describe('data sources', () => {
  it('lists the seeded data sources with their owners, to a viewer', async () => {
    const response = await client.request('GET', `${MCS}/datasources`, { token: viewer });
    expect(response.status).toBe(200);
    const names = dataSourceSchema.array().parse(response.body).map((ds) => ds.name);
    expect(names).toEqual(expect.arrayContaining(['Parcels 2024', 'Road network', 'Hydrography', 'Zoning']));
  });

  it('creates one for an editor, who becomes its owner, and reads it back by id', async () => {
    const created = await client.request('POST', `${MCS}/datasources`, { token: editor, body: { name: '  Bike lanes ' } });
    expect(created.status).toBe(201);
    const dataSource = dataSourceSchema.parse(created.body);
    expect(dataSource).toMatchObject({ name: 'Bike lanes', owners: [{ id: DEMO_USERS.editor3.id, name: DEMO_USERS.editor3.name, type: 'USER' }] });
    expect((await client.request('GET', `${MCS}/datasources/${dataSource.id}`, { token: viewer })).body).toEqual(dataSource);
  });

  it('refuses creation to a viewer (403), a bad body (400), and answers 404 to an unknown id', async () => {
    const refused = await client.request('POST', `${MCS}/datasources`, { token: viewer, body: { name: 'Nope' } });
    expect([refused.status, refused.body.code]).toEqual([403, 'INSUFFICIENT_ROLE']);
    for (const body of [{}, { name: '' }, { name: 'x', kind: 'wms' }, { name: 7 }]) {
      const response = await client.request('POST', `${MCS}/datasources`, { token: editor, body });
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const unknown = await client.request('GET', `${MCS}/datasources/00000000-0000-4000-8000-000000000000`, { token: viewer });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('projects', () => {
  it('creates a project with layers on existing data sources, and lists it', async () => {
    const parcels = (await client.request('GET', `${MCS}/datasources`, { token: editor })).body.find(
      (ds: { name: string }) => ds.name === 'Parcels 2024',
    );
    const created = await client.request('POST', `${MCS}/projects`, {
      token: editor,
      body: { name: 'Cadastre', layers: [{ name: 'Lots', dataSourceId: parcels.id }] },
    });
    expect(created.status).toBe(201);
    const project = projectSchema.parse(created.body);
    // A name given as one string is its English name, and is given back per language.
    expect(created.body.name).toEqual({ en: 'Cadastre' });
    expect(project.layers).toEqual([{ id: expect.any(String), name: 'Lots', dataSourceId: parcels.id }]);
    expect(project.owners).toEqual([{ id: DEMO_USERS.editor3.id, name: DEMO_USERS.editor3.name, type: 'USER' }]);
    expect((await client.request('GET', `${MCS}/projects/${project.id}`, { token: viewer })).body).toEqual(project);
    const all = projectSchema.array().parse((await client.request('GET', `${MCS}/projects`, { token: viewer })).body);
    expect(all.map((p) => p.name)).toContainEqual({ en: 'Cadastre' });
    const withoutLayers = await client.request('POST', `${MCS}/projects`, { token: editor, body: { name: 'Empty' } });
    expect(withoutLayers.body.layers).toEqual([]);
  });

  it('keeps a name in several languages, keys written in any case, and refuses a malformed one', async () => {
    const created = await client.request('POST', `${MCS}/projects`, { token: editor, body: { name: { EN: 'Parcels', fr: 'Parcelles' } } });
    expect(created.status).toBe(201);
    expect(created.body.name).toEqual({ en: 'Parcels', fr: 'Parcelles' });
    expect((await client.request('GET', `${MCS}/projects/${created.body.id}`, { token: viewer })).body.name).toEqual({ en: 'Parcels', fr: 'Parcelles' });
    for (const name of [{}, { english: 'x' }, { en: '' }, { en: 'a\u0000b' }, { en: 7 }]) {
      const refused = await client.request('POST', `${MCS}/projects`, { token: editor, body: { name } });
      expect([refused.status, refused.body.code], JSON.stringify(name)).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('refuses a layer on an unknown data source (400 UNKNOWN_DATA_SOURCE) and answers 404 to an unknown project', async () => {
    const unknownSource = '00000000-0000-4000-8000-000000000000';
    const response = await client.request('POST', `${MCS}/projects`, {
      token: editor,
      body: { name: 'Broken', layers: [{ name: 'Ghost', dataSourceId: unknownSource }] },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'UNKNOWN_DATA_SOURCE', details: { dataSourceIds: [unknownSource] } });
    expect((await client.request('GET', `${MCS}/projects/${unknownSource}`, { token: viewer })).status).toBe(404);
  });

  it('makes an API key the owner of what it creates', async () => {
    const { apiKey, secret } = await client.createKey(admin);
    const created = await client.request('POST', `${MCS}/projects`, { apiKey: secret, body: { name: 'Made by a key' } });
    expect(created.status).toBe(201);
    expect(created.body.owners).toEqual([{ id: apiKey.id, name: 'Test key', type: 'API_KEY' }]);
  });
});

describe('permissions', () => {
  async function newDataSource(token: string): Promise<string> {
    return (await client.request('POST', `${MCS}/datasources`, { token, body: { name: 'Shared layer' } })).body.id;
  }
  const owner = ['OWNER', 'MODIFY', 'VIEW'];

  it('lists the entries of a resource as {principal, permissions}', async () => {
    const id = await newDataSource(editor);
    const response = await client.request('GET', `${MCS}/datasources/${id}/permissions`, { token: viewer });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([{ principal: DEMO_USERS.editor3.id, permissions: owner }]);
    expect(permissionListSchema.parse(response.body)).toEqual(response.body);
  });

  it('gives the caller its own entry as a list, empty without one', async () => {
    const id = await newDataSource(editor);
    expect((await client.request('GET', `${MCS}/datasources/${id}/permissions/self`, { token: editor })).body).toEqual([
      { principal: DEMO_USERS.editor3.id, permissions: owner },
    ]);
    expect((await client.request('GET', `${MCS}/datasources/${id}/permissions/self`, { token: viewer })).body).toEqual([]);
    const { apiKey, secret } = await client.createKey(admin);
    const made = (await client.request('POST', `${MCS}/projects`, { apiKey: secret, body: { name: 'Key map' } })).body;
    expect((await client.request('GET', `${MCS}/projects/${made.id}/permissions/self`, { apiKey: secret })).body).toEqual([{ principal: apiKey.id, permissions: owner }]);
  });

  it('lets an owner add entries for users and keys (POST), change them (PUT) and remove them (DELETE)', async () => {
    const id = await newDataSource(editor);
    const path = `${MCS}/datasources/${id}/permissions`;
    const { apiKey } = await client.createKey(admin);
    const added = await client.request('POST', path, {
      token: editor,
      body: [
        { principal: apiKey.id, permissions: ['OWNER', 'VIEW'] },
        { principal: DEMO_USERS.viewer2.id, permissions: ['VIEW'] },
      ],
    });
    expect(added.status).toBe(200);
    expect(added.body).toEqual([
      { principal: DEMO_USERS.editor3.id, permissions: owner },
      { principal: apiKey.id, permissions: ['OWNER', 'VIEW'] },
      { principal: DEMO_USERS.viewer2.id, permissions: ['VIEW'] },
    ]);
    const changed = await client.request('PUT', path, { token: editor, body: [{ principal: DEMO_USERS.viewer2.id, permissions: ['MODIFY', 'VIEW'] }] });
    expect(changed.body[2]).toEqual({ principal: DEMO_USERS.viewer2.id, permissions: ['MODIFY', 'VIEW'] });
    const removed = await client.request('DELETE', `${path}?principals=${DEMO_USERS.viewer2.id},${DEMO_USERS.editor3.id}`, { token: editor });
    expect(removed.body).toEqual([{ principal: apiKey.id, permissions: ['OWNER', 'VIEW'] }]);
    // editor3 is no longer an owner: the next change is refused; an administrator may always.
    const refused = await client.request('POST', path, { token: editor, body: [{ principal: DEMO_USERS.editor3.id, permissions: ['VIEW'] }] });
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_AN_OWNER']);
    expect((await client.request('POST', path, { token: admin, body: [{ principal: DEMO_USERS.editor3.id, permissions: ['VIEW'] }] })).status).toBe(200);
    // Removing an entry that is not there changes nothing: a retried DELETE is safe.
    const again = await client.request('DELETE', `${path}?principals=${DEMO_USERS.viewer2.id}`, { token: admin });
    expect([again.status, again.body]).toEqual([200, (await client.request('GET', path, { token: viewer })).body]);
  });

  it('keeps at least one OWNER, and refuses unknown, duplicate, existing or missing principals, changing nothing', async () => {
    const id = await newDataSource(editor);
    const path = `${MCS}/datasources/${id}/permissions`;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cases: [string, string, unknown, number, string][] = [
      ['PUT', path, [{ principal: DEMO_USERS.editor3.id, permissions: ['VIEW'] }], 400, 'OWNER_REQUIRED'],
      ['DELETE', `${path}?principals=${DEMO_USERS.editor3.id}`, undefined, 400, 'OWNER_REQUIRED'],
      ['POST', path, [{ principal: unknown, permissions: ['OWNER'] }], 400, 'UNKNOWN_PRINCIPAL'],
      ['POST', path, [{ principal: DEMO_USERS.viewer2.id, permissions: ['VIEW'] }, { principal: DEMO_USERS.viewer2.id, permissions: ['VIEW'] }], 400, 'DUPLICATE_PRINCIPAL'],
      ['POST', path, [{ principal: DEMO_USERS.editor3.id, permissions: ['VIEW'] }], 409, 'PERMISSION_EXISTS'],
      ['PUT', path, [{ principal: DEMO_USERS.viewer2.id, permissions: ['VIEW'] }], 404, 'NO_PERMISSION_ENTRY'],
      ['POST', path, [], 400, 'VALIDATION_FAILED'],
      ['POST', path, [{ principal: DEMO_USERS.viewer2.id, permissions: ['ADMIN'] }], 400, 'VALIDATION_FAILED'],
      ['POST', path, [{ principal: DEMO_USERS.viewer2.id, permissions: [] }], 400, 'VALIDATION_FAILED'],
      ['POST', path, [{ principalId: DEMO_USERS.viewer2.id, principalType: 'USER', permissions: ['VIEW'] }], 400, 'VALIDATION_FAILED'],
      ['POST', path, { principal: DEMO_USERS.viewer2.id, permissions: ['VIEW'] }, 400, 'VALIDATION_FAILED'],
      ['DELETE', path, undefined, 400, 'INVALID_QUERY_PARAMETER'],
      ['DELETE', `${path}?principal=${DEMO_USERS.editor3.id}`, undefined, 400, 'INVALID_QUERY_PARAMETER'],
    ];
    for (const [method, target, body, status, code] of cases) {
      const response = await client.request(method, target, body === undefined ? { token: editor } : { token: editor, body });
      expect([response.status, response.body.code], `${method} ${JSON.stringify(body)}`).toEqual([status, code]);
    }
    expect((await client.request('GET', path, { token: viewer })).body).toEqual([{ principal: DEMO_USERS.editor3.id, permissions: owner }]);
  });

  it('works the same on projects, and answers 404 to an unknown resource', async () => {
    const project = (await client.request('POST', `${MCS}/projects`, { token: editor, body: { name: 'Permissions' } })).body;
    const path = `${MCS}/projects/${project.id}/permissions`;
    const entries = [
      { principal: DEMO_USERS.editor3.id, permissions: owner },
      { principal: DEMO_USERS.viewer2.id, permissions: ['VIEW'] },
    ];
    expect((await client.request('POST', path, { token: editor, body: [entries[1]] })).body).toEqual(entries);
    expect((await client.request('GET', path, { token: viewer })).body).toEqual(entries);
    const viewerPut = await client.request('PUT', path, { token: viewer, body: [entries[1]] });
    expect([viewerPut.status, viewerPut.body.code]).toEqual([403, 'NOT_AN_OWNER']);
    for (const suffix of ['permissions', 'permissions/self']) {
      const unknown = await client.request('GET', `${MCS}/projects/00000000-0000-4000-8000-000000000000/${suffix}`, { token: viewer });
      expect(unknown.status).toBe(404);
    }
  });
});
