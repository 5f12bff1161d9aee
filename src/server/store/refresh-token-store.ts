// Refresh tokens in SQL: only a SHA-256 of each is stored. The rules (single use, a reused
// token revoking its family) are in auth/tokens.ts.
import type { Database } from '../db/database';

export interface RefreshTokenRow {
  readonly userId: string;
  readonly expiresAt: string;
  readonly consumedAt: string | null;
  readonly familyId: string;
}

export function insertRefreshToken(
  db: Database,
  token: { tokenHash: string; userId: string; createdAt: string; expiresAt: string; familyId: string },
): void {
  db.prepare('INSERT INTO refresh_tokens (token_hash, user_id, created_at, expires_at, family_id) VALUES (?, ?, ?, ?, ?)').run(
    token.tokenHash,
    token.userId,
    token.createdAt,
    token.expiresAt,
    token.familyId,
  );
}

export function findRefreshToken(db: Database, tokenHash: string): RefreshTokenRow | undefined {
  const row = db.prepare('SELECT user_id, expires_at, consumed_at, family_id FROM refresh_tokens WHERE token_hash = ?').get(tokenHash) as
    | { user_id: string; expires_at: string; consumed_at: string | null; family_id: string }
    | undefined;
  return row && { userId: row.user_id, expiresAt: row.expires_at, consumedAt: row.consumed_at, familyId: row.family_id };
}

/** Marks the token consumed, unless it already is. */
export function markRefreshTokenConsumed(db: Database, tokenHash: string, at: string): void {
  db.prepare('UPDATE refresh_tokens SET consumed_at = ? WHERE token_hash = ? AND consumed_at IS NULL').run(at, tokenHash);
}

/** Marks every live token of the family consumed. */
export function markRefreshTokenFamilyConsumed(db: Database, familyId: string, at: string): void {
  db.prepare('UPDATE refresh_tokens SET consumed_at = ? WHERE family_id = ? AND consumed_at IS NULL').run(at, familyId);
}
