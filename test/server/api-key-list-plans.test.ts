// The list query chooses between plans (counts table or COUNT, trigram index or scan,
// reading matches or walking the sort index). Whatever it chooses, the page must equal
// the plain answer computed here in JavaScript. Runs on the store directly: the choice
// depends on data sizes that would take too long to build over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_SORT_FIELDS, type ApiKey, type ApiKeySortField } from '../../src/shared/api-types';
import { openDatabase, type Database } from '../../src/server/db/database';
import { listApiKeys, type ApiKeyListQuery } from '../../src/server/store/api-key-list';
import { insertApiKey, SELECT_KEY, toApiKey, type ApiKeyRow } from '../../src/server/store/api-key-store';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-11-26T12:00:00.000Z');
const WORDS = ['Parcel', 'survey', 'Öffentliche', 'road', 'water', 'PARK', 'sync', 'zoning'];
const USERS = [
  { id: '33333333-3333-4333-8333-333333333333', name: 'Alice Gagnon' },
  { id: '44444444-4444-4444-8444-444444444444', name: 'Émile Bruno' },
  { id: '55555555-5555-4555-8555-555555555555', name: 'bruno zed' },
];

function build(): Database {
  const db = openDatabase(':memory:');
  db.prepare('INSERT INTO organizations (id, name) VALUES (?, ?), (?, ?)').run(ORG, 'Main', OTHER, 'Other');
  for (const user of USERS) {
    db.prepare("INSERT INTO users (id, name, email, password_hash) VALUES (?, ?, ?, 'x')").run(user.id, user.name, `${user.id}@test.local`);
  }
  db.exec('BEGIN');
  for (let i = 0; i < 2400; i++) {
    insertApiKey(db, {
      organizationId: i % 6 === 5 ? OTHER : ORG,
      title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 5) % WORDS.length]} ${i}`,
      role: i % 3 === 0 ? 'ORG_VIEWER' : 'ORG_EDITOR',
      creator: USERS[i % USERS.length] as (typeof USERS)[number],
      creationDate: new Date(NOW.getTime() - ((i * 7919) % 1000) * 3_600_000).toISOString(),
      expirationDate: new Date(NOW.getTime() + (((i * 104_729) % 2000) - 400) * 3_600_000).toISOString(),
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

const key = (field: ApiKeySortField, k: ApiKey): string =>
  ({ title: k.title.toLowerCase(), id: k.id, createdBy: k.createdBy.name.toLowerCase(), creationDate: k.creationDate, expirationDate: k.expirationDate, role: k.role })[field];
// SQLite's NOCASE folds ASCII only; the fixtures' sort keys differ in ASCII letters alone where it matters.
const asciiLower = (value: string): string => value.replace(/[A-Z]/g, (c) => c.toLowerCase());

function expected(all: ApiKey[], query: ApiKeyListQuery) {
  const search = (query.search ?? '').toLowerCase();
  const soon = new Date(NOW.getTime() + 14 * 86_400_000).toISOString();
  const matches = all.filter(
    (k) =>
      (search === '' || `${k.title}\n${k.id}\n${k.createdBy.name}`.toLowerCase().includes(search)) &&
      (query.role === undefined || k.role === query.role) &&
      (query.status !== 'EXPIRED' || k.expired) &&
      (query.status !== 'ACTIVE' || !k.expired) &&
      (query.status !== 'EXPIRING_SOON' || (!k.expired && k.expirationDate <= soon)),
  );
  const sign = query.direction === 'asc' ? 1 : -1;
  matches.sort((a, b) => {
    const [x, y] = [asciiLower(key(query.sort, a)), asciiLower(key(query.sort, b))];
    return sign * (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1);
  });
  const start = query.page * query.size;
  return { ids: matches.slice(start, start + query.size).map((k) => k.id), total: matches.length };
}

const queries: ApiKeyListQuery[] = [];
for (const search of [undefined, 'pa', 'park', 'PARK 1', 'bruno', 'öffentliche', 'zzz', '"quoted"', ' 12', '-4']) {
  for (const [index, sort] of API_KEY_SORT_FIELDS.entries()) {
    queries.push({ search, sort, direction: index % 2 ? 'desc' : 'asc', page: index % 3, size: 50 });
  }
  queries.push({ search, sort: 'title', direction: 'asc', page: 0, size: 100, role: 'ORG_VIEWER' });
  queries.push({ search, sort: 'expirationDate', direction: 'desc', page: 1, size: 20, status: 'EXPIRING_SOON' });
  queries.push({ search, sort: 'creationDate', direction: 'desc', page: 0, size: 1000, status: 'EXPIRED', role: 'ORG_EDITOR' });
  queries.push({ search, sort: 'createdBy', direction: 'asc', page: 0, size: 10, status: 'ACTIVE' });
}

function check(database: Database): void {
  const all = everyKey(database);
  for (const query of queries) {
    const page = listApiKeys(database, ORG, query, NOW);
    const want = expected(all, query);
    expect({ ids: page.content.map((k) => k.id), total: page.page.totalElements }, JSON.stringify(query)).toEqual(want);
  }
}

describe('listApiKeys', () => {
  it('gives the plain answer with the trigram index, whatever plan it picks', () => {
    check(db);
  });

  it('gives the same answer without the index (a SQLite built without FTS5)', () => {
    const bare = build();
    try {
      bare.exec(`DROP TRIGGER api_keys_search_insert; DROP TRIGGER api_keys_search_delete; DROP TRIGGER api_keys_search_update;
        DROP TABLE api_key_search;`);
      check(bare);
    } finally {
      bare.close();
    }
  });

  it('keeps the counts table and the index right through deletions', () => {
    const victims = everyKey(db).filter((k) => k.title.startsWith('PARK')).slice(0, 50);
    for (const victim of victims) db.prepare('DELETE FROM api_keys WHERE id = ?').run(victim.id);
    expect(everyKey(db)).toHaveLength(2000 - 50);
    check(db);
  });
});
