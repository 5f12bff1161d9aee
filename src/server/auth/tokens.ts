// Issues access tokens (short-lived JWTs) and refresh tokens (random, stored as SHA-256,
// single use: each refresh consumes the old one and hands out a new one of the same
// family). A consumed token presented again means a copy is in other hands: the whole
// family is revoked, ending the session for both (OAuth 2.0 Security BCP, section 4.14).
import { randomUUID } from 'node:crypto';
import type { TokenResponse } from '../../shared/api-types';
import type { OrganizationRole } from '../../shared/roles';
import type { ServerContext } from '../server-context';
import { findRefreshToken, insertRefreshToken, markRefreshTokenConsumed, markRefreshTokenFamilyConsumed } from '../store/refresh-token-store';
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
  insertRefreshToken(ctx.db, {
    tokenHash: sha256Hex(refreshToken),
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS).toISOString(),
    familyId,
  });
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
  const row = findRefreshToken(ctx.db, sha256Hex(refreshToken));
  if (!row || row.expiresAt <= ctx.now().toISOString()) return null;
  if (row.consumedAt !== null) {
    revokeFamily(ctx, row.familyId);
    return null;
  }
  return { userId: row.userId, familyId: row.familyId };
}

/** Consumes every live token of the refresh token's family (sign-out ends the session). */
export function revokeRefreshToken(ctx: ServerContext, refreshToken: string): void {
  const row = findRefreshToken(ctx.db, sha256Hex(refreshToken));
  if (row) revokeFamily(ctx, row.familyId);
}

export function consumeRefreshToken(ctx: ServerContext, refreshToken: string): void {
  markRefreshTokenConsumed(ctx.db, sha256Hex(refreshToken), ctx.now().toISOString());
}

function revokeFamily(ctx: ServerContext, familyId: string): void {
  markRefreshTokenFamilyConsumed(ctx.db, familyId, ctx.now().toISOString());
}
