// The list endpoint's query string: page, size, sort, search, role, status.
import { z } from 'zod';
import { API_KEY_SORT_FIELDS, API_KEY_STATUSES, apiKeySortFieldSchema, hasControlCharacters } from '../../shared/api-types';
import { API_KEY_ROLES } from '../../shared/roles';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number.`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}.`).max(max, `${name} must be at most ${max}.`));

const sortSchema = z.string().transform((value, ctx) => {
  const [field, direction = 'asc', ...rest] = value.split(',');
  const parsedField = apiKeySortFieldSchema.safeParse(field);
  if (!parsedField.success || rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) {
    ctx.addIssue({
      code: 'custom',
      message: `sort must be FIELD or FIELD,asc|desc with FIELD one of ${API_KEY_SORT_FIELDS.join(', ')}.`,
    });
    return z.NEVER;
  }
  return { field: parsedField.data, direction: direction as 'asc' | 'desc' };
});

export const apiKeyListQuerySchema = z.strictObject({
  page: integer('page', 0, 10_000_000).default(0),
  size: integer('size', 1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  sort: sortSchema.default({ field: 'creationDate', direction: 'desc' }),
  // No title, id or name holds a control character, and a NUL ends an FTS5 phrase early
  // (a 500 "unterminated string" before this check): refused rather than searched.
  search: z
    .string()
    .max(200, 'search must be at most 200 characters.')
    .refine((text) => !hasControlCharacters(text), 'search must not contain control characters (NUL, tab, line breaks, …).')
    .optional(),
  role: z.enum(API_KEY_ROLES, { error: `role must be one of ${API_KEY_ROLES.join(', ')}.` }).optional(),
  status: z.enum(API_KEY_STATUSES, { error: `status must be one of ${API_KEY_STATUSES.join(', ')}.` }).optional(),
});
