// One connection's identity provider, through openid-client (discovery, PKCE, the checks of
// the authorization response and the ID token, the token and revocation endpoints) with the
// host's fetch and clock. Every failure becomes an AppError: IDENTITY_PROVIDER_UNREACHABLE,
// or SSO_REFUSED with details.reason, and never a token in a message.
import * as oidc from 'openid-client';
import type { TokenResponse } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import { REFRESH_WITH_ORGANIZATION_METADATA, SSO_SCOPES, type IdentityProviderConfig } from '../../shared/identity-provider';
import { refusal, toSsoError } from './sso-errors';

export interface IdentityProviderDeps {
  fetch: typeof globalThis.fetch;
  now: () => Date;
  /** Per request, in milliseconds (default 15 s). */
  timeoutMs?: number;
}

/** What a browser sign-in must prove on its way back (RFC 7636, OpenID Connect Core §3.1.2.1). */
export interface AuthorizationChecks {
  readonly codeVerifier: string;
  /** The verifier's S256 hash: the only half the browser sees. */
  readonly codeChallenge: string;
  readonly state: string;
  readonly nonce: string;
  /** The organization (Auth0 id) the tokens must be scoped to, when one was asked for. */
  readonly organization?: string;
}

export interface IdentityProviderTokens extends TokenResponse {
  /** The organization the tokens are scoped to (the ID token's org_id), if any. */
  readonly organization: string | null;
  /** Who signed in, as the ID token says (where the server's users/self leaves it out). */
  readonly email: string | null;
}

export interface IdentityProviderClient {
  readonly issuer: string;
  /** The provider scopes a refresh to another organization (no browser needed to switch). */
  readonly switchesOrganizationSilently: boolean;
  /** `loginHint`: who is expected (their email), so that the provider's page need not ask, or asks with it filled in. */
  authorizationUrl(redirectUri: string, checks: AuthorizationChecks, loginHint?: string): string;
  exchangeCode(callbackUrl: URL, checks: AuthorizationChecks): Promise<IdentityProviderTokens>;
  /** New tokens from a refresh token, for `organization` when given; the old token when the provider does not rotate. */
  refresh(refreshToken: string, organization?: string): Promise<IdentityProviderTokens>;
  /** Revokes a refresh token where the provider offers revocation; resolves quietly where it does not. */
  revokeToken(refreshToken: string): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const isLoopback = (url: URL): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** A fresh verifier, state and nonce for one browser sign-in. */
export async function newAuthorizationChecks(organization?: string): Promise<AuthorizationChecks> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  return {
    codeVerifier,
    codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    ...(organization === undefined ? {} : { organization }),
  };
}

export async function discoverIdentityProvider(config: IdentityProviderConfig, deps: IdentityProviderDeps): Promise<IdentityProviderClient> {
  const issuerUrl = new URL(config.issuer);
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Network failures are the provider's unreachability, said with its address.
  const customFetch: oidc.CustomFetch = async (url, options) => {
    try {
      return await deps.fetch(url, { ...options, redirect: 'error' } as RequestInit);
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      const issuer = issuerUrl.origin;
      const seconds = Math.round(timeoutMs / 1000);
      throw timedOut
        ? AppError.because(
            'IDENTITY_PROVIDER_UNREACHABLE',
            'identity-provider-timeout',
            { issuer, seconds },
            `The identity provider at ${issuer} did not answer within ${seconds} seconds. Check your network connection and try again.`,
          )
        : AppError.because(
            'IDENTITY_PROVIDER_UNREACHABLE',
            'identity-provider-unreachable',
            { issuer },
            `The identity provider could not be reached at ${issuer}. Check its address and your network connection.`,
          );
    }
  };
  const metadata: Partial<oidc.ClientMetadata> = {
    // The host's clock, for the ID token's time checks.
    [oidc.clockSkew]: Math.round((deps.now().getTime() - Date.now()) / 1000),
  };
  let configuration: oidc.Configuration;
  try {
    configuration = await oidc.discovery(issuerUrl, config.clientId, metadata, oidc.None(), {
      [oidc.customFetch]: customFetch,
      // http only for a provider on this computer (the local organization server).
      execute: isLoopback(issuerUrl) ? [oidc.allowInsecureRequests] : [],
      timeout: Math.ceil(timeoutMs / 1000),
    });
  } catch (error) {
    throw toSsoError(error, 'discovery');
  }
  configuration.timeout = Math.ceil(timeoutMs / 1000);
  const server = configuration.serverMetadata();
  if (!server.supportsPKCE('S256')) {
    throw refusal('pkce-unsupported', 'The identity provider does not offer PKCE with S256, which KeyDesk requires to sign in safely.');
  }
  const expiresAt = (expiresIn: number | undefined): string =>
    new Date(deps.now().getTime() + (expiresIn ?? 300) * 1000).toISOString();
  const tokensOf = (response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers, previousRefresh = ''): IdentityProviderTokens => {
    const claims = response.claims();
    const organization = typeof claims?.org_id === 'string' ? claims.org_id : null;
    return {
      accessToken: response.access_token,
      refreshToken: response.refresh_token ?? previousRefresh,
      accessTokenExpireAt: expiresAt(response.expiresIn()),
      organization,
      email: typeof claims?.email === 'string' ? claims.email : null,
    };
  };
  const checkOrganization = (tokens: IdentityProviderTokens, wanted: string | undefined): IdentityProviderTokens => {
    // Auth0's SDKs check org_id the same way: a token for another organization is refused.
    if (wanted !== undefined && tokens.organization !== wanted) {
      throw refusal('organization-mismatch', 'The identity provider signed you in to another organization than the one asked for.');
    }
    return tokens;
  };

  return {
    issuer: server.issuer,
    switchesOrganizationSilently: server[REFRESH_WITH_ORGANIZATION_METADATA] === true,

    authorizationUrl(redirectUri, checks, loginHint) {
      return oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: SSO_SCOPES,
        code_challenge: checks.codeChallenge,
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
        ...(config.audience === undefined ? {} : { audience: config.audience }),
        ...(checks.organization === undefined ? {} : { organization: checks.organization }),
        ...(loginHint === undefined ? {} : { login_hint: loginHint }),
      }).href;
    },

    async exchangeCode(callbackUrl, checks) {
      try {
        const response = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        return checkOrganization(tokensOf(response), checks.organization);
      } catch (error) {
        throw toSsoError(error, 'code');
      }
    },

    async refresh(refreshToken, organization) {
      try {
        const response = await oidc.refreshTokenGrant(configuration, refreshToken, organization === undefined ? {} : { organization });
        return checkOrganization(tokensOf(response, refreshToken), organization);
      } catch (error) {
        throw toSsoError(error, 'refresh');
      }
    },

    async revokeToken(refreshToken) {
      if (server.revocation_endpoint === undefined) return;
      try {
        await oidc.tokenRevocation(configuration, refreshToken, { token_type_hint: 'refresh_token' });
      } catch (error) {
        throw toSsoError(error, 'revoke');
      }
    },
  };
}

