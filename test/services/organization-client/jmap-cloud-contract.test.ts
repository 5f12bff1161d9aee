// JMap Cloud's public REST facts, each with the answer KeyDesk expects and where it comes
// from. When JMap Cloud changes, this file changes first: one fact, one edit, and the test
// says which of KeyDesk's wire definitions (src/shared, the organization client) must follow.
//
// Sources (public repositories; the lines quoted are from their default branch):
// - SDK   = github.com/k2geospatial/jmapcloud-ng-core-types (K2's JS SDK type definitions)
// - QGIS  = github.com/k2geospatial/jmapcloud-qgis-plugin (K2's open-source QGIS plugin)
// Each answer below is served to the real organization client by a stand-in fetch that
// answers exactly as the source shows; nothing of KeyDesk's own server is involved.
import { describe, expect, it } from 'vitest';
import { createOrganizationClient } from '../../../src/services/organization-client/organization-client';
import { memberSelfSchema, userSelfSchema } from '../../../src/shared/api-types';
import { permissionListSchema } from '../../../src/shared/resource-permissions';
import { unwrapResult } from '../../../src/shared/rest-envelope';
import { restRoutes } from '../../../src/shared/rest-routes';
import { holdsRole, ORGANIZATION_ROLES } from '../../../src/shared/roles';
import { NO_EXTENSIONS } from '../../../src/shared/server-capabilities';
import { serverUrlSchema } from '../../../src/shared/session';
import { pickTranslation, translatedNameSchema } from '../../../src/shared/translated-name';
import { caught } from '../support/caught';

const JMAP_CLOUD = 'https://api.jmapcloud.io';
const ORG = 'b8a0e1d2-1111-4222-8333-944455556666';
const PROJECT = '3c1d2e3f-7777-4888-9999-aaaabbbbcccc';

interface Sent {
  method: string;
  url: URL;
  body: unknown;
}

