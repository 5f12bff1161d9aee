import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type RunningLocalServer } from '../../../src/server/start-server';
import { createOrganizationClient, type OrganizationClient } from '../../../src/services/organization-client/organization-client';
import { createCapturingLogger, DEMO_PASSWORD } from '../support/harness';
import { caught } from '../support/caught';
import { NO_EXTENSIONS } from '../../../src/shared/server-capabilities';
import { daysFrom } from '../../server/server-test-client';

const ADMIN = 'admin@demo.local';

describe('the organization client against the local organization server', () => {
  let server: RunningLocalServer;
  let client: OrganizationClient;
  let organizationId: string;
  let accessToken: string;

  beforeAll(async () => {
    server = await startLocalServer({ port: 0, seed: 'demo', adminPassword: DEMO_PASSWORD });
    organizationId = server.demo?.organizationId ?? '';
    client = createOrganizationClient({ baseUrl: `${server.url}/`, fetch });
    const first = await client.authenticate(ADMIN, DEMO_PASSWORD);
    accessToken = (await client.refreshToken(first.refreshToken, organizationId)).accessToken;
  });
  afterAll(() => server.close());

  it('signs in, reads the user and lists keys with the server query', async () => {
    const self = await client.usersSelf(accessToken);
    expect(self.email).toBe(ADMIN);
    expect(self.organizations.map((organization) => organization.id)).toContain(organizationId);

    const page = await client.listApiKeys(accessToken, organizationId, { page: 0, size: 5, sort: { field: 'title', direction: 'asc' } });
    expect(page.content).toHaveLength(5);
    const titles = page.content.map((key) => key.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

    const expired = await client.listApiKeys(accessToken, organizationId, { page: 0, size: 100, sort: { field: 'creationDate', direction: 'desc' }, status: 'EXPIRED' });
    expect(expired.content.length).toBeGreaterThan(0);
    expect(expired.content.every((key) => key.expired)).toBe(true);
  });

  it('maps a refused password to UNAUTHORIZED with the server message and code, and no password', async () => {
    const error = await caught(client.authenticate(ADMIN, 'wrong-Passw0rd-sentinel'));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.details?.serverCode).toBe('INVALID_CREDENTIALS');
    expect(error.details?.httpStatus).toBe(401);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('wrong-Passw0rd-sentinel');
  });

  it('maps 404, 400 and 403 to NOT_FOUND, VALIDATION and FORBIDDEN', async () => {
    expect((await caught(client.getApiKey(accessToken, organizationId, '00000000-0000-4000-8000-000000000000'))).code).toBe('NOT_FOUND');

    const admin = await caught(
      client.createApiKey(accessToken, organizationId, { title: 'x', role: 'ORG_ADMIN' as never, expirationDate: daysFrom(new Date(), 180) }, crypto.randomUUID()),
    );
    expect(admin.code).toBe('VALIDATION');
    expect(admin.message.length).toBeGreaterThan(0);

    const editor = await client.authenticate('editor2@demo.local', DEMO_PASSWORD);
    const editorAccess = (await client.refreshToken(editor.refreshToken, organizationId)).accessToken;
    expect((await caught(client.listApiKeys(editorAccess, organizationId, { page: 0, size: 1, sort: { field: 'id', direction: 'asc' } }))).code).toBe('FORBIDDEN');
  });

  it('maps too many failed sign-ins to RATE_LIMITED, with the wait in its details', async () => {
    // A stopped clock: the server's backoff (1 s after 5 failures) cannot pass mid-test.
    const stopped = new Date();
    const limited = await startLocalServer({ port: 0, seed: 'demo', adminPassword: DEMO_PASSWORD, now: () => stopped });
    try {
      const local = createOrganizationClient({ baseUrl: limited.url, fetch });
      for (let attempt = 0; attempt < 5; attempt++) await caught(local.authenticate('viewer2@demo.local', 'not-the-password'));
      const error = await caught(local.authenticate('viewer2@demo.local', DEMO_PASSWORD));
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.details).toMatchObject({ httpStatus: 429, serverCode: 'TOO_MANY_SIGN_IN_ATTEMPTS', retryAfterSeconds: 1 });
    } finally {
      await limited.close();
    }
  });

  it('maps a failure inside the server to SERVER', async () => {
    const failing = await startLocalServer({
      port: 0,
      seed: 'demo',
      adminPassword: DEMO_PASSWORD,
      logError: () => undefined,
      hooks: {
        onDeleteStep: () => {
          throw new Error('disk unplugged');
        },
      },
    });
    try {
      const local = createOrganizationClient({ baseUrl: failing.url, fetch });
      const organization = failing.demo?.organizationId ?? '';
      const first = await local.authenticate(ADMIN, DEMO_PASSWORD);
      const access = (await local.refreshToken(first.refreshToken, organization)).accessToken;
      const created = await local.createApiKey(access, organization, { title: 'doomed', role: 'ORG_VIEWER', expirationDate: daysFrom(new Date(), 180) }, crypto.randomUUID());
      const error = await caught(local.deleteApiKeyWithResources(access, organization, created.apiKey.id, { kind: 'nothing-owned' }));
      expect(error.code).toBe('SERVER');
      expect(error.details?.httpStatus).toBe(500);
      expect(JSON.stringify(error.toData())).not.toContain(created.secret);
    } finally {
      await failing.close();
    }
  });

  it('says plainly that the server could not be reached, retrying GETs twice and POSTs never', async () => {
    const closed = await startLocalServer({ port: 0, seed: 'none' });
    const url = closed.url;
    await closed.close();
    const calls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      calls.push(init?.method ?? 'GET');
      return fetch(input, init);
    };
    const offline = createOrganizationClient({ baseUrl: url, fetch: counting, retryDelaysMs: [1, 1] });

    const read = await caught(offline.usersSelf('token-sentinel'));
    expect(read.code).toBe('NETWORK');
    expect(read.message).toBe(`The server could not be reached at ${url}. Check the address and your network connection.`);
    expect(calls).toEqual(['GET', 'GET', 'GET']);

    calls.length = 0;
    const write = await caught(offline.authenticate(ADMIN, 'password-sentinel'));
    expect(write.code).toBe('NETWORK');
    expect(calls).toEqual(['POST']);
    expect(JSON.stringify([read.message, read.details, write.message, write.details])).not.toMatch(/sentinel/);
  });

  it('retries a GET after a network error and gets the real answer', async () => {
    let failures = 1;
    const flaky: typeof fetch = (input, init) => (failures-- > 0 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
    const self = await createOrganizationClient({ baseUrl: server.url, fetch: flaky, retryDelaysMs: [1, 1] }).usersSelf(accessToken);
    expect(self.email).toBe(ADMIN);
  });

  it('gives up after its timeout with a NETWORK error', async () => {
    // A server that never answers: the fetch waits until the client's own signal aborts it.
    const silent: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const slow = createOrganizationClient({ baseUrl: server.url, fetch: silent, timeoutMs: 20, retryDelaysMs: [] });
    const error = await caught(slow.usersSelf(accessToken));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toContain(`The server at ${server.url} did not answer`);
  });

  it('refuses an answer that is not the expected shape as SERVER', async () => {
    const html: typeof fetch = async () => new Response('<html>proxy login</html>', { status: 200 });
    const error = await caught(createOrganizationClient({ baseUrl: server.url, fetch: html }).usersSelf(accessToken));
    expect(error.code).toBe('SERVER');
  });
});

