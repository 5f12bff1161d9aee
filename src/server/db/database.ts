// Opens the server's SQLite database (node:sqlite: no native module, so the server also
// runs inside Electron's utilityProcess) and applies the numbered migrations.
import { DatabaseSync } from 'node:sqlite';
import { applyMigrations } from './migrations';

export type Database = DatabaseSync;

export function openDatabase(path: string): Database {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
    db.exec('PRAGMA schema_version'); // reads the header: a file that is no database fails here
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot open the database ${path}: ${reason}. Check that its folder exists and is writable, and that the file is a KeyDesk database.`, {
      cause: error,
    });
  }
  // WAL lets a reader (the benchmark, a second process inspecting the file) run beside the
  // server; foreign keys catch a dangling layer or ACL entry as a bug instead of silent data.
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  // A 64 MiB page cache (an upper bound, not an allocation) keeps a 100,000-key
  // organization's indexes in memory; SQLite's default of 2 MiB would re-read them.
  db.exec('PRAGMA cache_size = -65536');
  db.exec('PRAGMA temp_store = MEMORY');
  applyMigrations(db);
  return db;
}

/**
 * Runs `work` in one transaction: everything it writes is committed together, or, when it
 * throws, nothing is. node:sqlite has no nested-transaction helper, so nesting is refused.
 */
export function inTransaction<T>(db: Database, work: () => T): T {
  if (db.isTransaction) throw new Error('inTransaction does not nest');
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
