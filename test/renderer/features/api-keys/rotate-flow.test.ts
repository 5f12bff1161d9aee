// "Replace key…" and "Edit…" as flows, driven without rendering anything, against the real
// services and local organization server: the secret through the create wizard's step and
// copy guard, the access copied with progress, a rotation closed midway picked up where it
// stood, both fates of the old key; the edit, and its refusal where the server has none.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@shared/api-types';
import { LOCAL_SERVER_PROFILES, type LocalServerProfile } from '@shared/server-capabilities';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { rotationApi } from '@renderer/features/api-keys/lib/rotation-api';
import { createEditFlow } from '@renderer/features/api-keys/stores/edit-flow';
import { createRotateFlow, type RotateFlow, type RotateFlowState } from '@renderer/features/api-keys/stores/rotate-flow';
import { call } from '@renderer/lib/keydesk-client';
import { DEMO_USERS } from '../../../../src/server/seed/demo-identities';
import { installRealKeydesk, type RealKeydesk } from '../../support/real-keydesk';

let keydesk: RealKeydesk;
afterEach(() => keydesk.cleanup());

async function open(profile: LocalServerProfile): Promise<ApiKey> {
  keydesk = await installRealKeydesk({ server: { profile } });
  await call('openLocalOrganization');
  const page = await apiKeysApi.list({ page: 0, pageSize: 100, sortField: 'id', sortDirection: 'asc' });
  const found = page.content.find((key) => key.title === 'Field survey app');
  if (!found) throw new Error('no demo key Field survey app');
  return found;
}

const DAY_MS = 86_400_000;
const inDays = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();
const state = (flow: RotateFlow): RotateFlowState => flow.store.getState();

function newFlow(apiKey: ApiKey): { flow: RotateFlow; changes: () => number } {
  let changes = 0;
  const flow = createRotateFlow({ apiKey, api: rotationApi, keys: apiKeysApi, onChanged: () => (changes += 1), pollMs: 5 });
  return { flow, changes: () => changes };
}

