// The JWT signing key: random per database, created on first start and kept in it.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';

export function loadSigningKey(db: Database): Buffer {
  const row = db.prepare("SELECT value FROM settings WHERE name = 'jwt_signing_key'").get() as { value: string } | undefined;
  if (row) return Buffer.from(row.value, 'base64');
  const key = randomBytes(32);
  db.prepare("INSERT INTO settings (name, value) VALUES ('jwt_signing_key', ?)").run(key.toString('base64'));
  return key;
}
