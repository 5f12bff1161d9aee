// An authorization request (GET /authorize, and the sign-in form posting it back), checked
// in RFC 6749's order: until the client and its redirect URI are known good, a problem is
// shown to the person in the browser and nobody is redirected anywhere (§4.1.2.1); after,
// it goes back to the client as `error=…` on its redirect URI.
import type { ServerContext } from '../server-context';
import { findOrganizationByAuth0Id } from '../store/organization-store';
import { CODE_CHALLENGE } from './pkce';
import { isLoopbackRedirectUri } from './redirect-uri';

export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly codeChallenge: string;
  readonly scope: string;
  readonly nonce: string | null;
  /** The organization the token is to be scoped to, by its Auth0 id (Auth0's `organization`). */
  readonly organization: { id: string; name: string; auth0Id: string } | null;
  readonly audience: string | null;
  /** Who the client expects to sign in (OpenID Connect's login_hint): the email field is filled with it. */
  readonly loginHint: string | null;
}

/** The request's own parameters, as the sign-in form carries them back. */
export const AUTHORIZATION_PARAMETERS = [
  'response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'scope', 'nonce', 'organization', 'audience', 'prompt',
  'login_hint',
] as const;

export type AuthorizationErrorCode = 'invalid_request' | 'unsupported_response_type' | 'invalid_scope' | 'login_required' | 'access_denied';

export type ParsedAuthorizationRequest =
  | { readonly kind: 'ok'; readonly request: AuthorizationRequest }
  /** Shown in the browser: no trustworthy place to redirect to. */
  | { readonly kind: 'page-error'; readonly message: string }
  | { readonly kind: 'redirect-error'; readonly redirectUri: string; readonly state: string | null; readonly error: AuthorizationErrorCode; readonly description: string };

const MAX_VALUE_LENGTH = 512;

export function parseAuthorizationRequest(ctx: ServerContext, params: URLSearchParams): ParsedAuthorizationRequest {
  const single = (name: string): string | null | 'repeated' => {
    const values = params.getAll(name);
    if (values.length > 1) return 'repeated';
    return values[0] ?? null;
  };
  const clientId = single('client_id');
  if (clientId === 'repeated' || clientId === null || clientId !== ctx.identity.clientId) {
    return { kind: 'page-error', message: 'This sign-in request comes from an application this identity provider does not know (client_id).' };
  }
  const redirectUri = single('redirect_uri');
  if (redirectUri === 'repeated' || redirectUri === null || !isLoopbackRedirectUri(redirectUri)) {
    return {
      kind: 'page-error',
      message: 'This sign-in request asks to send you back to an address that is not the application’s loopback listener (redirect_uri), so it was stopped.',
    };
  }
  const rawState = single('state');
  // Sent back on every refusal: never one too long to send (a 3,000-character state made a
  // Location header past 16 KiB, which HTTP clients refuse to read; the hostile suite found it).
  const state = rawState === 'repeated' || (rawState !== null && rawState.length > MAX_VALUE_LENGTH) ? null : rawState;
  const refuse = (error: AuthorizationErrorCode, description: string): ParsedAuthorizationRequest => ({
    kind: 'redirect-error',
    redirectUri,
    state,
    error,
    description,
  });
  const values = {} as Record<(typeof AUTHORIZATION_PARAMETERS)[number], string | null>;
  for (const name of AUTHORIZATION_PARAMETERS) {
    const value = single(name);
    if (value === 'repeated') return refuse('invalid_request', `The parameter ${name} is given more than once.`);
    if (value !== null && value.length > MAX_VALUE_LENGTH) return refuse('invalid_request', `The parameter ${name} is too long.`);
    values[name] = value;
  }
  if (values.response_type !== 'code') return refuse('unsupported_response_type', 'Only response_type=code is supported.');
  if (state === null || state === '') return refuse('invalid_request', 'The state parameter is required.');
  if (values.code_challenge_method !== 'S256' || !CODE_CHALLENGE.test(values.code_challenge ?? '')) {
    return refuse('invalid_request', 'PKCE is required: send code_challenge with code_challenge_method=S256.');
  }
  const scope = (values.scope ?? '').split(' ').filter(Boolean);
  if (!scope.includes('openid')) return refuse('invalid_scope', 'The scope must include openid.');
  if (values.audience !== null && values.audience !== ctx.identity.audience) {
    return refuse('invalid_request', 'This identity provider issues no tokens for that audience.');
  }
  let organization: AuthorizationRequest['organization'] = null;
  if (values.organization !== null) {
    const found = findOrganizationByAuth0Id(ctx.db, values.organization);
    if (!found) return refuse('invalid_request', 'No organization has that id (organization).');
    organization = { ...found, auth0Id: values.organization };
  }
  // No browser session is kept here: a silent sign-in always needs the person.
  if (values.prompt === 'none') return refuse('login_required', 'Sign-in is required.');
  return {
    kind: 'ok',
    request: {
      clientId,
      redirectUri,
      state,
      codeChallenge: values.code_challenge ?? '',
      scope: [...new Set(scope)].join(' '),
      nonce: values.nonce ?? null,
      organization,
      audience: values.audience ?? null,
      loginHint: values.login_hint ?? null,
    },
  };
}

/** The redirect back to the client: `code` or `error`, with `state` and `iss` (RFC 9207). */
export function redirectBack(redirectUri: string, issuer: string, fields: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(fields)) if (value !== null) url.searchParams.set(name, value);
  url.searchParams.set('iss', issuer);
  return url.href;
}
