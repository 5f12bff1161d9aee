// Issues access tokens (short-lived JWTs) and refresh tokens (random, stored as SHA-256,
// single use: each refresh consumes the old one and hands out a new one of the same
// family). A consumed token presented again means a copy is in other hands: the whole
// family is revoked, ending the session for both (OAuth 2.0 Security BCP, section 4.14).
import { randomUUID } from 'node:crypto';
import type { TokenResponse } from '../../shared/api-types';
import type { OrganizationRole } from '../../shared/roles';
import type { ServerContext } from '../server-context';
import { randomBase62, sha256Hex } from './api-key-secret';
import { signJwt } from './jwt';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const REFRESH_TOKEN_PREFIX = 'jmr_';

export function issueTokens(
  ctx: ServerContext,
  userId: string,
  organizationId: string | null,
  roles: readonly OrganizationRole[],
  familyId: string = randomUUID(),
): TokenResponse {
  const now = ctx.now();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ctx.tokenTtlSeconds;
  const accessToken = signJwt({ typ: 'access', sub: userId, org: organizationId, roles: [...roles], iat, exp, jti: randomUUID() }, ctx.signingKey);
  const refreshToken = REFRESH_TOKEN_PREFIX + randomBase62(43);
  ctx.db
    .prepare('INSERT INTO refresh_tokens (token_hash, user_id, created_at, expires_at, family_id) VALUES (?, ?, ?, ?, ?)')
    .run(sha256Hex(refreshToken), userId, now.toISOString(), new Date(now.getTime() + REFRESH_TOKEN_TTL_MS).toISOString(), familyId);
  return { accessToken, refreshToken, accessTokenExpireAt: new Date(exp * 1000).toISOString() };
}

export interface LiveRefreshToken {
  readonly userId: string;
  readonly familyId: string;
}

/**
 * The user and family of a live refresh token, or null when it is unknown, expired, or
 * consumed; a consumed one (rotated or revoked) also revokes its whole family.
 */
export function findLiveRefreshToken(ctx: ServerContext, refreshToken: string): LiveRefreshToken | null {
  const row = ctx.db
    .prepare('SELECT user_id, expires_at, consumed_at, family_id FROM refresh_tokens WHERE token_hash = ?')
    .get(sha256Hex(refreshToken)) as { user_id: string; expires_at: string; consumed_at: string | null; family_id: string } | undefined;
  if (!row || row.expires_at <= ctx.now().toISOString()) return null;
  if (row.consumed_at !== null) {
    revokeFamily(ctx, row.family_id);
    return null;
  }
  return { userId: row.user_id, familyId: row.family_id };
}

/** Consumes every live token of the refresh token's family (sign-out ends the session). */
export function revokeRefreshToken(ctx: ServerContext, refreshToken: string): void {
  const row = ctx.db.prepare('SELECT family_id FROM refresh_tokens WHERE token_hash = ?').get(sha256Hex(refreshToken)) as
    | { family_id: string }
    | undefined;
  if (row) revokeFamily(ctx, row.family_id);
}

export function consumeRefreshToken(ctx: ServerContext, refreshToken: string): void {
  ctx.db
    .prepare('UPDATE refresh_tokens SET consumed_at = ? WHERE token_hash = ? AND consumed_at IS NULL')
    .run(ctx.now().toISOString(), sha256Hex(refreshToken));
}

function revokeFamily(ctx: ServerContext, familyId: string): void {
  ctx.db.prepare('UPDATE refresh_tokens SET consumed_at = ? WHERE family_id = ? AND consumed_at IS NULL').run(ctx.now().toISOString(), familyId);
}
