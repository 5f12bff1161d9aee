// The query string of the API-key list (GET restRoutes.apiKeys), written once as a zod
// codec: the organization client encodes typed params into it (`encodeApiKeyListQuery`),
// the local server decodes it back (`parseQuery(query, apiKeyListQuerySchema)`), with a
// specific sentence for each bad value. A new filter is one more entry in FILTERS below
// (and its SQL in the server's store/api-key-list*.ts, and its meaning in
// api-key-list-evaluation.ts, which the services use where a server does not filter).
//
// Only page, size and sort are JMap Cloud's (Spring's paging); every filter is a local
// server extension, advertised as such in its capabilities document.
import { z } from 'zod';
import { API_KEY_SORT_FIELDS, API_KEY_STATUSES, apiKeySortFieldSchema, hasControlCharacters } from './api-types';
import { API_KEY_ROLES } from './roles';

export const MAX_PAGE_SIZE = 1000;
/** The last page index the server takes (a query beyond it is refused, not clamped). */
export const MAX_PAGE_INDEX = 10_000_000;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_FILTER_TEXT_LENGTH = 200;

/** A whole number within [min, max], written in decimal. */
const wholeNumber = (name: string, min: number, max: number) =>
  z.codec(
    z.string().regex(/^\d{1,9}$/, `${name} must be a whole number.`),
    z.number().min(min, `${name} must be at least ${min}.`).max(max, `${name} must be at most ${max}.`),
    { decode: Number, encode: String },
  );

const sortDirectionSchema = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof sortDirectionSchema>;

/** `FIELD` or `FIELD,asc|desc` (Spring's form, which JMap Cloud's paged endpoints take). */
const sort = z.codec(z.string(), z.object({ field: apiKeySortFieldSchema, direction: sortDirectionSchema }), {
  decode: (value, ctx) => {
    const [field, direction = 'asc', ...rest] = value.split(',');
    const parsedField = apiKeySortFieldSchema.safeParse(field);
    const parsedDirection = sortDirectionSchema.safeParse(direction);
    if (!parsedField.success || !parsedDirection.success || rest.length > 0) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: `sort must be FIELD or FIELD,asc|desc with FIELD one of ${API_KEY_SORT_FIELDS.join(', ')}.`,
      });
      return z.NEVER;
    }
    return { field: parsedField.data, direction: parsedDirection.data };
  },
  encode: ({ field, direction }) => `${field},${direction}`,
});

/**
 * A text compared as a case-insensitive substring. No title, id or name holds a control
 * character, and a NUL ended an FTS5 phrase early (a 500 "unterminated string"): refused
 * rather than searched.
 */
const text = (name: string) =>
  z
    .string()
    .max(MAX_FILTER_TEXT_LENGTH, `${name} must be at most ${MAX_FILTER_TEXT_LENGTH} characters.`)
    .refine((value) => !hasControlCharacters(value), `${name} must not contain control characters (NUL, tab, line breaks, …).`);

// An ISO 8601 date-time with its offset (Z or ±hh:mm), years 0000–9999.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** The instant an ISO date-time names, or NaN when a field is out of its range (Date.parse takes February 30). */
function parseInstant(value: string): number {
  const fields = ISO_INSTANT.exec(value);
  if (!fields) return NaN;
  const field = (index: number): number => Number(fields[index] ?? 0);
  const [month, day] = [field(2), field(3)];
  // Day 0 of the next month is the last of this one (setUTCFullYear, unlike Date.UTC, reads 0027 as 27).
  const daysInMonth = new Date(new Date(0).setUTCFullYear(field(1), month, 0)).getUTCDate();
  const inRange = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && field(4) <= 23 && field(5) <= 59 && field(6) <= 59;
  return inRange && field(7) <= 23 && field(8) <= 59 ? Date.parse(value) : NaN;
}

/**
 * An instant, read from any ISO date-time with an offset and kept in one form
 * (`toISOString()`, UTC, milliseconds): the server compares dates as that text.
 */
