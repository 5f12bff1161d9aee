// The identity provider's sign-in as a browser does it for KeyDesk (authorization code with
// PKCE, RFC 7636; loopback redirect, RFC 8252): the request's parameters, the sign-in form
// posted, and the code read from the redirect.
import { randomUUID } from 'node:crypto';
import { s256 } from '../../../src/server/identity/pkce';
import { LOCAL_IDENTITY_PROVIDER, LOOPBACK_REDIRECT_PATH, SSO_SCOPES } from '../../../src/shared/identity-provider';
import { restRoutes } from '../../../src/shared/rest-routes';
import type { RawAnswer } from './http';
import { DEMO_PASSWORD, type OrganizationUnderAttack } from './organization-under-attack';

export const CODE_VERIFIER_EXAMPLE = 'hostile-suite-code-verifier-0123456789-abcdefghij';
/** KeyDesk's loopback listener, as RFC 8252 wants it: an IP literal, a port, the one path. */
export const REDIRECT_URI = `http://127.0.0.1:53682${LOOPBACK_REDIRECT_PATH}`;

/** The parameters of one authorization request, with a fresh state. */
export function authorizationRequest(): Record<string, string> {
  return {
    response_type: 'code',
    client_id: LOCAL_IDENTITY_PROVIDER.clientId,
    redirect_uri: REDIRECT_URI,
    state: randomUUID(),
    code_challenge: s256(CODE_VERIFIER_EXAMPLE),
    code_challenge_method: 'S256',
    scope: SSO_SCOPES,
  };
}

/** The authorization code a redirect carries, or null when it carries none (an error). */
export function codeOf(answer: RawAnswer): string | null {
  const location = answer.headers.location;
  if (typeof location !== 'string') return null;
  try {
    return new URL(location).searchParams.get('code');
  } catch {
    return null;
  }
}

/** Signs `email` in on the sign-in page, as a browser would: the code for KeyDesk. */
export async function signInWithBrowser(org: OrganizationUnderAttack, email: string): Promise<string> {
  const answer = await org.call('POST', restRoutes.authorize.path(), {
    form: { ...authorizationRequest(), email, password: DEMO_PASSWORD, action: 'sign-in' },
  });
  const code = codeOf(answer);
  if (code === null) throw new Error(`The sign-in page answered ${answer.status} without a code: ${answer.text.slice(0, 200)}`);
  return code;
}
