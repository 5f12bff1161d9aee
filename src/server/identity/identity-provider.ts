// What the local server's identity provider is: who it says it is (issuer), the API its
// access tokens are for (audience), the one public client it knows (KeyDesk, a native app:
// no secret, RFC 8252), its key and its lifetimes. Built once per server by start-server.ts.
import { LOCAL_IDENTITY_PROVIDER } from '../../shared/identity-provider';
import type { SigningKey } from './signing-key';

export interface IdentityProvider {
  /** The server's own address with a trailing slash, known once it listens. */
  issuer(): string;
  readonly audience: string;
  readonly clientId: string;
  readonly key: SigningKey;
  readonly codeTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  /**
   * The refresh_token grant takes `organization` (an extension, advertised in discovery).
   * Off under the `jmapcloud` profile: JMap Cloud's Auth0 scopes only through /authorize.
   */
  readonly refreshesIntoOrganization: boolean;
}

export interface IdentityProviderOptions {
  audience?: string;
  clientId?: string;
  refreshesIntoOrganization?: boolean;
}

export const AUTHORIZATION_CODE_TTL_SECONDS = 120;
export const OAUTH_REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

export function createIdentityProvider(key: SigningKey, issuer: () => string, options: IdentityProviderOptions = {}): IdentityProvider {
  return {
    issuer,
    audience: options.audience ?? LOCAL_IDENTITY_PROVIDER.audience,
    clientId: options.clientId ?? LOCAL_IDENTITY_PROVIDER.clientId,
    key,
    codeTtlSeconds: AUTHORIZATION_CODE_TTL_SECONDS,
    refreshTokenTtlSeconds: OAUTH_REFRESH_TOKEN_TTL_SECONDS,
    refreshesIntoOrganization: options.refreshesIntoOrganization ?? true,
  };
}
