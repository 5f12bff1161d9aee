// Who is calling: a signed-in user (Bearer access token: the REST API's own, from
// /authenticate, or the identity provider's, from single sign-on) or an API key (Api-Key
// header or ?apiKey=), and the checks every protected route makes on them.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { decodeProtectedHeader } from 'jose';
import type { OrganizationRole } from '../../shared/roles';
import { HttpError } from '../http/http-error';
import type { ServerContext } from '../server-context';
import { SIGNING_ALGORITHM } from '../identity/signing-key';
import { verifyOAuthAccessToken } from '../identity/oauth-tokens';
import { findApiKeyBySecretHash, recordApiKeyUse } from '../store/api-key-store';
import { membershipRole } from '../store/membership-store';
import { findOrganizationByAuth0Id } from '../store/organization-store';
import { userExists } from '../store/user-store';
import { isWellFormedApiKeySecret, sha256Hex } from './api-key-secret';
import { verifyJwt } from './jwt';
import { rolesFrom } from './roles';

export type Principal =
  | { readonly type: 'USER'; readonly id: string; readonly organizationId: string | null; readonly roles: readonly OrganizationRole[] }
  | { readonly type: 'API_KEY'; readonly id: string; readonly organizationId: string; readonly roles: readonly OrganizationRole[] };

export async function authenticate(ctx: ServerContext, req: IncomingMessage, query: URLSearchParams): Promise<Principal> {
  const authorization = req.headers.authorization;
  const headerKey = req.headers['api-key'];
  const queryKey = query.get('apiKey');
  const apiKey = typeof headerKey === 'string' ? headerKey : queryKey;
  if (authorization !== undefined && apiKey !== null) {
    throw new HttpError(400, 'AMBIGUOUS_CREDENTIALS', 'Send either an access token or an API key, not both.');
  }
  if (authorization !== undefined) return authenticateBearer(ctx, authorization);
  if (apiKey !== null) return authenticateApiKey(ctx, apiKey.trim());
  throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first: send "Authorization: Bearer <access token>" or an "Api-Key" header.', undefined, {
    'WWW-Authenticate': 'Bearer',
  });
}

async function authenticateBearer(ctx: ServerContext, authorization: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) {
    throw new HttpError(401, 'INVALID_TOKEN', 'The Authorization header must be "Bearer <access token>".');
  }
  if (isIdentityProviderToken(match[1])) return authenticateIdentityProviderToken(ctx, match[1]);
  const claims = verifyJwt(match[1], ctx.signingKey, Math.floor(ctx.now().getTime() / 1000));
  if (claims === 'expired') {
    throw new HttpError(401, 'TOKEN_EXPIRED', 'The access token has expired: get a new one with the refresh token.');
  }
  if (claims === 'invalid') throw new HttpError(401, 'INVALID_TOKEN', 'The access token is not valid.');
  if (!userExists(ctx.db, claims.sub)) throw new HttpError(401, 'INVALID_TOKEN', 'The access token names a user who no longer exists.');
  return { type: 'USER', id: claims.sub, organizationId: claims.org, roles: claims.roles };
}

/** The identity provider signs with ES256; the REST API's own tokens are HS256 (jwt.ts). */
function isIdentityProviderToken(token: string): boolean {
  try {
    return decodeProtectedHeader(token).alg === SIGNING_ALGORITHM;
  } catch {
    return false;
  }
}

/**
 * A token from single sign-on: the user's roles are read from the memberships at each call
 * (the token names the organization, by its Auth0 id, not the roles in it).
 */
async function authenticateIdentityProviderToken(ctx: ServerContext, token: string): Promise<Principal> {
  const verdict = await verifyOAuthAccessToken(ctx, token);
  if (verdict === 'expired') throw new HttpError(401, 'TOKEN_EXPIRED', 'The access token has expired: get a new one with the refresh token.');
  if (verdict === 'wrong-audience') throw new HttpError(401, 'INVALID_TOKEN', 'The access token is for another API (its audience is not this one).');
  if (verdict === 'invalid') throw new HttpError(401, 'INVALID_TOKEN', 'The access token is not valid.');
  if (!userExists(ctx.db, verdict.userId)) throw new HttpError(401, 'INVALID_TOKEN', 'The access token names a user who no longer exists.');
  if (verdict.organizationAuth0Id === null) return { type: 'USER', id: verdict.userId, organizationId: null, roles: [] };
  const organization = findOrganizationByAuth0Id(ctx.db, verdict.organizationAuth0Id);
  if (!organization) throw new HttpError(401, 'INVALID_TOKEN', 'The access token names an organization that no longer exists.');
  const role = membershipRole(ctx.db, organization.id, verdict.userId);
  return { type: 'USER', id: verdict.userId, organizationId: organization.id, roles: role ? rolesFrom(role) : [] };
}

function authenticateApiKey(ctx: ServerContext, secret: string): Principal {
  // The checksum refuses a mistyped or truncated key before the database is touched.
  if (!isWellFormedApiKeySecret(secret)) {
    throw new HttpError(401, 'INVALID_API_KEY', 'The API key is malformed (wrong format or checksum): check that it was copied whole.');
  }
  const hash = sha256Hex(secret);
  const row = findApiKeyBySecretHash(ctx.db, hash);
  // The lookup is by hash, which says nothing useful about the secret; the final check is
  // constant-time all the same so that no comparison of secret material leaks timing.
  if (!row || !timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), Buffer.from(hash, 'hex'))) {
    throw new HttpError(401, 'INVALID_API_KEY', 'This API key does not exist or has been deleted.');
  }
  const now = ctx.now().toISOString();
  if (row.expiration_date <= now) {
    throw new HttpError(401, 'API_KEY_EXPIRED', `This API key expired on ${row.expiration_date}.`, { expirationDate: row.expiration_date });
  }
  recordApiKeyUse(ctx.db, row.id, now);
  return { type: 'API_KEY', id: row.id, organizationId: row.organization_id, roles: rolesFrom(row.role) };
}

/** The principal may act in `organizationId` with `role`; API keys only when `allowApiKey`. */
export function requireOrganizationRole(
  principal: Principal,
  organizationId: string,
  role: OrganizationRole,
  { allowApiKey }: { allowApiKey: boolean },
): void {
  if (principal.type === 'API_KEY' && !allowApiKey) {
    throw new HttpError(403, 'API_KEY_NOT_ALLOWED', 'API keys cannot use this endpoint: sign in as an organization administrator.');
  }
  if (principal.organizationId !== organizationId) {
    throw principal.type === 'USER' && principal.organizationId === null
      ? new HttpError(
          403,
          'ORGANIZATION_NOT_SELECTED',
          'This access token is not scoped to an organization: get one for it first (/refresh-token with the organizationId, or the identity provider with its organization parameter).',
          { organizationId },
        )
      : new HttpError(403, 'WRONG_ORGANIZATION', 'These credentials belong to another organization.', { organizationId });
  }
  if (!principal.roles.includes(role)) {
    throw new HttpError(403, 'INSUFFICIENT_ROLE', `This needs the ${role} role in the organization.`, { requiredRole: role });
  }
}
