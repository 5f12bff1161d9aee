// One valid call of every bridge method (the IPC contract's IPC_METHODS): the seed of every
// bridge attack. HOW TO ADD A METHOD: see README.md here. In short: when you add a method to
// src/shared/ipc-contract.ts, bridge.hostile.ts fails with "no example for <method>" until
// an entry below puts the services in the state the call needs (a session, a key, a pending
// sign-in…) and returns the argument of one call that succeeds. It is called again before
// an attack whenever the previous attack was accepted, so make single-use things fresh here.
// Every field of the argument is then attacked for you.
import { randomUUID } from 'node:crypto';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import type { ApiKeyListPage } from '../../src/shared/api-types';
import type { IpcMethod } from '../../src/shared/ipc-contract';
import { LOCAL_IDENTITY_PROVIDER } from '../../src/shared/identity-provider';
import type { SessionInfo, SignInOutcome, SsoStep } from '../../src/shared/session';
import { daysFrom } from '../server/server-test-client';
import { DEMO_PASSWORD, ORG, TRAINING_ORG } from './support/organization-under-attack';
import { send } from './support/http';
import type { PreviewUnderAttack } from './support/preview-under-attack';

export interface BridgeExample {
  /** Sets up what the call needs; returns its argument (undefined for a method without one). */
  build(bridge: PreviewUnderAttack): Promise<unknown>;
  /**
   * What someone else does while the valid call waits (the person in the browser, for a
   * single sign-on); the call's answer is awaited together with it.
   */
  alongside?(bridge: PreviewUnderAttack): Promise<void>;
}

/** The local organization open as its administrator, as after "Open local organization". */
async function localSession(bridge: PreviewUnderAttack): Promise<SessionInfo> {
  const session = await bridge.call<SessionInfo | null>('getSession');
  if (session?.connectionId === 'local' && session.organization.id === ORG) return session;
  return bridge.call<SessionInfo>('openLocalOrganization');
}

async function newKey(bridge: PreviewUnderAttack): Promise<string> {
  await localSession(bridge);
  const created = await bridge.call<{ apiKey: { id: string } }>('createApiKey', {
    title: 'Hostile bridge key',
    role: 'ORG_VIEWER',
    expirationDate: daysFrom(new Date(), 30),
    idempotencyKey: randomUUID(),
  });
  return created.apiKey.id;
}

/** A rotation of a new key, started (its new key made); `granted` also gives it the old key's access. */
async function newRotation(bridge: PreviewUnderAttack, granted = false): Promise<string> {
  const apiKeyId = await newKey(bridge);
  const started = await bridge.call<{ rotation: { id: string } }>('startRotation', {
    apiKeyId,
    title: 'Hostile bridge key (replacement)',
    expirationDate: daysFrom(new Date(), 30),
    idempotencyKey: randomUUID(),
  });
  if (granted) await bridge.call('grantRotationAccess', { rotationId: started.rotation.id });
  return started.rotation.id;
}

type BulkStatus = { plan: { id: string; keys: { state: string }[] }; running: boolean } | null;

/** No bulk delete running or unfinished in the organization (a new one may start). */
async function noBulkDeleteUnderWay(bridge: PreviewUnderAttack): Promise<void> {
  await localSession(bridge);
  for (;;) {
    const status = await bridge.call<BulkStatus>('getBulkDelete');
    if (status?.running) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    if (status?.plan.keys.some((key) => ['pending', 'deleting', 'failed'].includes(key.state))) await bridge.call('dismissBulkDelete', { batchId: status.plan.id });
    return;
  }
}

/** The argument of a bulk delete of one new key (it owns nothing), its resources deleted with it. */
async function bulkDeleteOfNewKey(bridge: PreviewUnderAttack): Promise<{ apiKeyIds: string[]; resources: { kind: 'delete-with-key' }; confirmedCount: number }> {
  await noBulkDeleteUnderWay(bridge);
  return { apiKeyIds: [await newKey(bridge)], resources: { kind: 'delete-with-key' }, confirmedCount: 1 };
}

/** A bulk delete run to its end (its plan kept to be read, resumed or dismissed). */
async function finishedBulkDelete(bridge: PreviewUnderAttack): Promise<string> {
  const started = await bridge.call<NonNullable<BulkStatus>>('startBulkDelete', await bulkDeleteOfNewKey(bridge));
  await noBulkDeleteUnderWay(bridge);
  return started.plan.id;
}

