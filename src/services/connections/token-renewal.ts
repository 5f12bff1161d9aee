// How a session gets new tokens, injected into TokenSession: through JMap's REST API
// (/refresh-token, /revoke-token) after a password sign-in, or through the identity
// provider's token endpoint after single sign-on (sso/sso-renewal.ts). The session's
// queueing, retry after a 401 and keychain rotation are the same for both.
import type { TokenResponse } from '../../shared/api-types';
import type { OrganizationClient } from '../organization-client/organization-client';
import type { IdentityProviderClient } from '../sso/identity-provider-client';

export interface TokenRenewal {
  /**
   * New tokens for `organizationId`: the one the refresh token is for (`from`), or another of
   * the user's for a switch. UNAUTHORIZED means the refresh token is no longer accepted: the
   * session is over.
   */
  renew(refreshToken: string, organizationId: string, from: string): Promise<TokenResponse>;
  /** Revokes a refresh token nobody will use again, where the server offers it. */
  revokeToken(refreshToken: string): Promise<void>;
  /**
   * The identity provider of a single sign-on session: where it cannot scope a refresh to
   * another organization, a switch goes through the browser (sso/sso-organization-switch.ts).
   */
  readonly identityProvider?: IdentityProviderClient;
}

/** Revocation is all a refresh token's housekeeping needs of a renewal or a client. */
export type TokenRevoker = Pick<TokenRenewal, 'revokeToken'>;

export function restTokenRenewal(client: OrganizationClient): TokenRenewal {
  return {
    renew: (refreshToken, organizationId) => client.refreshToken(refreshToken, organizationId),
    revokeToken: (refreshToken) => client.revokeToken(refreshToken),
  };
}
