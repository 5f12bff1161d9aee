// Parallel races against the real server and the real bridge: the same request many times
// at once must have exactly the effect of one, and sign-in bursts must meet the limits as
// sequential tries do. After all of them the database passes SQLite's own checks and the
// key counts kept for the list agree with the keys.
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import { SIGN_IN_LIMITS } from '../../src/server/auth/sign-in-limiter';
import type { Result } from '../../src/shared/errors';
import { restRoutes } from '../../src/shared/rest-routes';
import { daysFrom } from '../server/server-test-client';
import { Tally } from './support/figures';
import { send, type RawAnswer } from './support/http';
import { DEMO_PASSWORD, ORG, startOrganizationUnderAttack } from './support/organization-under-attack';
import { startPreviewUnderAttack } from './support/preview-under-attack';

const KIND = 'parallel races';
const PARALLEL = 30;
const org = await startOrganizationUnderAttack();
const tally = new Tally();
afterAll(async () => {
  tally.write('races');
  await org.close();
});

/** Many copies of one request, all sent before any answer comes. */
async function race(count: number, request: () => Promise<RawAnswer>): Promise<number[]> {
  const answers = await Promise.all(Array.from({ length: count }, request));
  for (const answer of answers) tally.recordStatus(KIND, answer.status);
  return answers.map((answer) => answer.status).sort();
}

const otherComputers = await canUse('127.0.0.2');
const times = (count: number, status: number): number[] => Array.from({ length: count }, () => status);

/** How many of the limiter's waits (1 s, 2 s, 4 s, …) run out one after the other within `ms`. */
function waitsWithin(ms: number): number {
  let count = 0;
  for (let wait = SIGN_IN_LIMITS.firstWaitMs, total = wait; total <= ms; wait *= 2, total += wait) count += 1;
  return count;
}

