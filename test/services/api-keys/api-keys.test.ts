import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILES, startHarness, type Harness } from '../support/harness';
import { caught, flush } from '../support/caught';
import { SECRET_LIFETIME_MS } from '../../../src/services/api-keys/secret-vault';
import { daysFrom } from '../../server/server-test-client';

const isCreate = (method: string, path: string) => method === 'POST' && path.endsWith('/api-keys');

let harness: Harness;
afterEach(() => harness.close());

// Every flow on both profiles of the local server: with its extensions, and as JMap Cloud
// answers (filters evaluated by the services, the guided delete).
describe.each(PROFILES)('API keys (profile %s)', (profile) => {
  beforeEach(async () => {
    harness = await startHarness({ profile });
    await harness.handlers.openLocalOrganization(undefined);
  });

  it('lists with the grid query mapped to the server query', async () => {
    const { handlers } = harness;
    const sorted = await handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'title', sortDirection: 'desc' });
    expect(sorted.page.size).toBe(100);
    const titles = sorted.content.map((key) => key.title.toLowerCase());
    expect(titles).toEqual([...titles].sort().reverse());

    const viewers = await handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'creationDate', sortDirection: 'desc', role: 'ORG_VIEWER' });
    expect(viewers.content.length).toBeGreaterThan(0);
    expect(viewers.content.every((key) => key.role === 'ORG_VIEWER')).toBe(true);

    const expired = await handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'id', sortDirection: 'asc', status: 'EXPIRED' });
    expect(expired.content.every((key) => key.expired)).toBe(true);

    const first = sorted.content[0];
    const searched = await handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'id', sortDirection: 'asc', search: first?.title ?? '' });
    expect(searched.content.map((key) => key.id)).toContain(first?.id);
    expect(await handlers.getApiKey({ id: first?.id ?? '' })).toEqual(first);
  });

  it('creates a key, copies its secret (cleared after the setting delay), and forgets it', async () => {
    const { handlers, clipboard, timers } = harness;
    await handlers.updateSettings({ clipboardClearSeconds: 30 });
    const created = await handlers.createApiKey({ title: '  Nightly export ', role: 'ORG_VIEWER', expirationDate: daysFrom(new Date(), 180), idempotencyKey: crypto.randomUUID() });
    expect(created.apiKey.title).toBe('Nightly export');
    expect(created.secret.length).toBeGreaterThan(20);

    expect(await handlers.copySecret({ apiKeyId: created.apiKey.id })).toEqual({ clearsAfterSeconds: 30 });
    expect(clipboard.writes.at(-1)).toEqual({ text: created.secret, secret: true });
    // The vault's own expiry, then the clipboard's clearing.
    expect(timers.pending()).toEqual([{ ms: SECRET_LIFETIME_MS }, { ms: 30_000 }]);

    await handlers.forgetSecret({ apiKeyId: created.apiKey.id });
    expect((await caught(handlers.copySecret({ apiKeyId: created.apiKey.id }))).code).toBe('NOT_FOUND');

    timers.fireAll();
    await flush();
    expect(clipboard.value).toBe('');

    expect(await handlers.copyText({ text: 'admin@demo.local' })).toEqual({ clearsAfterSeconds: null });
    expect(clipboard.writes.at(-1)).toEqual({ text: 'admin@demo.local', secret: false });
  });

  it('turns a create whose answer was lost into SECRET_LOST, after one retry with the same Idempotency-Key', async () => {
    const idempotencyKey = crypto.randomUUID();
    // The real server receives the request and answers; the answer is lost on the way back.
    harness.afterResponse = (request) => {
      if (isCreate(request.method, request.path)) {
        harness.afterResponse = null;
        throw new TypeError('fetch failed: connection reset');
      }
    };
    const error = await caught(
      harness.handlers.createApiKey({ title: 'Lost in transit', role: 'ORG_EDITOR', expirationDate: daysFrom(new Date(), 180), idempotencyKey }),
    );
    const creates = harness.requests.filter((request) => isCreate(request.method, request.path));
    expect(creates.map((request) => request.status)).toEqual([201, 409]);
    expect(error.code).toBe('SECRET_LOST');
    const apiKeyId = String(error.details?.apiKeyId);
    expect(error.message).toBe(`The key "Lost in transit" was created (id ${apiKeyId}) but its secret was lost in transit. Delete it and create a new one.`);

    const matches = await harness.handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'id', sortDirection: 'asc', search: 'Lost in transit' });
    expect(matches.content.map((key) => key.id)).toEqual([apiKeyId]);
  });

  it('retries a create whose request never arrived, and gets the secret', async () => {
    let dropped = false;
    // Fail before the server sees anything: only the retry reaches it.
    harness.beforeRequest = (method, path) => {
      if (!dropped && isCreate(method, path)) {
        dropped = true;
        throw new TypeError('fetch failed: network is unreachable');
      }
    };
    const created = await harness.handlers.createApiKey({ title: 'Second try', role: 'ORG_EDITOR', expirationDate: daysFrom(new Date(), 180), idempotencyKey: crypto.randomUUID() });
    expect(dropped).toBe(true);
    expect(created.secret.length).toBeGreaterThan(20);
    expect(harness.requests.filter((request) => isCreate(request.method, request.path)).map((request) => request.status)).toEqual([null, 201]);
  });

  it('names what a key owns in the app\'s language, as projects are named per language', async () => {
    const { handlers } = harness;
    const [key] = (await handlers.listApiKeys({ page: 0, pageSize: 10, sortField: 'id', sortDirection: 'asc', search: 'Field survey app' })).content;
    const projectNames = async () => (await handlers.getOwnedResources({ id: key?.id ?? '' })).projects.map((project) => project.name);
    expect(await projectNames()).toEqual(['Field survey', 'Public works']);
    await handlers.updateSettings({ language: 'fr' });
    expect(await projectNames()).toEqual(['Relevé terrain', 'Travaux publics']);
  });

  it('deletes a key owning resources by transferring them to an Editor member', async () => {
    const { handlers } = harness;
    const keys = (await handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'id', sortDirection: 'asc' })).content;
    let owner: { id: string; dataSources: number; projects: number } | undefined;
    for (const key of keys) {
      const owned = await handlers.getOwnedResources({ id: key.id });
      if (owned.dataSources.length + owned.projects.length > 0) {
        owner = { id: key.id, dataSources: owned.dataSources.length, projects: owned.projects.length };
        break;
      }
    }
    expect(owner).toBeDefined();
    const ownerId = owner?.id ?? '';

    const plain = await caught(handlers.deleteApiKey({ id: ownerId, resources: { kind: 'nothing-owned' } }));
    expect(plain.code).toBe('CONFLICT');
    expect(plain.details?.serverCode).toBe('RESOURCES_OWNED');

    const editors = await handlers.listEditorMembers(undefined);
    expect(editors.length).toBeGreaterThan(0);
    expect(editors.every((member) => member.roles.includes('ORG_EDITOR'))).toBe(true);
    expect(editors.map((member) => member.email)).not.toContain('viewer1@demo.local');
    const target = editors.find((member) => member.email === 'editor1@demo.local');

    const result = await handlers.deleteApiKey({ id: ownerId, resources: { kind: 'transfer', to: target?.id ?? '' } });
    expect(result).toMatchObject({ deletedApiKeyId: ownerId, transferredTo: { id: target?.id } });
    expect(result.transferred).toEqual({ dataSources: owner?.dataSources, projects: owner?.projects });
    expect((await caught(handlers.getApiKey({ id: ownerId }))).code).toBe('NOT_FOUND');
  });

  it('deletes a key with the resources it alone owns when asked to', async () => {
    const { handlers } = harness;
    const keys = (await handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'id', sortDirection: 'asc' })).content;
    let owner: { id: string; soleDataSources: number; soleProjects: number } | undefined;
    for (const key of keys) {
      const owned = await handlers.getOwnedResources({ id: key.id });
      const soleDataSources = owned.dataSources.filter((dataSource) => dataSource.soleOwner).length;
      const soleProjects = owned.projects.filter((project) => project.soleOwner).length;
      if (soleDataSources + soleProjects > 0) {
        owner = { id: key.id, soleDataSources, soleProjects };
        break;
      }
    }
    expect(owner).toBeDefined();
    const ownerId = owner?.id ?? '';

    const result = await handlers.deleteApiKey({ id: ownerId, resources: { kind: 'delete-with-key' } });
    expect(result.transferredTo).toBeNull();
    expect(result.deleted).toMatchObject({ dataSources: owner?.soleDataSources, projects: owner?.soleProjects });
    expect((await caught(handlers.getApiKey({ id: ownerId }))).code).toBe('NOT_FOUND');
  });
});