/** The real server's answers, rewritten on their way back (what another server would send). */
function rewriting(rewrite: (path: string, json: unknown) => unknown): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const text = await response.text();
    if (!response.ok || text === '') return new Response(text === '' ? null : text, { status: response.status, headers: response.headers });
    const path = new URL(String(input)).pathname;
    return new Response(JSON.stringify(rewrite(path, JSON.parse(text))), { status: response.status, headers: { 'Content-Type': 'application/json' } });
  };
}

describe('what the client reads of an answer', () => {
  let server: RunningLocalServer;
  let organizationId: string;
  beforeAll(async () => {
    server = await startLocalServer({ port: 0, seed: 'demo', adminPassword: DEMO_PASSWORD });
    organizationId = server.demo?.organizationId ?? '';
  });
  afterAll(() => server.close());

  it('takes bare answers as well as wrapped ones, from sign-in to a page of keys', async () => {
    const bare = createOrganizationClient({ baseUrl: server.url, fetch: rewriting((_path, json) => (json as { result: unknown }).result) });
    const first = await bare.authenticate(ADMIN, DEMO_PASSWORD);
    const scoped = await bare.refreshToken(first.refreshToken, organizationId);
    expect((await bare.usersSelf(scoped.accessToken)).email).toBe(ADMIN);
    expect((await bare.membersSelf(scoped.accessToken, organizationId)).roles).toContain('ORG_ADMIN');
    expect((await bare.listApiKeys(scoped.accessToken, organizationId, { page: 0, size: 3, sort: { field: 'title', direction: 'asc' } })).content).toHaveLength(3);
  });

  it('ignores fields it does not know and roles that are not an organization\'s, and does without an optional field', async () => {
    const log = createCapturingLogger();
    const client = createOrganizationClient({
      baseUrl: server.url,
      log,
      fetch: rewriting((path, json) => {
        const { result } = json as { result: Record<string, unknown> };
        if (path.endsWith('/users/self')) {
          // JMap Cloud's organization info (JOrganizationInfo), no id for the user, no organization name.
          const organizations = (result.organizations as { id: string }[]).map(({ id }) => ({ id, auth0Id: 'org_x', logoUrl: '', active: true }));
          return { message: 'ok', result: { name: result.name, email: result.email, organizations, pictureUrl: 'x' } };
        }
        if (path.endsWith('/members/self')) return { message: 'ok', result: { ...result, roles: ['SYS_ADMIN', 'ORG_ADMIN', 'ACCOUNT_MANAGER'], extra: 1 } };
        return json;
      }),
    });
    const first = await client.authenticate(ADMIN, DEMO_PASSWORD);
    const self = await client.usersSelf(first.accessToken);
    expect(self.id).toBeUndefined();
    expect(self.organizations).toContainEqual({ id: organizationId, name: organizationId, auth0Id: 'org_x' });
    expect(await client.membersSelf(first.accessToken, organizationId)).toEqual({ roles: ['ORG_ADMIN'] });
  });

  it('says which endpoint and which field it could not read, never a value', async () => {
    const log = createCapturingLogger();
    const client = createOrganizationClient({
      baseUrl: server.url,
      log,
      fetch: rewriting((path, json) => {
        const { result } = json as { result: Record<string, unknown> };
        return path.endsWith('/authenticate') ? { message: 'ok', result: { ...result, accessTokenExpireAt: `sentinel-${String(result.refreshToken)}` } } : json;
      }),
    });
    const error = await caught(client.authenticate(ADMIN, DEMO_PASSWORD));
    expect(error.code).toBe('SERVER');
    expect(log.lines.map((line) => JSON.parse(line))).toContainEqual({
      level: 'error',
      message: 'The server answered in an unexpected shape',
      fields: { method: 'POST', path: '/api/ss/rest/v1/authenticate', fields: 'accessTokenExpireAt' },
    });
    expect(log.lines.join('\n')).not.toMatch(/sentinel|jmr_/);
    expect(JSON.stringify(error.toData())).not.toMatch(/sentinel|jmr_/);
  });

  it('reads the capabilities document, and takes its absence, a refusal or a stray page for "no extensions"', async () => {
    const client = createOrganizationClient({ baseUrl: server.url, fetch });
    expect(await client.capabilities()).toMatchObject({ ownedResources: true, deleteWithResourcesFate: true, expiringSoonStatus: true });
    const strict = await startLocalServer({ port: 0, seed: 'none', profile: 'jmapcloud' });
    try {
      expect(await createOrganizationClient({ baseUrl: strict.url, fetch }).capabilities()).toEqual(NO_EXTENSIONS);
    } finally {
      await strict.close();
    }
    for (const answer of [new Response('<html>portal</html>', { status: 200 }), new Response('{"message":"Forbidden"}', { status: 403 })]) {
      expect(await createOrganizationClient({ baseUrl: server.url, fetch: async () => answer }).capabilities()).toEqual(NO_EXTENSIONS);
    }
    const partial = createOrganizationClient({ baseUrl: server.url, fetch: async () => Response.json({ message: 'm', result: { ownedResources: true, future: 'x' } }) });
    expect(await partial.capabilities()).toEqual({ ...NO_EXTENSIONS, ownedResources: true });
  });

  it('reads every page of a paged list, and refuses a list with a row it cannot identify', async () => {
    const pages: string[] = [];
    const paged = createOrganizationClient({
      baseUrl: server.url,
      fetch: async (input) => {
        const page = new URL(String(input)).searchParams.get('page') ?? '0';
        pages.push(page);
        return Response.json({ message: 'm', result: { content: [{ id: `p${page}`, name: { en: `Map ${page}` } }], page: { totalPages: 3 } } });
      },
    });
    expect(await paged.projects('token', organizationId)).toEqual([0, 1, 2].map((page) => ({ id: `p${page}`, name: { en: `Map ${page}` } })));
    expect(pages).toEqual(['0', '1', '2']);
    const log = createCapturingLogger();
    const broken = createOrganizationClient({ baseUrl: server.url, log, fetch: async () => Response.json([{ id: 'a', name: 'A' }, { name: 'no id' }]) });
    expect((await caught(broken.dataSources('token', organizationId))).code).toBe('SERVER');
  });

  it('reads and changes a resource\'s permission entries in JMap Cloud\'s shape', async () => {
    const client = createOrganizationClient({ baseUrl: server.url, fetch });
    const first = await client.authenticate(ADMIN, DEMO_PASSWORD);
    const token = (await client.refreshToken(first.refreshToken, organizationId)).accessToken;
    const [project] = await client.projects(token, organizationId);
    const id = project?.id ?? '';
    const before = await client.resourcePermissions(token, organizationId, 'project', id);
    const viewer = 'f378f0d5-5b42-4a68-9b7f-f624eeff538f';
    await client.addPermissions(token, organizationId, 'project', id, [{ principal: viewer, permissions: ['VIEW'] }]);
    await client.updatePermissions(token, organizationId, 'project', id, [{ principal: viewer, permissions: ['MODIFY', 'VIEW'] }]);
    expect(await client.resourcePermissions(token, organizationId, 'project', id)).toEqual([...before, { principal: viewer, permissions: ['MODIFY', 'VIEW'] }]);
    await client.removePermissions(token, organizationId, 'project', id, [viewer]);
    expect(await client.resourcePermissions(token, organizationId, 'project', id)).toEqual(before);
    expect(await client.ownPermissions(token, organizationId, 'project', id)).toEqual(before.filter((entry) => entry.principal === '0712ff06-2c1a-40c7-a43f-ddf087efe274'));
  });

  it('reads an error that carries only a message, as JMap Cloud\'s do', async () => {
    const client = createOrganizationClient({ baseUrl: server.url, fetch: async () => Response.json({ message: 'Invalid organization' }, { status: 403 }) });
    const error = await caught(client.usersSelf('token'));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('Invalid organization');
    expect(error.details).toEqual({ serverUrl: server.url, httpStatus: 403 });
  });
});

