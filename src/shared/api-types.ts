// The JMap Cloud–compatible REST shapes, shared by the local organization server
// (which produces them) and the organization client (which consumes them). These
// schemas are the single definition; TypeScript types are inferred from them.
import { z } from 'zod';
import { apiKeyRoleSchema, organizationRoleSchema, type OrganizationRole } from './roles';
import { translatedNameSchema } from './translated-name';

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const tokenResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessTokenExpireAt: isoDateTimeSchema,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/**
 * Roles as a server lists them. JMap Cloud has more than the three of an organization
 * (SYS_ADMIN, ACCOUNT_MANAGER: ROLES in jmapcloud-ng-core-types, public/jmap/user.d.ts):
 * those, and any other string, are left out rather than refusing the whole answer.
 */
export const organizationRolesSchema = z
  .array(z.unknown())
  .transform((roles) => [...new Set(roles.flatMap((role) => (organizationRoleSchema.safeParse(role).success ? [role as OrganizationRole] : [])))]);

/**
 * An organization in `GET /users/self` (JMap Cloud's JOrganizationInfo: id, name, auth0Id,
 * logoUrl, colours, active, created/modified by and dates). KeyDesk needs the id; a missing
 * name shows the id; every other field is ignored. No roles: those come from members/self.
 */
export const organizationInfoSchema = z
  .object({ id: z.string().min(1), name: z.string().optional().catch(undefined), auth0Id: z.string().optional().catch(undefined) })
  .transform(({ id, name, auth0Id }) => ({
    id,
    name: name !== undefined && name.trim() !== '' ? name : id,
    ...(auth0Id !== undefined ? { auth0Id } : {}),
  }));
export type OrganizationInfo = z.output<typeof organizationInfoSchema>;

/**
 * `GET /users/self`: name, email and organizations (jmapcloud-qgis-plugin,
 * core/services/auth_manager.py; JUser in user.d.ts). The id is not among the public facts,
 * and a missing name or email never stops a sign-in: the services fall back on the username.
 */
export const userSelfSchema = z.object({
  id: z.string().optional().catch(undefined),
  name: z.string().optional().catch(undefined),
  email: z.string().optional().catch(undefined),
  organizations: z.array(organizationInfoSchema),
});
export type UserSelf = z.output<typeof userSelfSchema>;

/**
 * `GET /organizations/{orgId}/members/self`: `{roles: [...], …}`, where a user's roles in an
 * organization come from (jmapcloud-qgis-plugin, auth_manager.py get_member_self).
 */
export const memberSelfSchema = z.object({ roles: organizationRolesSchema });
export type MemberSelf = z.output<typeof memberSelfSchema>;

/**
 * An organization of the signed-in user as the session knows it. `roles` is null while
 * unknown: JMap Cloud tells a user's roles in an organization only through members/self,
 * which may need a session scoped to that organization.
 */
export const organizationMembershipSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** How the identity provider names the organization (single sign-on's `organization`). */
  auth0Id: z.string().optional(),
  roles: z.array(organizationRoleSchema).nullable(),
});
export type OrganizationMembership = z.infer<typeof organizationMembershipSchema>;

/** A member of the organization (the transfer targets of a deleted key's resources). */
export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: organizationRolesSchema,
});
export type Member = z.output<typeof memberSchema>;

export const userRefSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type UserRef = z.infer<typeof userRefSchema>;

