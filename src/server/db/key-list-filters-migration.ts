// Migration 7, for the key list's filters (issue 12) at 100,000 keys:
// - title and creator name lower-cased in JavaScript (full Unicode) in their own columns, so
//   that "title contains" is the title alone, not the title, id and creator together;
// - one FTS5 trigram index with a column per field (title, id, creator) instead of one over
//   the three joined, so that each text filter, and the search over all three, uses it;
// - every sort index carries the columns the other filters test (role and the three
//   dates): walking a sort index, or counting through one, then needs no table row for
//   them (a row read costs 10 to 40 times an index entry);
// - a sort index on the last use, for "never used", "not used since" and sorting by it.
import type { DatabaseSync } from 'node:sqlite';
import type { Migration } from './migration';
import { hasFts5 } from './sqlite-features';

/** Filter columns appended to a sort index: every one but the index's own sort column. */
const FILTER_COLUMNS = ['role', 'expiration_date', 'creation_date', 'last_used_date'];
const coveringIndex = (name: string, sortColumns: string, own?: string): string =>
  `CREATE INDEX ${name} ON api_keys (organization_id, ${sortColumns}, id${FILTER_COLUMNS.filter((column) => column !== own)
    .map((column) => `, ${column}`)
    .join('')});`;

const SORT_INDEXES_SQL = [
  coveringIndex('api_keys_by_title', 'title COLLATE NOCASE'),
  coveringIndex('api_keys_by_creator', 'creator_name COLLATE NOCASE'),
  `CREATE INDEX api_keys_by_id ON api_keys (organization_id, id, ${FILTER_COLUMNS.join(', ')});`,
  coveringIndex('api_keys_by_role', 'role', 'role'),
  coveringIndex('api_keys_by_creation', 'creation_date', 'creation_date'),
  coveringIndex('api_keys_by_expiration', 'expiration_date', 'expiration_date'),
  coveringIndex('api_keys_by_last_use', 'last_used_date', 'last_used_date'),
].join('\n');

function foldTextColumns(db: DatabaseSync): void {
  db.exec(`
    ALTER TABLE api_keys ADD COLUMN title_folded TEXT NOT NULL DEFAULT '';
    ALTER TABLE api_keys ADD COLUMN creator_folded TEXT NOT NULL DEFAULT '';
  `);
  // SQLite's lower() folds ASCII only: "Émile" must match "émile", as the services' own
  // evaluation of a filter (shared/api-key-list-evaluation.ts) does.
  const rows = db.prepare('SELECT rowid AS rowid, title, creator_name FROM api_keys').all() as { rowid: number; title: string; creator_name: string }[];
  const update = db.prepare('UPDATE api_keys SET title_folded = ?, creator_folded = ? WHERE rowid = ?');
  for (const row of rows) update.run(row.title.toLowerCase(), row.creator_name.toLowerCase(), row.rowid);
}

function replaceSortIndexes(db: DatabaseSync): void {
  db.exec(`
    DROP INDEX api_keys_by_title; DROP INDEX api_keys_by_creator; DROP INDEX api_keys_by_id;
    DROP INDEX api_keys_by_role; DROP INDEX api_keys_by_creation; DROP INDEX api_keys_by_expiration;
    ${SORT_INDEXES_SQL}
  `);
}

/**
 * Contentless (the text is in api_keys already), so each delete repeats the values that
 * were indexed: the triggers have them. Ids are ASCII (UUIDs): SQL's lower() suffices.
 */
function replaceSearchIndex(db: DatabaseSync): void {
  db.exec(`
    DROP TRIGGER IF EXISTS api_keys_search_insert; DROP TRIGGER IF EXISTS api_keys_search_delete;
    DROP TRIGGER IF EXISTS api_keys_search_update; DROP TABLE IF EXISTS api_key_search;
  `);
  if (!hasFts5(db)) return;
  db.exec(`
    CREATE VIRTUAL TABLE api_key_text USING fts5(title, id, creator, content = '', tokenize = 'trigram case_sensitive 1');
    INSERT INTO api_key_text (rowid, title, id, creator) SELECT rowid, title_folded, lower(id), creator_folded FROM api_keys;
    CREATE TRIGGER api_keys_text_insert AFTER INSERT ON api_keys BEGIN
      INSERT INTO api_key_text (rowid, title, id, creator) VALUES (new.rowid, new.title_folded, lower(new.id), new.creator_folded);
    END;
    CREATE TRIGGER api_keys_text_delete AFTER DELETE ON api_keys BEGIN
      INSERT INTO api_key_text (api_key_text, rowid, title, id, creator) VALUES ('delete', old.rowid, old.title_folded, lower(old.id), old.creator_folded);
    END;
    CREATE TRIGGER api_keys_text_update AFTER UPDATE OF id, title_folded, creator_folded ON api_keys BEGIN
      INSERT INTO api_key_text (api_key_text, rowid, title, id, creator) VALUES ('delete', old.rowid, old.title_folded, lower(old.id), old.creator_folded);
      INSERT INTO api_key_text (rowid, title, id, creator) VALUES (new.rowid, new.title_folded, lower(new.id), new.creator_folded);
    END;
  `);
}

export const keyListFiltersMigration: Migration = {
  version: 7,
  name: 'key-list filters: folded title and creator, a search index per field, covering sort indexes, last use',
  sql: (db) => {
    foldTextColumns(db);
    replaceSortIndexes(db);
    replaceSearchIndex(db);
  },
};
