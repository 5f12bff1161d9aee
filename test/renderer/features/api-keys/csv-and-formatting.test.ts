import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { ApiKey, ApiKeyPage } from '@shared/api-types';
import { AppError } from '@shared/errors';
import type { ApiKeyQuery } from '@shared/ipc-contract';
import { apiKeyStatus } from '@renderer/features/api-keys/lib/api-key-status';
import { lostKeyId, refusedFields, validateExpiration, validateTitle } from '@renderer/features/api-keys/lib/create-form';
import { csvField, toCsv } from '@renderer/lib/csv';
import { apiKeysToCsv, exportFileName, fetchAllApiKeys, type CsvLabels } from '@renderer/features/api-keys/lib/export-api-keys';
import { formatRelative, formatUnit } from '@renderer/lib/formatting';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const DAY = 86_400_000;

function key(index: number, overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: `key-${index}`,
    title: `Key ${index}`,
    role: 'ORG_EDITOR',
    createdBy: { id: 'u1', name: 'Alice Gagnon', email: 'admin@demo.local' },
    creationDate: '2026-01-01T00:00:00.000Z',
    expirationDate: new Date(NOW + 100 * DAY).toISOString(),
    expired: false,
    lastUsedDate: null,
    ...overrides,
  };
}

describe('csv', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
  });

  it('joins rows with CRLF after a byte-order mark', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('\uFEFFa,b\r\nc,d\r\n');
  });
});

describe('apiKeysToCsv and the export', () => {
  const labels: CsvLabels = {
    headers: {
      title: 'Title',
      id: 'Id',
      createdBy: 'Created by',
      creatorEmail: 'Creator email',
      creationDate: 'Creation date',
      expirationDate: 'Expiration date',
      lastUse: 'Last use',
      role: 'Role',
      status: 'Status',
    },
    role: (role) => (role === 'ORG_EDITOR' ? 'Editor' : 'Viewer'),
    status: (status) => status,
  };

  it('writes one line per key with localized role and status', () => {
    const csv = apiKeysToCsv([key(1, { title: 'Survey, "v2"', expired: true })], labels, NOW);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Title,Id,Created by,Creator email,Creation date,Expiration date,Last use,Role,Status');
    expect(lines[1]).toBe(`"Survey, ""v2""",key-1,Alice Gagnon,admin@demo.local,2026-01-01T00:00:00.000Z,${key(1).expirationDate},,Editor,EXPIRED`);
  });

  it('reads every page of the query and keeps each key once', async () => {
    const all = Array.from({ length: 250 }, (_, index) => key(index));
    const asked: ApiKeyQuery[] = [];
    const listPage = async (query: ApiKeyQuery): Promise<ApiKeyPage> => {
      asked.push(query);
      const page = query.page ?? 0;
      const size = query.pageSize ?? 100;
      // A key created during the export shifts the pages by one: key 99 comes back twice.
      const start = page === 0 ? 0 : page * size - 1;
      return { content: all.slice(start, start + size), page: { number: page, size, totalElements: 250, totalPages: 3 } };
    };
    const progress: number[] = [];
    const keys = await fetchAllApiKeys({ search: 'key', sortField: 'title', sortDirection: 'asc' }, listPage, (loaded) => progress.push(loaded));
    expect(keys).toHaveLength(250);
    expect(new Set(keys.map((k) => k.id)).size).toBe(250);
    expect(asked.map((query) => query.page)).toEqual([0, 1, 2]);
    expect(asked.every((query) => query.pageSize === 100 && query.search === 'key' && query.sortField === 'title')).toBe(true);
    expect(progress).toEqual([100, 199, 250]);
  });

  it('names the file after the organization and the day', () => {
    expect(exportFileName('Ville de Québec / GIS', new Date(NOW))).toBe('api-keys-ville-de-quebec-gis-2026-11-26.csv');
    expect(exportFileName('***', new Date(NOW))).toBe('api-keys-2026-11-26.csv');
  });
});

describe('status', () => {
  it('is Expired, Expiring soon (within 14 days) or Active', () => {
    expect(apiKeyStatus({ expired: true, expirationDate: new Date(NOW + DAY).toISOString() }, NOW)).toBe('EXPIRED');
    expect(apiKeyStatus({ expired: false, expirationDate: new Date(NOW - 1).toISOString() }, NOW)).toBe('EXPIRED');
    expect(apiKeyStatus({ expired: false, expirationDate: new Date(NOW + 14 * DAY).toISOString() }, NOW)).toBe('EXPIRING_SOON');
    expect(apiKeyStatus({ expired: false, expirationDate: new Date(NOW + 15 * DAY).toISOString() }, NOW)).toBe('ACTIVE');
  });
});

describe('formatting', () => {
  it('says durations and relative times in the language', () => {
    expect(formatUnit(60, 'second', 'en')).toBe('60 seconds');
    expect(formatUnit(30, 'day', 'fr')).toBe('30\u00a0jours');
    expect(formatUnit(1, 'year', 'fr')).toBe('1\u00a0an');
    expect(formatRelative(new Date(NOW + 3 * DAY).toISOString(), NOW, 'en')).toBe('in 3 days');
    expect(formatRelative(new Date(NOW - 2 * DAY).toISOString(), NOW, 'fr')).toBe('avant-hier');
    expect(formatRelative(new Date(NOW - 400 * DAY).toISOString(), NOW, 'en')).toBe('last year');
  });
});

describe('create form rules', () => {
  const today = dayjs('2026-11-26');

  it('validates the name with the server’s own schema', () => {
    expect(validateTitle('')).toBe('create.errors.nameRequired');
    expect(validateTitle('   ')).toBe('create.errors.nameRequired');
    expect(validateTitle('x'.repeat(101))).toBe('create.errors.nameTooLong');
    expect(validateTitle('bad\u0007name')).toBe('create.errors.nameInvalid');
    expect(validateTitle('cut \ud83d')).toBe('create.errors.nameBroken');
    expect(validateTitle('whole 🔑')).toBeNull();
    expect(validateTitle('Field survey')).toBeNull();
  });

  it('wants an expiration day after today', () => {
    expect(validateExpiration(null, today)).toBe('create.errors.dateRequired');
    expect(validateExpiration(dayjs('not a date'), today)).toBe('create.errors.dateInvalid');
    expect(validateExpiration(today, today)).toBe('create.errors.datePast');
    expect(validateExpiration(today.subtract(1, 'day'), today)).toBe('create.errors.datePast');
    expect(validateExpiration(today.add(1, 'day'), today)).toBeNull();
  });

  it('finds the fields a server’s validation error refuses', () => {
    const issues = new AppError('VALIDATION', 'The request body is not valid.', { issues: [{ path: 'title', message: 'Too long.' }, { path: 'title.x', message: 'Again.' }] });
    expect(refusedFields(issues)).toEqual(['title']);
    const date = new AppError('VALIDATION', 'The expiration date must be in the future.', { expirationDate: '2020-01-01', serverCode: 'INVALID_EXPIRATION_DATE' });
    expect(refusedFields(date)).toEqual(['expirationDate']);
    // Not a validation error: said once, above the buttons.
    expect(refusedFields(new AppError('NETWORK', 'No network.', { expirationDate: 'x' }))).toEqual([]);
    expect(refusedFields(new AppError('VALIDATION', 'Refused.', { issues: [{ path: 'other', message: 'No.' }] }))).toEqual([]);
    expect(lostKeyId(new AppError('SECRET_LOST', 'lost', { apiKeyId: 'k1' }))).toBe('k1');
  });
});
