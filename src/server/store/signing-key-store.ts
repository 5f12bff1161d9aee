// Signing keys, random per database, created on first start and kept in it: the HMAC key of
// the REST API's own access tokens, and the identity provider's private JWK.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';

export function loadSigningKey(db: Database): Buffer {
  const row = db.prepare("SELECT value FROM settings WHERE name = 'jwt_signing_key'").get() as { value: string } | undefined;
  if (row) return Buffer.from(row.value, 'base64');
  const key = randomBytes(32);
  db.prepare("INSERT INTO settings (name, value) VALUES ('jwt_signing_key', ?)").run(key.toString('base64'));
  return key;
}

/** The identity provider's private key as a JSON Web Key, or undefined before the first start. */
export function readIdentityProviderJwk(db: Database): string | undefined {
  const row = db.prepare("SELECT value FROM settings WHERE name = 'oauth_signing_jwk'").get() as { value: string } | undefined;
  return row?.value;
}

export function saveIdentityProviderJwk(db: Database, jwk: string): void {
  db.prepare("INSERT INTO settings (name, value) VALUES ('oauth_signing_jwk', ?)").run(jwk);
}
