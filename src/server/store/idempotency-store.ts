// Idempotency-Key records for key creation: a retried POST within 24 h creates nothing.
// The secret is never stored, so a replay cannot return it: it answers 409 with the id.
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyScope {
  organizationId: string;
  userId: string;
  key: string;
}

export function readIdempotencyKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY_SHAPE.test(header)) {
    throw new HttpError(400, 'INVALID_IDEMPOTENCY_KEY', 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.');
  }
  return header;
}

/** Throws 409 (same request already done) or 422 (same key, different request); else returns. */
export function checkIdempotency(db: Database, scope: IdempotencyScope, requestHash: string, now: Date): void {
  const since = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString();
  const row = db
    .prepare(
      `SELECT request_hash, api_key_id FROM idempotency_keys
       WHERE organization_id = ? AND user_id = ? AND idempotency_key = ? AND created_at > ?`,
    )
    .get(scope.organizationId, scope.userId, scope.key, since) as { request_hash: string; api_key_id: string } | undefined;
  if (!row) return;
  if (row.request_hash !== requestHash) {
    throw new HttpError(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request: use a new key for a new request.',
    );
  }
  throw new HttpError(
    409,
    'IDEMPOTENT_REPLAY',
    'This request was already processed: the key was created then. Its secret was shown only in that first response.',
    { apiKeyId: row.api_key_id },
  );
}

export function recordIdempotency(db: Database, scope: IdempotencyScope, requestHash: string, apiKeyId: string, now: Date): void {
  // An expired record with the same key is replaced rather than kept forever.
  db.prepare(
    `INSERT OR REPLACE INTO idempotency_keys (organization_id, user_id, idempotency_key, request_hash, api_key_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(scope.organizationId, scope.userId, scope.key, requestHash, apiKeyId, now.toISOString());
}
