// What a server offers beyond JMap Cloud's public API, advertised in one document:
// `GET restRoutes.capabilities` (the local server's extension, unauthenticated, wrapped like
// every answer). JMap Cloud has no such document: a 404, a refusal, or anything that does not
// parse means "no extensions" (NO_EXTENSIONS), and every flow then uses only the public API.
// The services read it once per session and hand it to the renderer in SessionInfo.
//
// Adding a flag: one field below, written `flag` (a missing or malformed value reads as off,
// so an older server simply does not offer it); the local server's profiles set it
// (src/server/server-profile.ts); the client tests it (`capabilities.<name>`) before using it.
import { z } from 'zod';
import { apiKeyListQuerySchema } from './api-key-list-query';
import { API_KEY_EXTENSION_SORT_FIELDS, type ApiKeyExtensionSortField } from './api-types';

/** Query parameters of the key list that any server takes: Spring's paging (page, size, sort). */
export const BASE_LIST_PARAMETERS = ['page', 'size', 'sort'] as const;
type BaseListParameter = (typeof BASE_LIST_PARAMETERS)[number];

/** The key list's other query parameters (search, role, status, …): each one is an extension. */
export type ApiKeyListFilter = Exclude<keyof typeof apiKeyListQuerySchema.shape, BaseListParameter>;
export const API_KEY_LIST_FILTERS: readonly ApiKeyListFilter[] = Object.keys(apiKeyListQuerySchema.shape).filter(
  (name): name is ApiKeyListFilter => !(BASE_LIST_PARAMETERS as readonly string[]).includes(name),
);
const isListFilter = (name: string): name is ApiKeyListFilter => (API_KEY_LIST_FILTERS as readonly string[]).includes(name);
const isExtensionSort = (name: string): name is ApiKeyExtensionSortField => (API_KEY_EXTENSION_SORT_FIELDS as readonly string[]).includes(name);

/** An extension the server offers or not; absent or unreadable means not. */
const flag = z.boolean().catch(false);

export const serverCapabilitiesSchema = z.object({
  /** `GET …/api-keys/{id}/owned-resources`: what a key owns, in one request. */
  ownedResources: flag,
  /** `DELETE …/api-keys/{id}?transferTo=<member>` or `?deleteResources=true`, in one transaction. */
  deleteWithResourcesFate: flag,
  /** The key list's `status=EXPIRING_SOON` (not expired, expiring within 14 days). */
  expiringSoonStatus: flag,
  /** `PATCH …/api-keys/{id}` (title, expiration): a key changed without a new secret. */
  apiKeyEdit: flag,
  /** The key list's query parameters beyond page/size/sort that the server evaluates. */
  apiKeyListFilters: z
    .array(z.string())
    .catch([])
    .transform((names) => [...new Set(names.filter(isListFilter))]),
  /** The key list's sort fields beyond those every server sorts by (lastUsedDate). */
  apiKeyListSorts: z
    .array(z.string())
    .catch([])
    .transform((names) => [...new Set(names.filter(isExtensionSort))]),
});
export type ServerCapabilities = z.output<typeof serverCapabilitiesSchema>;
/** The document as the server writes it. */
export type ServerCapabilitiesDocument = z.input<typeof serverCapabilitiesSchema>;

/** What JMap Cloud offers: its public API and nothing more. */
export const NO_EXTENSIONS: ServerCapabilities = Object.freeze({
  ownedResources: false,
  deleteWithResourcesFate: false,
  expiringSoonStatus: false,
  apiKeyEdit: false,
  apiKeyListFilters: [],
  apiKeyListSorts: [],
});

/** Whether the server evaluates this key-list parameter itself. */
export function serverFilters(capabilities: ServerCapabilities, filter: ApiKeyListFilter): boolean {
  return capabilities.apiKeyListFilters.includes(filter);
}

/**
 * The local organization server's profiles: `default` offers every extension; `jmapcloud`
 * (the strict profile) none, and has no capabilities document, as JMap Cloud.
 */
export const LOCAL_SERVER_PROFILES = ['default', 'jmapcloud'] as const;
export type LocalServerProfile = (typeof LOCAL_SERVER_PROFILES)[number];

/** The document the local server serves in a profile; null for none (a 404, as JMap Cloud). */
export function localServerCapabilities(profile: LocalServerProfile): ServerCapabilities | null {
  if (profile === 'jmapcloud') return null;
  return {
    ownedResources: true,
    deleteWithResourcesFate: true,
    expiringSoonStatus: true,
    apiKeyEdit: true,
    apiKeyListFilters: [...API_KEY_LIST_FILTERS],
    apiKeyListSorts: [...API_KEY_EXTENSION_SORT_FIELDS],
  };
}
