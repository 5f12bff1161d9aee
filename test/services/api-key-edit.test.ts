// "Edit…" in the services, on both profiles: where the server offers the edit extension a
// key gets its new title and expiration with the same secret, and the change is recorded;
// where it does not (JMap Cloud), the answer is UNSUPPORTED (key-edit-unsupported) before any
// request, and nothing is changed or recorded.
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../src/shared/activity-log';
import { daysFrom } from '../server/server-test-client';
import { createDispatcher } from '../../src/services/dispatch/dispatcher';
import { caught } from './support/caught';
import type { LocalServerProfile } from '../../src/shared/server-capabilities';
import { startHarness, type Harness } from './support/harness';

let harness: Harness;
afterEach(() => harness.close());

const entries = async (): Promise<ActivityEntry[]> => (await harness.handlers.listActivity({ scope: 'organization', limit: 1000 })).entries;

async function open(profile: LocalServerProfile) {
  harness = await startHarness({ profile });
  const session = await harness.handlers.openLocalOrganization(undefined);
  const created = await harness.handlers.createApiKey({ title: 'Nightly export', role: 'ORG_VIEWER', expirationDate: daysFrom(new Date(), 10), idempotencyKey: crypto.randomUUID() });
  return { session, created };
}

describe('editApiKey (profile default: the server offers the edit)', () => {
  it('gives a key its new title and expiration, keeps its secret, and records from → to', async () => {
    const { created, session } = await open('default');
    expect(session.capabilities.apiKeyEdit).toBe(true);
    const until = daysFrom(new Date(), 200);
    const edited = await harness.handlers.editApiKey({ id: created.apiKey.id, title: 'Nightly export (2027)', expirationDate: until });
    expect(edited).toEqual({ ...created.apiKey, title: 'Nightly export (2027)', expirationDate: `${until}T23:59:59.999Z` });
    expect(await harness.handlers.getApiKey({ id: created.apiKey.id })).toEqual(edited);
    // The list the grid reads (kept by the services where they evaluate filters) shows it at once.
    const listed = await harness.handlers.listApiKeys({ page: 0, pageSize: 100, sortField: 'title', sortDirection: 'asc', search: 'nightly export (2027)' });
    expect(listed.content.map((key) => key.id)).toEqual([created.apiKey.id]);
    const [entry] = await entries();
    expect(entry).toMatchObject({
      action: 'edit',
      apiKey: { id: created.apiKey.id, title: 'Nightly export (2027)' },
      title: { from: 'Nightly export', to: 'Nightly export (2027)' },
      expirationDate: { from: created.apiKey.expirationDate, to: edited.expirationDate },
      outcome: { status: 'succeeded' },
    });
    expect(JSON.stringify(await entries())).not.toContain(created.secret);
  });

  it('records a refused edit as failed with the server\'s code, and changes nothing', async () => {
    const { created } = await open('default');
    const error = await caught(harness.handlers.editApiKey({ id: created.apiKey.id, expirationDate: daysFrom(new Date(), 500) }));
    expect([error.code, error.details?.serverCode]).toEqual(['VALIDATION', 'INVALID_EXPIRATION_DATE']);
    expect(await harness.handlers.getApiKey({ id: created.apiKey.id })).toEqual(created.apiKey);
    const [entry] = await entries();
    expect(entry).toMatchObject({
      action: 'edit',
      apiKey: { id: created.apiKey.id, title: 'Nightly export' },
      expirationDate: { from: created.apiKey.expirationDate, to: daysFrom(new Date(), 500) },
      outcome: { status: 'failed', errorCode: 'VALIDATION', serverCode: 'INVALID_EXPIRATION_DATE' },
    });
    expect(entry).not.toHaveProperty('title');
  });

  it('says NOT_FOUND for a key deleted meanwhile', async () => {
    const { created } = await open('default');
    await harness.handlers.deleteApiKey({ id: created.apiKey.id, resources: { kind: 'nothing-owned' } });
    expect((await caught(harness.handlers.editApiKey({ id: created.apiKey.id, title: 'Too late' }))).code).toBe('NOT_FOUND');
  });

  it('refuses an edit that changes nothing, before asking the server', async () => {
    const { created } = await open('default');
    const before = harness.requests.length;
    const answer = await createDispatcher(harness.handlers)('editApiKey', { id: created.apiKey.id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { method: 'editApiKey', fields: ['title'] } } });
    expect(harness.requests.length).toBe(before);
  });
});

describe('editApiKey (profile jmapcloud: no such call)', () => {
  it('answers UNSUPPORTED with its reason before any request, and records nothing', async () => {
    const { created, session } = await open('jmapcloud');
    expect(session.capabilities.apiKeyEdit).toBe(false);
    const before = harness.requests.length;
    const recorded = (await entries()).length;
    const error = await caught(harness.handlers.editApiKey({ id: created.apiKey.id, title: 'Renamed' }));
    expect([error.code, error.details?.reason]).toEqual(['UNSUPPORTED', 'key-edit-unsupported']);
    expect(harness.requests.length).toBe(before);
    expect((await entries()).length).toBe(recorded);
    expect((await harness.handlers.getApiKey({ id: created.apiKey.id })).title).toBe('Nightly export');
  });
});
