// Map configuration service: data sources and projects (read with ORG_VIEWER, create
// with ORG_EDITOR, creator becomes OWNER) and their permission lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceSchema, permissionEntrySchema, projectSchema } from '../../src/shared/api-types';
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
    expect(project.layers).toEqual([{ id: expect.any(String), name: 'Lots', dataSourceId: parcels.id }]);
    expect(project.owners).toEqual([{ id: DEMO_USERS.editor3.id, name: DEMO_USERS.editor3.name, type: 'USER' }]);
    expect((await client.request('GET', `${MCS}/projects/${project.id}`, { token: viewer })).body).toEqual(project);
    const all = projectSchema.array().parse((await client.request('GET', `${MCS}/projects`, { token: viewer })).body);
    expect(all.map((p) => p.name)).toContain('Cadastre');
    const withoutLayers = await client.request('POST', `${MCS}/projects`, { token: editor, body: { name: 'Empty' } });
    expect(withoutLayers.body.layers).toEqual([]);
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

  it('reads the entries of a resource', async () => {
    const id = await newDataSource(editor);
    const response = await client.request('GET', `${MCS}/datasources/${id}/permissions`, { token: viewer });
    expect(response.status).toBe(200);
    expect(permissionEntrySchema.array().parse(response.body)).toEqual([
      { principalId: DEMO_USERS.editor3.id, principalType: 'USER', permissions: ['OWNER', 'MODIFY', 'VIEW'] },
    ]);
  });

  it('lets an owner replace the whole list, naming users and keys', async () => {
    const id = await newDataSource(editor);
    const { apiKey } = await client.createKey(admin);
    const entries = [
      { principalId: DEMO_USERS.editor3.id, principalType: 'USER', permissions: ['VIEW'] },
      { principalId: apiKey.id, principalType: 'API_KEY', permissions: ['OWNER', 'VIEW'] },
    ];
    const response = await client.request('PUT', `${MCS}/datasources/${id}/permissions`, { token: editor, body: entries });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(entries);
    const dataSource = (await client.request('GET', `${MCS}/datasources/${id}`, { token: viewer })).body;
    expect(dataSource.owners).toEqual([{ id: apiKey.id, name: 'Test key', type: 'API_KEY' }]);
    // editor3 is no longer an owner: the next change is refused.
    const refused = await client.request('PUT', `${MCS}/datasources/${id}/permissions`, { token: editor, body: entries });
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_AN_OWNER']);
    // An administrator may always change them.
    expect((await client.request('PUT', `${MCS}/datasources/${id}/permissions`, { token: admin, body: entries })).status).toBe(200);
  });

  it('keeps at least one OWNER and refuses unknown or duplicate principals', async () => {
    const id = await newDataSource(editor);
    const path = `${MCS}/datasources/${id}/permissions`;
    const cases: [unknown, number, string][] = [
      [[{ principalId: DEMO_USERS.editor3.id, principalType: 'USER', permissions: ['VIEW'] }], 400, 'OWNER_REQUIRED'],
      [[], 400, 'OWNER_REQUIRED'],
      [[{ principalId: '00000000-0000-4000-8000-000000000000', principalType: 'USER', permissions: ['OWNER'] }], 400, 'UNKNOWN_PRINCIPAL'],
      [
        [
          { principalId: DEMO_USERS.editor3.id, principalType: 'USER', permissions: ['OWNER'] },
          { principalId: DEMO_USERS.editor3.id, principalType: 'USER', permissions: ['VIEW'] },
        ],
        400,
        'DUPLICATE_PRINCIPAL',
      ],
      [[{ principalId: DEMO_USERS.editor3.id, principalType: 'GROUP', permissions: ['OWNER'] }], 400, 'VALIDATION_FAILED'],
      [[{ principalId: DEMO_USERS.editor3.id, principalType: 'USER', permissions: ['ADMIN'] }], 400, 'VALIDATION_FAILED'],
      [[{ principalId: DEMO_USERS.editor3.id, principalType: 'USER', permissions: [] }], 400, 'VALIDATION_FAILED'],
      [{ principalId: DEMO_USERS.editor3.id }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const response = await client.request('PUT', path, { token: editor, body });
      expect([response.status, response.body.code]).toEqual([status, code]);
    }
    expect((await client.request('GET', path, { token: viewer })).body).toHaveLength(1);
  });

  it('works the same on projects, and answers 404 to an unknown resource', async () => {
    const project = (await client.request('POST', `${MCS}/projects`, { token: editor, body: { name: 'Permissions' } })).body;
    const path = `${MCS}/projects/${project.id}/permissions`;
    const entries = [
      { principalId: DEMO_USERS.editor3.id, principalType: 'USER', permissions: ['OWNER', 'MODIFY', 'VIEW'] },
      { principalId: DEMO_USERS.viewer2.id, principalType: 'USER', permissions: ['VIEW'] },
    ];
    expect((await client.request('PUT', path, { token: editor, body: entries })).body).toEqual(entries);
    expect((await client.request('GET', path, { token: viewer })).body).toEqual(entries);
    const viewerPut = await client.request('PUT', path, { token: viewer, body: entries });
    expect([viewerPut.status, viewerPut.body.code]).toEqual([403, 'NOT_AN_OWNER']);
    const unknown = await client.request('GET', `${MCS}/projects/00000000-0000-4000-8000-000000000000/permissions`, { token: viewer });
    expect(unknown.status).toBe(404);
  });
});
