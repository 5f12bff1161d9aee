// Migration 7 on a database written before it: the keys already there get their folded
// title and creator and their place in the new search index, so every filter finds them.
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/server/db/migrations';
import { listApiKeys, type ApiKeyListQuery } from '../../src/server/store/api-key-list';
import { insertApiKey } from '../../src/server/store/api-key-store';

const ORG = '11111111-1111-4111-8111-111111111111';
const USER = { id: '33333333-3333-4333-8333-333333333333', name: 'Émile Bruno' };
const NOW = new Date('2026-11-26T12:00:00.000Z');

function schema6WithKeys(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  applyMigrations(db, 6);
  db.prepare('INSERT INTO organizations (id, name) VALUES (?, ?)').run(ORG, 'Main');
  db.prepare("INSERT INTO users (id, name, email, password_hash) VALUES (?, ?, 'e@x.local', 'x')").run(USER.id, USER.name);
  const insert = db.prepare(`INSERT INTO api_keys (id, organization_id, title, role, created_by, creator_name, search_text,
    creation_date, expiration_date, last_used_date, secret_hash) VALUES (?, ?, ?, 'ORG_EDITOR', ?, ?, ?, ?, ?, ?, ?)`);
  const keys = [
    ['aaaaaaaa-0000-4000-8000-000000000001', 'ÉCOLE Survey', null],
    ['aaaaaaaa-0000-4000-8000-000000000002', 'Parcels', '2026-11-20T00:00:00.000Z'],
  ] as const;
  for (const [id, title, lastUsed] of keys) {
    insert.run(id, ORG, title, USER.id, USER.name, `${title}\n${id}\n${USER.name}`.toLowerCase(), '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', lastUsed, id);
  }
  return db;
}

const query = (filters: Partial<ApiKeyListQuery>): ApiKeyListQuery => ({ page: 0, size: 10, sort: 'title', direction: 'asc', ...filters });
const titles = (db: DatabaseSync, filters: Partial<ApiKeyListQuery>): string[] => listApiKeys(db, ORG, query(filters), NOW).content.map((key) => key.title);

describe('migration 7 (key-list filters)', () => {
  it('folds the keys already there, indexes them per field, and keeps them in the list', () => {
    const db = schema6WithKeys();
    applyMigrations(db);
    expect(db.prepare('SELECT title_folded, creator_folded FROM api_keys ORDER BY id').all()).toEqual([
      { title_folded: 'école survey', creator_folded: 'émile bruno' },
      { title_folded: 'parcels', creator_folded: 'émile bruno' },
    ]);
    expect(titles(db, {})).toEqual(['Parcels', 'ÉCOLE Survey']);
    expect(titles(db, { title: 'école' })).toEqual(['ÉCOLE Survey']);
    expect(titles(db, { title: 'émile' })).toEqual([]);
    expect(titles(db, { createdBy: 'ÉMILE', search: 'parc' })).toEqual(['Parcels']);
    expect(titles(db, { neverUsed: true })).toEqual(['ÉCOLE Survey']);
    expect(titles(db, { id: '0002' })).toEqual(['Parcels']);
    // Keys written after the migration join the same index.
    insertApiKey(db, {
      organizationId: ORG,
      title: 'Écoles primaires',
      role: 'ORG_VIEWER',
      creator: USER,
      creationDate: '2026-02-01T00:00:00.000Z',
      expirationDate: '2027-02-01T00:00:00.000Z',
      secret: 'later',
    });
    expect(titles(db, { title: 'écol' })).toEqual(['ÉCOLE Survey', 'Écoles primaires']);
    db.prepare("DELETE FROM api_keys WHERE title = 'ÉCOLE Survey'").run();
    expect(titles(db, { title: 'écol' })).toEqual(['Écoles primaires']);
    db.close();
  });
});