/** The organization client against a stand-in that answers each path as the source shows. */
function clientAnswering(answers: Record<string, { status?: number; json?: unknown; text?: string }>) {
  const sent: Sent[] = [];
  const client = createOrganizationClient({
    baseUrl: JMAP_CLOUD,
    retryDelaysMs: [],
    fetch: async (input, init) => {
      const url = new URL(String(input));
      sent.push({ method: init?.method ?? 'GET', url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
      const answer = answers[`${init?.method ?? 'GET'} ${url.pathname}`];
      if (!answer) return new Response('{"message":"Not Found"}', { status: 404 });
      const body = answer.status === 204 ? null : (answer.text ?? JSON.stringify(answer.json));
      return new Response(body, { status: answer.status ?? 200, headers: { 'Content-Type': 'application/json' } });
    },
  });
  return { client, sent };
}

describe('fact 1: every successful JSON answer is wrapped as {"message", "result"}', () => {
  // SDK public/core.d.ts (JMap.User.setToken's documentation): the answer of
  // POST https://api.jmapcloud.io/api/ss/rest/v1/authenticate, verbatim but for the elided tokens.
  const SDK_AUTHENTICATE_ANSWER = {
    message: 'The result is the access and refresh tokens',
    result: {
      accessToken: 'eyJhbGciOiJ.6qwoKzNXMML4oGyNP6Vw_fCC58LCb7YQnY431BaTmxMNswr0HKMN0PQ',
      refreshToken: 'v1.MRq.Rehef72YWws',
      accessTokenExpireAt: '2022-12-24T17:31:33.429+00:00',
      accessTokenExpiration: 86400,
    },
  };

  it('reads the SDK\'s own example of POST /authenticate, and sends {username, password}', async () => {
    const { client, sent } = clientAnswering({ 'POST /api/ss/rest/v1/authenticate': { json: SDK_AUTHENTICATE_ANSWER } });
    const tokens = await client.authenticate('jdo@company.com', 'xxx');
    expect(tokens).toEqual({
      accessToken: SDK_AUTHENTICATE_ANSWER.result.accessToken,
      refreshToken: SDK_AUTHENTICATE_ANSWER.result.refreshToken,
      accessTokenExpireAt: '2022-12-24T17:31:33.429+00:00',
    });
    expect(sent[0]?.body).toEqual({ username: 'jdo@company.com', password: 'xxx' });
  });

  it('unwraps `result` as the QGIS plugin does (core/services/request_manager.py: `if "result" in content`), and takes a bare answer too', () => {
    expect(unwrapResult(SDK_AUTHENTICATE_ANSWER)).toBe(SDK_AUTHENTICATE_ANSWER.result);
    expect(unwrapResult([{ id: 'a' }])).toEqual([{ id: 'a' }]);
    expect(unwrapResult({ roles: ['ORG_ADMIN'] })).toEqual({ roles: ['ORG_ADMIN'] });
  });

  it('reads an error answer by its `message` (QGIS auth_manager.py logs out with response.content["message"])', async () => {
    const { client } = clientAnswering({ 'POST /api/ss/rest/v1/refresh-token': { status: 401, json: { message: 'Invalid refresh token' } } });
    const error = await caught(client.refreshToken('v1.used', ORG));
    expect([error.code, error.message]).toEqual(['UNAUTHORIZED', 'Invalid refresh token']);
  });
});

describe('fact 2: GET /users/self gives name, email and organizations (organization info), no roles', () => {
  // QGIS core/services/auth_manager.py get_user_self (reads `name`); SDK public/jmap/user.d.ts
  // JUser {name, email, organizationInfos} and JOrganizationInfo {id, auth0Id, name, logoUrl,
  // primaryColor, backgroundColor, active, createdBy, creationDate, lastModifiedBy, lastModificationDate}.
  const organization = {
    id: ORG,
    auth0Id: 'org_abc',
    name: 'City of Example',
    logoUrl: 'https://example.org/logo.png',
    primaryColor: '#123456',
    backgroundColor: '#ffffff',
    active: true,
    createdBy: 'someone',
    creationDate: '2021-03-04T05:06:07.000+00:00',
    lastModifiedBy: 'someone',
    lastModificationDate: '2022-03-04T05:06:07.000+00:00',
  };

  it('reads it, keeping the id, name and Auth0 id, and ignoring the rest', async () => {
    const { client } = clientAnswering({
      'GET /api/ss/rest/v1/users/self': { json: { message: 'ok', result: { name: 'Jane Doe', email: 'jdo@company.com', organizations: [organization] } } },
    });
    expect(await client.usersSelf('token')).toEqual({ name: 'Jane Doe', email: 'jdo@company.com', organizations: [{ id: ORG, name: 'City of Example', auth0Id: 'org_abc' }] });
    expect(userSelfSchema.safeParse({ organizations: [{ id: ORG }] }).success).toBe(true);
  });
});

describe('fact 3: the roles in an organization come from GET /organizations/{orgId}/members/self → {roles: [...]}', () => {
  // QGIS core/services/auth_manager.py get_member_self: `{API_AUTH_URL}/organizations/{id}/members/self`.
  // SDK public/jmap/user.d.ts: ROLES = SYS_ADMIN, ORG_ADMIN, ORG_EDITOR, ORG_VIEWER, ACCOUNT_MANAGER;
  // MEMBER_ROLES = ORG_ADMIN | ORG_EDITOR | ORG_VIEWER.
  it('is at that path, and its roles are read as the organization\'s three, additively', async () => {
    expect(restRoutes.membersSelf.path({ orgId: ORG })).toBe(`/api/ss/rest/v1/organizations/${ORG}/members/self`);
    const { client } = clientAnswering({
      [`GET /api/ss/rest/v1/organizations/${ORG}/members/self`]: { json: { message: 'ok', result: { roles: ['ORG_ADMIN', 'ACCOUNT_MANAGER'], email: 'jdo@company.com' } } },
    });
    const { roles } = await client.membersSelf('token', ORG);
    expect(roles).toEqual(['ORG_ADMIN']);
    expect(holdsRole(roles, 'ORG_EDITOR')).toBe(true);
    expect(ORGANIZATION_ROLES).toEqual(['ORG_ADMIN', 'ORG_EDITOR', 'ORG_VIEWER']);
    expect(memberSelfSchema.parse({ roles: ['SYS_ADMIN'] })).toEqual({ roles: [] });
  });
});

describe('fact 4: POST /refresh-token {refreshToken, organizationId} scopes the session; a refresh token is single-use', () => {
  // QGIS core/services/auth_manager.py refresh_auth_settings: body {"refreshToken", "organizationId"};
  // SDK public/core.d.ts: "a refresh token can only be used once, it is invalidated afterward".
  it('sends that body, and keeps the new refresh token of every answer', async () => {
    const answer = (refreshToken: string) => ({ json: { message: 'ok', result: { accessToken: 'a', refreshToken, accessTokenExpireAt: '2030-01-01T00:00:00.000+00:00' } } });
    const { client, sent } = clientAnswering({ 'POST /api/ss/rest/v1/refresh-token': answer('v1.second') });
    expect((await client.refreshToken('v1.first', ORG)).refreshToken).toBe('v1.second');
    expect(sent[0]?.body).toEqual({ refreshToken: 'v1.first', organizationId: ORG });
  });
});

describe('fact 5: project names are translated objects', () => {
  // Issue 11: {"EN": "Parcels", "FR": "Parcelles"}. SDK public/jmap/language.d.ts: JLOCALES
  // fr | en | es, JLocaleTranslation {[key]: string}. QGIS
  // core/tasks/load_jmc_datasource_references_task.py: name[locale if locale in name else "en"].
  it('shows the app\'s language, then English, then any; keys in either case', () => {
    const name = translatedNameSchema.parse({ EN: 'Parcels', FR: 'Parcelles' });
    expect(pickTranslation(name, 'fr')).toBe('Parcelles');
    expect(pickTranslation(name, 'es')).toBe('Parcels');
    expect(pickTranslation({ fr: 'Parcelles', en: 'Parcels' }, 'en')).toBe('Parcels');
    expect(pickTranslation({ es: 'Parcelas' }, 'fr')).toBe('Parcelas');
  });

  it('reads a project list as QGIS does (core/services/jmap_services_access.py get_projects_async: a list)', async () => {
    const { client } = clientAnswering({
      [`GET /api/mcs/rest/v1/organizations/${ORG}/projects`]: {
        json: { message: 'ok', result: [{ id: PROJECT, name: { en: 'Parcels', fr: 'Parcelles' }, description: { en: '' }, defaultLanguage: 'en' }] },
      },
    });
    expect(await client.projects('token', ORG)).toEqual([{ id: PROJECT, name: { en: 'Parcels', fr: 'Parcelles' } }]);
  });
});

describe('fact 6: a resource\'s permissions: GET, POST, PUT, DELETE on …/{datasources|projects}/{id}/permissions, and …/permissions/self; OWNER, MODIFY, VIEW', () => {
  // SDK public/jmap/user.d.ts: JUserResourcePermissionsResponse {permissions: ("VIEW" | "MODIFY" |
  // "OWNER")[], principal: string}. QGIS core/services/jmap_services_access.py
  // get_project_permissions: `{API_MCS_URL}/organizations/{org}/projects/{id}/permissions/self`,
  // read in ui/py_files/export_layer_dialog.py as a list: reply.content[0]["permissions"].
  it('has those paths', () => {
    expect(restRoutes.dataSourcePermissions.pattern).toBe('/api/mcs/rest/v1/organizations/:orgId/datasources/:id/permissions');
    expect(restRoutes.projectPermissions.pattern).toBe('/api/mcs/rest/v1/organizations/:orgId/projects/:id/permissions');
    expect(restRoutes.projectPermissionsSelf.path({ orgId: ORG, id: PROJECT })).toBe(`/api/mcs/rest/v1/organizations/${ORG}/projects/${PROJECT}/permissions/self`);
  });

  it('reads entries as {principal, permissions}, /self as a list, and leaves out a permission it does not know', async () => {
    const { client } = clientAnswering({
      [`GET /api/mcs/rest/v1/organizations/${ORG}/projects/${PROJECT}/permissions/self`]: { json: { message: 'ok', result: [{ permissions: ['VIEW', 'MODIFY'], principal: 'auth0|jdo' }] } },
      [`GET /api/mcs/rest/v1/organizations/${ORG}/projects/${PROJECT}/permissions`]: {
        json: { message: 'ok', result: [{ permissions: ['OWNER', 'MODIFY', 'VIEW'], principal: 'auth0|jdo' }, { permissions: ['VIEW', 'SHARE'], principal: 'key-1' }] },
      },
    });
    expect((await client.ownPermissions('token', ORG, 'project', PROJECT))[0]?.permissions).toEqual(['VIEW', 'MODIFY']);
    expect(await client.resourcePermissions('token', ORG, 'project', PROJECT)).toEqual([
      { principal: 'auth0|jdo', permissions: ['OWNER', 'MODIFY', 'VIEW'] },
      { principal: 'key-1', permissions: ['VIEW'] },
    ]);
    expect(permissionListSchema.safeParse([{ principal: 'x' }]).success).toBe(false);
  });
});

describe('fact 7: a key\'s resources go to the chosen Editor, otherwise they are deleted with the key; nothing public lists what a key owns, nor a transferTo', () => {
  // The portal's guide (quoted by issue 11): "if you don't do this, the resources are deleted
  // along with the API key". Neither source documents an owned-resources list or transferTo /
  // deleteResources on the key's DELETE: in KeyDesk those are local-server extensions.
  it('takes a server without a capabilities document for one without extensions', async () => {
    const { client } = clientAnswering({});
    expect(await client.capabilities()).toEqual(NO_EXTENSIONS);
  });

  it('sends the key\'s DELETE plain: no query', async () => {
    const key = '5d6e7f80-aaaa-4bbb-8ccc-ddddeeeeffff';
    const { client, sent } = clientAnswering({ [`DELETE /api/ss/rest/v1/organizations/${ORG}/api-keys/${key}`]: { status: 204 } });
    await client.deleteApiKey('token', ORG, key);
    expect(sent[0]?.url.search).toBe('');
  });
});

describe('the service addresses', () => {
  // QGIS core/constant.py: API_AUTH_URL = {API_URL}/api/ss/rest/v1, API_MCS_URL = {API_URL}/api/mcs/rest/v1;
  // SDK public/core.d.ts: https://api.jmapcloud.io/api/ss/rest/v1/authenticate. QA: https://api.qa.jmapcloud.io.
  it('keeps the security service and the map configuration service where JMap Cloud has them', () => {
    expect(restRoutes.authenticate.path()).toBe('/api/ss/rest/v1/authenticate');
    expect(restRoutes.usersSelf.path()).toBe('/api/ss/rest/v1/users/self');
    expect(restRoutes.projects.path({ orgId: ORG })).toBe(`/api/mcs/rest/v1/organizations/${ORG}/projects`);
    expect(serverUrlSchema.parse('api.qa.jmapcloud.io')).toBe('https://api.qa.jmapcloud.io');
    expect(serverUrlSchema.parse(JMAP_CLOUD)).toBe(JMAP_CLOUD);
  });
});
