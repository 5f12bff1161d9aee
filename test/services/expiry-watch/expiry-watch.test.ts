// The expiry watch against a real local organization (the demo seed has 4 expired keys and
// 5 expiring within 14 days): counts on connect and every hour, one notification per key
// and threshold remembered across starts, the badge, the setting, changes, and failures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryCredentialStore } from '../../../src/services/credentials/memory-credential-store';
import { CHANGE_CHECK_DELAY_MS, CHECK_INTERVAL_MS } from '../../../src/services/expiry-watch/expiry-watch';
import { createKeyDeskServices } from '../../../src/services/keydesk-services';
import type { ExpiryNotice } from '../../../src/shared/expiry-watch';
import type { SessionInfo } from '../../../src/shared/session';
import { createFakeTimers, createMemoryClipboard, DEMO_PASSWORD, PROFILES, startHarness, type Harness } from '../support/harness';
import { daysFrom } from '../../server/server-test-client';
import { caught, flush } from '../support/caught';

const DAY = 86_400_000;

let harness: Harness;
let session: SessionInfo;

/** Runs the watch's due checks (on connect, after a change, the hourly one) and lets them finish. */
async function runWatch(): Promise<void> {
  harness.watchTimers.fireAll();
  await harness.handlers.getExpiryStatus(undefined);
  await flush();
}

const titles = (notice: ExpiryNotice | undefined) => notice?.keys.map((key) => key.title).sort();

