import type { DatabaseSync } from 'node:sqlite';

/** One numbered schema change (db/migrations.ts lists them in order). */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Plain SQL, or a function when the schema depends on what this SQLite offers. */
  readonly sql: string | ((db: DatabaseSync) => void);
}