const instant = (name: string) =>
  z.codec(z.string(), z.string(), {
    decode: (value, ctx) => {
      const time = parseInstant(value);
      const date = new Date(time);
      if (Number.isNaN(time) || date.getUTCFullYear() < 0 || date.getUTCFullYear() > 9999) {
        ctx.issues.push({ code: 'custom', input: value, message: `${name} must be a date-time with its offset, like 2027-03-01T00:00:00Z.` });
        return z.NEVER;
      }
      return date.toISOString();
    },
    encode: (value) => value,
  });

/** `true`, on the wire; there is no `false` (leave the parameter out). */
const onlyTrue = (name: string) =>
  z.codec(z.literal('true', { error: `${name} must be true (or left out).` }), z.literal(true), { decode: () => true as const, encode: () => 'true' as const });

/**
 * The filters, all combined with AND. Text filters match a case-insensitive substring
 * (full Unicode lower case); ranges are [From, Before): the first instant included, the
 * second not. "Now" (for status) is the evaluating side's clock.
 */
const FILTERS = {
  /** Words of the title, the id or the creator's name. */
  search: text('search'),
  /** The title alone. */
  title: text('title'),
  id: text('id'),
  /** The creator's name. */
  createdBy: text('createdBy'),
  role: z.enum(API_KEY_ROLES, { error: `role must be one of ${API_KEY_ROLES.join(', ')}.` }),
  /** ACTIVE: not expired (expiring soon included); EXPIRING_SOON: not expired, expiring within 14 days; EXPIRED. */
  status: z.enum(API_KEY_STATUSES, { error: `status must be one of ${API_KEY_STATUSES.join(', ')}.` }),
  expiresFrom: instant('expiresFrom'),
  expiresBefore: instant('expiresBefore'),
  createdFrom: instant('createdFrom'),
  createdBefore: instant('createdBefore'),
  /** Never used. */
  neverUsed: onlyTrue('neverUsed'),
  /** Not used since this instant: last used before it, or never used. */
  unusedSince: instant('unusedSince'),
};

export type ApiKeyListFilterName = keyof typeof FILTERS;
export const API_KEY_LIST_FILTER_NAMES = Object.keys(FILTERS) as ApiKeyListFilterName[];

const optionalFilters = Object.fromEntries(Object.entries(FILTERS).map(([name, schema]) => [name, schema.optional()])) as {
  [K in ApiKeyListFilterName]: z.ZodOptional<(typeof FILTERS)[K]>;
};

export const apiKeyListQuerySchema = z.strictObject({
  page: wholeNumber('page', 0, MAX_PAGE_INDEX).default(0),
  size: wholeNumber('size', 1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  sort: sort.default({ field: 'creationDate', direction: 'desc' }),
  ...optionalFilters,
});

/** The list query, typed: what the client asks for and what the server's route gets. */
export type ApiKeyListParams = z.output<typeof apiKeyListQuerySchema>;
/** The same on the wire: query-string values. */
export type ApiKeyListQueryString = z.input<typeof apiKeyListQuerySchema>;
/** The filters alone, typed (dates as `toISOString()` text). */
export type ApiKeyListFilters = Pick<ApiKeyListParams, ApiKeyListFilterName>;
export type ApiKeyListSort = ApiKeyListParams['sort'];

// `neverUsed` is `true` itself here; every other filter takes the same value on both sides.
const { neverUsed: _neverUsedOnTheWire, ...sameOnBothSides } = optionalFilters;
/**
 * The filters as the renderer sends them over IPC: the same fields, typed (a date-time in
 * any ISO form with an offset, normalized; `neverUsed` a boolean `true`).
 */
export const apiKeyListFiltersSchema = z.strictObject({ ...sameOnBothSides, neverUsed: z.literal(true).optional() });

export function encodeApiKeyListQuery(params: ApiKeyListParams): ApiKeyListQueryString {
  return z.encode(apiKeyListQuerySchema, params);
}

/** The filters a query uses (an empty text filters nothing, and counts as unused). */
export function filtersInUse(filters: ApiKeyListFilters): ApiKeyListFilterName[] {
  return API_KEY_LIST_FILTER_NAMES.filter((name) => filters[name] !== undefined && filters[name] !== '');
}