describe('parallel races on the server', () => {
  it('makes exactly one key of creates sharing one Idempotency-Key', async () => {
    const title = `Raced create ${randomUUID()}`;
    const body = { title, role: 'ORG_EDITOR', expirationDate: daysFrom(new Date(), 30) };
    const statuses = await race(PARALLEL, () =>
      org.call('POST', restRoutes.apiKeys.path({ orgId: ORG }), { token: org.principals.admin, body, headers: { 'Idempotency-Key': 'raced-create' } }),
    );
    expect(statuses).toEqual([201, ...times(PARALLEL - 1, 409)]);
    const page = await org.ok<{ page: { totalElements: number } }>('GET', `${restRoutes.apiKeys.path({ orgId: ORG })}?search=${encodeURIComponent(title)}`, {
      token: org.principals.admin,
    });
    expect(page.page.totalElements).toBe(1);
  });

  it('deletes a key once when many delete it at once, and transfers its resources once', async () => {
    const key = await org.createKey(org.principals.admin);
    for (let i = 0; i < 5; i++) {
      await org.ok('POST', restRoutes.dataSources.path({ orgId: ORG }), { apiKey: key.secret, body: { name: `Raced source ${i}` } });
    }
    const path = `${restRoutes.apiKey.path({ orgId: ORG, keyId: key.id })}?transferTo=${DEMO_USERS.editor2.id}`;
    const statuses = await race(PARALLEL, () => org.call('DELETE', path, { token: org.principals.admin }));
    expect(statuses).toEqual([200, ...times(PARALLEL - 1, 404)]);
    type Source = { name: string; owners: { id: string }[] };
    const sources = await org.ok<Source[]>('GET', restRoutes.dataSources.path({ orgId: ORG }), { token: org.principals.admin });
    const raced = sources.filter((source) => source.name.startsWith('Raced source'));
    expect(raced.map((source) => source.owners.filter((owner) => owner.id === DEMO_USERS.editor2.id).length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('honours a refresh token once when it is presented many times at once', async () => {
    const { refreshToken } = await org.signIn(DEMO_USERS.editor1.email, null);
    const statuses = await race(PARALLEL, () => org.call('POST', restRoutes.refreshToken.path(), { body: { refreshToken, organizationId: ORG } }));
    expect(statuses).toEqual([200, ...times(PARALLEL - 1, 401)]);
  });

  it('checks at most 5 passwords of a burst of 100 guesses, the right one included', async () => {
    const guesses = Array.from({ length: 100 }, (_, index) => (index === 60 ? DEMO_PASSWORD : `guess-${index}`));
    const started = performance.now();
    const answers = await Promise.all(
      guesses.map((password) => org.call('POST', restRoutes.authenticate.path(), { body: { username: DEMO_USERS.viewer2.email, password } })),
    );
    const lasted = performance.now() - started;
    for (const answer of answers) tally.recordStatus(KIND, answer.status);
    // 5 free tries, and one more each time a wait (1 s, 2 s, …) runs out while the burst
    // lasts: on a loaded machine, 100 sign-ins take more than a second.
    const checked = answers.filter((answer) => answer.status !== 429).length;
    expect(checked).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.freeFailures);
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.freeFailures + waitsWithin(lasted));
    for (const answer of answers.filter((each) => each.status === 429)) {
      // An error body, which the success wrapping of issue 11 leaves as it is.
      expect(Number(answer.headers['retry-after'])).toBe((answer.json as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds);
    }
  });

  it.skipIf(!otherComputers)('lets the user in from another computer during a burst of guesses (needs a second loopback address, 127.0.0.2)', async () => {
    const body = (password: string) => JSON.stringify({ username: DEMO_USERS.editor3.email, password });
    const request = (password: string, localAddress: string) =>
      send(org.url, { method: 'POST', path: restRoutes.authenticate.path(), headers: { 'Content-Type': 'application/json' }, body: body(password), localAddress });
    const burst = Array.from({ length: 100 }, (_, index) => request(`guess-${index}`, '127.0.0.2'));
    const owner = request(DEMO_PASSWORD, '127.0.0.3');
    const answers = await Promise.all([...burst, owner]);
    for (const answer of answers) tally.recordStatus(KIND, answer.status);
    expect((await owner).status).toBe(200);
  });

  it('keeps the database whole and the list’s counts right after the races', () => {
    expect(org.integrityProblems()).toEqual([]);
  });
});

describe('parallel races through the bridge', () => {
  it('creates one key and shows its secret once for a wizard submission sent many times at once', async () => {
    const bridge = await startPreviewUnderAttack();
    try {
      await bridge.call('openLocalOrganization');
      const argument = { title: `Raced wizard ${randomUUID()}`, role: 'ORG_VIEWER', expirationDate: daysFrom(new Date(), 30), idempotencyKey: randomUUID() };
      const answers = await Promise.all(Array.from({ length: 10 }, () => bridge.raw('createApiKey', JSON.stringify(argument))));
      const results = answers.map((answer) => answer.json as Result<{ secret: string }>);
      for (const result of results) tally.record(KIND, result.ok ? 'accepted' : 'refused');
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.error.code))).toEqual(times(9, 0).map(() => 'SECRET_LOST'));

      const key = results.find((result) => result.ok);
      const id = await bridge.call<{ content: { id: string; title: string }[] }>('listApiKeys', { search: argument.title });
      expect(id.content).toHaveLength(1);
      expect(key).toBeDefined();
      const deletes = await Promise.all(
        Array.from({ length: 10 }, () => bridge.raw('deleteApiKey', JSON.stringify({ id: id.content[0]?.id, resources: { kind: 'nothing-owned' } }))),
      );
      const deleted = deletes.map((answer) => answer.json as Result<unknown>);
      for (const result of deleted) tally.record(KIND, result.ok ? 'accepted' : 'refused');
      expect(deleted.filter((result) => result.ok)).toHaveLength(1);
      expect(new Set(deleted.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.error.code)))).toEqual(new Set(['NOT_FOUND']));
    } finally {
      await bridge.close();
    }
  });
});

function canUse(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(0, address, () => probe.close(() => resolve(true)));
  });
}
