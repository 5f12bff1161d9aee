// Prepared statements kept per database and SQL text: the key list builds its SQL from the
// filters in use, and preparing a statement costs about as much as running it on a small
// organization. Bounded, oldest out first: the combinations of filters are many.
import type { StatementSync } from 'node:sqlite';
import type { Database } from '../db/database';

const LIMIT = 256;
const caches = new WeakMap<Database, Map<string, StatementSync>>();

export function statement(db: Database, sql: string): StatementSync {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (prepared) {
    // Most recently used last, so that the first entry is the one to drop.
    cache.delete(sql);
  } else {
    prepared = db.prepare(sql);
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
  }
  cache.set(sql, prepared);
  return prepared;
}
