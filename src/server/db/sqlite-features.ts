// What the SQLite that runs the server offers, for schema choices that depend on it.
import type { DatabaseSync } from 'node:sqlite';

/** Whether this SQLite has FTS5 (Node's own build has; the search falls back to scanning without it). */
export function hasFts5(db: DatabaseSync): boolean {
  const row = db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS fts5").get() as { fts5: number };
  return row.fts5 === 1;
}
