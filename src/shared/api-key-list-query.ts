// The query string of the API-key list (GET restRoutes.apiKeys), written once as a zod
// codec: the organization client encodes typed params into it (`encodeApiKeyListQuery`),
// the local server decodes it back (`parseQuery(query, apiKeyListQuerySchema)`), with a
// specific sentence for each bad value. A new filter is one more field below (and its SQL
// in the server's store/api-key-list.ts); its wire form is a string, its typed form
// whatever the store needs.
import { z } from 'zod';
import { API_KEY_SORT_FIELDS, API_KEY_STATUSES, apiKeySortFieldSchema, hasControlCharacters } from './api-types';
import { API_KEY_ROLES } from './roles';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

/** A whole number within [min, max], written in decimal. */
const wholeNumber = (name: string, min: number, max: number) =>
  z.codec(
    z.string().regex(/^\d{1,9}$/, `${name} must be a whole number.`),
    z.number().min(min, `${name} must be at least ${min}.`).max(max, `${name} must be at most ${max}.`),
    { decode: Number, encode: String },
  );

const sortDirectionSchema = z.enum(['asc', 'desc']);

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

export const apiKeyListQuerySchema = z.strictObject({
  page: wholeNumber('page', 0, 10_000_000).default(0),
  size: wholeNumber('size', 1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  sort: sort.default({ field: 'creationDate', direction: 'desc' }),
  /** Words of the title, the id or the creator's name. */
  // No title, id or name holds a control character, and a NUL ends an FTS5 phrase early
  // (a 500 "unterminated string" before this check): refused rather than searched.
  search: z
    .string()
    .max(200, 'search must be at most 200 characters.')
    .refine((text) => !hasControlCharacters(text), 'search must not contain control characters (NUL, tab, line breaks, …).')
    .optional(),
  role: z.enum(API_KEY_ROLES, { error: `role must be one of ${API_KEY_ROLES.join(', ')}.` }).optional(),
  /** ACTIVE: not expired (expiring soon included); EXPIRING_SOON: not expired, expiring within 14 days. */
  status: z.enum(API_KEY_STATUSES, { error: `status must be one of ${API_KEY_STATUSES.join(', ')}.` }).optional(),
});

/** The list query, typed: what the client asks for and what the server's route gets. */
export type ApiKeyListParams = z.output<typeof apiKeyListQuerySchema>;
/** The same on the wire: query-string values. */
export type ApiKeyListQueryString = z.input<typeof apiKeyListQuerySchema>;

export function encodeApiKeyListQuery(params: ApiKeyListParams): ApiKeyListQueryString {
  return z.encode(apiKeyListQuerySchema, params);
}
