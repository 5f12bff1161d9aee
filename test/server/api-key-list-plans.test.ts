// The list query chooses between plans (counts table or COUNT; the search index's matches,
// a range of a sort index, the organization or the table as the source; walking the sort
// index or sorting the candidates). Whatever it chooses, the page must be the one the
// shared evaluation gives (src/shared/api-key-list-evaluation.ts: what the services compute
// where a server does not filter), for every filter alone and in combination. Runs on the
// store directly: the choice depends on data sizes that would take too long over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateApiKeyList } from '../../src/shared/api-key-list-evaluation';
import type { ApiKeyListFilters } from '../../src/shared/api-key-list-query';
import { API_KEY_SORT_FIELDS, type ApiKey } from '../../src/shared/api-types';
import { openDatabase, type Database } from '../../src/server/db/database';
import { listApiKeys, type ApiKeyListQuery, type ListPlanChoice } from '../../src/server/store/api-key-list';
import { insertApiKey, SELECT_KEY, toApiKey, type ApiKeyRow } from '../../src/server/store/api-key-store';
import { seededRandom } from '../bench/seeded-words';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-11-26T12:00:00.000Z');
const HOUR = 3_600_000;
const WORDS = ['Parcel', 'survey', 'Öffentliche', 'road', 'water', 'PARK', 'sync', 'zoning', 'ÉMILE'];
const USERS = [
  { id: '33333333-3333-4333-8333-333333333333', name: 'Alice Gagnon' },
  { id: '44444444-4444-4444-8444-444444444444', name: 'Émile Bruno' },
  { id: '55555555-5555-4555-8555-555555555555', name: 'bruno zed' },
];
const at = (hours: number): string => new Date(NOW.getTime() + hours * HOUR).toISOString();

