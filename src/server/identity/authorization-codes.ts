// Authorization codes: random, stored as SHA-256, short-lived, bound to the client, the
// redirect URI and the PKCE challenge of the request that made them, and usable once. A
// code presented a second time revokes the refresh tokens the first exchange gave (RFC 6749
// §4.1.2); a wrong verifier burns the code, so that a stolen one allows a single guess.
import { randomBase62, sha256Hex } from '../auth/api-key-secret';
import type { ServerContext } from '../server-context';
import { consumeAuthorizationCode, deleteStaleAuthorizationCodes, findAuthorizationCode, insertAuthorizationCode } from '../store/authorization-code-store';
import type { Grant } from './oauth-tokens';
import { revokeOAuthFamily } from './oauth-tokens';
import { verifierMatches } from './pkce';

const CODE_PREFIX = 'kdc_';
const DAY_MS = 86_400_000;

export interface CodeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly scope: string;
  readonly nonce: string | null;
}

export function issueAuthorizationCode(ctx: ServerContext, request: CodeRequest, userId: string, organizationId: string | null): string {
  const code = CODE_PREFIX + randomBase62(43);
  const now = ctx.now();
  // Housekeeping on the way: a code row is of no use a day after it expired.
  deleteStaleAuthorizationCodes(ctx.db, new Date(now.getTime() - DAY_MS).toISOString());
  insertAuthorizationCode(ctx.db, {
    codeHash: sha256Hex(code),
    ...request,
    userId,
    organizationId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.identity.codeTtlSeconds * 1000).toISOString(),
  });
  return code;
}

/** Why a code was refused: each is `invalid_grant` on the wire, with its own sentence. */
export type CodeRefusal = 'unknown' | 'expired' | 'replayed' | 'wrong-client' | 'wrong-redirect-uri' | 'wrong-verifier';

export const CODE_REFUSALS: Record<CodeRefusal, string> = {
  unknown: 'The authorization code is not valid.',
  expired: 'The authorization code has expired: sign in again.',
  replayed: 'The authorization code has already been used; the tokens it gave are revoked.',
  'wrong-client': 'The authorization code was issued to another client.',
  'wrong-redirect-uri': 'The redirect_uri is not the one the authorization code was issued for.',
  'wrong-verifier': 'The code_verifier does not match the code_challenge of the authorization request.',
};

export interface CodeExchange {
  readonly code: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeVerifier: string;
}

export type CheckedCode = { ok: true; codeHash: string; grant: Grant } | { ok: false; refusal: CodeRefusal };

/** Checks a code for an exchange; consumes it only when it must be burned (wrong verifier). */
export function checkAuthorizationCode(ctx: ServerContext, exchange: CodeExchange): CheckedCode {
  const codeHash = sha256Hex(exchange.code);
  const row = findAuthorizationCode(ctx.db, codeHash);
  const now = ctx.now().toISOString();
  if (!row) return { ok: false, refusal: 'unknown' };
  if (row.consumedAt !== null) {
    if (row.familyId !== null) revokeOAuthFamily(ctx, row.familyId);
    return { ok: false, refusal: 'replayed' };
  }
  if (row.expiresAt <= now) return { ok: false, refusal: 'expired' };
  if (row.clientId !== exchange.clientId) return { ok: false, refusal: 'wrong-client' };
  if (row.redirectUri !== exchange.redirectUri) return { ok: false, refusal: 'wrong-redirect-uri' };
  if (!verifierMatches(exchange.codeVerifier, row.codeChallenge)) {
    consumeAuthorizationCode(ctx.db, codeHash, now, null);
    return { ok: false, refusal: 'wrong-verifier' };
  }
  return {
    ok: true,
    codeHash,
    grant: { userId: row.userId, organizationId: row.organizationId, clientId: row.clientId, scope: row.scope, nonce: row.nonce },
  };
}

/** Consumes a checked code for the refresh-token family it is exchanged for; false when another exchange won. */
export function consumeCheckedCode(ctx: ServerContext, codeHash: string, familyId: string): boolean {
  return consumeAuthorizationCode(ctx.db, codeHash, ctx.now().toISOString(), familyId);
}