/** A connection saved with "Remember me" (the second administrator, one organization). */
async function savedConnection(bridge: PreviewUnderAttack): Promise<string> {
  const outcome = await bridge.call<SignInOutcome>('signIn', {
    serverUrl: bridge.preview.server.url,
    username: DEMO_USERS.secondAdmin.email,
    password: DEMO_PASSWORD,
    remember: true,
  });
  if (outcome.status !== 'signed-in') throw new Error('The second administrator belongs to one organization only.');
  return outcome.session.connectionId;
}

/** The local server as the connection's identity provider, as an administrator types it. */
const ssoRequest = (bridge: PreviewUnderAttack) => ({
  serverUrl: bridge.preview.server.url,
  identityProvider: { issuer: `${bridge.preview.server.url}/`, clientId: LOCAL_IDENTITY_PROVIDER.clientId, audience: LOCAL_IDENTITY_PROVIDER.audience },
  remember: false,
});

/** The sign-in page the last startSsoSignIn opened (in the web preview, the page opens it). */
let openedSignInPage: string | null = null;

async function startSso(bridge: PreviewUnderAttack): Promise<void> {
  const step = await bridge.call<SsoStep>('startSsoSignIn', ssoRequest(bridge));
  if (step.status !== 'waiting-for-browser') throw new Error(`startSsoSignIn answered ${step.status}`);
  openedSignInPage = step.authorizationUrl;
}