export const apiKeySchema = z.object({
  id: z.string(),
  title: z.string(),
  role: apiKeyRoleSchema,
  createdBy: userRefSchema,
  creationDate: isoDateTimeSchema,
  expirationDate: isoDateTimeSchema,
  expired: z.boolean(),
  lastUsedDate: isoDateTimeSchema.nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const pageInfoSchema = z.object({
  number: z.number().int(),
  size: z.number().int(),
  totalElements: z.number().int(),
  totalPages: z.number().int(),
});
export const apiKeyPageSchema = z.object({ content: z.array(apiKeySchema), page: pageInfoSchema });
export type ApiKeyPage = z.infer<typeof apiKeyPageSchema>;
/** A page as the client hands it on: rows it could not read are left out, and counted. */
export type ApiKeyListPage = ApiKeyPage & { unreadableRows: number };
/**
 * A page as the services hand it to the renderer. Where the server does not evaluate the
 * query (JMap Cloud's list takes page, size and sort only), the services fetched every key
 * and evaluated it themselves: `localEvaluation` says when, and over how many keys.
 */
export type ApiKeyListResult = ApiKeyListPage & { localEvaluation: { fetchedAt: string; keyCount: number } | null };

/** Sort fields of the key list: `lastUsedDate` (never used first, going up) is a local-server extension. */
export const API_KEY_SORT_FIELDS = ['title', 'id', 'createdBy', 'creationDate', 'expirationDate', 'role', 'lastUsedDate'] as const;
export const API_KEY_EXTENSION_SORT_FIELDS = ['lastUsedDate'] as const satisfies readonly (typeof API_KEY_SORT_FIELDS)[number][];
export type ApiKeyExtensionSortField = (typeof API_KEY_EXTENSION_SORT_FIELDS)[number];
export const apiKeySortFieldSchema = z.enum(API_KEY_SORT_FIELDS);
export type ApiKeySortField = z.infer<typeof apiKeySortFieldSchema>;

/** `EXPIRING_SOON` (not expired, expiring within 14 days) is a local-server extension. */
export const API_KEY_STATUSES = ['ACTIVE', 'EXPIRING_SOON', 'EXPIRED'] as const;
export const apiKeyStatusSchema = z.enum(API_KEY_STATUSES);
export type ApiKeyStatus = z.infer<typeof apiKeyStatusSchema>;

/** Body of `POST …/api-keys`. The date is an ISO date-time or `YYYY-MM-DD` (end of that day, UTC). */
export const TITLE_MAX_LENGTH = 100;
// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
/** Whether a text holds a C0 or C1 control character (NUL, tab, newline, escape, …). */
export const hasControlCharacters = (text: string): boolean => CONTROL_CHARACTERS.test(text);
/**
 * A text a person typed or pasted into a search or a filter, fit to send: each control
 * character (a pasted line break, a tab, a NUL) becomes a space, spaces around go, and it is
 * cut at `maxLength`. A search for "a<tab>b" means "a b"; the contracts refuse the raw one.
 */
export function searchText(typed: string, maxLength: number): string {
  return typed.replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), ' ').trim().slice(0, maxLength).trim();
}
const HALF_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Whether a text holds half of a UTF-16 surrogate pair (a paste that cut an emoji in two): no character at all. */
export const hasHalfSurrogate = (text: string): boolean => HALF_SURROGATE.test(text);
/**
 * A key's title as both the server and the wizard accept it. Half of a surrogate pair was
 * stored as U+FFFD: the key got a name other than the one sent (found by hostile typing).
 */
export const apiKeyTitleSchema = z
  .string()
  .trim()
  .min(1, 'The name is required.')
  .max(TITLE_MAX_LENGTH, `The name must be at most ${TITLE_MAX_LENGTH} characters.`)
  .refine((title) => !hasControlCharacters(title), 'The name must not contain control characters.')
  .refine((title) => !hasHalfSurrogate(title), 'The name must not contain half of a character (an emoji cut in two).');
export const createApiKeyBodySchema = z.strictObject({
  title: apiKeyTitleSchema,
  role: apiKeyRoleSchema,
  expirationDate: z.string(),
});
export type CreateApiKeyBody = z.input<typeof createApiKeyBodySchema>;

export const createdApiKeySchema = z.object({ apiKey: apiKeySchema, secret: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const ownerSchema = z.object({ id: z.string(), name: z.string(), type: z.enum(['USER', 'API_KEY']) });
export type Owner = z.infer<typeof ownerSchema>;

export const ownedDataSourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  owners: z.array(ownerSchema),
  soleOwner: z.boolean(),
});
export const layerSchema = z.object({ id: z.string(), name: z.string(), dataSourceId: z.string() });
/** A project the key owns, its name in the app's language; `layers` null where not read (JMap Cloud). */
export const ownedProjectSchema = z.object({
  id: z.string(),
  name: z.string(),
  layers: z.array(layerSchema).nullable(),
  owners: z.array(ownerSchema),
  soleOwner: z.boolean(),
});
/** What a key owns, as the dialog shows it (names in the app's language). */
export const ownedResourcesSchema = z.object({
  dataSources: z.array(ownedDataSourceSchema),
  projects: z.array(ownedProjectSchema),
  aclEntryCount: z.number().int(),
});
export type OwnedDataSource = z.infer<typeof ownedDataSourceSchema>;
export type OwnedProject = z.infer<typeof ownedProjectSchema>;
export type Layer = z.infer<typeof layerSchema>;
export type OwnedResources = z.infer<typeof ownedResourcesSchema>;

