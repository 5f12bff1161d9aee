// @vitest-environment node
// (as sso-flow.test.ts: the in-process services' WebCrypto calls trip on jsdom's ArrayBuffer.)
//
// The app shell's organization switch (session store), driven without rendering, against the
// real services and the strict profile's identity provider, which changes organization only
// through the browser as JMap Cloud's Auth0 does: the switch waits for the browser (the
// switcher's dialog), moves once it is back, and stays where it was after Cancel (nothing
// said) or a refusal (said as a failed switch).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_IDENTITY_PROVIDER } from '@shared/identity-provider';
import type { SessionInfo, SsoStep } from '@shared/session';
import { useSessionStore } from '@renderer/app/stores/session-store';
import { connectionsApi } from '@renderer/features/connections/lib/connections-api';
import { DEMO_ORGANIZATION, DEMO_TRAINING_ORGANIZATION, DEMO_USERS } from '../../../src/server/seed/demo-identities';
import { createTestBrowser, type TestBrowser } from '../../services/support/test-browser';
import { DEMO_PASSWORD, installRealKeydesk, type RealKeydesk } from '../support/real-keydesk';

(globalThis as { window?: unknown }).window ??= globalThis;

let keydesk: RealKeydesk;
let browser: TestBrowser;
beforeEach(async () => {
  browser = createTestBrowser();
  keydesk = await installRealKeydesk({ server: { profile: 'jmapcloud' }, sso: { openBrowser: browser.openBrowser } });
  useSessionStore.setState({ session: null, problem: null, switching: false, switchInBrowser: null });
});
afterEach(() => keydesk.cleanup());

/** The browser comes back signed in as `email` while the services wait for it. */
async function backFromBrowser(email: string = DEMO_USERS.admin.email): Promise<SsoStep> {
  const [step] = await Promise.all([connectionsApi.continueSso(), browser.signIn(email, DEMO_PASSWORD)]);
  return step;
}

/** Signed in through single sign-on to Demo Organization, as the connection screen leaves it. */
async function signedIn(): Promise<SessionInfo> {
  const { url } = keydesk.server;
  await connectionsApi.startSso({ serverUrl: url, identityProvider: { issuer: `${url}/`, clientId: LOCAL_IDENTITY_PROVIDER.clientId, audience: LOCAL_IDENTITY_PROVIDER.audience }, remember: false });
  expect((await backFromBrowser()).status).toBe('choose-organization');
  expect((await connectionsApi.chooseSsoOrganization(DEMO_ORGANIZATION.id)).status).toBe('waiting-for-browser');
  const step = await backFromBrowser();
  if (step.status !== 'signed-in') throw new Error(`signed in: ${step.status}`);
  useSessionStore.getState().connected(step.session);
  return step.session;
}

const waitingForBrowser = () => vi.waitFor(() => expect(useSessionStore.getState().switchInBrowser).not.toBeNull());

describe('the organization switch through the browser', () => {
  it('waits for the browser, then shows the other organization', async () => {
    await signedIn();
    const switching = useSessionStore.getState().switchOrganization(DEMO_TRAINING_ORGANIZATION.id);
    await waitingForBrowser();
    expect(useSessionStore.getState()).toMatchObject({
      switching: true,
      switchInBrowser: { organizationName: 'Demo Training Organization', openedBy: 'system', cancelling: false },
      session: { organization: { name: 'Demo Organization' } },
    });
    await browser.signIn(DEMO_USERS.admin.email, DEMO_PASSWORD);
    await switching;
    expect(useSessionStore.getState()).toMatchObject({ switching: false, switchInBrowser: null, problem: null, session: { organization: { name: 'Demo Training Organization' } } });
  });

  it('stays in its organization after Cancel, saying nothing, and says a refusal as a failed switch', async () => {
    const session = await signedIn();
    const cancelled = useSessionStore.getState().switchOrganization(DEMO_TRAINING_ORGANIZATION.id);
    await waitingForBrowser();
    await useSessionStore.getState().cancelSwitch();
    await cancelled;
    expect(useSessionStore.getState()).toMatchObject({ switching: false, switchInBrowser: null, problem: null, session });

    const refused = useSessionStore.getState().switchOrganization(DEMO_TRAINING_ORGANIZATION.id);
    await waitingForBrowser();
    await browser.signIn(DEMO_USERS.editor1.email, DEMO_PASSWORD);
    await refused;
    expect(useSessionStore.getState()).toMatchObject({
      switchInBrowser: null,
      problem: { kind: 'switch', error: { code: 'SSO_REFUSED', details: { reason: 'account-mismatch' } } },
      session: { organization: { name: 'Demo Organization' } },
    });
  });
});
