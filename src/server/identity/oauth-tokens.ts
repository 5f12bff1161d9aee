// The identity provider's tokens. Access tokens are JWTs (RFC 9068, typ "at+jwt") signed
// with the provider's ES256 key, for one audience, optionally scoped to an organization by
// its Auth0 id (`org_id`, as Auth0 does); the REST API accepts them as bearer tokens. ID
// tokens say who signed in, for the client (aud = its client id, with its nonce). Refresh
// tokens are random, stored as SHA-256, single use; a reused one revokes its family (OAuth
// 2.0 Security BCP §4.14), as the REST API's own refresh tokens do (auth/tokens.ts).
import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { randomBase62, sha256Hex } from '../auth/api-key-secret';
import type { ServerContext } from '../server-context';
import { consumeOAuthRefreshToken, findOAuthRefreshToken, insertOAuthRefreshToken, revokeOAuthRefreshTokenFamily } from '../store/oauth-refresh-token-store';
import { auth0IdOf } from '../store/organization-store';
import { findUser } from '../store/user-store';
import { SIGNING_ALGORITHM } from './signing-key';

const REFRESH_TOKEN_PREFIX = 'kdr_';
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** What a code or a refresh token grants: who, in which organization (if any), for which client. */
export interface Grant {
  readonly userId: string;
  readonly organizationId: string | null;
  readonly clientId: string;
  readonly scope: string;
  readonly nonce?: string | null;
}

/** The token endpoint's answer (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3). */
export interface TokenEndpointResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  id_token: string;
  refresh_token?: string;
}

export interface IdentityAccessClaims {
  readonly userId: string;
  /** The organization's Auth0 id when the token is scoped to one. */
  readonly organizationAuth0Id: string | null;
}

const hasScope = (scope: string, wanted: string): boolean => scope.split(' ').includes(wanted);

/**
 * Signs the tokens of a grant, and makes its refresh token when it asked for offline_access.
 * Nothing is stored: the caller stores the refresh token (storeOAuthRefreshToken) in the same
 * synchronous step that consumes what it was exchanged for, so that no replay can slip
 * between the two while the signing awaits.
 */
export async function signOAuthTokens(ctx: ServerContext, grant: Grant): Promise<TokenEndpointResponse> {
  const { identity } = ctx;
  const user = findUser(ctx.db, grant.userId);
  if (!user) throw new Error('The user of a grant cannot be read back.');
  const orgId = grant.organizationId === null ? undefined : auth0IdOf(ctx.db, grant.organizationId);
  const now = Math.floor(ctx.now().getTime() / 1000);
  const sign = (payload: JWTPayload, typ: string, audience: string): Promise<string> =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: identity.key.kid, typ })
      .setIssuer(identity.issuer())
      .setSubject(grant.userId)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ctx.tokenTtlSeconds)
      .setJti(randomUUID())
      .sign(identity.key.privateKey);
  const org = orgId === undefined ? {} : { org_id: orgId };
  const response: TokenEndpointResponse = {
    access_token: await sign({ client_id: grant.clientId, scope: grant.scope, ...org }, ACCESS_TOKEN_TYPE, identity.audience),
    token_type: 'Bearer',
    expires_in: ctx.tokenTtlSeconds,
    scope: grant.scope,
    id_token: await sign({ name: user.name, email: user.email, ...(grant.nonce ? { nonce: grant.nonce } : {}), ...org }, 'JWT', grant.clientId),
  };
  if (hasScope(grant.scope, 'offline_access')) response.refresh_token = REFRESH_TOKEN_PREFIX + randomBase62(43);
  return response;
}

export function storeOAuthRefreshToken(ctx: ServerContext, grant: Grant, familyId: string, refreshToken: string): void {
  insertOAuthRefreshToken(ctx.db, {
    tokenHash: sha256Hex(refreshToken),
    familyId,
    clientId: grant.clientId,
    userId: grant.userId,
    organizationId: grant.organizationId,
    scope: grant.scope,
    createdAt: ctx.now().toISOString(),
    expiresAt: new Date(ctx.now().getTime() + ctx.identity.refreshTokenTtlSeconds * 1000).toISOString(),
  });
}

export interface LiveOAuthRefreshToken extends Grant {
  readonly tokenHash: string;
  readonly familyId: string;
}

/**
 * What a live refresh token of `clientId` grants; null when it is unknown, expired, another
 * client's, or already used. A used one (rotated or revoked) also revokes its whole family.
 */
export function findLiveOAuthRefreshToken(ctx: ServerContext, refreshToken: string, clientId: string): LiveOAuthRefreshToken | null {
  const tokenHash = sha256Hex(refreshToken);
  const row = findOAuthRefreshToken(ctx.db, tokenHash);
  if (!row || row.expiresAt <= ctx.now().toISOString() || row.clientId !== clientId) return null;
  if (row.consumedAt !== null) {
    revokeOAuthFamily(ctx, row.familyId);
    return null;
  }
  return { tokenHash, userId: row.userId, organizationId: row.organizationId, clientId: row.clientId, scope: row.scope, familyId: row.familyId };
}

/** Consumes a token found live; false (and its family revoked) when another request used it meanwhile. */
export function consumeLiveOAuthRefreshToken(ctx: ServerContext, live: LiveOAuthRefreshToken): boolean {
  if (consumeOAuthRefreshToken(ctx.db, live.tokenHash, ctx.now().toISOString())) return true;
  revokeOAuthFamily(ctx, live.familyId);
  return false;
}

/** Revokes the family of a refresh token (RFC 7009); unknown tokens are ignored. */
export function revokeOAuthRefreshToken(ctx: ServerContext, refreshToken: string): void {
  const row = findOAuthRefreshToken(ctx.db, sha256Hex(refreshToken));
  if (row) revokeOAuthFamily(ctx, row.familyId);
}

export function revokeOAuthFamily(ctx: ServerContext, familyId: string): void {
  revokeOAuthRefreshTokenFamily(ctx.db, familyId, ctx.now().toISOString());
}

export type AccessTokenVerdict = IdentityAccessClaims | 'expired' | 'wrong-audience' | 'invalid';

/** Checks signature, issuer, audience, type and lifetime of one of the provider's access tokens. */
export async function verifyOAuthAccessToken(ctx: ServerContext, token: string): Promise<AccessTokenVerdict> {
  const { identity } = ctx;
  try {
    const { payload } = await jwtVerify(token, identity.key.publicKey, {
      algorithms: [SIGNING_ALGORITHM],
      issuer: identity.issuer(),
      audience: identity.audience,
      typ: ACCESS_TOKEN_TYPE,
      currentDate: ctx.now(),
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: 0,
    });
    const orgId = payload.org_id;
    if (typeof payload.sub !== 'string' || (orgId !== undefined && typeof orgId !== 'string')) return 'invalid';
    return { userId: payload.sub, organizationAuth0Id: orgId ?? null };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return 'expired';
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') return 'wrong-audience';
    return 'invalid';
  }
}
