// Single sign-on's refusals as AppErrors: a code the renderer words (SSO_REFUSED with
// details.reason, IDENTITY_PROVIDER_UNREACHABLE, UNAUTHORIZED when a refresh token is no
// longer accepted) and an English sentence for the log and for English. openid-client's
// errors carry the failed check in their cause; only its name and reason are kept, never the
// values compared (a state, a nonce, a token).
import * as oidc from 'openid-client';
import { AppError, type ErrorReason } from '../../shared/errors';

export const SSO_REFUSAL_REASONS = [
  'state-mismatch',
  'issuer-mismatch',
  'audience-mismatch',
  'nonce-mismatch',
  'organization-mismatch',
  'code-rejected',
  'access-denied',
  'provider-error',
  'invalid-response',
  'pkce-unsupported',
  'no-refresh-token',
  'browser-needed',
  'account-mismatch',
  'expired',
] as const satisfies readonly ErrorReason[];
export type SsoRefusalReason = (typeof SSO_REFUSAL_REASONS)[number];

export const refusal = (reason: SsoRefusalReason, message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError('SSO_REFUSED', message, { reason, ...details });

export const SSO_SESSION_ENDED = 'Your single sign-on session has ended; sign in again.';

type Stage = 'discovery' | 'code' | 'refresh' | 'revoke';

const ISSUER_MISMATCH: [SsoRefusalReason, string] = [
  'issuer-mismatch',
  'The answer did not come from the identity provider this connection names (issuer): the sign-in was refused.',
];
const MISMATCH_SENTENCES: Record<string, [SsoRefusalReason, string]> = {
  aud: ['audience-mismatch', 'The identity provider answered with a token made for another application (audience): the sign-in was refused.'],
  iss: ISSUER_MISMATCH,
  nonce: ['nonce-mismatch', 'The identity provider answered for another sign-in (nonce): the sign-in was refused.'],
};

/** The name of the claim or attribute a failed comparison was about, read from openid-client's cause chain. */
function comparedField(error: oidc.ClientError): string | undefined {
  const inner = error.cause as { cause?: { claim?: unknown; attribute?: unknown } } | undefined;
  const field = inner?.cause?.claim ?? inner?.cause?.attribute;
  return typeof field === 'string' ? field : undefined;
}

function innerMessage(error: oidc.ClientError): string {
  return error.cause instanceof Error ? error.cause.message : '';
}

export function toSsoError(error: unknown, stage: Stage): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof oidc.ClientError && error.cause instanceof AppError) return error.cause;
  if (error instanceof oidc.AuthorizationResponseError) {
    const said = error.error_description ? ` (${error.error_description})` : '';
    return error.error === 'access_denied'
      ? refusal('access-denied', `The identity provider refused the sign-in${said}.`, { providerError: error.error })
      : refusal('provider-error', `The identity provider stopped the sign-in: ${error.error}${said}.`, { providerError: error.error });
  }
  if (error instanceof oidc.ResponseBodyError) {
    if (stage === 'refresh' && error.error === 'invalid_grant') {
      return AppError.because('UNAUTHORIZED', 'sso-session-ended', {}, SSO_SESSION_ENDED, { sessionEnded: true, providerError: error.error });
    }
    const said = error.error_description ? `: ${error.error_description}` : '.';
    return stage === 'code' && error.error === 'invalid_grant'
      ? refusal('code-rejected', `The identity provider refused the sign-in code${said}`, { providerError: error.error })
      : refusal('provider-error', `The identity provider answered ${error.error}${said}`, { providerError: error.error });
  }
  if (error instanceof oidc.ClientError) {
    if (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT') {
      return new AppError('IDENTITY_PROVIDER_UNREACHABLE', 'The identity provider did not answer in time. Check your network connection and try again.');
    }
    const field = comparedField(error);
    // Discovery compares one attribute: the issuer the provider names itself.
    if (stage === 'discovery' && (field === 'issuer' || error.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED')) {
      return refusal(
        'issuer-mismatch',
        'The identity provider at this address says it is another issuer: check the address (for Auth0, the tenant’s domain).',
      );
    }
    const mismatch = field === undefined ? undefined : MISMATCH_SENTENCES[field];
    if (mismatch) return refusal(mismatch[0], mismatch[1]);
    const inner = innerMessage(error);
    if (inner.includes('"state"')) {
      return refusal('state-mismatch', 'The browser came back with a sign-in KeyDesk did not start (state): the sign-in was refused.');
    }
    if (inner.includes('"iss"')) return refusal(...ISSUER_MISMATCH);
  }
  return refusal(
    'invalid-response',
    stage === 'discovery'
      ? 'The address does not answer as an OpenID Connect identity provider (/.well-known/openid-configuration).'
      : 'The identity provider sent an answer KeyDesk could not accept.',
  );
}
