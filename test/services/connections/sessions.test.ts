import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_CONNECTION_ID } from '../../../src/shared/session';
import { createOrganizationClient } from '../../../src/services/organization-client/organization-client';
import { API_KEY_LIST_FILTERS, NO_EXTENSIONS } from '../../../src/shared/server-capabilities';
import { DEMO_TRAINING_ORGANIZATION } from '../../../src/server/seed/demo-identities';
import { countRequests, DEMO_PASSWORD, PROFILES, restartServices, startHarness, type Harness } from '../support/harness';
import { caught } from '../support/caught';

let harness: Harness;
afterEach(() => harness.close());

const signIn = (h: Harness, username: string, remember = false) =>
  h.handlers.signIn({ serverUrl: h.server.url, username, password: DEMO_PASSWORD, remember });

describe.each(PROFILES)('signing in (profile %s)', (profile) => {
  it('with one organization goes straight in and saves a profile without secrets', async () => {
    harness = await startHarness({ profile });
    const outcome = await signIn(harness, 'admin2@demo.local', true);
    expect(outcome.status).toBe('signed-in');
    if (outcome.status !== 'signed-in') return;
    expect(outcome.session.organization.name).toBe('Demo Organization');
    expect(outcome.session.remembered).toBe(true);
    expect(await harness.handlers.getSession(undefined)).toEqual(outcome.session);

    const [saved] = await harness.handlers.listConnections(undefined);
    expect(saved).toMatchObject({ id: outcome.session.connectionId, username: 'admin2@demo.local', remembered: true });
    expect(await harness.credentials.getRefreshToken(outcome.session.connectionId)).toEqual(expect.any(String));
    expect((await harness.handlers.listApiKeys({ page: 0, pageSize: 10, sortField: 'title', sortDirection: 'asc' })).content).toHaveLength(10);
  });

  it('with several organizations asks which one, and keeps nothing until then', async () => {
    harness = await startHarness({ profile });
    const outcome = await signIn(harness, 'admin@demo.local', true);
    expect(outcome.status).toBe('choose-organization');
    if (outcome.status !== 'choose-organization') return;
    expect(outcome.organizations.map((organization) => organization.name).sort()).toEqual(['Demo Organization', 'Demo Training Organization']);
    // Roles come from members/self; the strict profile answers it only once a session is scoped.
    const admin = ['ORG_ADMIN', 'ORG_EDITOR', 'ORG_VIEWER'];
    expect(outcome.organizations.map((organization) => organization.roles)).toEqual(profile === 'default' ? [admin, admin] : [null, null]);
    expect(await harness.handlers.getSession(undefined)).toBeNull();
    expect(await harness.handlers.listConnections(undefined)).toEqual([]);

    const training = outcome.organizations.find((organization) => organization.name === 'Demo Training Organization');
    const session = await harness.handlers.selectOrganization({ organizationId: training?.id ?? '' });
    expect(session.organization.name).toBe('Demo Training Organization');
    expect(session.organizations).toHaveLength(2);
    expect(session.organizations.find((organization) => organization.id === training?.id)?.roles).toEqual(admin);
    expect(session.capabilities).toEqual(profile === 'default' ? { ownedResources: true, deleteWithResourcesFate: true, expiringSoonStatus: true, apiKeyEdit: true, apiKeyListFilters: [...API_KEY_LIST_FILTERS], apiKeyListSorts: ['lastUsedDate'] } : NO_EXTENSIONS);

    const demo = await harness.handlers.switchOrganization({ organizationId: harness.server.demo?.organizationId ?? '' });
    expect(demo.organization.name).toBe('Demo Organization');
    expect(demo.label).toBe('Demo Organization (admin@demo.local)');
    expect(demo.organizations.map((organization) => organization.roles)).toEqual([admin, admin]);
    const [saved] = await harness.handlers.listConnections(undefined);
    expect(saved).toMatchObject({ organizationName: 'Demo Organization', label: 'Demo Organization (admin@demo.local)' });
    const unknown = await caught(harness.handlers.switchOrganization({ organizationId: 'not-a-member-here' }));
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('refuses a member who is not an administrator, with the plain message', async () => {
    harness = await startHarness({ profile });
    const single = await caught(signIn(harness, 'editor2@demo.local'));
    expect(single.code).toBe('NOT_ADMINISTRATOR');
    expect(single.message).toBe(
      'Managing API keys needs the Administrator role in Demo Organization. Ask an administrator of Demo Organization for it.',
    );

    const outcome = await signIn(harness, 'editor1@demo.local');
    expect(outcome.status).toBe('choose-organization');
    const refused = await caught(harness.handlers.selectOrganization({ organizationId: harness.server.demo?.organizationId ?? '' }));
    expect(refused.code).toBe('NOT_ADMINISTRATOR');
    // Still pending (with its rotated token where the refusal came after scoping): the
    // other organization can be chosen without the password, and is refused for its own reason.
    const other = await caught(harness.handlers.selectOrganization({ organizationId: DEMO_TRAINING_ORGANIZATION.id }));
    expect(other.code).toBe('NOT_ADMINISTRATOR');
    expect(other.message).toContain('Demo Training Organization');
    expect(await harness.handlers.getSession(undefined)).toBeNull();
    expect(await harness.handlers.listConnections(undefined)).toEqual([]);
  });

  it('reports a wrong password as the server says it', async () => {
    harness = await startHarness({ profile });
    const error = await caught(harness.handlers.signIn({ serverUrl: harness.server.url, username: 'admin2@demo.local', password: 'nope', remember: false }));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.details?.serverCode).toBe('INVALID_CREDENTIALS');
  });
});

describe('tokens', () => {
  it('renews the access token shortly before it expires', async () => {
    harness = await startHarness({ tokenTtlSeconds: 120 });
    await signIn(harness, 'admin2@demo.local', true);
    const connectionId = (await harness.handlers.getSession(undefined))?.connectionId ?? '';
    const firstRefreshToken = await harness.credentials.getRefreshToken(connectionId);
    const refreshes = countRequests(harness, '/refresh-token');

    // 70 s later on both clocks: inside the last minute of the token's 120 s lifetime.
    harness.serverClock.advance(70_000);
    harness.clientClock.advance(70_000);
    await harness.handlers.getApiKey({ id: (await harness.handlers.listApiKeys({ page: 0, pageSize: 1, sortField: 'id', sortDirection: 'asc' })).content[0]?.id ?? '' });

    expect(countRequests(harness, '/refresh-token')).toBe(refreshes + 1);
    expect(harness.requests.filter((request) => request.status === 401)).toEqual([]);
    const rotated = await harness.credentials.getRefreshToken(connectionId);
    expect(rotated).not.toBe(firstRefreshToken);
  });

  it('renews once after a 401 and retries the request', async () => {
    harness = await startHarness({ tokenTtlSeconds: 60 });
    await signIn(harness, 'admin2@demo.local');
    const refreshes = countRequests(harness, '/refresh-token');
    // Only the server's clock moves: the client believes its token is still good.
    harness.serverClock.advance(61_000);

    const page = await harness.handlers.listApiKeys({ page: 0, pageSize: 3, sortField: 'title', sortDirection: 'asc' });
    expect(page.content).toHaveLength(3);
    expect(harness.requests.filter((request) => request.status === 401)).toHaveLength(1);
    expect(countRequests(harness, '/refresh-token')).toBe(refreshes + 1);
  });

  it('ends the session when the refresh token is revoked, and deletes the keychain entry', async () => {
    harness = await startHarness({ tokenTtlSeconds: 60 });
    await signIn(harness, 'admin2@demo.local', true);
    const connectionId = (await harness.handlers.getSession(undefined))?.connectionId ?? '';
    const stored = await harness.credentials.getRefreshToken(connectionId);
    await createOrganizationClient({ baseUrl: harness.server.url, fetch }).revokeToken(stored ?? '');
    harness.serverClock.advance(61_000);

    const error = await caught(harness.handlers.listApiKeys({ page: 0, pageSize: 3, sortField: 'title', sortDirection: 'asc' }));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe('Your session has ended; sign in again.');
    expect(await harness.handlers.getSession(undefined)).toBeNull();
    expect(await harness.credentials.getRefreshToken(connectionId)).toBeNull();
    expect((await harness.handlers.listConnections(undefined))[0]?.remembered).toBe(false);
    expect((await caught(harness.handlers.getApiKey({ id: 'x' }))).code).toBe('NOT_CONNECTED');
  });
});

describe('saved connections and sign-out', () => {
  it('reconnects with the keychain token; sign-out revokes it and deletes the entry', async () => {
    harness = await startHarness();
    await signIn(harness, 'admin2@demo.local', true);
    const session = await harness.handlers.getSession(undefined);
    const connectionId = session?.connectionId ?? '';
    // Forget the in-memory session the way a restart would, keeping the keychain.
    await harness.services.dispose();
    const restarted = restartServices(harness);

    const reconnected = await restarted.handlers.connectSaved({ id: connectionId });
    expect(reconnected.user.email).toBe('admin2@demo.local');
    const token = await harness.credentials.getRefreshToken(connectionId);

    await restarted.handlers.signOut(undefined);
    expect(await restarted.handlers.getSession(undefined)).toBeNull();
    expect(await harness.credentials.getRefreshToken(connectionId)).toBeNull();
    const revoked = await caught(
      createOrganizationClient({ baseUrl: harness.server.url, fetch }).refreshToken(token ?? '', harness.server.demo?.organizationId ?? ''),
    );
    expect(revoked.code).toBe('UNAUTHORIZED');

    const needsPassword = await caught(restarted.handlers.connectSaved({ id: connectionId }));
    expect(needsPassword.code).toBe('UNAUTHORIZED');
    expect(needsPassword.message).toContain('Enter your password');
    await restarted.dispose();
  });

  it('removes a saved connection with its keychain entry', async () => {
    harness = await startHarness();
    await signIn(harness, 'admin2@demo.local', true);
    const connectionId = (await harness.handlers.getSession(undefined))?.connectionId ?? '';
    await harness.handlers.removeConnection({ id: connectionId });
    expect(await harness.handlers.listConnections(undefined)).toEqual([]);
    expect(await harness.credentials.getRefreshToken(connectionId)).toBeNull();
    expect(await harness.handlers.getSession(undefined)).toBeNull();
  });

  it('opens the local organization without asking anything and persists nothing', async () => {
    harness = await startHarness();
    // Auto-connect and a click at the same moment share one sign-in.
    const [session, same] = await Promise.all([harness.handlers.openLocalOrganization(undefined), harness.handlers.openLocalOrganization(undefined)]);
    expect(same).toBe(session);
    expect(harness.requests.filter((request) => request.path.endsWith('/authenticate'))).toHaveLength(1);
    expect(session).toMatchObject({ connectionId: LOCAL_CONNECTION_ID, kind: 'local', label: 'Local organization', remembered: false });
    expect(session.organization.name).toBe('Demo Organization');
    expect(await harness.handlers.listConnections(undefined)).toEqual([]);
    expect(await harness.credentials.getRefreshToken(LOCAL_CONNECTION_ID)).toBeNull();
    expect(await harness.handlers.openLocalOrganization(undefined)).toEqual(session);
    expect(harness.launcherStarts).toBe(1);
  });
});
