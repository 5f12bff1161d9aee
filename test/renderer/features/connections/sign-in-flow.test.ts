// The sign-in flow, driven without rendering anything, against the real services: the
// form's own checks, where each failure is said, and the organization picker.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '@shared/session';
import { connectionsApi } from '@renderer/features/connections/lib/connections-api';
import { useConnectionsStore } from '@renderer/features/connections/stores/connections-store';
import { createSignInFlow, type SignInFlow } from '@renderer/features/connections/stores/sign-in-flow';
import { errorMessage } from '@renderer/i18n/error-message';
import { DEMO_TRAINING_ORGANIZATION, DEMO_USERS } from '../../../../src/server/seed/demo-identities';
import { DEMO_PASSWORD, installRealKeydesk, type RealKeydesk } from '../../support/real-keydesk';

let keydesk: RealKeydesk;
beforeEach(async () => {
  keydesk = await installRealKeydesk();
});
afterEach(() => keydesk.cleanup());

function newFlow(): { flow: SignInFlow; connected: SessionInfo[] } {
  const connected: SessionInfo[] = [];
  const flow = createSignInFlow({
    api: connectionsApi,
    run: (action, attempt) => useConnectionsStore.getState().run(action, attempt),
    onConnected: (session) => connected.push(session),
  });
  return { flow, connected };
}

const values = (username: string, password = DEMO_PASSWORD) => ({ serverUrl: keydesk.server.url, username, password });

describe('the sign-in flow', () => {
  it('checks the form before sending anything, and points at the first field to fix', async () => {
    const { flow, connected } = newFlow();
    expect(await flow.submit({ serverUrl: ' ', username: '', password: '' }, false)).toBe('serverUrl');
    expect(flow.store.getState().problems).toEqual({
      serverUrl: { check: 'validation.serverUrl' },
      username: { check: 'validation.email' },
      password: { check: 'validation.password' },
    });
    expect(await flow.submit({ ...values('someone@demo.local'), password: '' }, false)).toBe('password');
    expect(connected).toEqual([]);
    expect(await connectionsApi.list()).toEqual([]);
  });

  it('says a wrong password at the password, and signs in once it is right', async () => {
    const { flow, connected } = newFlow();
    expect(await flow.submit(values(DEMO_USERS.secondAdmin.email, 'not-the-password'), false)).toBe('password');
    expect(flow.store.getState().problems.password).toMatchObject({ error: { code: 'UNAUTHORIZED', details: { serverCode: 'INVALID_CREDENTIALS' } } });

    expect(await flow.submit(values(DEMO_USERS.secondAdmin.email), false)).toBeNull();
    expect(flow.store.getState().problems).toEqual({});
    expect(connected.map((session) => session.user.email)).toEqual([DEMO_USERS.secondAdmin.email]);
  });

  it('lets a member of several organizations choose, and says in the picker why one cannot be opened', async () => {
    const editor = newFlow();
    expect(await editor.flow.submit(values(DEMO_USERS.editor1.email), false)).toBeNull();
    const picker = editor.flow.store.getState().picker;
    expect(picker?.open).toBe(true);
    expect(picker?.organizations.map((organization) => organization.id)).toContain(DEMO_TRAINING_ORGANIZATION.id);
    expect(await editor.flow.choose(DEMO_TRAINING_ORGANIZATION.id)).toBeNull();
    expect(editor.flow.store.getState().picker).toMatchObject({ open: true, busyId: null, error: { code: 'NOT_ADMINISTRATOR' } });
    editor.flow.closePicker();
    expect(editor.flow.store.getState().picker).toMatchObject({ open: false, error: null });
    editor.flow.reopenPicker();
    expect(editor.flow.store.getState().picker?.open).toBe(true);
    expect(editor.connected).toEqual([]);

    const admin = newFlow();
    await admin.flow.submit(values(DEMO_USERS.admin.email), false);
    expect(await admin.flow.choose(DEMO_TRAINING_ORGANIZATION.id)).toBeNull();
    expect(admin.connected.map((session) => session.organization.id)).toEqual([DEMO_TRAINING_ORGANIZATION.id]);
  });

  it('says an address that is no JMap Cloud API at the server address, naming it', async () => {
    const { flow } = newFlow();
    const serverUrl = `${keydesk.server.url}/not-the-api`;
    expect(await flow.submit({ ...values(DEMO_USERS.admin.email), serverUrl }, false)).toBe('serverUrl');
    const problem = flow.store.getState().problems.serverUrl;
    expect(problem).toMatchObject({ error: { code: 'NOT_FOUND', details: { reason: 'no-api-at-address' } } });
    expect(problem && 'error' in problem && errorMessage(problem.error)).toBe(
      `Nothing at ${serverUrl} answers as JMap Cloud’s API. Check the server address (JMap Cloud’s is https://api.jmapcloud.io).`,
    );
  });

  it('says an unreachable server at the server address', async () => {
    const { flow } = newFlow();
    await keydesk.server.close();
    expect(await flow.submit(values(DEMO_USERS.admin.email), false)).toBe('serverUrl');
    expect(flow.store.getState().problems.serverUrl).toMatchObject({ error: { code: 'NETWORK' } });
  });
});
