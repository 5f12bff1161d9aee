// The local server as an OpenID Connect identity provider, standing in for an organization's
// Auth0 tenant so that "Sign in with single sign-on" runs with nothing outside the machine:
// discovery, the signing keys, and /authorize with its sign-in page. The token and
// revocation endpoints are in oauth-token-routes.ts.
import { REFRESH_WITH_ORGANIZATION_METADATA } from '../../shared/identity-provider';
import { restRoutes } from '../../shared/rest-routes';
import { verifyPassword } from '../auth/passwords';
import type { Reply, Router } from '../http/router';
import { parseFormBody } from '../http/read-body';
import { issueAuthorizationCode } from '../identity/authorization-codes';
import {
  AUTHORIZATION_PARAMETERS,
  parseAuthorizationRequest,
  redirectBack,
  type AuthorizationRequest,
  type ParsedAuthorizationRequest,
} from '../identity/authorization-request';
import { errorPage, pageHeaders, signInPage } from '../identity/sign-in-page';
import { SIGNING_ALGORITHM } from '../identity/signing-key';
import { DEMO_ORGANIZATION, DEMO_USERS } from '../seed/demo-identities';
import type { ServerContext } from '../server-context';
import { membershipRole } from '../store/membership-store';
import { organizationExists } from '../store/organization-store';
import { findUserCredentials } from '../store/user-store';

const MAX_EMAIL_LENGTH = 320;
const MAX_PASSWORD_LENGTH = 1024;

export function openidConfiguration(issuer: string, refreshesIntoOrganization: boolean): Record<string, unknown> {
  const at = (path: string): string => new URL(path, issuer).href;
  return {
    issuer,
    authorization_endpoint: at(restRoutes.authorize.path()),
    token_endpoint: at(restRoutes.oauthToken.path()),
    revocation_endpoint: at(restRoutes.oauthRevoke.path()),
    jwks_uri: at(restRoutes.jwks.path()),
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    revocation_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'nonce', 'name', 'email', 'org_id'],
    authorization_response_iss_parameter_supported: true,
    ...(refreshesIntoOrganization ? { [REFRESH_WITH_ORGANIZATION_METADATA]: true } : {}),
  };
}

export function registerIdentityProviderRoutes(router: Router, ctx: ServerContext): void {
  const { db, identity } = ctx;

  router.add('GET', restRoutes.openidConfiguration, () => ({ status: 200, body: openidConfiguration(identity.issuer(), identity.refreshesIntoOrganization) }));
  router.add('GET', restRoutes.jwks, () => ({ status: 200, body: { keys: [identity.key.publicJwk] } }));

  const demoEmails = (): string[] => (organizationExists(db, DEMO_ORGANIZATION.id) ? Object.values(DEMO_USERS).map((user) => user.email) : []);

  /** The request's parameters as the form carries them: only those that were given. */
  const carried = (params: URLSearchParams): [string, string][] =>
    AUTHORIZATION_PARAMETERS.flatMap((name) => {
      const value = params.get(name);
      return value === null ? [] : [[name, value] as [string, string]];
    });

  const showForm = (status: number, params: URLSearchParams, request: AuthorizationRequest, extra: { email?: string; error?: string } = {}): Reply => ({
    status,
    html: signInPage({ parameters: carried(params), request, demoEmails: demoEmails(), ...extra }),
    headers: pageHeaders(new URL(request.redirectUri).origin),
  });

  const back = (redirectUri: string, fields: Record<string, string | null>): Reply => ({
    status: 303,
    headers: { Location: redirectBack(redirectUri, identity.issuer(), fields) },
  });

  /** A request that cannot go on: a page when nobody can be trusted to receive it, else back to the client. */
  const stopped = (parsed: Exclude<ParsedAuthorizationRequest, { kind: 'ok' }>): Reply =>
    parsed.kind === 'page-error'
      ? { status: 400, html: errorPage(parsed.message), headers: pageHeaders(null) }
      : back(parsed.redirectUri, { error: parsed.error, error_description: parsed.description, state: parsed.state });

  router.add('GET', restRoutes.authorize, ({ query }) => {
    const parsed = parseAuthorizationRequest(ctx, query);
    if (parsed.kind !== 'ok') return stopped(parsed);
    const { loginHint } = parsed.request;
    return showForm(200, query, parsed.request, loginHint === null ? {} : { email: loginHint });
  });

  router.add('POST', restRoutes.authorize, async ({ req, rawBody }) => {
    const form = parseFormBody(req, rawBody);
    const parsed = parseAuthorizationRequest(ctx, form);
    if (parsed.kind !== 'ok') return stopped(parsed);
    const { request } = parsed;
    if (form.get('action') === 'cancel') {
      return back(request.redirectUri, { error: 'access_denied', error_description: 'The sign-in was cancelled.', state: request.state });
    }
    const email = (form.get('email') ?? '').trim().slice(0, MAX_EMAIL_LENGTH);
    const password = form.get('password') ?? '';
    if (email === '' || password === '' || password.length > MAX_PASSWORD_LENGTH) {
      return showForm(400, form, request, { email, error: 'Enter your email and your password.' });
    }
    // The same limits as POST /authenticate: the sign-in page is another door to the same accounts.
    const verdict = ctx.signInLimiter.begin(email, req.socket.remoteAddress ?? 'unknown');
    if (!verdict.allowed) {
      return showForm(429, form, request, { email, error: `Too many failed sign-ins. Try again in ${verdict.retryAfterSeconds} seconds.` });
    }
    const user = findUserCredentials(db, email);
    if (!(await verifyPassword(password, user?.passwordHash)) || !user) {
      return showForm(401, form, request, { email, error: 'The email or the password is incorrect.' });
    }
    verdict.succeeded();
    if (request.organization && !membershipRole(db, request.organization.id, user.id)) {
      return back(request.redirectUri, {
        error: 'access_denied',
        error_description: `You are not a member of ${request.organization.name}.`,
        state: request.state,
      });
    }
    const code = issueAuthorizationCode(
      ctx,
      { clientId: request.clientId, redirectUri: request.redirectUri, codeChallenge: request.codeChallenge, scope: request.scope, nonce: request.nonce },
      user.id,
      request.organization?.id ?? null,
    );
    return back(request.redirectUri, { code, state: request.state });
  });
}
