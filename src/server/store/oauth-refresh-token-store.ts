// The identity provider's refresh tokens in SQL: only a SHA-256 of each. The rules (rotation,
// a reused token revoking its family) are in identity/oauth-tokens.ts.
import type { Database } from '../db/database';

export interface OAuthRefreshTokenRow {
  readonly familyId: string;
  readonly clientId: string;
  readonly userId: string;
  readonly organizationId: string | null;
  readonly scope: string;
  readonly expiresAt: string;
  readonly consumedAt: string | null;
}

export function insertOAuthRefreshToken(
  db: Database,
  token: Omit<OAuthRefreshTokenRow, 'consumedAt'> & { tokenHash: string; createdAt: string },
): void {
  db.prepare(
    `INSERT INTO oauth_refresh_tokens (token_hash, family_id, client_id, user_id, organization_id, scope, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(token.tokenHash, token.familyId, token.clientId, token.userId, token.organizationId, token.scope, token.createdAt, token.expiresAt);
}

export function findOAuthRefreshToken(db: Database, tokenHash: string): OAuthRefreshTokenRow | undefined {
  const row = db
    .prepare('SELECT family_id, client_id, user_id, organization_id, scope, expires_at, consumed_at FROM oauth_refresh_tokens WHERE token_hash = ?')
    .get(tokenHash) as
    | {
        family_id: string;
        client_id: string;
        user_id: string;
        organization_id: string | null;
        scope: string;
        expires_at: string;
        consumed_at: string | null;
      }
    | undefined;
  return (
    row && {
      familyId: row.family_id,
      clientId: row.client_id,
      userId: row.user_id,
      organizationId: row.organization_id,
      scope: row.scope,
      expiresAt: row.expires_at,
      consumedAt: row.consumed_at,
    }
  );
}

/** Marks the token used, once: false when it already was (reuse, or a race lost). */
export function consumeOAuthRefreshToken(db: Database, tokenHash: string, at: string): boolean {
  return db.prepare('UPDATE oauth_refresh_tokens SET consumed_at = ? WHERE token_hash = ? AND consumed_at IS NULL').run(at, tokenHash).changes === 1;
}

/** Marks every live token of the family consumed. */
export function revokeOAuthRefreshTokenFamily(db: Database, familyId: string, at: string): void {
  db.prepare('UPDATE oauth_refresh_tokens SET consumed_at = ? WHERE family_id = ? AND consumed_at IS NULL').run(at, familyId);
}
