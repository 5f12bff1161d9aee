// Who is calling: a signed-in user (Bearer access token) or an API key (Api-Key header or
// ?apiKey=), and the checks every protected route makes on them.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { OrganizationRole } from '../../shared/roles';
import { HttpError } from '../http/http-error';
import type { ServerContext } from '../server-context';
import { findApiKeyBySecretHash, recordApiKeyUse } from '../store/api-key-store';
import { userExists } from '../store/user-store';
import { isWellFormedApiKeySecret, sha256Hex } from './api-key-secret';
import { verifyJwt } from './jwt';
import { rolesFrom } from './roles';

export type Principal =
  | { readonly type: 'USER'; readonly id: string; readonly organizationId: string | null; readonly roles: readonly OrganizationRole[] }
  | { readonly type: 'API_KEY'; readonly id: string; readonly organizationId: string; readonly roles: readonly OrganizationRole[] };

export function authenticate(ctx: ServerContext, req: IncomingMessage, query: URLSearchParams): Principal {
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

function authenticateBearer(ctx: ServerContext, authorization: string): Principal {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) {
    throw new HttpError(401, 'INVALID_TOKEN', 'The Authorization header must be "Bearer <access token>".');
  }
  const claims = verifyJwt(match[1], ctx.signingKey, Math.floor(ctx.now().getTime() / 1000));
  if (claims === 'expired') {
    throw new HttpError(401, 'TOKEN_EXPIRED', 'The access token has expired: get a new one with the refresh token.');
  }
  if (claims === 'invalid') throw new HttpError(401, 'INVALID_TOKEN', 'The access token is not valid.');
  if (!userExists(ctx.db, claims.sub)) throw new HttpError(401, 'INVALID_TOKEN', 'The access token names a user who no longer exists.');
  return { type: 'USER', id: claims.sub, organizationId: claims.org, roles: claims.roles };
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
          'This access token is not scoped to an organization: call /refresh-token with the organizationId first.',
          { organizationId },
        )
      : new HttpError(403, 'WRONG_ORGANIZATION', 'These credentials belong to another organization.', { organizationId });
  }
  if (!principal.roles.includes(role)) {
    throw new HttpError(403, 'INSUFFICIENT_ROLE', `This needs the ${role} role in the organization.`, { requiredRole: role });
  }
}
