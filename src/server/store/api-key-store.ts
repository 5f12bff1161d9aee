// API keys in SQL: one key, its public shape, creation (the list is in api-key-list.ts).
import { randomUUID } from 'node:crypto';
import { foldCase } from '../../shared/api-key-list-evaluation';
import type { ApiKey } from '../../shared/api-types';
import type { ApiKeyRole } from '../../shared/roles';
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

/**
 * A key's public columns read from `from` (api_keys as k, with a hint of how to read it);
 * CROSS JOIN keeps api_keys the outer loop, as the list's plan chose it.
 */
export const selectKeys = (from = 'api_keys k'): string => `SELECT k.id, k.title, k.role, k.created_by, k.creator_name, u.email AS creator_email,
  k.creation_date, k.expiration_date, k.last_used_date FROM ${from} CROSS JOIN users u ON u.id = k.created_by`;
export const SELECT_KEY = selectKeys();

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

export function findApiKey(db: Database, organizationId: string, keyId: string): ApiKeyRow | undefined {
  return db.prepare(`${SELECT_KEY} WHERE k.organization_id = ? AND k.id = ?`).get(organizationId, keyId) as ApiKeyRow | undefined;
}

export function apiKeyExists(db: Database, organizationId: string, keyId: string): boolean {
  return db.prepare('SELECT 1 FROM api_keys WHERE organization_id = ? AND id = ?').get(organizationId, keyId) !== undefined;
}

/** What authenticating with a key needs: looked up by the secret's hash, never by the secret. */
export interface ApiKeyCredentialRow {
  id: string;
  organization_id: string;
  role: ApiKeyRole;
  expiration_date: string;
  secret_hash: string;
}

export function findApiKeyBySecretHash(db: Database, secretHash: string): ApiKeyCredentialRow | undefined {
  return db
    .prepare('SELECT id, organization_id, role, expiration_date, secret_hash FROM api_keys WHERE secret_hash = ?')
    .get(secretHash) as ApiKeyCredentialRow | undefined;
}

export function recordApiKeyUse(db: Database, keyId: string, at: string): void {
  db.prepare('UPDATE api_keys SET last_used_date = ? WHERE id = ?').run(at, keyId);
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
    `INSERT INTO api_keys (id, organization_id, title, role, created_by, creator_name, search_text, title_folded, creator_folded,
       creation_date, expiration_date, last_used_date, secret_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    key.organizationId,
    key.title,
    key.role,
    key.creator.id,
    key.creator.name,
    searchText(key.title, id, key.creator.name),
    foldCase(key.title),
    foldCase(key.creator.name),
    key.creationDate,
    key.expirationDate,
    key.lastUsedDate ?? null,
    sha256Hex(key.secret),
  );
  return id;
}

/** Title, id and creator name, folded (what `search` matches when too short for the index). */
export const searchText = (title: string, id: string, creatorName: string): string => foldCase(`${title}\n${id}\n${creatorName}`);

/**
 * Changes a key's title and/or expiration (the edit extension); the secret stays. The folded
 * title and the search text follow the title (the text index follows them by trigger).
 */
export function updateApiKey(db: Database, keyId: string, changes: { title?: string; expirationDate?: string }): void {
  if (changes.title !== undefined) {
    db.prepare('UPDATE api_keys SET title = ?, title_folded = ?, search_text = ? WHERE id = ?').run(
      changes.title,
      foldCase(changes.title),
      searchText(changes.title, keyId, creatorName(db, keyId)),
      keyId,
    );
  }
  if (changes.expirationDate !== undefined) db.prepare('UPDATE api_keys SET expiration_date = ? WHERE id = ?').run(changes.expirationDate, keyId);
}

const creatorName = (db: Database, keyId: string): string =>
  (db.prepare('SELECT creator_name FROM api_keys WHERE id = ?').get(keyId) as { creator_name: string } | undefined)?.creator_name ?? '';
