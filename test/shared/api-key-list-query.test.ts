// The list query is one codec: what the client encodes, the server decodes to the same
// params, and a bad value gets its own sentence.
import { describe, expect, it } from 'vitest';
import {
  API_KEY_LIST_FILTER_NAMES,
  apiKeyListFiltersSchema,
  apiKeyListQuerySchema,
  encodeApiKeyListQuery,
  filtersInUse,
  type ApiKeyListParams,
} from '../../src/shared/api-key-list-query';
import { API_KEY_SORT_FIELDS } from '../../src/shared/api-types';

describe('API-key list query', () => {
  const queries: ApiKeyListParams[] = [
    { page: 0, size: 100, sort: { field: 'creationDate', direction: 'desc' } },
    { page: 7, size: 1000, sort: { field: 'title', direction: 'asc' }, search: 'Parcel, "survey" & co', role: 'ORG_VIEWER', status: 'EXPIRING_SOON' },
    ...API_KEY_SORT_FIELDS.map((field): ApiKeyListParams => ({ page: 1, size: 5, sort: { field, direction: 'asc' }, status: 'EXPIRED' })),
    {
      page: 0,
      size: 50,
      sort: { field: 'lastUsedDate', direction: 'asc' },
      title: 'Émile & "co"',
      id: 'C4E',
      createdBy: 'bruno',
      expiresFrom: '2027-01-01T05:00:00.000Z',
      expiresBefore: '2027-03-01T05:00:00.000Z',
      createdFrom: '2020-01-01T00:00:00.000Z',
      createdBefore: '2026-01-01T00:00:00.000Z',
      neverUsed: true,
      unusedSince: '2026-08-28T12:00:00.000Z',
    },
  ];

  it.each(queries)('decodes on the server to what the client encoded (%o)', (params) => {
    const wire = encodeApiKeyListQuery(params);
    const queryString = new URLSearchParams(Object.entries(wire).filter((entry): entry is [string, string] => entry[1] !== undefined));
    expect(apiKeyListQuerySchema.parse(Object.fromEntries(queryString))).toEqual(params);
  });

  it('writes the sort as Spring does, FIELD,direction', () => {
    expect(encodeApiKeyListQuery({ page: 2, size: 10, sort: { field: 'expirationDate', direction: 'asc' } })).toEqual({ page: '2', size: '10', sort: 'expirationDate,asc' });
  });

  it('fills in the defaults, and reads a sort without a direction as ascending', () => {
    expect(apiKeyListQuerySchema.parse({})).toEqual({ page: 0, size: 100, sort: { field: 'creationDate', direction: 'desc' } });
    expect(apiKeyListQuerySchema.parse({ sort: 'title' }).sort).toEqual({ field: 'title', direction: 'asc' });
  });

  it('reads a date-time with any offset as the same instant, written as toISOString() does', () => {
    expect(apiKeyListQuerySchema.parse({ expiresBefore: '2027-03-01T00:00-05:00' }).expiresBefore).toBe('2027-03-01T05:00:00.000Z');
    expect(apiKeyListQuerySchema.parse({ createdFrom: '2026-11-26T12:00:00.123456Z' }).createdFrom).toBe('2026-11-26T12:00:00.123Z');
    expect(apiKeyListQuerySchema.parse({ unusedSince: '2028-02-29T00:00:00Z' }).unusedSince).toBe('2028-02-29T00:00:00.000Z');
  });

  it('lists every filter and knows which a query uses (an empty text filters nothing)', () => {
    expect(API_KEY_LIST_FILTER_NAMES).toEqual([
      'search', 'title', 'id', 'createdBy', 'role', 'status', 'expiresFrom', 'expiresBefore', 'createdFrom', 'createdBefore', 'neverUsed', 'unusedSince',
    ]);
    expect(filtersInUse({ title: '', role: 'ORG_EDITOR', neverUsed: true })).toEqual(['role', 'neverUsed']);
  });

  it('takes the same filters over IPC, typed: neverUsed a boolean, dates normalized', () => {
    expect(apiKeyListFiltersSchema.parse({ neverUsed: true, expiresFrom: '2027-03-01T00:00:00+01:00', title: 'x' })).toEqual({
      neverUsed: true,
      expiresFrom: '2027-02-28T23:00:00.000Z',
      title: 'x',
    });
    expect(apiKeyListFiltersSchema.safeParse({ neverUsed: 'true' }).success).toBe(false);
    expect(apiKeyListFiltersSchema.safeParse({ colour: 'blue' }).success).toBe(false);
  });

  it.each([
    [{ page: '-1' }, 'page must be a whole number.'],
    [{ size: '1001' }, 'size must be at most 1000.'],
    [{ size: '0' }, 'size must be at least 1.'],
    [{ sort: 'secret,asc' }, 'sort must be FIELD or FIELD,asc|desc with FIELD one of title, id, createdBy, creationDate, expirationDate, role, lastUsedDate.'],
    [{ sort: 'title,up' }, 'sort must be FIELD or FIELD,asc|desc'],
    [{ sort: 'title,asc,again' }, 'sort must be FIELD or FIELD,asc|desc'],
    [{ role: 'ORG_ADMIN' }, 'role must be one of ORG_EDITOR, ORG_VIEWER.'],
    [{ status: 'GONE' }, 'status must be one of ACTIVE, EXPIRING_SOON, EXPIRED.'],
    [{ title: 'a\u0000b' }, 'title must not contain control characters'],
    [{ id: 'x'.repeat(201) }, 'id must be at most 200 characters.'],
    [{ expiresFrom: '2027-02-29T00:00:00Z' }, 'expiresFrom must be a date-time with its offset, like 2027-03-01T00:00:00Z.'],
    [{ expiresBefore: '2027-03-01T24:00:00Z' }, 'expiresBefore must be a date-time'],
    [{ createdFrom: '2027-03-01T00:00:00+24:00' }, 'createdFrom must be a date-time'],
    [{ createdBefore: '9999-12-31T23:00:00-05:00' }, 'createdBefore must be a date-time'],
    [{ unusedSince: '1700000000000' }, 'unusedSince must be a date-time'],
    [{ neverUsed: 'yes' }, 'neverUsed must be true (or left out).'],
  ])('refuses %o with its own sentence', (wire, sentence) => {
    const result = apiKeyListQuerySchema.safeParse(wire);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(sentence);
  });
});
