// Guided rotation in the services, on both profiles (the public permission endpoints are
// the only path, so both must give the same result): the new key, its secret copyable once,
// the old key's access copied and checked, then the old key deleted with nothing lost, or
// both kept until a date. A failure midway says what was done and resumes; the new key is
// never left with less access without the record saying so. Checked in the server.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../src/shared/api-types';
import type { LocalServerProfile } from '../../src/shared/server-capabilities';
import { ROTATIONS_FILE } from '../../src/services/api-keys/rotation/rotation-records';
import { AdminClient, type ResourceKind } from '../e2e/support/rest-client';
import { daysFrom } from '../server/server-test-client';
import { caught } from './support/caught';
import { DEMO_PASSWORD, PROFILES, startHarness, type Harness } from './support/harness';

let harness: Harness;
afterEach(() => harness.close());

async function open(profile: LocalServerProfile) {
  harness = await startHarness({ profile });
  await harness.handlers.openLocalOrganization(undefined);
  const rest = await AdminClient.signIn(harness.server.url, 'admin2@demo.local', DEMO_PASSWORD, harness.server.demo?.organizationId ?? '');
  return { handlers: harness.handlers, rest };
}

async function keyTitled(title: string): Promise<ApiKey> {
  const page = await harness.handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'id', sortDirection: 'asc' });
  const found = page.content.find((key) => key.title === title);
  if (!found) throw new Error(`no demo key ${title}`);
  return found;
}

/** Every entry naming `principal`, as `kind:id → permissions`, read from the server. */
async function accessOf(rest: AdminClient, principal: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const kinds: [ResourceKind, { id: string }[]][] = [
    ['datasources', await rest.dataSources()],
    ['projects', await rest.projects()],
  ];
  for (const [kind, resources] of kinds) {
    for (const resource of resources) {
      const entry = (await rest.permissions(kind, resource.id)).find((candidate) => candidate.principal === principal);
      if (entry) out[`${kind}:${resource.id}`] = [...entry.permissions].sort();
    }
  }
  return out;
}

const start = (apiKeyId: string, title = 'Field survey app (2027)') =>
  harness.handlers.startRotation({ apiKeyId, title, expirationDate: daysFrom(new Date(), 200), idempotencyKey: crypto.randomUUID() });

const isPermissionWrite = (method: string, path: string): boolean => (method === 'POST' || method === 'PUT') && path.endsWith('/permissions');

