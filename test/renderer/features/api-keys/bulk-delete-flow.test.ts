// "Delete selected…" as a flow, driven without rendering anything, against the real
// services and server: the selection resolved (keys, or all matching a query), the choice
// and its confirmation, the run followed to its end, a stopped plan shown and resumed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey, Member } from '@shared/api-types';
import { bulkDeleteApi } from '@renderer/features/api-keys/lib/bulk-delete-api';
import { bulkFateOf, createBulkDeleteFlow, type BulkDeleteFlow, type BulkDeleteFlowState, type BulkSelection } from '@renderer/features/api-keys/stores/bulk-delete-flow';
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

async function keysTitled(...titles: string[]): Promise<ApiKey[]> {
  const page = await call('listApiKeys', { pageSize: 100 });
  return titles.map((title) => {
    const key = page.content.find((candidate) => candidate.title === title);
    if (!key) throw new Error(`The demo seed has no key titled ${title}.`);
    return key;
  });
}

const state = (flow: BulkDeleteFlow): BulkDeleteFlowState => flow.store.getState();

async function until<T>(read: () => T | null | undefined): Promise<T> {
  for (let tries = 0; tries < 500; tries += 1) {
    const value = read();
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('The flow never got there.');
}

function flowFor(from: BulkSelection): { flow: BulkDeleteFlow; changes: () => number } {
  let changes = 0;
  const flow = createBulkDeleteFlow({ api: bulkDeleteApi, from, onChanged: () => (changes += 1), pollMs: 20 });
  return { flow, changes: () => changes };
}

const editorsOf = (flow: BulkDeleteFlow): Promise<Member[]> =>
  until(() => {
    const current = state(flow);
    return current.step === 'choose' && current.editors.status === 'ready' ? current.editors.members : null;
  });

const finished = (flow: BulkDeleteFlow) =>
  until(() => {
    const current = state(flow);
    return current.step === 'run' && !current.status.running ? current.status : null;
  });

describe('the bulk delete flow', () => {
  it('deletes the selected keys, every owned resource to the chosen Editor, then says it for each key', async () => {
    const keys = await keysTitled(DEMO_KEYS.ownsNothing, DEMO_KEYS.ownsSharedAndSole, DEMO_KEYS.ownsSoleOnly);
    const { flow, changes } = flowFor({ kind: 'keys', keys: keys.map((key) => ({ id: key.id, title: key.title })) });
    const editor = (await editorsOf(flow)).find((member) => member.id === DEMO_USERS.editor2.id) as Member;
    const choose = state(flow);
    if (choose.step !== 'choose') throw new Error(`at ${choose.step}`);
    expect(bulkFateOf(choose)).toBeNull(); // No member chosen yet: "Delete" waits.
    await flow.start();
    expect(state(flow).step).toBe('choose');

    flow.choose({ kind: 'transfer', member: editor });
    await flow.start();
    const status = await finished(flow);
    expect(status.plan.keys.map((key) => [key.title, key.state])).toEqual(keys.map((key) => [key.title, 'deleted']));
    expect(status.plan.transferTo).toEqual({ id: editor.id, name: editor.name });
    expect(changes()).toBe(1);
    const left = (await call('listApiKeys', { pageSize: 100 })).content.map((key) => key.id);
    for (const key of keys) expect(left).not.toContain(key.id);

    await flow.dismiss();
    expect(state(flow).step).toBe('dismissed');
    expect(await call('getBulkDelete')).toBeNull();
  });

  it('resolves "all matching" to every key of the query, and deletes resources only once the number of keys is typed', async () => {
    const expired = (await call('listApiKeys', { status: 'EXPIRED', pageSize: 100 })).content;
    expect(expired.length).toBeGreaterThan(1);
    const { flow } = flowFor({ kind: 'matching', query: { status: 'EXPIRED' }, total: expired.length });
    await editorsOf(flow);
    const choose = state(flow);
    if (choose.step !== 'choose') throw new Error(`at ${choose.step}`);
    expect(choose.keys.map((key) => key.id).sort()).toEqual(expired.map((key) => key.id).sort());

    for (const typedCount of ['', '1', `${expired.length}0`, 'all']) {
      flow.choose({ kind: 'delete-resources', typedCount });
      expect(bulkFateOf(state(flow) as typeof choose)).toBeNull();
    }
    flow.choose({ kind: 'delete-resources', typedCount: ` ${expired.length} ` });
    expect(bulkFateOf(state(flow) as typeof choose)).toEqual({ kind: 'delete-with-key' });
    await flow.start();
    const status = await finished(flow);
    expect(status.counts.deleted).toBe(expired.length);
    expect((await call('listApiKeys', { status: 'EXPIRED', pageSize: 100 })).content).toEqual([]);
  });

  it('shows a plan stopped by a failure as it is, and resumes it to the end', async () => {
    // The network drops on one key's delete: the run stops there, to be resumed.
    let refused: string | null = null;
    await keydesk.cleanup();
    keydesk = await installRealKeydesk({
      fetch: async (input, init) => {
        if (refused !== null && init?.method === 'DELETE' && String(input).includes(refused)) throw new TypeError('fetch failed: connection reset');
        return fetch(input, init);
      },
    });
    await call('openLocalOrganization');
    const keys = await keysTitled(DEMO_KEYS.ownsNothing, DEMO_KEYS.ownsSoleOnly);
    refused = keys[1]?.id ?? null;
    const first = flowFor({ kind: 'keys', keys: keys.map((key) => ({ id: key.id, title: key.title })) });
    await editorsOf(first.flow);
    first.flow.choose({ kind: 'delete-resources', typedCount: '2' });
    await first.flow.start();
    const stopped = await finished(first.flow);
    expect(stopped.plan.stopped).toMatchObject({ code: 'NETWORK' });
    expect(stopped.plan.keys.map((key) => key.state)).toEqual(['deleted', 'failed']);
    first.flow.stop();

    refused = null;
    const status = await call('getBulkDelete');
    if (status === null) throw new Error('The stopped plan was not kept.');
    const shown = createBulkDeleteFlow({ api: bulkDeleteApi, from: status, onChanged: () => undefined, pollMs: 20 });
    expect(state(shown)).toMatchObject({ step: 'run', status: { running: false, plan: { id: stopped.plan.id } } });
    await shown.resume();
    const done = await finished(shown);
    expect(done.plan.keys.map((key) => key.state)).toEqual(['deleted', 'deleted']);
    expect(done.plan.stopped).toBeNull();
  });
});
