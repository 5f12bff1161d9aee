// The guided delete's flow, driven without rendering anything: each event, the steps it
// goes through, and what the real services and server did.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey, Member } from '@shared/api-types';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { createDeleteFlow, fateOf, type DeleteFlow, type DeleteFlowState } from '@renderer/features/api-keys/stores/delete-flow';
import { call } from '@renderer/lib/keydesk-client';
import { DEMO_USERS } from '../../../../src/server/seed/demo-identities';
import { installRealKeydesk, type RealKeydesk } from '../../support/real-keydesk';
import { DEMO_KEYS } from './keys-page-harness';

let keydesk: RealKeydesk;
beforeEach(async () => {
  keydesk = await installRealKeydesk();
  await call('openLocalOrganization');
});
afterEach(() => keydesk.cleanup());

async function keyTitled(title: string): Promise<ApiKey> {
  const key = (await call('listApiKeys', { search: title })).content.find((candidate) => candidate.title === title);
  if (!key) throw new Error(`The demo seed has no key titled ${title}.`);
  return key;
}

/** A flow for the key titled `title`, with every step it goes through and how often the grid was told. */
async function flowFor(title: string): Promise<{ flow: DeleteFlow; apiKey: ApiKey; steps: DeleteFlowState['step'][]; changes: () => number }> {
  const apiKey = await keyTitled(title);
  let changes = 0;
  const flow = createDeleteFlow({ apiKey, api: apiKeysApi, onChanged: () => (changes += 1) });
  const steps: DeleteFlowState['step'][] = [];
  flow.store.subscribe((state) => steps.push(state.step));
  return { flow, apiKey, steps, changes: () => changes };
}

const state = (flow: DeleteFlow): DeleteFlowState => flow.store.getState();

/** Waits until the Editor members have arrived in the 'choose' step. */
async function editorsOf(flow: DeleteFlow): Promise<Member[]> {
  for (let tries = 0; tries < 200; tries += 1) {
    const current = state(flow);
    if (current.step === 'choose' && current.editors.status === 'ready') return current.editors.members;
    if (current.step === 'choose' && current.editors.status === 'failed') throw current.editors.error;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('The Editor members never arrived.');
}

describe('the delete flow', () => {
  it('deletes a key that owns nothing after its one confirmation: confirm, finding, deleting, done', async () => {
    const { flow, apiKey, steps, changes } = await flowFor(DEMO_KEYS.ownsNothing);
    expect(state(flow)).toEqual({ step: 'confirm' });
    await flow.remove(); // Not a step-1 event: nothing happens.
    expect(state(flow).step).toBe('confirm');

    // "OK": owning nothing, there is nothing to choose, so it is deleted at once.
    await flow.findResources();
    const done = state(flow);
    if (done.step !== 'done') throw new Error(`at ${done.step}`);
    expect(done.fate).toEqual({ kind: 'nothing-owned' });
    expect(done.result).toMatchObject({ deletedApiKeyId: apiKey.id, transferredTo: null, aclEntriesRemoved: 1 });
    expect(steps).toEqual(['finding', 'deleting', 'done']);
    expect(changes()).toBe(1);
    await expect(call('getApiKey', { id: apiKey.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('transfers to an Editor member only once one is chosen', async () => {
    const { flow, apiKey } = await flowFor(DEMO_KEYS.ownsSharedAndSole);
    await flow.findResources();
    const editors = await editorsOf(flow);
    expect(editors.map((member) => member.email)).toContain(DEMO_USERS.editor3.email);
    expect(editors.map((member) => member.email)).not.toContain(DEMO_USERS.viewer1.email);

    await flow.remove(); // No choice yet.
    flow.choose({ kind: 'transfer', member: null });
    await flow.remove(); // No member yet.
    expect(state(flow).step).toBe('choose');
    await expect(call('getApiKey', { id: apiKey.id })).resolves.toMatchObject({ id: apiKey.id });

    const editor3 = editors.find((member) => member.email === DEMO_USERS.editor3.email) ?? null;
    flow.choose({ kind: 'transfer', member: editor3 });
    const choose = state(flow);
    expect(choose.step === 'choose' && fateOf(choose, apiKey.title)).toEqual({ kind: 'transfer', to: DEMO_USERS.editor3.id });
    await flow.remove();
    const done = state(flow);
    expect(done.step === 'done' && done.result).toMatchObject({
      transferredTo: { id: DEMO_USERS.editor3.id, email: DEMO_USERS.editor3.email },
      transferred: { dataSources: 3, projects: 2 },
    });
  });

  it('deletes the resources with the key once its title is typed exactly', async () => {
    const { flow, apiKey } = await flowFor(DEMO_KEYS.ownsSoleOnly);
    await flow.findResources();
    flow.choose({ kind: 'delete-resources', typedTitle: 'Nightly GIS' });
    await flow.remove();
    expect(state(flow).step).toBe('choose');

    flow.choose({ kind: 'delete-resources', typedTitle: ` ${apiKey.title} ` });
    await flow.remove();
    const done = state(flow);
    expect(done.step === 'done' && done.result).toMatchObject({ transferredTo: null, deleted: { dataSources: 1, projects: 1, layers: 2 } });
  });

  it('returns to the choice, kept, with the error when the server refuses the deletion', async () => {
    const { flow, apiKey, changes } = await flowFor(DEMO_KEYS.ownsSoleOnly);
    await flow.findResources();
    // A member who is no Editor: the server refuses the transfer and changes nothing.
    const viewer: Member = { id: DEMO_USERS.viewer1.id, name: DEMO_USERS.viewer1.name, email: DEMO_USERS.viewer1.email, roles: ['ORG_VIEWER'] };
    flow.choose({ kind: 'transfer', member: viewer });
    await flow.remove();
    const back = state(flow);
    if (back.step !== 'choose') throw new Error(`at ${back.step}`);
    expect(back.choice).toEqual({ kind: 'transfer', member: viewer });
    expect(back.error).toMatchObject({ code: 'VALIDATION', details: { serverCode: 'INVALID_TRANSFER_TARGET' } });
    expect(changes()).toBe(0);
    await expect(call('getApiKey', { id: apiKey.id })).resolves.toMatchObject({ id: apiKey.id });
  });

  it('ends as gone when someone else deleted the key, and has the grid reloaded', async () => {
    const { flow, apiKey, changes } = await flowFor(DEMO_KEYS.ownsNothing);
    await call('deleteApiKey', { id: apiKey.id, resources: { kind: 'nothing-owned' } });
    await flow.findResources();
    expect(state(flow)).toEqual({ step: 'gone' });
    expect(changes()).toBe(1);
  });

  it('says why the owned resources could not be read, and tries again on "Retry"', async () => {
    const { flow } = await flowFor(DEMO_KEYS.ownsNothing);
    await call('signOut');
    await flow.findResources();
    const failed = state(flow);
    expect(failed.step === 'find-failed' && failed.error.code).toBe('NOT_CONNECTED');

    await call('openLocalOrganization');
    await flow.findResources();
    // Owning nothing, the key is deleted right after the resources are read.
    expect(state(flow).step).toBe('done');
  });
});
