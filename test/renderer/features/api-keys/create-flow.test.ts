// The create wizard's flow, driven without rendering anything, against the real services.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@shared/api-types';
import { apiKeysApi } from '@renderer/features/api-keys/lib/api-keys-api';
import type { CreateRequest } from '@renderer/features/api-keys/lib/create-form';
import { createCreateFlow, type CreateFlow, type CreateFlowState } from '@renderer/features/api-keys/stores/create-flow';
import { call } from '@renderer/lib/keydesk-client';
import { installRealKeydesk, type RealKeydesk } from '../../support/real-keydesk';

let keydesk: RealKeydesk;
beforeEach(async () => {
  keydesk = await installRealKeydesk();
  await call('openLocalOrganization');
});
afterEach(() => keydesk.cleanup());

function newFlow(): { flow: CreateFlow; finished: ApiKey[]; withoutSecret: () => number } {
  const finished: ApiKey[] = [];
  let withoutSecret = 0;
  const flow = createCreateFlow({ api: apiKeysApi, onFinished: (apiKey) => finished.push(apiKey), onKeyCreatedWithoutSecret: () => (withoutSecret += 1) });
  return { flow, finished, withoutSecret: () => withoutSecret };
}

const state = (flow: CreateFlow): CreateFlowState => flow.store.getState();
const DAY_MS = 86_400_000;
const request = (title: string): CreateRequest => ({ title, role: 'ORG_EDITOR', expirationDate: new Date(Date.now() + 90 * DAY_MS).toISOString() });

/** Main still holds the secret for "Copy" (it forgets it when the wizard is gone). */
const mainHoldsSecret = (apiKeyId: string): Promise<boolean> => call('copySecret', { apiKeyId }).then(() => true, () => false);

describe('the create flow', () => {
  it('creates the key, shows its secret, and asks once before closing without a copy', async () => {
    const { flow, finished } = newFlow();
    await flow.submit(request('Flow key'));
    const shown = state(flow);
    if (shown.step !== 'secret') throw new Error(`at ${shown.step}`);
    expect(shown.created.apiKey).toMatchObject({ title: 'Flow key', role: 'ORG_EDITOR' });
    expect(shown.created.secret.length).toBeGreaterThan(20);

    flow.ok();
    expect(state(flow)).toMatchObject({ step: 'secret', confirmingClose: true });
    flow.goBack();
    expect(state(flow)).toMatchObject({ step: 'secret', confirmingClose: false });
    expect(finished).toEqual([]);
    // Asked once: "OK" now closes.
    flow.ok();
    expect(state(flow)).toEqual({ step: 'finished' });
    expect(finished.map((apiKey) => apiKey.id)).toEqual([shown.created.apiKey.id]);
    await expect.poll(() => mainHoldsSecret(shown.created.apiKey.id)).toBe(false);
  });

  it('closes at once after a copy, which main clears later', async () => {
    const { flow, finished } = newFlow();
    await flow.submit(request('Copied key'));
    await flow.copySecret();
    const copied = state(flow);
    if (copied.step !== 'secret') throw new Error(`at ${copied.step}`);
    expect(copied.copy).toEqual({ status: 'copied', clearsAfterSeconds: 60 });
    await expect(keydesk.clipboard.readText()).resolves.toBe(copied.created.secret);
    flow.ok();
    expect(finished).toHaveLength(1);
  });

  it('has main forget the secret when the wizard goes away without "OK"', async () => {
    const { flow } = newFlow();
    await flow.submit(request('Abandoned key'));
    const shown = state(flow);
    if (shown.step !== 'secret') throw new Error(`at ${shown.step}`);
    expect(await mainHoldsSecret(shown.created.apiKey.id)).toBe(true);
    flow.dispose();
    await expect.poll(() => mainHoldsSecret(shown.created.apiKey.id)).toBe(false);
  });

  it('puts a value the server refuses on its field, until the field is edited', async () => {
    const { flow } = newFlow();
    // Past the form's own check (a date before today): the server says which field.
    await flow.submit({ ...request('Dated key'), expirationDate: '2020-01-15T23:59:59.999Z' });
    const refused = state(flow);
    if (refused.step !== 'details') throw new Error(`at ${refused.step}`);
    expect(Object.keys(refused.refused)).toEqual(['expirationDate']);
    expect(refused.refused.expirationDate).toMatchObject({ code: 'VALIDATION', details: { serverCode: 'INVALID_EXPIRATION_DATE' } });
    expect(refused.error).toBeNull();
    flow.fieldChanged('title');
    expect(state(flow)).toBe(refused);
    flow.fieldChanged('expirationDate');
    expect(state(flow)).toMatchObject({ step: 'details', refused: {}, error: null });
  });

  it('says a failure that names no field once, above the buttons', async () => {
    const { flow } = newFlow();
    await call('signOut');
    await flow.submit(request('Nobody signed in'));
    expect(state(flow)).toMatchObject({ step: 'details', submitting: false, refused: {}, error: { code: 'NOT_CONNECTED' } });
  });
});
