// The API-key list query, planned for 100,000 keys: totals come from the counts table
// when nothing filters them; a search of 3+ characters uses the trigram index, and the
// page is read either from the matches (few) or by walking the sort index (many).
import type { ApiKeyListParams } from '../../shared/api-key-list-query';
import type { ApiKeyPage, ApiKeySortField } from '../../shared/api-types';
import { EXPIRING_SOON_DAYS, type ApiKeyRole } from '../../shared/roles';
import type { Database } from '../db/database';
import { SELECT_KEY, toApiKey, type ApiKeyRow } from './api-key-store';

/** The route's parsed query (src/shared/api-key-list-query.ts), its sort in two fields. */
export type ApiKeyListQuery = Omit<ApiKeyListParams, 'sort'> & { sort: ApiKeySortField; direction: 'asc' | 'desc' };

// Each sort has an index (organization_id, column, id); the id breaks ties so pages are stable.
const SORTS: Record<ApiKeySortField, { column: string; index: string }> = {
  title: { column: 'k.title COLLATE NOCASE', index: 'api_keys_by_title' },
  id: { column: 'k.id', index: 'api_keys_by_id' },
  createdBy: { column: 'k.creator_name COLLATE NOCASE', index: 'api_keys_by_creator' },
  creationDate: { column: 'k.creation_date', index: 'api_keys_by_creation' },
  expirationDate: { column: 'k.expiration_date', index: 'api_keys_by_expiration' },
  role: { column: 'k.role', index: 'api_keys_by_role' },
};

const MATCHES = 'k.rowid IN (SELECT rowid FROM api_key_search WHERE api_key_search MATCH ?)';
const CONTAINS = 'instr(k.search_text, ?) > 0';

const searchIndexes = new WeakMap<Database, boolean>();
function hasSearchIndex(db: Database): boolean {
  let present = searchIndexes.get(db);
  if (present === undefined) {
    present = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'api_key_search'").get() !== undefined;
    searchIndexes.set(db, present);
  }
  return present;
}

/** An FTS5 phrase: the text quoted, so that no character of it is query syntax. */
const phrase = (text: string): string => `"${text.replaceAll('"', '""')}"`;

export function listApiKeys(db: Database, organizationId: string, query: ApiKeyListQuery, now: Date): ApiKeyPage {
  const filters: string[] = ['k.organization_id = ?'];
  const args: (string | number)[] = [organizationId];
  const nowIso = now.toISOString();
  if (query.role !== undefined) {
    filters.push('k.role = ?');
    args.push(query.role);
  }
  if (query.status === 'EXPIRED') {
    filters.push('k.expiration_date <= ?');
    args.push(nowIso);
  } else if (query.status === 'ACTIVE') {
    filters.push('k.expiration_date > ?');
    args.push(nowIso);
  } else if (query.status === 'EXPIRING_SOON') {
    filters.push('k.expiration_date > ? AND k.expiration_date <= ?');
    args.push(nowIso, new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000).toISOString());
  }
  // search_text is title, id and creator name, lower-cased in JavaScript (full Unicode).
  const search = (query.search ?? '').toLowerCase();
  const indexed = search !== '' && [...search].length >= 3 && hasSearchIndex(db);
  const orgTotal = countFromTable(db, organizationId, undefined);

  let total: number;
  if (search === '' && query.status === undefined) {
    total = countFromTable(db, organizationId, query.role);
  } else if (indexed && filters.length === 1) {
    total = countIndexedMatches(db, organizationId, search);
  } else {
    const where = search === '' ? filters : [...filters, indexed ? MATCHES : CONTAINS];
    const whereArgs = search === '' ? args : [...args, indexed ? phrase(search) : search];
    // A search the index cannot serve reads every row: in table order, not through an
    // index (one random read per row would cost several times more).
    const from = search !== '' && !indexed ? 'api_keys k NOT INDEXED' : 'api_keys k';
    total = (db.prepare(`SELECT COUNT(*) AS total FROM ${from} WHERE ${where.join(' AND ')}`).get(...whereArgs) as { total: number }).total;
  }

  const sort = SORTS[query.sort];
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const offset = query.page * query.size;
  let sql: string;
  let pageArgs: (string | number)[];
  // Reading the matches then sorting them costs about one row per match; walking the sort
  // index and skipping non-matches costs about (offset + size) × orgTotal / total rows.
  if (indexed && total <= ((offset + query.size) * orgTotal) / Math.max(total, 1)) {
    sql = `${SELECT_KEY} WHERE ${[...filters, MATCHES].join(' AND ')} ORDER BY +${sort.column} ${direction}, k.id ${direction}`;
    pageArgs = [...args, phrase(search)];
  } else {
    const where = search === '' ? filters : [...filters, CONTAINS];
    sql = `${SELECT_KEY.replace('api_keys k', `api_keys k INDEXED BY ${sort.index}`)} WHERE ${where.join(' AND ')}
      ORDER BY ${sort.column} ${direction}, k.id ${direction}`;
    pageArgs = search === '' ? args : [...args, search];
  }
  const rows = db.prepare(`${sql} LIMIT ? OFFSET ?`).all(...pageArgs, query.size, offset) as unknown as ApiKeyRow[];
  return {
    content: rows.map((row) => toApiKey(row, now)),
    page: { number: query.page, size: query.size, totalElements: total, totalPages: Math.ceil(total / query.size) },
  };
}

function countFromTable(db: Database, organizationId: string, role: ApiKeyRole | undefined): number {
  const row = (
    role === undefined
      ? db.prepare('SELECT SUM(count) AS total FROM api_key_counts WHERE organization_id = ?').get(organizationId)
      : db.prepare('SELECT SUM(count) AS total FROM api_key_counts WHERE organization_id = ? AND role = ?').get(organizationId, role)
  ) as { total: number | null };
  return row.total ?? 0;
}

/**
 * Matches of a search in one organization. The index holds every organization's keys, and
 * checking each match's organization costs a row read per match; when the other
 * organizations hold fewer keys than there are matches, it is cheaper to count all matches
 * and subtract those found by scanning the other organizations.
 */
function countIndexedMatches(db: Database, organizationId: string, search: string): number {
  const allMatches = (db.prepare('SELECT COUNT(*) AS n FROM api_key_search WHERE api_key_search MATCH ?').get(phrase(search)) as { n: number }).n;
  const others = db
    .prepare('SELECT organization_id AS id, SUM(count) AS keys FROM api_key_counts WHERE organization_id <> ? GROUP BY organization_id HAVING keys > 0')
    .all(organizationId) as unknown as { id: string; keys: number }[];
  if (others.reduce((sum, other) => sum + other.keys, 0) < allMatches) {
    const countElsewhere = db.prepare(`SELECT COUNT(*) AS n FROM api_keys k INDEXED BY api_keys_by_id WHERE k.organization_id = ? AND ${CONTAINS}`);
    const elsewhere = others.reduce((sum, other) => sum + (countElsewhere.get(other.id, search) as { n: number }).n, 0);
    return allMatches - elsewhere;
  }
  const { total } = db.prepare(`SELECT COUNT(*) AS total FROM api_keys k WHERE k.organization_id = ? AND ${MATCHES}`).get(organizationId, phrase(search)) as {
    total: number;
  };
  return total;
}