/** Through the details and the secret (copied), to the old key's choice. */
async function toChoice(flow: RotateFlow): Promise<string> {
  await flow.open();
  expect(state(flow)).toEqual({ step: 'details', submitting: false, error: null });
  await flow.submit({ title: 'Field survey app (2027)', expirationDate: inDays(200) });
  const shown = state(flow);
  if (shown.step !== 'secret') throw new Error(`at ${shown.step}`);
  // The create wizard's guard: "OK" before a copy asks once.
  flow.ok();
  expect(state(flow)).toMatchObject({ step: 'secret', confirmingClose: true });
  await flow.copySecret();
  await expect(keydesk.clipboard.readText()).resolves.toBe(shown.created.secret);
  flow.ok();
  expect(state(flow)).toMatchObject({ step: 'working', stage: 'grant' });
  await expect.poll(() => state(flow).step).toBe('choose');
  expect(state(flow)).toMatchObject({ rotation: { stage: 'granted', access: { toGrant: 6, granted: 6, shortfallCount: 0 } } });
  // Main forgot the secret once the step was left.
  await expect(call('copySecret', { apiKeyId: shown.created.apiKey.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  return shown.created.apiKey.id;
}

describe.each(LOCAL_SERVER_PROFILES)('the rotate flow (profile %s)', (profile) => {
  it('replaces the key: secret once, access copied and checked, both kept until a date', async () => {
    const old = await open(profile);
    const { flow, changes } = newFlow(old);
    const newId = await toChoice(flow);
    await flow.finish({ kind: 'keep-until', until: inDays(30) });
    expect(state(flow)).toMatchObject({ step: 'done', outcome: { kind: 'kept' } });
    expect(changes()).toBe(2);
    const keys = (await apiKeysApi.list({ page: 0, pageSize: 100 })).content.map((key) => key.id);
    expect(keys).toEqual(expect.arrayContaining([old.id, newId]));
    expect(await rotationApi.list()).toMatchObject([{ stage: 'overlap', oldKey: { id: old.id } }]);
  });

  it('picks up a rotation closed midway, and deletes the old key', async () => {
    const old = await open(profile);
    const first = newFlow(old);
    await toChoice(first.flow);
    first.flow.dispose();

    const { flow } = newFlow(old);
    await flow.open();
    expect(state(flow)).toMatchObject({ step: 'choose', rotation: { oldKey: { id: old.id }, stage: 'granted' } });
    await flow.finish({ kind: 'delete-now' });
    expect(state(flow)).toMatchObject({ step: 'done', outcome: { kind: 'deleted' } });
    await expect(apiKeysApi.get(old.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await rotationApi.list()).toEqual([]);
  });
});

describe('a rotation that stops', () => {
  it('says the old key is kept when the new key is gone, and a resume does not delete it either', async () => {
    const old = await open('jmapcloud');
    const { flow } = newFlow(old);
    const newId = await toChoice(flow);
    // Someone deletes the new key (what it co-owns goes to an Editor).
    await call('deleteApiKey', { id: newId, resources: { kind: 'transfer', to: DEMO_USERS.editor1.id } });
    await flow.finish({ kind: 'delete-now' });
    expect(state(flow)).toMatchObject({ step: 'stopped', stage: 'finish', fate: { kind: 'delete-now' }, error: { code: 'CONFLICT', details: { reason: 'replacement-gone' } } });
    expect((await apiKeysApi.get(old.id)).id).toBe(old.id);
    // Resumed, it stops the same way (nothing deleted) rather than deleting the only key.
    await flow.resume();
    expect(state(flow)).toMatchObject({ step: 'stopped', stage: 'finish' });
    expect((await apiKeysApi.get(old.id)).id).toBe(old.id);
  });

  it('says how far the access got when the copy stops, and names the rotation as under way when opened again', async () => {
    const old = await open('default');
    const { flow } = newFlow(old);
    await flow.open();
    await flow.submit({ title: 'Field survey app (2027)', expirationDate: inDays(200) });
    const shown = state(flow);
    if (shown.step !== 'secret') throw new Error(`at ${shown.step}`);
    await call('deleteApiKey', { id: shown.created.apiKey.id, resources: { kind: 'nothing-owned' } });
    flow.closeAnyway();
    await expect.poll(() => state(flow).step).toBe('stopped');
    const stopped = state(flow);
    expect(stopped).toMatchObject({ step: 'stopped', stage: 'grant' });
    if (stopped.step === 'stopped') expect(stopped.error).not.toBeNull();

    const again = newFlow(old).flow;
    await again.open();
    expect(state(again)).toMatchObject({ step: 'stopped', stage: 'grant', error: null, rotation: { stage: 'granting' } });
  });
});

describe('the edit flow', () => {
  it('saves a new title where the server can edit', async () => {
    const key = await open('default');
    const saved: ApiKey[] = [];
    const flow = createEditFlow({ apiKey: key, canEdit: true, api: rotationApi, onSaved: (apiKey) => saved.push(apiKey) });
    await flow.save({ title: 'Field survey app (edited)' });
    expect(flow.store.getState()).toMatchObject({ step: 'saved', apiKey: { id: key.id, title: 'Field survey app (edited)' } });
    expect((await apiKeysApi.get(key.id)).title).toBe('Field survey app (edited)');
    expect(saved).toHaveLength(1);
  });

  it('offers rotation where the server cannot edit, and when the server says so', async () => {
    const key = await open('jmapcloud');
    expect(createEditFlow({ apiKey: key, canEdit: false, api: rotationApi, onSaved: () => undefined }).store.getState()).toEqual({ step: 'unsupported' });
    // Told it could (a stale capability): the services' refusal lands on the same offer.
    const flow = createEditFlow({ apiKey: key, canEdit: true, api: rotationApi, onSaved: () => undefined });
    await flow.save({ title: 'Renamed' });
    expect(flow.store.getState()).toEqual({ step: 'unsupported' });
    expect((await apiKeysApi.get(key.id)).title).toBe('Field survey app');
  });
});