/** The owned-resources extension's answer: project names in every language (TranslatedName). */
export const ownedResourcesAnswerSchema = ownedResourcesSchema.extend({
  projects: z.array(ownedProjectSchema.extend({ name: translatedNameSchema, layers: z.array(layerSchema) })),
});
export type OwnedResourcesAnswer = z.input<typeof ownedResourcesAnswerSchema>;

export const deleteApiKeyResultSchema = z.object({
  deletedApiKeyId: z.string(),
  transferredTo: userRefSchema.nullable(),
  transferred: z.object({ dataSources: z.number().int(), projects: z.number().int() }),
  deleted: z.object({ dataSources: z.number().int(), projects: z.number().int(), layers: z.number().int() }),
  aclEntriesRemoved: z.number().int(),
  /** Figures the server did not give (JMap Cloud's delete answers nothing): shown as unknown, not as 0. */
  notCounted: z.array(z.enum(['layers'])).optional(),
});
export type DeleteApiKeyResult = z.infer<typeof deleteApiKeyResultSchema>;

/**
 * A data source as the MCS lists it. `owners` is the local server's (default profile): JMap
 * Cloud's answer has no such field, and nothing reads it to find what a key owns.
 */
export const dataSourceSchema = z.object({ id: z.string(), name: z.string(), owners: z.array(ownerSchema).optional() });
/** A project as the MCS lists it: its name in every language (jmapcloud-qgis-plugin reads `name[locale]`). */
export const projectSchema = z.object({
  id: z.string(),
  name: translatedNameSchema,
  layers: z.array(layerSchema).optional(),
  owners: z.array(ownerSchema).optional(),
});
export type DataSource = z.output<typeof dataSourceSchema>;
export type Project = z.output<typeof projectSchema>;

/** Every error body of the server: `{status, code, message, details?}`. */
export const apiErrorBodySchema = z.object({
  status: z.number().int(),
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/**
 * Every `code` the local organization server puts in an error body (JMap Cloud may send
 * others: a client must accept any string and fall back on the HTTP status).
 */
export const API_ERROR_CODES = [
  // 400 and other malformed requests
  'VALIDATION_FAILED', 'INVALID_JSON', 'BODY_REQUIRED', 'INVALID_QUERY_PARAMETER', 'INVALID_ID', 'INVALID_URL',
  'INVALID_API_KEY_ROLE', 'INVALID_EXPIRATION_DATE', 'INVALID_IDEMPOTENCY_KEY', 'INVALID_TRANSFER_TARGET',
  'CONFLICTING_PARAMETERS', 'AMBIGUOUS_CREDENTIALS', 'UNKNOWN_DATA_SOURCE', 'UNKNOWN_PRINCIPAL', 'DUPLICATE_PRINCIPAL',
  'OWNER_REQUIRED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'ROUTE_NOT_FOUND', 'METHOD_NOT_ALLOWED', 'UNEXPECTED_HOST',
  // Refused by the HTTP parser itself, before any route: 400, 408, 431
  'MALFORMED_REQUEST', 'REQUEST_TIMEOUT', 'HEADERS_TOO_LARGE',
  // 401
  'UNAUTHENTICATED', 'INVALID_CREDENTIALS', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'INVALID_REFRESH_TOKEN', 'INVALID_API_KEY',
  'API_KEY_EXPIRED',
  // 403
  'NOT_A_MEMBER', 'ORGANIZATION_NOT_SELECTED', 'WRONG_ORGANIZATION', 'INSUFFICIENT_ROLE', 'API_KEY_NOT_ALLOWED', 'NOT_AN_OWNER',
  // 404, 409, 422, 429, 500
  'NOT_FOUND', 'NO_PERMISSION_ENTRY', 'IDEMPOTENT_REPLAY', 'RESOURCES_OWNED', 'PERMISSION_EXISTS', 'IDEMPOTENCY_KEY_REUSED', 'TOO_MANY_SIGN_IN_ATTEMPTS', 'INTERNAL_ERROR',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
