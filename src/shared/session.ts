// What the renderer may know about connections and the signed-in session. Never a
// password or a token: those stay in the main process (and the keychain).
import { z } from 'zod';
import { organizationMembershipSchema, userRefSchema, type OrganizationMembership } from './api-types';
import { identityProviderConfigSchema } from './identity-provider';
import { readTypedUrl } from './typed-url';
import { serverCapabilitiesSchema } from './server-capabilities';

export const JMAP_CLOUD_URL = 'https://api.jmapcloud.io';
/** The longest email and password a sign-in takes (the server's bounds too). */
export const MAX_USERNAME_LENGTH = 320;
export const MAX_PASSWORD_LENGTH = 1024;
export const LOCAL_CONNECTION_ID = 'local';

const SERVER_URL_EXAMPLE = 'Enter the server address, for example https://api.jmapcloud.io.';
/**
 * A server address as a person types it: https anywhere, http only on loopback (the local
 * organization server). A bare host name (`api.jmapcloud.io`) means https, as in a browser's
 * address bar. Never throws: anything else is an issue with a sentence. The result is
 * normalized (lower-case scheme and host, no trailing slash), so one server is one address.
 */
export const serverUrlSchema = z
  .string()
  .trim()
  .min(1, SERVER_URL_EXAMPLE)
  .max(2048, 'The server address is too long.')
  .transform((value, ctx) => {
    const url = readTypedUrl(value, 'server address', SERVER_URL_EXAMPLE);
    if (typeof url === 'string') {
      ctx.addIssue({ code: 'custom', message: url });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });

/** A saved connection, as stored in the profiles file. */
export const connectionProfileSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1).max(200),
  serverUrl: serverUrlSchema,
  organizationId: z.string().min(1),
  organizationName: z.string(),
  username: z.string().min(1),
  /** The refresh token is in the keychain (only when the user asked to be remembered). */
  remembered: z.boolean(),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Present when the connection signs in with single sign-on (then `username` is the user's email). */
  identityProvider: identityProviderConfigSchema.optional(),
});
export type ConnectionProfile = z.infer<typeof connectionProfileSchema>;

export const sessionInfoSchema = z.object({
  connectionId: z.string(),
  kind: z.enum(['local', 'cloud']),
  label: z.string(),
  serverUrl: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  /** Every organization the user belongs to, for the switcher. */
  organizations: z.array(organizationMembershipSchema),
  user: userRefSchema,
  /** Whether the refresh token is kept in the keychain across restarts. */
  remembered: z.boolean(),
  /** What the server offers beyond JMap Cloud's public API, read once per session. */
  capabilities: serverCapabilitiesSchema,
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export type SignInOutcome =
  | { status: 'signed-in'; session: SessionInfo }
  /** The user belongs to several organizations: call `selectOrganization` next. */
  | { status: 'choose-organization'; organizations: z.infer<typeof organizationMembershipSchema>[] };

/**
 * Where a single sign-on stands, as the renderer sees it (never a token). Waiting for the
 * browser: in the web preview (`openedBy: 'page'`) the page opens `authorizationUrl` itself;
 * the URL carries the request's public half only (state, PKCE challenge), as any browser
 * address bar shows it. A refusal is an AppError (SSO_REFUSED with details.reason, …).
 */
export type SsoStep =
  | { status: 'waiting-for-browser'; authorizationUrl: string; openedBy: 'system' | 'page'; expiresAt: string }
  | { status: 'choose-organization'; organizations: OrganizationMembership[] }
  | { status: 'signed-in'; session: SessionInfo };