/** The person in the browser: signs in on the page, and the browser follows the redirect to KeyDesk's listener. */
function browserSignsIn(email: string) {
  return async (): Promise<void> => {
    if (openedSignInPage === null) throw new Error('No sign-in page was opened.');
    const page = new URL(openedSignInPage);
    const form = new URLSearchParams([...page.searchParams, ['email', email], ['password', DEMO_PASSWORD], ['action', 'sign-in']]);
    const answer = await send(page.origin, { method: 'POST', path: page.pathname, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    const back = answer.headers.location;
    if (answer.status !== 303 || typeof back !== 'string') throw new Error(`The sign-in page answered ${answer.status}`);
    const listener = new URL(back);
    await send(listener.origin, { method: 'GET', path: `${listener.pathname}${listener.search}` });
  };
}

/** Signed in through the browser as the administrator of both organizations: the next step is choosing one. */
async function ssoWaitingForOrganization(bridge: PreviewUnderAttack): Promise<void> {
  await startSso(bridge);
  const [step] = await Promise.all([bridge.call<SsoStep>('continueSsoSignIn'), browserSignsIn(DEMO_USERS.admin.email)()]);
  if (step.status !== 'choose-organization') throw new Error(`continueSsoSignIn answered ${step.status}`);
}

const none = async (): Promise<undefined> => undefined;
const withSession = async (bridge: PreviewUnderAttack): Promise<undefined> => {
  await localSession(bridge);
  return undefined;
};

export const BRIDGE_EXAMPLES: Record<IpcMethod, BridgeExample> = {
  getAppInfo: { build: none },
  getSettings: { build: none },
  updateSettings: { build: async () => ({ theme: 'dark', clipboardClearSeconds: 30 }) },
  listFileRecoveries: { build: none },
  listConnections: { build: none },
  removeConnection: { build: async (bridge) => ({ id: await savedConnection(bridge) }) },
  getSession: { build: none },
  signIn: {
    // The administrator of both demo organizations: the answer is "choose-organization".
    build: async (bridge) => ({ serverUrl: bridge.preview.server.url, username: DEMO_USERS.admin.email, password: DEMO_PASSWORD, remember: false }),
  },
  selectOrganization: {
    build: async (bridge) => {
      await bridge.call('signIn', { serverUrl: bridge.preview.server.url, username: DEMO_USERS.admin.email, password: DEMO_PASSWORD, remember: false });
      return { organizationId: ORG };
    },
  },
  connectSaved: { build: async (bridge) => ({ id: await savedConnection(bridge) }) },
  openLocalOrganization: { build: none },
  switchOrganization: {
    build: async (bridge) => {
      await localSession(bridge);
      return { organizationId: TRAINING_ORG };
    },
  },
  // A password session: the switch needs no browser.
  startOrganizationSwitch: {
    build: async (bridge) => {
      await localSession(bridge);
      return { organizationId: TRAINING_ORG };
    },
  },
  signOut: { build: withSession },
  listApiKeys: {
    build: async (bridge) => {
      await localSession(bridge);
      return { page: 0, pageSize: 10, sortField: 'title', sortDirection: 'asc', search: 'survey', role: 'ORG_EDITOR', status: 'ACTIVE' };
    },
  },
  getApiKey: {
    build: async (bridge) => {
      await localSession(bridge);
      const page = await bridge.call<ApiKeyListPage>('listApiKeys', { pageSize: 1 });
      return { id: page.content[0]?.id };
    },
  },
  createApiKey: {
    build: async (bridge) => {
      await localSession(bridge);
      return { title: 'Hostile bridge example', role: 'ORG_EDITOR', expirationDate: daysFrom(new Date(), 60), idempotencyKey: randomUUID() };
    },
  },
  editApiKey: { build: async (bridge) => ({ id: await newKey(bridge), title: 'Hostile bridge key, renamed', expirationDate: daysFrom(new Date(), 60) }) },
  forgetSecret: { build: async (bridge) => ({ apiKeyId: await newKey(bridge) }) },
  getOwnedResources: { build: async (bridge) => ({ id: await newKey(bridge) }) },
  // On the default profile a delete is one request: nothing to report or cancel, which is an answer too.
  getDeleteProgress: { build: async (bridge) => ({ apiKeyId: await newKey(bridge) }) },
  cancelDeleteOperation: { build: async (bridge) => ({ apiKeyId: await newKey(bridge) }) },
  deleteApiKey: { build: async (bridge) => ({ id: await newKey(bridge), resources: { kind: 'nothing-owned' } }) },
  listEditorMembers: { build: withSession },
  startRotation: {
    build: async (bridge) => ({ apiKeyId: await newKey(bridge), title: 'Hostile replacement', expirationDate: daysFrom(new Date(), 30), idempotencyKey: randomUUID() }),
  },
  grantRotationAccess: { build: async (bridge) => ({ rotationId: await newRotation(bridge) }) },
  // Both keys kept until a date: the `until` field is attacked too.
  finishRotation: {
    build: async (bridge) => ({ rotationId: await newRotation(bridge, true), oldKey: { kind: 'keep-until', until: new Date(Date.now() + 7 * 86_400_000).toISOString() } }),
  },
  getRotationProgress: { build: async (bridge) => ({ rotationId: await newRotation(bridge) }) },
  cancelRotationOperation: { build: async (bridge) => ({ rotationId: await newRotation(bridge) }) },
  listRotations: { build: withSession },
  dismissRotation: { build: async (bridge) => ({ rotationId: await newRotation(bridge) }) },
  startBulkDelete: { build: bulkDeleteOfNewKey },
  getBulkDelete: { build: withSession },
  resumeBulkDelete: { build: async (bridge) => ({ batchId: await finishedBulkDelete(bridge) }) },
  cancelBulkDelete: { build: async (bridge) => ({ batchId: await finishedBulkDelete(bridge) }) },
  dismissBulkDelete: { build: async (bridge) => ({ batchId: await finishedBulkDelete(bridge) }) },
  copySecret: { build: async (bridge) => ({ apiKeyId: await newKey(bridge) }) },
  copyText: { build: async () => ({ text: 'admin@demo.local' }) },
  checkForUpdates: { build: none },
  getExpiryStatus: { build: withSession },
  startSsoSignIn: { build: async (bridge) => ssoRequest(bridge) },
  continueSsoSignIn: {
    build: async (bridge) => {
      await startSso(bridge);
      return undefined;
    },
    // The second administrator belongs to one organization: signed in at once.
    alongside: async () => browserSignsIn(DEMO_USERS.secondAdmin.email)(),
  },
  chooseSsoOrganization: {
    build: async (bridge) => {
      await ssoWaitingForOrganization(bridge);
      return { organizationId: ORG };
    },
  },
  cancelSsoSignIn: {
    build: async (bridge) => {
      await startSso(bridge);
      return undefined;
    },
  },
  listActivity: {
    // After a create and a delete, so that there is something to read and to filter.
    build: async (bridge) => {
      const id = await newKey(bridge);
      await bridge.call('deleteApiKey', { id, resources: { kind: 'nothing-owned' } });
      // Every filter, so that each one is attacked.
      const day = 86_400_000;
      return {
        scope: 'organization',
        actions: ['create', 'delete'],
        outcomes: ['succeeded'],
        apiKey: 'Hostile',
        from: new Date(Date.now() - day).toISOString(),
        before: new Date(Date.now() + day).toISOString(),
        text: 'Hostile',
        limit: 50,
      };
    },
  },
};
