// What each filter and sort of the key list means, written in plain TypeScript. The
// services evaluate a query with it where the server does not (JMap Cloud, the local
// server's strict profile), and the local server's SQL is tested against it: the filter
// bar then means the same on every server.
import type { ApiKeyListFilters, ApiKeyListParams, ApiKeyListSort } from './api-key-list-query';
import type { ApiKey, ApiKeyPage } from './api-types';
import { EXPIRING_SOON_DAYS } from './roles';

const DAY_MS = 86_400_000;

/** Case folding of text filters: full Unicode lower case (the server stores its text so). */
export const foldCase = (text: string): string => text.toLowerCase();

const contains = (haystack: string, needle: string | undefined): boolean => needle === undefined || foldCase(haystack).includes(foldCase(needle));
const time = (iso: string): number => Date.parse(iso);

/** Whether `key` passes every filter, with `now` (ms) as the clock of the status filter. */
export function matchesApiKeyFilters(key: ApiKey, filters: ApiKeyListFilters, now: number): boolean {
  const { search, title, id, createdBy, role, status } = filters;
  if (search !== undefined && !contains(`${key.title}\n${key.id}\n${key.createdBy.name}`, search)) return false;
  if (!contains(key.title, title) || !contains(key.id, id) || !contains(key.createdBy.name, createdBy)) return false;
  if (role !== undefined && key.role !== role) return false;
  if (status !== undefined || filters.expiresFrom !== undefined || filters.expiresBefore !== undefined) {
    const expires = time(key.expirationDate);
    const expired = key.expired || expires <= now;
    if (status === 'EXPIRED' && !expired) return false;
    if (status === 'ACTIVE' && expired) return false;
    if (status === 'EXPIRING_SOON' && (expired || expires > now + EXPIRING_SOON_DAYS * DAY_MS)) return false;
    if (!inRange(expires, filters.expiresFrom, filters.expiresBefore)) return false;
  }
  if ((filters.createdFrom !== undefined || filters.createdBefore !== undefined) && !inRange(time(key.creationDate), filters.createdFrom, filters.createdBefore)) {
    return false;
  }
  if (filters.neverUsed === true && key.lastUsedDate !== null) return false;
  if (filters.unusedSince !== undefined && key.lastUsedDate !== null && time(key.lastUsedDate) >= time(filters.unusedSince)) return false;
  return true;
}

/** [from, before): `from` included, `before` not. */
function inRange(value: number, from: string | undefined, before: string | undefined): boolean {
  return (from === undefined || value >= time(from)) && (before === undefined || value < time(before));
}

/** Text order as SQLite's: UTF-8 bytes, which is code point order (not UTF-16's). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** SQLite's NOCASE: ASCII letters only. */
const nocase = (text: string): string => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

type SortKey = (key: ApiKey) => string | number;
const SORT_KEYS: Record<ApiKeySortFieldName, SortKey> = {
  title: (key) => nocase(key.title),
  id: (key) => key.id,
  createdBy: (key) => nocase(key.createdBy.name),
  creationDate: (key) => time(key.creationDate),
  expirationDate: (key) => time(key.expirationDate),
  role: (key) => key.role,
  // Never used sorts before any use, as NULL does in SQLite.
  lastUsedDate: (key) => (key.lastUsedDate === null ? -Infinity : time(key.lastUsedDate)),
};
type ApiKeySortFieldName = ApiKeyListSort['field'];

const compareValues = (x: string | number, y: string | number): number =>
  typeof x === 'number' && typeof y === 'number' ? (x === y ? 0 : x < y ? -1 : 1) : compareCodePoints(String(x), String(y));

/** The list's order: the field, then the id, both in the sort's direction (pages are stable). */
export function compareApiKeys(sort: ApiKeyListSort): (a: ApiKey, b: ApiKey) => number {
  const sortKey = SORT_KEYS[sort.field];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => sign * (compareValues(sortKey(a), sortKey(b)) || compareCodePoints(a.id, b.id));
}

/** One page of `keys` (every key of the organization) as the server would answer `params`. */
export function evaluateApiKeyList(keys: readonly ApiKey[], params: ApiKeyListParams, now: number): ApiKeyPage {
  const sortKey = SORT_KEYS[params.sort.field];
  const sign = params.sort.direction === 'asc' ? 1 : -1;
  // Each key's sort value computed once (dates parsed once), not at every comparison.
  const matches = keys.flatMap((key) => (matchesApiKeyFilters(key, params, now) ? [{ key, value: sortKey(key) }] : []));
  matches.sort((a, b) => sign * (compareValues(a.value, b.value) || compareCodePoints(a.key.id, b.key.id)));
  const start = params.page * params.size;
  return {
    content: matches.slice(start, start + params.size).map((match) => match.key),
    page: { number: params.page, size: params.size, totalElements: matches.length, totalPages: Math.ceil(matches.length / params.size) },
  };
}
