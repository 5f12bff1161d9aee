// Issues access tokens (short-lived JWTs) and refresh tokens (random, stored as SHA-256,
// single use: each refresh consumes the old one and hands out a new one).
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
): TokenResponse {
  const now = ctx.now();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ctx.tokenTtlSeconds;
  const accessToken = signJwt({ typ: 'access', sub: userId, org: organizationId, roles: [...roles], iat, exp, jti: randomUUID() }, ctx.signingKey);
  const refreshToken = REFRESH_TOKEN_PREFIX + randomBase62(43);
  ctx.db
    .prepare('INSERT INTO refresh_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
    .run(sha256Hex(refreshToken), userId, now.toISOString(), new Date(now.getTime() + REFRESH_TOKEN_TTL_MS).toISOString());
  return { accessToken, refreshToken, accessTokenExpireAt: new Date(exp * 1000).toISOString() };
}

/** The user id of a live refresh token, or null when it is unknown, used, revoked or expired. */
export function findLiveRefreshToken(ctx: ServerContext, refreshToken: string): string | null {
  const row = ctx.db
    .prepare('SELECT user_id, expires_at, consumed_at FROM refresh_tokens WHERE token_hash = ?')
    .get(sha256Hex(refreshToken)) as { user_id: string; expires_at: string; consumed_at: string | null } | undefined;
  if (!row || row.consumed_at !== null || row.expires_at <= ctx.now().toISOString()) return null;
  return row.user_id;
}

export function consumeRefreshToken(ctx: ServerContext, refreshToken: string): void {
  ctx.db
    .prepare('UPDATE refresh_tokens SET consumed_at = ? WHERE token_hash = ? AND consumed_at IS NULL')
    .run(ctx.now().toISOString(), sha256Hex(refreshToken));
}