// The watch reads only JMap Cloud's own paging and sort: the same on both profiles.
describe.each(PROFILES)('the expiry watch (profile %s)', (profile) => {
  beforeEach(async () => {
    harness = await startHarness({ profile });
    session = await harness.handlers.openLocalOrganization(undefined);
  });
  afterEach(() => harness.close());

  it('counts on connect: 5 keys expire within 14 days, 4 have expired; one notification each, the badge at 9', async () => {
    // Connecting asked for a check in the background.
    expect(harness.watchTimers.pending()).toEqual([{ ms: 0 }]);
    await runWatch();
    expect(await harness.handlers.getExpiryStatus(undefined)).toMatchObject({
      server: harness.server.url,
      organizationId: session.organization.id,
      warningDays: 14,
      expiringSoon: 5,
      expired: 4,
      failure: null,
    });
    expect(harness.notices.map((notice) => [notice.kind, notice.keys.length, notice.organization.name, notice.warningDays])).toEqual([
      ['expiring', 5, 'Demo Organization', 14],
      ['expired', 4, 'Demo Organization', 14],
    ]);
    expect(titles(harness.notices[0])).toEqual(['Census overlay', 'Legacy desktop GIS bridge', 'Mobile inspections', 'Nightly GIS sync', 'Open data export']);
    expect(harness.badgeCounts.at(-1)).toBe(9);
    // Then every hour.
    expect(harness.watchTimers.pending()).toEqual([{ ms: CHECK_INTERVAL_MS }]);
  });

  it('announces each key once per threshold: not again an hour later, nor at the next start', async () => {
    await runWatch();
    await runWatch();
    expect(harness.notices).toHaveLength(2);

    // The next start of the app: same user-data folder, same organization.
    const later = { notices: [] as ExpiryNotice[], timers: createFakeTimers() };
    const restarted = createKeyDeskServices({
      fetch,
      credentialStore: createMemoryCredentialStore(),
      userDataDir: harness.userDataDir,
      clipboard: createMemoryClipboard(),
      localOrganization: { start: async () => ({ url: harness.server.url, adminEmail: 'admin@demo.local', adminPassword: DEMO_PASSWORD }), stop: async () => undefined },
      appInfo: { name: 'KeyDesk', version: '0.0.0-test', host: 'electron', platform: process.platform },
      updates: { check: async () => ({ status: 'unsupported', reason: 'not-packaged' }) },
      expiryTimer: later.timers.setTimer,
      expiryAlerts: { notifier: { notify: (notice) => void later.notices.push(notice) }, badge: { setCount: () => undefined } },
    });
    try {
      await restarted.handlers.openLocalOrganization(undefined);
      later.timers.fireAll();
      expect(await restarted.handlers.getExpiryStatus(undefined)).toMatchObject({ expiringSoon: 5, expired: 4 });
      expect(later.notices).toEqual([]);
    } finally {
      await restarted.dispose();
    }
  });

  it('follows the setting: 30 days takes in one more key, announced alone; out of bounds is refused', async () => {
    await runWatch();
    await harness.handlers.updateSettings({ expiryWarningDays: 30 });
    await runWatch();
    expect(await harness.handlers.getExpiryStatus(undefined)).toMatchObject({ warningDays: 30, expiringSoon: 6, expired: 4 });
    expect(harness.notices.slice(2).map((notice) => [notice.kind, titles(notice)])).toEqual([['expiring', ['Field survey app']]]);
    expect(harness.badgeCounts.at(-1)).toBe(10);

    for (const days of [0, 91, 7.5]) expect((await caught(harness.handlers.updateSettings({ expiryWarningDays: days }))).code).toBe('INVALID_ARGUMENT');
    expect((await harness.handlers.getSettings(undefined)).expiryWarningDays).toBe(30);
  });

  it('counts again after a change: a new key expiring in 3 days is announced at once', async () => {
    await runWatch();
    const created = await harness.handlers.createApiKey({ title: 'Short-lived', role: 'ORG_VIEWER', expirationDate: daysFrom(new Date(), 3), idempotencyKey: crypto.randomUUID() });
    // Asked right after the change: the answer already counts it.
    expect(await harness.handlers.getExpiryStatus(undefined)).toMatchObject({ expiringSoon: 6, expired: 4 });
    await flush();
    expect(harness.notices.slice(2).map((notice) => [notice.kind, notice.keys.map((key) => key.id)])).toEqual([['expiring', [created.apiKey.id]]]);
    expect(harness.badgeCounts.at(-1)).toBe(10);
  });

  it('makes one check of a burst of changes, a second after the first of them', async () => {
    await runWatch();
    for (const title of ['Burst 1', 'Burst 2', 'Burst 3']) {
      await harness.handlers.createApiKey({ title, role: 'ORG_VIEWER', expirationDate: daysFrom(new Date(), 3), idempotencyKey: crypto.randomUUID() });
    }
    await flush();
    // The hourly check, and one check for the three changes.
    expect(harness.watchTimers.pending().map((timer) => timer.ms).sort((a, b) => a - b)).toEqual([CHANGE_CHECK_DELAY_MS, CHECK_INTERVAL_MS]);
    await runWatch();
    expect(harness.notices.slice(2).map((notice) => notice.keys.map((key) => key.title).sort())).toEqual([['Burst 1', 'Burst 2', 'Burst 3']]);
  });

  it('counts again after a delete: a deleted expired key leaves the count', async () => {
    await runWatch();
    const expired = (await harness.handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'expirationDate', sortDirection: 'asc', status: 'EXPIRED' })).content;
    const owningNothing = [];
    for (const key of expired) if ((await harness.handlers.getOwnedResources({ id: key.id })).dataSources.length === 0) owningNothing.push(key);
    const [doomed] = owningNothing;
    if (!doomed) throw new Error('the seed has no expired key owning no data source');
    await harness.handlers.deleteApiKey({ id: doomed.id, resources: { kind: 'delete-with-key' } });
    expect(await harness.handlers.getExpiryStatus(undefined)).toMatchObject({ expiringSoon: 5, expired: 3 });
    expect(harness.badgeCounts.at(-1)).toBe(8);
  });

  it('announces a key again when it crosses the next threshold: expiring, then expired', async () => {
    await runWatch();
    // Three days pass, for the server (which says what has expired) as for the app.
    harness.serverClock.advance(3 * DAY);
    harness.clientClock.advance(3 * DAY);
    await runWatch();
    const [expiredNow] = harness.notices.slice(2);
    expect([expiredNow?.kind, titles(expiredNow)]).toEqual(['expired', ['Nightly GIS sync']]);
    expect(await harness.handlers.getExpiryStatus(undefined)).toMatchObject({ expiringSoon: 4, expired: 5 });
  });

  it('watches each organization apart, and stops (badge cleared) at sign-out', async () => {
    await runWatch();
    const training = session.organizations.find((organization) => organization.id !== session.organization.id);
    if (!training) throw new Error('the seed has one organization');
    await harness.handlers.switchOrganization({ organizationId: training.id });
    await runWatch();
    expect(await harness.handlers.getExpiryStatus(undefined)).toMatchObject({ organizationId: training.id, expiringSoon: 0, expired: 0 });
    expect(harness.badgeCounts.at(-1)).toBe(0);
    expect(harness.notices).toHaveLength(2);

    await harness.handlers.signOut(undefined);
    expect(await harness.handlers.getExpiryStatus(undefined)).toBeNull();
    expect(harness.badgeCounts.at(-1)).toBe(0);
    expect(harness.watchTimers.pending()).toEqual([]);
  });

  it('keeps the last counts when a check fails, says when and why, and tries again an hour later', async () => {
    await runWatch();
    // Past the minute the services keep the keys they filter themselves (strict profile).
    harness.clientClock.advance(2 * 60_000);
    harness.beforeRequest = (_method, path) => {
      if (path.endsWith('/api-keys')) throw new TypeError('fetch failed: network is unreachable');
    };
    await harness.handlers.updateSettings({ expiryWarningDays: 20 });
    await runWatch();
    expect(await harness.handlers.getExpiryStatus(undefined)).toMatchObject({ warningDays: 14, expiringSoon: 5, expired: 4, failure: { code: 'NETWORK' } });
    expect(harness.log.lines.some((line) => line.includes('The expiry check failed'))).toBe(true);
    expect(harness.watchTimers.pending()).toEqual([{ ms: CHECK_INTERVAL_MS }]);

    harness.beforeRequest = null;
    await runWatch();
    expect(await harness.handlers.getExpiryStatus(undefined)).toMatchObject({ warningDays: 20, failure: null });
  });
});
