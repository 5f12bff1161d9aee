// The demo seed has what the issue asks of it, checked through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyPageSchema, ownedResourcesAnswerSchema, type ApiKey } from '../../src/shared/api-types';
import { DEMO_TRAINING_ORGANIZATION, DEMO_USERS } from '../../src/server/seed/demo-identities';
import { KEYS, manualClock, MCS, SS, ORG, startTestServer, type TestClient } from './server-test-client';

const clock = manualClock();
let client: TestClient;
let token: string;
let keys: ApiKey[];

beforeAll(async () => {
  client = await startTestServer({ now: clock.now });
  token = (await client.signIn('admin@demo.local')).accessToken;
  keys = apiKeyPageSchema.parse((await client.request('GET', `${KEYS}?size=1000`, { token })).body).content;
});
afterAll(() => client.server.close());

describe('the demo seed', () => {
  it('reports the demo admin and organization', () => {
    expect(client.server.demo).toEqual({ adminEmail: 'admin@demo.local', adminPassword: 'demo-password-for-tests', organizationId: ORG });
  });

  it('has two administrators, three editors and two viewers, all signing in with the demo password', async () => {
    const members = (await client.request('GET', `${SS}/organizations/${ORG}/members`, { token })).body as { email: string; roles: string[] }[];
    const count = (role: string) => members.filter((member) => member.roles[0] === role).length;
    expect([count('ORG_ADMIN'), count('ORG_EDITOR'), count('ORG_VIEWER')]).toEqual([2, 3, 2]);
    for (const user of Object.values(DEMO_USERS)) await expect(client.signIn(user.email)).resolves.toBeDefined();
  });

  it('has at least 25 keys of both roles, by both administrators, some expired, some expiring within 14 days, some used', () => {
    expect(keys.length).toBeGreaterThanOrEqual(25);
    expect(new Set(keys.map((key) => key.role))).toEqual(new Set(['ORG_EDITOR', 'ORG_VIEWER']));
    expect(new Set(keys.map((key) => key.createdBy.email))).toEqual(new Set(['admin@demo.local', 'admin2@demo.local']));
    const in14Days = new Date(clock.now().getTime() + 14 * 86_400_000).toISOString();
    expect(keys.filter((key) => key.expired).length).toBeGreaterThanOrEqual(3);
    expect(keys.filter((key) => !key.expired && key.expirationDate <= in14Days).length).toBeGreaterThanOrEqual(3);
    expect(keys.filter((key) => key.lastUsedDate !== null).length).toBeGreaterThanOrEqual(5);
    expect(keys.every((key) => key.creationDate < key.expirationDate)).toBe(true);
  });

  it('has resources owned by keys alone and together with a user, and permission entries that name keys', async () => {
    const owned = await Promise.all(
      keys.map(async (key) => ownedResourcesAnswerSchema.parse((await client.request('GET', `${KEYS}/${key.id}/owned-resources`, { token })).body)),
    );
    const resources = owned.flatMap((o) => [...o.dataSources, ...o.projects]);
    expect(resources.some((resource) => resource.soleOwner)).toBe(true);
    expect(resources.some((resource) => !resource.soleOwner && resource.owners.some((owner) => owner.type === 'USER'))).toBe(true);
    expect(owned.some((o) => o.projects.some((project) => project.layers.length > 0))).toBe(true);
    // Entries that name a key without making it an owner.
    expect(owned.some((o) => o.aclEntryCount > o.dataSources.length + o.projects.length)).toBe(true);
    const projects = (await client.request('GET', `${MCS}/projects`, { token })).body as { id: string }[];
    const acls = await Promise.all(projects.map(async (p) => (await client.request('GET', `${MCS}/projects/${p.id}/permissions`, { token })).body));
    const keyIds = new Set(keys.map((key) => key.id));
    expect(acls.flat().some((entry: { principal: string; permissions: string[] }) => keyIds.has(entry.principal) && !entry.permissions.includes('OWNER'))).toBe(true);
  });

  it('names its projects in English and French, as JMap Cloud names projects', async () => {
    const projects = (await client.request('GET', `${MCS}/projects`, { token })).body as { name: Record<string, string> }[];
    expect(projects.length).toBeGreaterThanOrEqual(5);
    for (const project of projects) expect(Object.keys(project.name).sort()).toEqual(['en', 'fr']);
    expect(projects.map((project) => project.name)).toContainEqual({ en: 'Field survey', fr: 'Relevé terrain' });
  });

  it('gives the demo admin a second organization with its own keys', async () => {
    const training = await client.signIn('admin@demo.local', undefined, DEMO_TRAINING_ORGANIZATION.id);
    const page = (await client.request('GET', `${SS}/organizations/${DEMO_TRAINING_ORGANIZATION.id}/api-keys`, { token: training.accessToken })).body;
    expect(page.page.totalElements).toBe(3);
  });
});
