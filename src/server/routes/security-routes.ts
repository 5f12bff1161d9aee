// Security service: sign-in, token refresh and revocation, the signed-in user, members.
import { z } from 'zod';
import type { Member } from '../../shared/api-types';
import { restRoutes } from '../../shared/rest-routes';
import { organizationRoleSchema, type OrganizationRole } from '../../shared/roles';
import { verifyPassword } from '../auth/passwords';
import type { SignInLimit } from '../auth/sign-in-limiter';
import { authenticate, requireOrganizationRole } from '../auth/principal';
import { rolesFrom, roleRank } from '../auth/roles';
import { consumeRefreshToken, findLiveRefreshToken, issueTokens, revokeRefreshToken } from '../auth/tokens';
import { inTransaction } from '../db/database';
import { HttpError } from '../http/http-error';
import { parseQuery } from '../http/query';
import { parseJsonBody } from '../http/read-body';
import type { Router } from '../http/router';
import type { ServerContext } from '../server-context';
import { listMembers, membershipRole, organizationsOf } from '../store/membership-store';
import { findUser, findUserCredentials } from '../store/user-store';

const authenticateBody = z.strictObject({
  username: z.string().trim().min(1, 'The username is required.').max(320),
  password: z.string().min(1, 'The password is required.').max(1024),
});
const refreshBody = z.strictObject({
  refreshToken: z.string().min(1).max(200),
  organizationId: z.uuid('organizationId must be an organization id (a UUID).').optional(),
});
const revokeBody = z.strictObject({ refreshToken: z.string().min(1).max(200) });
const membersQuery = z.strictObject({ role: organizationRoleSchema.optional() });
const noQuery = z.strictObject({});

const TOKENS_MESSAGE = 'The result is the access and refresh tokens';

const SIGN_IN_REFUSALS: Record<SignInLimit, string> = {
  backoff: 'Too many failed sign-ins for this user from this computer.',
  account: 'Too many failed sign-ins for this user: it is closed to computers it has not signed in from lately.',
  client: 'Too many failed sign-ins from this computer.',
};

