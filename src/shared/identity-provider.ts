// Single sign-on, written once for the client and the local server: how a connection names
// its identity provider (issuer or Auth0 domain, client id, audience), where the loopback
// redirect lands, and what the local organization server offers as a stand-in for Auth0.
import { z } from 'zod';
import { readTypedUrl } from './typed-url';

/** RFC 8252 §7.3: the redirect goes to a loopback IP literal, any port, this path. */
export const LOOPBACK_REDIRECT_PATH = '/callback';

/** The scopes KeyDesk asks for: an ID token, the user's name and email, a refresh token. */
export const SSO_SCOPES = 'openid profile email offline_access';

/**
 * The local organization server's identity provider: its issuer is the server's own address
 * (with a trailing slash), and it knows one public client.
 */
export const LOCAL_IDENTITY_PROVIDER = {
  clientId: 'keydesk',
  audience: 'urn:keydesk:organization-api',
} as const;

/**
 * A discovery field the local server adds (an extension, never needed): the token endpoint
 * takes `organization` with `grant_type=refresh_token`, so that switching organization needs
 * no browser. Auth0 scopes a token to an organization only through /authorize.
 */
export const REFRESH_WITH_ORGANIZATION_METADATA = 'keydesk_refresh_token_organization_supported';

const ISSUER_EXAMPLE = 'Enter the identity provider, for example your-tenant.auth0.com or https://login.example.com/.';

/**
 * An issuer as an admin types it: an Auth0 domain (`k2.auth0.com` means
 * `https://k2.auth0.com/`) or the issuer URL; https, or http on loopback only. Normalized as
 * OpenID discovery compares it: an empty path becomes "/".
 */
export const issuerSchema = z
  .string()
  .trim()
  .min(1, ISSUER_EXAMPLE)
  .max(2048, 'The identity provider address is too long.')
  .transform((value, ctx) => {
    const url = readTypedUrl(value, 'identity provider address', ISSUER_EXAMPLE);
    if (typeof url === 'string') {
      ctx.addIssue({ code: 'custom', message: url });
      return z.NEVER;
    }
    return url.href;
  });

/** A connection's identity provider: never a secret (KeyDesk is a public native client). */
export const identityProviderConfigSchema = z.strictObject({
  issuer: issuerSchema,
  clientId: z.string().trim().min(1, 'Enter the client ID the administrator registered for KeyDesk.').max(200),
  /** The API the access token is for (Auth0's `audience`); none when the provider needs none. */
  audience: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((audience) => (audience === '' ? undefined : audience)),
});
export type IdentityProviderConfig = z.infer<typeof identityProviderConfigSchema>;
