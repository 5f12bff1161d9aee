// The identity provider's token endpoint (RFC 6749 §3.2: authorization_code with PKCE, and
// refresh_token with rotation) and revocation endpoint (RFC 7009). KeyDesk is a public
// native client: it authenticates with its client_id alone. Errors are OAuth's
// `{error, error_description}`, not the REST API's shape, since OAuth clients read those.
import { randomUUID } from 'node:crypto';
import { restRoutes } from '../../shared/rest-routes';
import { inTransaction } from '../db/database';
import { HttpError } from '../http/http-error';
import { parseFormBody } from '../http/read-body';
import type { Reply, Router } from '../http/router';
import { CODE_REFUSALS, checkAuthorizationCode, consumeCheckedCode } from '../identity/authorization-codes';
import {
  consumeLiveOAuthRefreshToken,
  findLiveOAuthRefreshToken,
  revokeOAuthRefreshToken,
  signOAuthTokens,
  storeOAuthRefreshToken,
  type Grant,
} from '../identity/oauth-tokens';
import type { ServerContext } from '../server-context';
import { membershipRole } from '../store/membership-store';
import { findOrganizationByAuth0Id } from '../store/organization-store';
import { userExists } from '../store/user-store';

type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
}

const NO_CACHE = { Pragma: 'no-cache' } as const;

/** The form's parameters, each at most once (RFC 6749 §3.2); throws invalid_request otherwise. */
function readForm(req: Parameters<typeof parseFormBody>[0], rawBody: Buffer): (name: string) => string | null {
  let form: URLSearchParams;
  try {
    form = parseFormBody(req, rawBody);
  } catch (error) {
    if (error instanceof HttpError) throw new OAuthError(400, 'invalid_request', error.message);
    throw error;
  }
  return (name) => {
    const values = form.getAll(name);
    if (values.length > 1) throw new OAuthError(400, 'invalid_request', `The parameter ${name} is given more than once.`);
    const value = values[0];
    return value === undefined || value === '' ? null : value;
  };
}

function required(read: (name: string) => string | null, name: string): string {
  const value = read(name);
  if (value === null) throw new OAuthError(400, 'invalid_request', `The parameter ${name} is required.`);
  return value;
}

async function answering(work: () => Promise<Reply> | Reply): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return { status: error.status, body: { error: error.error, error_description: error.description }, headers: NO_CACHE };
  }
}

export function registerOAuthTokenRoutes(router: Router, ctx: ServerContext): void {
  const { db, identity } = ctx;

  const checkClient = (read: (name: string) => string | null): void => {
    if (read('client_id') !== identity.clientId) throw new OAuthError(401, 'invalid_client', 'This client is not known to the identity provider.');
  };

  /** The grant still holds: the user exists, and is still a member of its organization. */
  const stillValid = (grant: Grant): void => {
    if (!userExists(db, grant.userId)) throw new OAuthError(400, 'invalid_grant', 'The user of this grant no longer exists.');
    if (grant.organizationId !== null && !membershipRole(db, grant.organizationId, grant.userId)) {
      throw new OAuthError(400, 'invalid_grant', 'You are no longer a member of this organization.');
    }
  };

  async function authorizationCode(read: (name: string) => string | null): Promise<Reply> {
    const checked = checkAuthorizationCode(ctx, {
      code: required(read, 'code'),
      clientId: required(read, 'client_id'),
      redirectUri: required(read, 'redirect_uri'),
      codeVerifier: required(read, 'code_verifier'),
    });
    if (!checked.ok) throw new OAuthError(400, 'invalid_grant', CODE_REFUSALS[checked.refusal]);
    stillValid(checked.grant);
    const tokens = await signOAuthTokens(ctx, checked.grant);
    // One synchronous step: the code is spent and its refresh token stored together.
    const familyId = randomUUID();
    const won = inTransaction(db, () => {
      if (!consumeCheckedCode(ctx, checked.codeHash, familyId)) return false;
      if (tokens.refresh_token !== undefined) storeOAuthRefreshToken(ctx, checked.grant, familyId, tokens.refresh_token);
      return true;
    });
    if (!won) throw new OAuthError(400, 'invalid_grant', CODE_REFUSALS.replayed);
    return { status: 200, body: tokens, headers: NO_CACHE };
  }

  async function refreshToken(read: (name: string) => string | null): Promise<Reply> {
    const live = findLiveOAuthRefreshToken(ctx, required(read, 'refresh_token'), identity.clientId);
    if (live === null) throw new OAuthError(400, 'invalid_grant', 'This refresh token is unknown, expired, already used or revoked: sign in again.');
    // An extension (advertised in discovery): the new tokens may be scoped to another organization of the user.
    let organizationId = live.organizationId;
    const wanted = read('organization');
    if (wanted !== null) {
      if (!identity.refreshesIntoOrganization) {
        throw new OAuthError(400, 'invalid_request', 'This identity provider scopes tokens to an organization only through /authorize (organization).');
      }
      const organization = findOrganizationByAuth0Id(db, wanted);
      if (!organization) throw new OAuthError(400, 'invalid_request', 'No organization has that id (organization).');
      // Not invalid_grant: the refresh token is still good for the organization it has.
      if (!membershipRole(db, organization.id, live.userId)) throw new OAuthError(400, 'invalid_request', `You are not a member of ${organization.name}.`);
      organizationId = organization.id;
    }
    const grant: Grant = { userId: live.userId, organizationId, clientId: live.clientId, scope: live.scope, nonce: null };
    stillValid(grant);
    const tokens = await signOAuthTokens(ctx, grant);
    const won = inTransaction(db, () => {
      if (!consumeLiveOAuthRefreshToken(ctx, live)) return false;
      if (tokens.refresh_token !== undefined) storeOAuthRefreshToken(ctx, grant, live.familyId, tokens.refresh_token);
      return true;
    });
    if (!won) throw new OAuthError(400, 'invalid_grant', 'This refresh token was already used: the session is ended, sign in again.');
    return { status: 200, body: tokens, headers: NO_CACHE };
  }

  router.add('POST', restRoutes.oauthToken, ({ req, rawBody }) =>
    answering(() => {
      const read = readForm(req, rawBody);
      checkClient(read);
      const grantType = required(read, 'grant_type');
      if (grantType === 'authorization_code') return authorizationCode(read);
      if (grantType === 'refresh_token') return refreshToken(read);
      throw new OAuthError(400, 'unsupported_grant_type', 'Only authorization_code and refresh_token are supported.');
    }),
  );

  router.add('POST', restRoutes.oauthRevoke, ({ req, rawBody }) =>
    answering(() => {
      const read = readForm(req, rawBody);
      checkClient(read);
      // 200 whether or not the token existed (RFC 7009 §2.2). Access tokens are JWTs and
      // expire by themselves; a refresh token ends its whole family.
      revokeOAuthRefreshToken(ctx, required(read, 'token'));
      return { status: 200 };
    }),
  );
}
