// API keys in SQL: the list (page, sort, search, filters), one key, creation.
import { randomUUID } from 'node:crypto';
import type { ApiKey, ApiKeyPage, ApiKeySortField, ApiKeyStatus } from '../../shared/api-types';
import { EXPIRING_SOON_DAYS, type ApiKeyRole } from '../../shared/roles';
import { sha256Hex } from '../auth/api-key-secret';
import type { Database } from '../db/database';

export interface ApiKeyRow {
  id: string;
  title: string;
  role: ApiKeyRole;
  created_by: string;
  creator_name: string;
  creator_email: string;
  creation_date: string;
  expiration_date: string;
  last_used_date: string | null;
}

const SELECT_KEY = `SELECT k.id, k.title, k.role, k.created_by, k.creator_name, u.email AS creator_email,
  k.creation_date, k.expiration_date, k.last_used_date FROM api_keys k JOIN users u ON u.id = k.created_by`;

// Each sort has an index (organization_id, column, id); the id breaks ties so pages are stable.
const SORT_COLUMNS: Record<ApiKeySortField, string> = {
  title: 'k.title COLLATE NOCASE',
  id: 'k.id',
  createdBy: 'k.creator_name COLLATE NOCASE',
  creationDate: 'k.creation_date',
  expirationDate: 'k.expiration_date',
  role: 'k.role',
};

export function toApiKey(row: ApiKeyRow, now: Date): ApiKey {
  return {
    id: row.id,
    title: row.title,
    role: row.role,
    createdBy: { id: row.created_by, name: row.creator_name, email: row.creator_email },
    creationDate: row.creation_date,
    expirationDate: row.expiration_date,
    expired: row.expiration_date <= now.toISOString(),
    lastUsedDate: row.last_used_date,
  };
}

export interface ApiKeyListQuery {
  page: number;
  size: number;
  sort: ApiKeySortField;
  direction: 'asc' | 'desc';
  search?: string | undefined;
  role?: ApiKeyRole | undefined;
  /** ACTIVE: not expired (expiring soon included); EXPIRING_SOON: not expired, expiring within 14 days. */
  status?: ApiKeyStatus | undefined;
}

export function listApiKeys(db: Database, organizationId: string, query: ApiKeyListQuery, now: Date): ApiKeyPage {
  const where = ['k.organization_id = ?'];
  const args: (string | number)[] = [organizationId];
  const nowIso = now.toISOString();
  if (query.role !== undefined) {
    where.push('k.role = ?');
    args.push(query.role);
  }
  if (query.status === 'EXPIRED') {
    where.push('k.expiration_date <= ?');
    args.push(nowIso);
  } else if (query.status === 'ACTIVE') {
    where.push('k.expiration_date > ?');
    args.push(nowIso);
  } else if (query.status === 'EXPIRING_SOON') {
    where.push('k.expiration_date > ? AND k.expiration_date <= ?');
    args.push(nowIso, new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000).toISOString());
  }
  if (query.search !== undefined && query.search !== '') {
    // search_text is title, id and creator name, lower-cased in JavaScript (full Unicode).
    where.push('instr(k.search_text, ?) > 0');
    args.push(query.search.toLowerCase());
  }
  const whereSql = where.join(' AND ');
  const { total } = db.prepare(`SELECT COUNT(*) AS total FROM api_keys k WHERE ${whereSql}`).get(...args) as { total: number };
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = db
    .prepare(`${SELECT_KEY} WHERE ${whereSql} ORDER BY ${SORT_COLUMNS[query.sort]} ${direction}, k.id ${direction} LIMIT ? OFFSET ?`)
    .all(...args, query.size, query.page * query.size) as unknown as ApiKeyRow[];
  return {
    content: rows.map((row) => toApiKey(row, now)),
    page: { number: query.page, size: query.size, totalElements: total, totalPages: Math.ceil(total / query.size) },
  };
}

export function findApiKey(db: Database, organizationId: string, keyId: string): ApiKeyRow | undefined {
  return db.prepare(`${SELECT_KEY} WHERE k.organization_id = ? AND k.id = ?`).get(organizationId, keyId) as ApiKeyRow | undefined;
}

export interface NewApiKey {
  organizationId: string;
  title: string;
  role: ApiKeyRole;
  creator: { id: string; name: string };
  creationDate: string;
  expirationDate: string;
  secret: string;
  lastUsedDate?: string | null;
  id?: string;
}

export function insertApiKey(db: Database, key: NewApiKey): string {
  const id = key.id ?? randomUUID();
  db.prepare(
    `INSERT INTO api_keys (id, organization_id, title, role, created_by, creator_name, search_text,
       creation_date, expiration_date, last_used_date, secret_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    key.organizationId,
    key.title,
    key.role,
    key.creator.id,
    key.creator.name,
    searchText(key.title, id, key.creator.name),
    key.creationDate,
    key.expirationDate,
    key.lastUsedDate ?? null,
    sha256Hex(key.secret),
  );
  return id;
}

export const searchText = (title: string, id: string, creatorName: string): string => `${title}\n${id}\n${creatorName}`.toLowerCase();