describe('the key list with a row the client cannot read', () => {
  // Issue 9: a key stored with a date beyond year 9999 ("+010000-…", what the server made of
  // "9999-12-31T23:59:59-14:00" before expirations were bounded) broke every listApiKeys.
  it('leaves that row out, counts it, and logs the endpoint and field, never a value', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'keydesk-bad-row-'));
    const dbPath = join(folder, 'organization.db');
    const server = await startLocalServer({ port: 0, seed: 'demo', adminPassword: DEMO_PASSWORD, dbPath });
    try {
      const organizationId = server.demo?.organizationId ?? '';
      const log = createCapturingLogger();
      const client = createOrganizationClient({ baseUrl: server.url, fetch, log });
      const first = await client.authenticate(ADMIN, DEMO_PASSWORD);
      const accessToken = (await client.refreshToken(first.refreshToken, organizationId)).accessToken;
      const query = { page: 0, size: 100, sort: { field: 'title', direction: 'asc' } } as const;
      const before = await client.listApiKeys(accessToken, organizationId, query);
      const created = await client.createApiKey(accessToken, organizationId, { title: 'Far future', role: 'ORG_VIEWER', expirationDate: daysFrom(new Date(), 30) }, crypto.randomUUID());
      const damage = new DatabaseSync(dbPath);
      damage.prepare('UPDATE api_keys SET expiration_date = ? WHERE id = ?').run('+010000-01-01T13:59:59.000Z', created.apiKey.id);
      damage.close();

      const after = await client.listApiKeys(accessToken, organizationId, query);
      expect(after.content.map((key) => key.id)).toEqual(before.content.map((key) => key.id));
      expect(after.unreadableRows).toBe(1);
      expect(after.page.totalElements).toBe(before.page.totalElements + 1);
      const warnings = log.lines.map((line) => JSON.parse(line)).filter((line) => line.level === 'warn');
      expect(warnings).toEqual([
        {
          level: 'warn',
          message: 'A row of the answer was not understood and is left out',
          fields: { method: 'GET', path: `/api/ss/rest/v1/organizations/${organizationId}/api-keys`, row: expect.any(Number), fields: 'expirationDate', id: created.apiKey.id },
        },
      ]);
      expect(log.lines.join('\n')).not.toMatch(/010000|jmk_/);
      // The key can still be deleted from KeyDesk.
      await client.deleteApiKeyWithResources(accessToken, organizationId, created.apiKey.id, { kind: 'nothing-owned' });
      expect((await client.listApiKeys(accessToken, organizationId, query)).unreadableRows).toBe(0);
    } finally {
      await server.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('the members list with a row the client cannot read', () => {
  // As for the key list (issue 9): one member the client cannot read (a user without a name,
  // say) must not take every other member, and so every transfer target, with it.
  it('leaves that member out, and logs the endpoint, the field and the id, never a value', async () => {
    const server = await startLocalServer({ port: 0, seed: 'demo', adminPassword: DEMO_PASSWORD });
    try {
      const organizationId = server.demo?.organizationId ?? '';
      const log = createCapturingLogger();
      let spoiled = '';
      const client = createOrganizationClient({
        baseUrl: server.url,
        log,
        fetch: rewriting((path, json) => {
          if (!path.endsWith('/members')) return json;
          const { result } = json as { result: Record<string, unknown>[] };
          const [first, ...others] = result;
          spoiled = String(first?.id);
          return { ...(json as object), result: [{ ...first, name: null, email: 'leaked-value@example.com' }, ...others] };
        }),
      });
      const signedIn = await client.authenticate(ADMIN, DEMO_PASSWORD);
      const accessToken = (await client.refreshToken(signedIn.refreshToken, organizationId)).accessToken;
      const everyone = await createOrganizationClient({ baseUrl: server.url, fetch }).members(accessToken, organizationId);

      const members = await client.members(accessToken, organizationId);
      expect(members.map((member) => member.id)).toEqual(everyone.map((member) => member.id).filter((id) => id !== spoiled));
      expect(members.length).toBeGreaterThan(1);
      const warnings = log.lines.map((line) => JSON.parse(line)).filter((line) => line.level === 'warn');
      expect(warnings).toEqual([
        {
          level: 'warn',
          message: 'A row of the answer was not understood and is left out',
          fields: { method: 'GET', path: `/api/ss/rest/v1/organizations/${organizationId}/members`, row: 0, fields: 'name', id: spoiled },
        },
      ]);
      expect(log.lines.join('\n')).not.toContain('leaked-value');
    } finally {
      await server.close();
    }
  });
});