/** 429 saying when to try again: in the sentence, in details.retryAfterSeconds and in Retry-After. */
function tooManySignIns(limit: SignInLimit, retryAfterSeconds: number): HttpError {
  return new HttpError(
    429,
    'TOO_MANY_SIGN_IN_ATTEMPTS',
    `${SIGN_IN_REFUSALS[limit]} Try again in ${describeWait(retryAfterSeconds)}.`,
    { retryAfterSeconds, limit },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

export function registerSecurityRoutes(router: Router, ctx: ServerContext): void {
  const { db } = ctx;

  // The token endpoints take no query parameters: like every other endpoint, they refuse
  // unknown ones rather than ignore them (the hostile suite found them ignored).
  router.add('POST', restRoutes.authenticate, async ({ req, rawBody, query }) => {
    parseQuery(query, noQuery);
    const { username, password } = parseJsonBody(req, rawBody, authenticateBody);
    // The socket's own address: no X-Forwarded-For, which any client could make up.
    const verdict = ctx.signInLimiter.begin(username, req.socket.remoteAddress ?? 'unknown');
    if (!verdict.allowed) throw tooManySignIns(verdict.limit, verdict.retryAfterSeconds);
    const user = findUserCredentials(db, username);
    if (!(await verifyPassword(password, user?.passwordHash)) || !user) {
      throw new HttpError(401, 'INVALID_CREDENTIALS', 'The email or the password is incorrect.');
    }
    verdict.succeeded();
    // The SDK's own example of this answer (jmapcloud-ng-core-types, public/core.d.ts).
    return { status: 200, body: issueTokens(ctx, user.id, null, []), message: TOKENS_MESSAGE };
  });

  router.add('POST', restRoutes.refreshToken, ({ req, rawBody, query }) => {
    parseQuery(query, noQuery);
    const { refreshToken, organizationId } = parseJsonBody(req, rawBody, refreshBody);
    const live = findLiveRefreshToken(ctx, refreshToken);
    if (live === null) {
      throw new HttpError(401, 'INVALID_REFRESH_TOKEN', 'This refresh token is unknown, expired, already used or revoked: sign in again.');
    }
    let roles: OrganizationRole[] = [];
    if (organizationId !== undefined) {
      const role = membershipRole(db, organizationId, live.userId);
      if (!role) {
        throw new HttpError(403, 'NOT_A_MEMBER', 'You are not a member of this organization.', { organizationId });
      }
      roles = rolesFrom(role);
    }
    const tokens = inTransaction(db, () => {
      consumeRefreshToken(ctx, refreshToken);
      return issueTokens(ctx, live.userId, organizationId ?? null, roles, live.familyId);
    });
    return { status: 200, body: tokens, message: TOKENS_MESSAGE };
  });

  router.add('POST', restRoutes.revokeToken, ({ req, rawBody, query }) => {
    parseQuery(query, noQuery);
    // 204 whether or not the token existed: revoking tells nothing about other tokens.
    revokeRefreshToken(ctx, parseJsonBody(req, rawBody, revokeBody).refreshToken);
    return { status: 204 };
  });

  router.add('GET', restRoutes.usersSelf, async ({ req, query }) => {
    parseQuery(query, z.strictObject({}));
    const principal = await authenticate(ctx, req, query);
    if (principal.type !== 'USER') {
      throw new HttpError(403, 'API_KEY_NOT_ALLOWED', 'An API key is not a user: /users/self needs a signed-in user.');
    }
    const user = findUser(db, principal.id);
    // authenticate() has just checked that the token's user exists.
    if (!user) throw new Error('The signed-in user cannot be read back.');
    // As JMap Cloud: organization info, and no roles (those come from members/self).
    const organizations = organizationsOf(db, principal.id).map((m) => ({ id: m.id, name: m.name, auth0Id: m.auth0Id, active: true }));
    return { status: 200, body: { ...user, organizations } };
  });

  router.add('GET', restRoutes.membersSelf, async ({ req, query, params }) => {
    parseQuery(query, z.strictObject({}));
    const { orgId } = params;
    const principal = await authenticate(ctx, req, query);
    if (principal.type !== 'USER') {
      throw new HttpError(403, 'API_KEY_NOT_ALLOWED', 'An API key is not a member: members/self needs a signed-in user.');
    }
    // A user may read their own membership of any of their organizations, before choosing
    // one (the organization picker shows the roles). The strict profile assumes the least of
    // JMap Cloud: only with a session scoped to that organization, as the QGIS plugin calls it.
    if (ctx.profile === 'jmapcloud' && principal.organizationId !== orgId) {
      throw principal.organizationId === null
        ? new HttpError(403, 'ORGANIZATION_NOT_SELECTED', 'This access token is not scoped to an organization: call /refresh-token with the organizationId first.', { organizationId: orgId })
        : new HttpError(403, 'WRONG_ORGANIZATION', 'These credentials belong to another organization.', { organizationId: orgId });
    }
    const role = membershipRole(db, orgId, principal.id);
    const user = findUser(db, principal.id);
    if (!role || !user) throw new HttpError(403, 'NOT_A_MEMBER', 'You are not a member of this organization.', { organizationId: orgId });
    const member: Member = { id: user.id, name: user.name, email: user.email, roles: rolesFrom(role) };
    return { status: 200, body: member };
  });

  router.add('GET', restRoutes.members, async ({ req, query, params }) => {
    const { orgId } = params;
    const principal = await authenticate(ctx, req, query);
    requireOrganizationRole(principal, orgId, 'ORG_ADMIN', { allowApiKey: false });
    // `role` is an extension: the strict profile takes no parameter, as nothing public names one.
    const { role } = ctx.profile === 'jmapcloud' ? { ...parseQuery(query, z.strictObject({})), role: undefined } : parseQuery(query, membersQuery);
    const minimumRank = role === undefined ? 0 : roleRank(role);
    const members: Member[] = listMembers(db, orgId)
      .filter((row) => roleRank(row.role) >= minimumRank)
      .map((row) => ({ id: row.id, name: row.name, email: row.email, roles: rolesFrom(row.role) }));
    return { status: 200, body: members };
  });
}
