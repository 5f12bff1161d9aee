// What the renderer may know about connections and the signed-in session. Never a
// password or a token: those stay in the main process (and the keychain).
import { z } from 'zod';
import { organizationMembershipSchema, userRefSchema } from './api-types';

export const JMAP_CLOUD_URL = 'https://api.jmapcloud.io';
export const LOCAL_CONNECTION_ID = 'local';

/** https anywhere, http only on loopback (the local organization server). */
export const serverUrlSchema = z
  .url({ protocol: /^https?$/, error: 'Enter the server address, for example https://api.jmapcloud.io.' })
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  }, 'The server address must use https (http is allowed only for this computer: 127.0.0.1 or localhost).')
  .transform((value) => value.replace(/\/+$/, ''));

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
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export type SignInOutcome =
  | { status: 'signed-in'; session: SessionInfo }
  /** The user belongs to several organizations: call `selectOrganization` next. */
  | { status: 'choose-organization'; organizations: z.infer<typeof organizationMembershipSchema>[] };
