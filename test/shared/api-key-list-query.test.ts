// The list query is one codec: what the client encodes, the server decodes to the same
// params, and a bad value gets its own sentence.
import { describe, expect, it } from 'vitest';
import { apiKeyListQuerySchema, encodeApiKeyListQuery, type ApiKeyListParams } from '../../src/shared/api-key-list-query';
import { API_KEY_SORT_FIELDS } from '../../src/shared/api-types';

describe('API-key list query', () => {
  const queries: ApiKeyListParams[] = [
    { page: 0, size: 100, sort: { field: 'creationDate', direction: 'desc' } },
    { page: 7, size: 1000, sort: { field: 'title', direction: 'asc' }, search: 'Parcel, "survey" & co', role: 'ORG_VIEWER', status: 'EXPIRING_SOON' },
    ...API_KEY_SORT_FIELDS.map((field): ApiKeyListParams => ({ page: 1, size: 5, sort: { field, direction: 'asc' }, status: 'EXPIRED' })),
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

  it.each([
    [{ page: '-1' }, 'page must be a whole number.'],
    [{ size: '1001' }, 'size must be at most 1000.'],
    [{ size: '0' }, 'size must be at least 1.'],
    [{ sort: 'secret,asc' }, 'sort must be FIELD or FIELD,asc|desc with FIELD one of title, id, createdBy, creationDate, expirationDate, role.'],
    [{ sort: 'title,up' }, 'sort must be FIELD or FIELD,asc|desc'],
    [{ sort: 'title,asc,again' }, 'sort must be FIELD or FIELD,asc|desc'],
    [{ role: 'ORG_ADMIN' }, 'role must be one of ORG_EDITOR, ORG_VIEWER.'],
    [{ status: 'GONE' }, 'status must be one of ACTIVE, EXPIRING_SOON, EXPIRED.'],
  ])('refuses %o with its own sentence', (wire, sentence) => {
    const result = apiKeyListQuerySchema.safeParse(wire);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(sentence);
  });
});