describe.each(PROFILES)('guided rotation (profile %s)', (profile) => {
  it('makes the new key with the old one\'s role, copies every access entry, checks, then deletes the old key losing nothing', async () => {
    const { handlers, rest } = await open(profile);
    const old = await keyTitled('Field survey app');
    const before = await accessOf(rest, old.id);
    expect(Object.keys(before)).toHaveLength(6);
    const resourcesBefore = [(await rest.dataSources()).length, (await rest.projects()).length];

    const started = await start(old.id);
    expect(started.apiKey).toMatchObject({ title: 'Field survey app (2027)', role: old.role });
    expect(started.rotation).toMatchObject({ stage: 'granting', oldKey: { id: old.id, title: old.title }, replacement: { id: started.apiKey.id }, access: null });
    // The one-time screen's copy guard works on the new key as on a created one.
    await handlers.copySecret({ apiKeyId: started.apiKey.id });
    expect(harness.clipboard.value).toBe(started.secret);

    const granted = await handlers.grantRotationAccess({ rotationId: started.rotation.id });
    expect(granted).toMatchObject({ stage: 'granted', stopped: null, access: { toGrant: 6, granted: 6, shortfallCount: 0, shortfall: [] } });
    expect(await accessOf(rest, started.apiKey.id)).toEqual(before);
    expect(await handlers.listRotations(undefined)).toEqual([granted]);

    expect(await handlers.finishRotation({ rotationId: started.rotation.id, oldKey: { kind: 'delete-now' } })).toBeNull();
    expect(await rest.findKey(old.id)).toBeNull();
    expect([(await rest.dataSources()).length, (await rest.projects()).length]).toEqual(resourcesBefore);
    expect(await accessOf(rest, started.apiKey.id)).toEqual(before);
    expect(await handlers.listRotations(undefined)).toEqual([]);

    const entries = (await handlers.listActivity({ scope: 'organization', limit: 10 })).entries;
    expect(entries.map((entry) => [entry.action, entry.outcome.status])).toEqual([
      ['delete', 'succeeded'],
      ['rotate', 'succeeded'],
      ['create', 'succeeded'],
    ]);
    expect(entries[1]).toMatchObject({ apiKey: { id: old.id }, replacement: { id: started.apiKey.id }, accessToGrant: 6, accessGranted: 6, shortfall: 0 });
    expect(entries[0]).toMatchObject({ apiKey: { id: old.id }, resourcesFate: 'nothing-owned', accessEntriesRemoved: 6, deleted: { dataSources: 0, projects: 0, layers: 0 } });
    const files = JSON.stringify(entries) + (await readFile(join(harness.userDataDir, ROTATIONS_FILE), 'utf8'));
    expect(files).not.toContain(started.secret);
  });

  it('keeps both keys until a date: remembered in the user-data folder, and the date is bounded', async () => {
    const { handlers } = await open(profile);
    const old = await keyTitled('Nightly GIS sync');
    const { rotation } = await start(old.id, 'Nightly GIS sync (new)');
    expect((await caught(handlers.finishRotation({ rotationId: rotation.id, oldKey: { kind: 'delete-now' } }))).details?.reason).toBe('rotation-not-checked');
    await handlers.grantRotationAccess({ rotationId: rotation.id });
    for (const days of [-1, 91]) {
      const until = new Date(Date.now() + days * 86_400_000).toISOString();
      const refused = await caught(handlers.finishRotation({ rotationId: rotation.id, oldKey: { kind: 'keep-until', until } }));
      expect([refused.code, refused.details?.reason]).toEqual(['VALIDATION', 'overlap-date-out-of-range']);
    }
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const kept = await handlers.finishRotation({ rotationId: rotation.id, oldKey: { kind: 'keep-until', until } });
    expect(kept).toMatchObject({ stage: 'overlap', keepUntil: until, remindedAt: null });
    const file = JSON.parse(await readFile(join(harness.userDataDir, ROTATIONS_FILE), 'utf8'));
    expect(file.rotations).toEqual([kept]);
    expect(await harness.handlers.getApiKey({ id: old.id })).toMatchObject({ id: old.id });
  });

  it('stops on a failure midway saying what was done, and resumes to the same result', async () => {
    const { handlers, rest } = await open(profile);
    const old = await keyTitled('Field survey app');
    const before = await accessOf(rest, old.id);
    const { rotation, apiKey } = await start(old.id);
    let writes = 0;
    harness.beforeRequest = (method, path) => {
      if (isPermissionWrite(method, path) && ++writes === 3) throw new TypeError('fetch failed: connection reset');
    };
    const error = await caught(handlers.grantRotationAccess({ rotationId: rotation.id }));
    expect(error.code).toBe('NETWORK');
    harness.beforeRequest = null;
    const [stopped] = await handlers.listRotations(undefined);
    expect(stopped).toMatchObject({ stage: 'granting', stopped: { code: 'NETWORK' }, access: { toGrant: 6 } });
    // What the record says is what the server has: the granted ones hold, the others are listed as short.
    const partly = await accessOf(rest, apiKey.id);
    expect(stopped?.access?.granted).toBe(Object.keys(partly).length);
    expect(stopped?.access?.shortfallCount).toBe(6 - Object.keys(partly).length);
    expect(stopped?.access?.shortfallCount).toBeGreaterThan(0);
    expect(await handlers.getRotationProgress({ rotationId: rotation.id })).toMatchObject({ changed: true, stopped: { code: 'NETWORK' } });
    expect((await handlers.listActivity({ scope: 'organization', limit: 1 })).entries[0]).toMatchObject({
      action: 'rotate',
      outcome: { status: 'partial', errorCode: 'NETWORK' },
      accessGranted: stopped?.access?.granted,
    });

    const resumed = await handlers.grantRotationAccess({ rotationId: rotation.id });
    expect(resumed).toMatchObject({ stage: 'granted', stopped: null, access: { granted: 6, shortfallCount: 0 } });
    expect(await accessOf(rest, apiKey.id)).toEqual(before);
  });

  it('checks again before deleting the old key: access taken from the new key meanwhile is given back first', async () => {
    const { handlers, rest } = await open(profile);
    const old = await keyTitled('Field survey app');
    const before = await accessOf(rest, old.id);
    const { rotation, apiKey } = await start(old.id);
    await handlers.grantRotationAccess({ rotationId: rotation.id });
    const [someResource] = Object.keys(before);
    const [kind, id] = (someResource ?? '').split(':') as [ResourceKind, string];
    await rest.removePermissions(kind, id, [apiKey.id]);
    await handlers.finishRotation({ rotationId: rotation.id, oldKey: { kind: 'delete-now' } });
    expect(await accessOf(rest, apiKey.id)).toEqual(before);
    expect(await rest.findKey(old.id)).toBeNull();
  });

  it('keeps the old key, with all its access, when the new key was deleted meanwhile', async () => {
    const { handlers, rest } = await open(profile);
    const old = await keyTitled('Field survey app');
    const before = await accessOf(rest, old.id);
    const { rotation, apiKey } = await start(old.id);
    await handlers.grantRotationAccess({ rotationId: rotation.id });
    await rest.deleteKey(apiKey.id, profile === 'default' ? { deleteResources: true } : {});
    const refused = await caught(handlers.finishRotation({ rotationId: rotation.id, oldKey: { kind: 'delete-now' } }));
    expect([refused.code, refused.details?.reason]).toEqual(['CONFLICT', 'replacement-gone']);
    expect(await accessOf(rest, old.id)).toEqual(before);
    expect((await handlers.listRotations(undefined))[0]).toMatchObject({ stage: 'retiring', stopped: { code: 'CONFLICT' } });
    await handlers.dismissRotation({ rotationId: rotation.id });
    expect(await handlers.listRotations(undefined)).toEqual([]);
  });
});
