// A rotation kept in overlap ("keep both until …"): once the date has passed, the expiry
// watch reminds once (a system notification, remembered across starts), counts it in the
// badge, and keeps it in the status for the banner until the old key is deleted.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROTATIONS_FILE } from '../../src/services/api-keys/rotation/rotation-records';
import { daysFrom } from '../server/server-test-client';
import { flush } from './support/caught';
import { PROFILES, startHarness, type Harness } from './support/harness';

const DAY = 86_400_000;
let harness: Harness;
afterEach(() => harness.close());

async function runWatch(): Promise<void> {
  harness.watchTimers.fireAll();
  await harness.handlers.getExpiryStatus(undefined);
  await flush();
}

describe.each(PROFILES)('reminders of ended overlaps (profile %s)', (profile) => {
  it('reminds once after the date, counts it until the old key is deleted, and remembers it was said', async () => {
    harness = await startHarness({ profile });
    await harness.handlers.openLocalOrganization(undefined);
    await runWatch();
    const badgeBefore = harness.badgeCounts.at(-1) ?? 0;
    const old = (await harness.handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'title', sortDirection: 'asc' })).content.find((key) => key.title === 'Tree inventory');
    if (!old) throw new Error('no demo key Tree inventory');
    const { rotation, apiKey } = await harness.handlers.startRotation({
      apiKeyId: old.id,
      title: 'Tree inventory (2027)',
      expirationDate: daysFrom(new Date(), 300),
      idempotencyKey: crypto.randomUUID(),
    });
    await harness.handlers.grantRotationAccess({ rotationId: rotation.id });
    const until = new Date(harness.clientClock.now().getTime() + DAY).toISOString();
    await harness.handlers.finishRotation({ rotationId: rotation.id, oldKey: { kind: 'keep-until', until } });

    await runWatch();
    expect((await harness.handlers.getExpiryStatus(undefined))?.endedOverlaps).toEqual([]);
    expect(harness.reminders).toEqual([]);

    harness.clientClock.advance(2 * DAY);
    await runWatch();
    const overlap = { id: rotation.id, oldKey: { id: old.id, title: 'Tree inventory', expirationDate: old.expirationDate }, replacement: { id: apiKey.id, title: 'Tree inventory (2027)', expirationDate: apiKey.expirationDate }, keepUntil: until };
    expect((await harness.handlers.getExpiryStatus(undefined))?.endedOverlaps).toEqual([overlap]);
    expect(harness.reminders).toEqual([{ organization: { id: harness.server.demo?.organizationId, name: 'Demo Organization' }, overlaps: [overlap] }]);
    expect(harness.badgeCounts.at(-1)).toBe(badgeBefore + 1);
    // Said once: not again an hour later, and remembered in the user-data folder for the next start.
    await runWatch();
    expect(harness.reminders).toHaveLength(1);
    const file = JSON.parse(await readFile(join(harness.userDataDir, ROTATIONS_FILE), 'utf8'));
    expect(file.rotations[0].remindedAt).toEqual(expect.any(String));

    await harness.handlers.finishRotation({ rotationId: rotation.id, oldKey: { kind: 'delete-now' } });
    await runWatch();
    expect((await harness.handlers.getExpiryStatus(undefined))?.endedOverlaps).toEqual([]);
    expect(harness.badgeCounts.at(-1)).toBe(badgeBefore);
  });
});
