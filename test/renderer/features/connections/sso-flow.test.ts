// @vitest-environment node
// (jsdom's ArrayBuffer is not Node's, and openid-client's WebCrypto calls in the in-process
// services trip on it; this flow renders nothing, so it runs where the services really do.)
//
// The single sign-on flow, driven without rendering anything, against the real services, the
// real loopback listener and the local server as the identity provider, with a test browser
// that plays the person: the form's checks, the wait for the browser, the picker, Cancel,
// and a refusal said at the form.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_IDENTITY_PROVIDER } from '@shared/identity-provider';
import type { SessionInfo } from '@shared/session';
import { connectionsApi } from '@renderer/features/connections/lib/connections-api';
import { useConnectionsStore } from '@renderer/features/connections/stores/connections-store';
import { createSsoFlow, type SsoFlow, type SsoValues } from '@renderer/features/connections/stores/sso-flow';
import { DEMO_ORGANIZATION } from '../../../../src/server/seed/demo-identities';
import { createTestBrowser, type TestBrowser } from '../../../services/support/test-browser';
import { DEMO_PASSWORD, installRealKeydesk, type RealKeydesk } from '../../support/real-keydesk';

// The bridge goes on window.keydesk, as in the page.
(globalThis as { window?: unknown }).window ??= globalThis;

let keydesk: RealKeydesk;
let browser: TestBrowser;
beforeEach(async () => {
  browser = createTestBrowser();
  keydesk = await installRealKeydesk({ sso: { openBrowser: browser.openBrowser } });
});
afterEach(() => keydesk.cleanup());

function newFlow(): { flow: SsoFlow; connected: SessionInfo[]; opened: string[] } {
  const connected: SessionInfo[] = [];
  const opened: string[] = [];
  const flow = createSsoFlow({
    api: connectionsApi,
    run: (action, attempt) => useConnectionsStore.getState().run(action, attempt),
    onConnected: (session) => connected.push(session),
    openPage: (url) => opened.push(url),
  });
  return { flow, connected, opened };
}

const values = (): SsoValues => ({
  serverUrl: keydesk.server.url,
  issuer: `${keydesk.server.url}/`,
  clientId: LOCAL_IDENTITY_PROVIDER.clientId,
  audience: LOCAL_IDENTITY_PROVIDER.audience,
});

const waitingFor = (flow: SsoFlow) => vi.waitFor(() => expect(flow.store.getState().step).toBe('waiting'));

describe('the single sign-on flow', () => {
  it('checks the form before opening anything', async () => {
    const { flow } = newFlow();
    expect(await flow.submit({ serverUrl: 'ftp://x', issuer: '', clientId: ' ', audience: '' }, false)).toBe(false);
    expect(flow.store.getState()).toMatchObject({ step: 'form', invalid: ['serverUrl', 'issuer', 'clientId'] });
    expect(browser.opened).toEqual([]);
  });

  it('waits for the browser, asks for the organization, and connects', async () => {
    const { flow, connected, opened } = newFlow();
    const submitted = flow.submit(values(), false);
    await waitingFor(flow);
    expect(flow.store.getState()).toMatchObject({ step: 'waiting', openedBy: 'system' });
    expect(opened).toEqual([]); // the system browser opened it, not the page
    expect(useConnectionsStore.getState().busy).toEqual({ kind: 'sso' });
    await browser.signIn('admin@demo.local', DEMO_PASSWORD);
    await submitted;
    expect(flow.store.getState().step).toBe('choose');
    await flow.choose(DEMO_ORGANIZATION.id);
    expect(connected.map((session) => session.organization.name)).toEqual(['Demo Organization']);
    expect(flow.store.getState()).toEqual({ step: 'form', invalid: [], error: null });
  });

  it('opens the sign-in page itself when the host leaves it to the page (the web preview)', async () => {
    browser.answer = 'page';
    const { flow, opened } = newFlow();
    const submitted = flow.submit(values(), false);
    await waitingFor(flow);
    expect(opened).toEqual([browser.current()]);
    await flow.cancel();
    await submitted;
  });

  it('goes back to the form on Cancel, saying nothing, and the next attempt works', async () => {
    const { flow, connected } = newFlow();
    const first = flow.submit(values(), false);
    await waitingFor(flow);
    await flow.cancel();
    await first;
    expect(flow.store.getState()).toEqual({ step: 'form', invalid: [], error: null });
    expect(useConnectionsStore.getState().busy).toBeNull();

    const second = flow.submit(values(), false);
    await waitingFor(flow);
    await browser.signIn('admin2@demo.local', DEMO_PASSWORD);
    await second;
    expect(connected).toHaveLength(1);
  });

  it('says a refusal at the form', async () => {
    const { flow, connected } = newFlow();
    const submitted = flow.submit(values(), false);
    await waitingFor(flow);
    await browser.follow(await browser.cancelOnPage());
    await submitted;
    expect(flow.store.getState()).toMatchObject({ step: 'form', error: { code: 'SSO_REFUSED', details: { reason: 'access-denied' } } });
    expect(connected).toEqual([]);
  });
});
