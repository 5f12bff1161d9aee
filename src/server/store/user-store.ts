// Users in SQL: who signs in (by email, with a password hash) and who a token names.
import type { UserRef } from '../../shared/api-types';
import type { Database } from '../db/database';

export interface NewUser extends UserRef {
  readonly passwordHash: string;
}

export function insertUser(db: Database, user: NewUser): void {
  db.prepare('INSERT INTO users (id, name, email, password_hash) VALUES (?, ?, ?, ?)').run(user.id, user.name, user.email, user.passwordHash);
}

/** The user signing in with this email (compared without case), with the hash to check. */
export function findUserCredentials(db: Database, email: string): { id: string; passwordHash: string } | undefined {
  const row = db.prepare('SELECT id, password_hash FROM users WHERE email = ?').get(email) as { id: string; password_hash: string } | undefined;
  return row && { id: row.id, passwordHash: row.password_hash };
}

export function findUser(db: Database, userId: string): UserRef | undefined {
  return db.prepare('SELECT id, name, email FROM users WHERE id = ?').get(userId) as UserRef | undefined;
}

export function userExists(db: Database, userId: string): boolean {
  return db.prepare('SELECT 1 FROM users WHERE id = ?').get(userId) !== undefined;
}

export function setPasswordHash(db: Database, userId: string, passwordHash: string): void {
  db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
}
