// The local server's two profiles: `default` advertises its extensions in one capabilities
// document and offers them; `jmapcloud` answers as JMap Cloud's public API does (no
// document, no extension), and its plain DELETE of a key takes what the key alone owned
// with it, as the portal's guide says. Both wrap every success as {message, result}.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../src/shared/api-types';
import { restRoutes } from '../../src/shared/rest-routes';
import { API_KEY_LIST_FILTERS, NO_EXTENSIONS, serverCapabilitiesSchema } from '../../src/shared/server-capabilities';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import { KEYS, MCS, SS, ORG, startTestServer, type TestClient } from './server-test-client';

const CAPABILITIES = restRoutes.capabilities.path();

describe('every success is wrapped as {message, result}, every error is not', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await startTestServer();
  });
  afterAll(() => client.server.close());

  it('wraps the tokens with the SDK\'s own message, and a page of keys with a sentence', async () => {
    const auth = await client.request('POST', `${SS}/authenticate`, { body: { username: 'admin@demo.local', password: 'demo-password-for-tests' } });
    expect(auth.json).toEqual({ message: 'The result is the access and refresh tokens', result: auth.body });
    expect(Object.keys(auth.body).sort()).toEqual(['accessToken', 'accessTokenExpireAt', 'refreshToken']);
    const { accessToken } = await client.signIn('admin@demo.local');
    const page = await client.request('GET', `${KEYS}?size=2`, { token: accessToken });
    expect(page.json).toEqual({ message: expect.any(String), result: { content: expect.any(Array), page: expect.any(Object) } });
  });

  it('leaves the identity provider\'s OpenID answers as Auth0 sends them (not JMap Cloud\'s REST API)', async () => {
    const discovery = await client.request('GET', restRoutes.openidConfiguration.path());
    expect(discovery.status).toBe(200);
    expect(discovery.json).toHaveProperty('issuer');
    expect(discovery.json).not.toHaveProperty('result');
  });

  it('sends an error body bare: {status, code, message}', async () => {
    const refused = await client.request('GET', `${SS}/users/self`);
    expect(refused.status).toBe(401);
    expect(refused.json).toEqual({ status: 401, code: 'UNAUTHENTICATED', message: expect.any(String) });
  });
});

describe('profile default', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await startTestServer();
  });
  afterAll(() => client.server.close());

  it('advertises every extension in the capabilities document, to anyone', async () => {
    const response = await client.request('GET', CAPABILITIES);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ownedResources: true, deleteWithResourcesFate: true, expiringSoonStatus: true, apiKeyEdit: true, apiKeyListFilters: [...API_KEY_LIST_FILTERS], apiKeyListSorts: ['lastUsedDate'] });
    expect(serverCapabilitiesSchema.parse(response.body)).toEqual(response.body);
    expect((await client.request('GET', `${CAPABILITIES}?x=1`)).status).toBe(400);
  });
});

describe('profile jmapcloud (strict)', () => {
  let client: TestClient;
  let token: string;
  beforeAll(async () => {
    client = await startTestServer({ profile: 'jmapcloud' });
    token = (await client.signIn('admin@demo.local')).accessToken;
  });
  afterAll(() => client.server.close());

  async function keyNamed(title: string): Promise<ApiKey> {
    const page = (await client.request('GET', `${KEYS}?size=1000`, { token })).body;
    const found = page.content.find((key: ApiKey) => key.title === title);
    if (!found) throw new Error(`no demo key ${title}`);
    return found;
  }

  it('has no capabilities document (404, as JMap Cloud), which reads as no extensions', async () => {
    const response = await client.request('GET', CAPABILITIES);
    expect([response.status, response.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    expect(client.server.profile).toBe('jmapcloud');
    expect(serverCapabilitiesSchema.parse({})).toEqual(NO_EXTENSIONS);
  });

  it('has no owned-resources list', async () => {
    const key = await keyNamed('Field survey app');
    const response = await client.request('GET', `${KEYS}/${key.id}/owned-resources`, { token });
    expect([response.status, response.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });

  it('refuses the key list\'s filters by name, and still pages and sorts', async () => {
    const filters = ['search=survey', 'role=ORG_VIEWER', 'status=EXPIRED', 'status=EXPIRING_SOON', 'title=survey', 'id=4f', 'createdBy=alice',
      'expiresFrom=2027-01-01T00:00:00Z', 'expiresBefore=2027-01-01T00:00:00Z', 'createdFrom=2026-01-01T00:00:00Z',
      'createdBefore=2026-01-01T00:00:00Z', 'neverUsed=true', 'unusedSince=2026-01-01T00:00:00Z', 'sort=lastUsedDate,desc'];
    for (const query of filters) {
      const response = await client.request('GET', `${KEYS}?${query}`, { token });
      expect([response.status, response.body.code], query).toEqual([400, 'INVALID_QUERY_PARAMETER']);
      expect(response.body.message).toMatch(/does not filter|no EXPIRING_SOON|does not sort/);
    }
    const page = await client.request('GET', `${KEYS}?page=1&size=5&sort=title,asc`, { token });
    expect(page.status).toBe(200);
    expect(page.body.content).toHaveLength(5);
  });

  it('refuses transferTo and deleteResources on a delete, changing nothing', async () => {
    const key = await keyNamed('Nightly GIS sync');
    for (const query of [`transferTo=${DEMO_USERS.editor1.id}`, 'deleteResources=true']) {
      const response = await client.request('DELETE', `${KEYS}/${key.id}?${query}`, { token });
      expect([response.status, response.body.code], query).toEqual([400, 'INVALID_QUERY_PARAMETER']);
    }
    expect((await client.request('GET', `${KEYS}/${key.id}`, { token })).status).toBe(200);
  });

  it('deletes a key with a plain DELETE, and with it what the key alone owned; shared resources stay with their other owners', async () => {
    const key = await keyNamed('Field survey app');
    const names = async (kind: 'datasources' | 'projects'): Promise<string[]> =>
      (await client.request('GET', `${MCS}/${kind}`, { token })).body.map((resource: { name: string | { en: string } }) =>
        typeof resource.name === 'string' ? resource.name : resource.name.en,
      );
    expect(await names('datasources')).toEqual(expect.arrayContaining(['Parcels 2024', 'Survey points', 'Road network']));
    const response = await client.request('DELETE', `${KEYS}/${key.id}`, { token });
    expect(response.status).toBe(204);
    expect((await client.request('GET', `${KEYS}/${key.id}`, { token })).status).toBe(404);
    const dataSources = await names('datasources');
    expect(dataSources).not.toContain('Parcels 2024');
    expect(dataSources).not.toContain('Survey points');
    expect(dataSources).toContain('Road network');
    const projects = await names('projects');
    expect(projects).not.toContain('Field survey');
    expect(projects).toContain('Public works');
  });

  it('lists data sources and projects without the local server\'s owners field', async () => {
    for (const kind of ['datasources', 'projects']) {
      const [first] = (await client.request('GET', `${MCS}/${kind}`, { token })).body;
      expect(first).toHaveProperty('id');
      expect(first).not.toHaveProperty('owners');
    }
  });

  it('takes no role filter on the members list', async () => {
    const refused = await client.request('GET', `${SS}/organizations/${ORG}/members?role=ORG_EDITOR`, { token });
    expect([refused.status, refused.body.code]).toEqual([400, 'INVALID_QUERY_PARAMETER']);
    expect((await client.request('GET', `${SS}/organizations/${ORG}/members`, { token })).body).toHaveLength(7);
  });
});
