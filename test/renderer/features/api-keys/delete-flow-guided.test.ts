// The delete flow on a server without KeyDesk's extensions (the local server's strict
// profile, as JMap Cloud): progress while it runs, Cancel before anything changed, and a
// failure midway that stops with what was done, then "Resume". Real services and server.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiKey, Member } from '@shared/api-types';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import { canCancel, createDeleteFlow, type DeleteFlow, type DeleteFlowState } from '@renderer/features/api-keys/stores/delete-flow';
import { call } from '@renderer/lib/keydesk-client';
import { DEMO_USERS } from '../../../../src/server/seed/demo-identities';
import { installRealKeydesk, type RealKeydesk } from '../../support/real-keydesk';
import { DEMO_KEYS } from './keys-page-harness';

let keydesk: RealKeydesk;
afterEach(() => keydesk.cleanup());

/** What the fetch of the services does to each permission request, set by a test. */
let onPermissions: ((method: string) => Promise<void>) | null = null;
const meddling: typeof fetch = async (input, init) => {
  if (String(input).includes('/permissions')) await onPermissions?.(init?.method ?? 'GET');
  return fetch(input, init);
};

async function open(): Promise<void> {
  onPermissions = null;
  keydesk = await installRealKeydesk({ server: { profile: 'jmapcloud' }, fetch: meddling });
  await call('openLocalOrganization');
}

/** A demo key by title, read without the server's search (this profile has none). */
async function keyTitled(title: string): Promise<ApiKey> {
  const key = (await call('listApiKeys', { pageSize: 100 })).content.find((candidate) => candidate.title === title);
  if (!key) throw new Error(`The demo seed has no key titled ${title}.`);
  return key;
}

const state = (flow: DeleteFlow): DeleteFlowState => flow.store.getState();

async function until(flow: DeleteFlow, test: (current: DeleteFlowState) => boolean): Promise<DeleteFlowState> {
  for (let tries = 0; tries < 500; tries += 1) {
    if (test(state(flow))) return state(flow);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never reached; at ${state(flow).step}`);
}

describe('the delete flow without the server\'s extensions', () => {
  it('shows the search\'s progress, chooses the transfer at once, and lists the Editor members', async () => {
    await open();
    const apiKey = await keyTitled(DEMO_KEYS.ownsSharedAndSole);
    onPermissions = () => new Promise((resolve) => setTimeout(resolve, 20));
    const flow = createDeleteFlow({ apiKey, api: apiKeysApi, onChanged: () => undefined, pollMs: 5 });
    const finding = flow.findResources();
    const reported = await until(flow, (current) => current.step === 'finding' && current.progress !== null);
    expect(reported.step === 'finding' && reported.progress).toMatchObject({ phase: 'finding', changed: false, total: expect.any(Number) });
    expect(canCancel(reported)).toBe(true);
    await finding;
    const choose = await until(flow, (current) => current.step === 'choose' && current.editors.status === 'ready');
    if (choose.step !== 'choose') throw new Error('not choosing');
    expect(choose.choice).toEqual({ kind: 'transfer', member: null });
    expect(choose.resources.dataSources).toHaveLength(3);
    expect(choose.resources.projects.every((project) => project.layers === null)).toBe(true);
  });

  it('is cancelled while it looks for what the key owns, back at step 1 with nothing changed', async () => {
    await open();
    const apiKey = await keyTitled(DEMO_KEYS.ownsSharedAndSole);
    onPermissions = () => new Promise((resolve) => setTimeout(resolve, 40));
    const flow = createDeleteFlow({ apiKey, api: apiKeysApi, onChanged: () => undefined, pollMs: 5 });
    const finding = flow.findResources();
    await until(flow, canCancel);
    await flow.cancel();
    await finding;
    expect(state(flow)).toEqual({ step: 'confirm', cancelled: true });
    expect(await call('getDeleteProgress', { apiKeyId: apiKey.id })).toBeNull();
    expect(await call('getApiKey', { id: apiKey.id })).toMatchObject({ id: apiKey.id });
  });

  it('stops on a failure midway with what was done, then resumes and finishes', async () => {
    await open();
    const apiKey = await keyTitled(DEMO_KEYS.ownsSharedAndSole);
    let changes = 0;
    const flow = createDeleteFlow({ apiKey, api: apiKeysApi, onChanged: () => (changes += 1), pollMs: 5 });
    await flow.findResources();
    const editors = await until(flow, (current) => current.step === 'choose' && current.editors.status === 'ready');
    const members = editors.step === 'choose' && editors.editors.status === 'ready' ? editors.editors.members : [];
    const editor2 = members.find((member) => member.email === DEMO_USERS.editor2.email) as Member;
    flow.choose({ kind: 'transfer', member: editor2 });

    let writes = 0;
    onPermissions = async (method) => {
      if ((method === 'POST' || method === 'PUT') && ++writes === 3) throw new TypeError('connection reset');
    };
    await flow.remove();
    const stopped = state(flow);
    if (stopped.step !== 'stopped') throw new Error(`at ${stopped.step}`);
    expect(stopped.error.code).toBe('NETWORK');
    expect(stopped.progress).toMatchObject({ changed: true, toTransfer: 5, entriesRemoved: 0, stopped: { code: 'NETWORK' } });
    expect(stopped.progress.transferred).toBeGreaterThanOrEqual(1);
    expect(stopped.progress.transferred).toBeLessThan(5);
    expect(stopped.fate).toEqual({ kind: 'transfer', to: editor2.id });
    expect(canCancel(stopped)).toBe(false);
    expect(await call('getApiKey', { id: apiKey.id })).toMatchObject({ id: apiKey.id });

    onPermissions = null;
    await flow.resume();
    const done = state(flow);
    expect(done.step === 'done' && done.result).toMatchObject({ transferredTo: { id: editor2.id }, transferred: { dataSources: 3, projects: 2 } });
    expect(changes).toBe(2);
    await expect(call('getApiKey', { id: apiKey.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
