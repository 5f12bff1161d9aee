// Authorization codes of the identity provider in SQL: only a SHA-256 of each code. The
// rules (single use, expiry, PKCE, a replay revoking what the code gave) are in
// identity/authorization-codes.ts.
import type { Database } from '../db/database';

export interface AuthorizationCodeRow {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly userId: string;
  readonly organizationId: string | null;
  readonly scope: string;
  readonly nonce: string | null;
  readonly expiresAt: string;
  readonly consumedAt: string | null;
  readonly familyId: string | null;
}

export function insertAuthorizationCode(
  db: Database,
  code: Omit<AuthorizationCodeRow, 'consumedAt' | 'familyId'> & { codeHash: string; createdAt: string },
): void {
  db.prepare(
    `INSERT INTO oauth_authorization_codes
       (code_hash, client_id, redirect_uri, code_challenge, user_id, organization_id, scope, nonce, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    code.codeHash,
    code.clientId,
    code.redirectUri,
    code.codeChallenge,
    code.userId,
    code.organizationId,
    code.scope,
    code.nonce,
    code.createdAt,
    code.expiresAt,
  );
}

export function findAuthorizationCode(db: Database, codeHash: string): AuthorizationCodeRow | undefined {
  const row = db
    .prepare(
      `SELECT client_id, redirect_uri, code_challenge, user_id, organization_id, scope, nonce, expires_at, consumed_at, family_id
       FROM oauth_authorization_codes WHERE code_hash = ?`,
    )
    .get(codeHash) as
    | {
        client_id: string;
        redirect_uri: string;
        code_challenge: string;
        user_id: string;
        organization_id: string | null;
        scope: string;
        nonce: string | null;
        expires_at: string;
        consumed_at: string | null;
        family_id: string | null;
      }
    | undefined;
  return (
    row && {
      clientId: row.client_id,
      redirectUri: row.redirect_uri,
      codeChallenge: row.code_challenge,
      userId: row.user_id,
      organizationId: row.organization_id,
      scope: row.scope,
      nonce: row.nonce,
      expiresAt: row.expires_at,
      consumedAt: row.consumed_at,
      familyId: row.family_id,
    }
  );
}

/**
 * Marks the code used, once, with the refresh-token family it was exchanged for (null when it
 * was burned): false when it already was used (a replay, or a race lost).
 */
export function consumeAuthorizationCode(db: Database, codeHash: string, at: string, familyId: string | null): boolean {
  return (
    db.prepare('UPDATE oauth_authorization_codes SET consumed_at = ?, family_id = ? WHERE code_hash = ? AND consumed_at IS NULL').run(at, familyId, codeHash)
      .changes === 1
  );
}

/** Codes are short-lived: rows past their expiry by a day are of no use, even as evidence of a replay. */
export function deleteStaleAuthorizationCodes(db: Database, before: string): void {
  db.prepare('DELETE FROM oauth_authorization_codes WHERE expires_at < ?').run(before);
}