function build(): Database {
  const db = openDatabase(':memory:');
  db.prepare('INSERT INTO organizations (id, name) VALUES (?, ?), (?, ?)').run(ORG, 'Main', OTHER, 'Other');
  for (const user of USERS) {
    db.prepare("INSERT INTO users (id, name, email, password_hash) VALUES (?, ?, ?, 'x')").run(user.id, user.name, `${user.id}@test.local`);
  }
  db.exec('BEGIN');
  for (let i = 0; i < 2400; i++) {
    const created = -((i * 7919) % 1000);
    insertApiKey(db, {
      organizationId: i % 6 === 5 ? OTHER : ORG,
      title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 5) % WORDS.length]} ${i}`,
      role: i % 3 === 0 ? 'ORG_VIEWER' : 'ORG_EDITOR',
      creator: USERS[i % USERS.length] as (typeof USERS)[number],
      creationDate: at(created),
      expirationDate: at(((i * 104_729) % 2000) - 400),
      // A third never used; the others at some hour between creation and now.
      lastUsedDate: i % 3 === 1 ? null : at(Math.floor(created * ((i * 31) % 97) / 97)),
      secret: `test-${i}`,
    });
  }
  db.exec('COMMIT');
  return db;
}

/** Every key of the organization, read without the list query under test. */
function everyKey(database: Database): ApiKey[] {
  const rows = database.prepare(`${SELECT_KEY} WHERE k.organization_id = ?`).all(ORG) as unknown as ApiKeyRow[];
  return rows.map((row) => toApiKey(row, NOW));
}

let db: Database;
beforeAll(() => {
  db = build();
});
afterAll(() => db.close());

/** Each filter with values that match many, few and no keys (texts of 1 to 6 characters). */
const FILTER_VALUES: { [K in keyof ApiKeyListFilters]-?: ApiKeyListFilters[K][] } = {
  search: ['pa', 'park', 'PARK 1', 'bruno', 'öffentliche', 'zzz', '"quoted"', ' 12', '-4', 'é'],
  title: ['alice', 'park', 'r', 'émile', 'ÉMILE 1', '12'],
  id: ['4', 'ab', 'c4e', '-4'],
  createdBy: ['bruno', 'al', 'émile', 'zed'],
  role: ['ORG_VIEWER', 'ORG_EDITOR'],
  status: ['ACTIVE', 'EXPIRING_SOON', 'EXPIRED'],
  expiresFrom: [at(0), at(300), at(-1000)],
  expiresBefore: [at(336), at(0), at(1600)],
  createdFrom: [at(-100), at(-900)],
  createdBefore: [at(-50), at(-500)],
  neverUsed: [true],
  unusedSince: [at(-24), at(-400)],
};
const FILTER_NAMES = Object.keys(FILTER_VALUES) as (keyof ApiKeyListFilters)[];

function queries(): ApiKeyListQuery[] {
  const random = seededRandom(0x1234567);
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const list: ApiKeyListQuery[] = [];
  const base = (index: number): ApiKeyListQuery => ({
    sort: pick(API_KEY_SORT_FIELDS),
    direction: index % 2 ? 'desc' : 'asc',
    page: pick([0, 0, 1, 3]),
    size: pick([10, 50, 100, 1000]),
  });
  // Each filter and value alone, then 1 to 5 filters at random, on random sorts and pages.
  for (const name of FILTER_NAMES) for (const value of FILTER_VALUES[name]) list.push({ ...base(list.length), [name]: value });
  for (let i = 0; i < 500; i++) {
    const query = base(i);
    const count = 1 + Math.floor(random() * 5);
    for (let j = 0; j < count; j++) {
      const name = pick(FILTER_NAMES);
      Object.assign(query, { [name]: pick(FILTER_VALUES[name] as unknown[]) });
    }
    list.push(query);
  }
  return list;
}

/** Checks every query; returns the plans they took. */
function check(database: Database): Set<string> {
  const all = everyKey(database);
  let nonEmpty = 0;
  const plans = new Set<string>();
  const seen = (choice: ListPlanChoice): void => {
    plans.add(choice.count).add(choice.page).add(`source ${choice.source}`).add(`text checked ${choice.textCheck}`);
  };
  for (const query of queries()) {
    const page = listApiKeys(database, ORG, query, NOW, seen);
    const want = evaluateApiKeyList(all, { ...query, sort: { field: query.sort, direction: query.direction } }, NOW.getTime());
    expect({ ids: page.content.map((k) => k.id), total: page.page.totalElements }, JSON.stringify(query)).toEqual({
      ids: want.content.map((k) => k.id),
      total: want.page.totalElements,
    });
    if (page.content.length > 0) nonEmpty += 1;
  }
  // The combinations are worth something only if many of them find keys.
  expect(nonEmpty).toBeGreaterThan(300);
  return plans;
}

describe('listApiKeys', { timeout: 60_000 }, () => {
  it('gives the shared evaluation’s page for every filter alone and combined, whatever plan it picks', () => {
    const plans = check(db);
    // Every plan was taken by some query, so every one was checked.
    expect([...plans].sort()).toEqual(
      [
        'counts table',
        'search index, other organizations subtracted',
        'from the source',
        'walk the sort index',
        'sort the source',
        'sort the source, counting as it goes',
        'none',
        'source null',
        'source api_keys k NOT INDEXED',
        'source search index',
        'source api_keys k INDEXED BY api_keys_by_id',
        'source api_keys k INDEXED BY api_keys_by_role',
        'source api_keys k INDEXED BY api_keys_by_expiration',
        'source api_keys k INDEXED BY api_keys_by_creation',
        'source api_keys k INDEXED BY api_keys_by_last_use',
        'text checked null',
        'text checked row',
        'text checked set',
      ].sort(),
    );
  });

  it('gives the same answer without the search index (a SQLite built without FTS5)', () => {
    const bare = build();
    try {
      bare.exec(`DROP TRIGGER api_keys_text_insert; DROP TRIGGER api_keys_text_delete; DROP TRIGGER api_keys_text_update;
        DROP TABLE api_key_text;`);
      check(bare);
    } finally {
      bare.close();
    }
  });

  it('keeps the counts table and the search index right through deletions and uses', () => {
    const victims = everyKey(db).filter((k) => k.title.startsWith('PARK')).slice(0, 50);
    for (const victim of victims) db.prepare('DELETE FROM api_keys WHERE id = ?').run(victim.id);
    const used = everyKey(db).filter((k) => k.lastUsedDate === null).slice(0, 40);
    for (const key of used) db.prepare('UPDATE api_keys SET last_used_date = ? WHERE id = ?').run(at(-1), key.id);
    expect(everyKey(db)).toHaveLength(2000 - 50);
    check(db);
  });
});
