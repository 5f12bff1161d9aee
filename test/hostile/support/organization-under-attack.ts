// The real local organization server, started for an attack: the demo organization on a
// database file (so that the suite can read what is stored, beside the server), a clock the
// suite can move (for expired tokens and keys), the principals an attacker might hold, and
// a fingerprint of the stored data to show that a refused request changed nothing.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DEMO_ORGANIZATION, DEMO_TRAINING_ORGANIZATION, DEMO_USERS } from '../../../src/server/seed/demo-identities';
import { startLocalServer, type RunningLocalServer } from '../../../src/server/start-server';
import { restRoutes } from '../../../src/shared/rest-routes';
import { daysFrom } from '../../server/server-test-client';
import { send, type RawAnswer } from './http';
import { readSuccess } from './success';

export const DEMO_PASSWORD = 'hostile-suite-demo-password';
export const ORG = DEMO_ORGANIZATION.id;
export const TRAINING_ORG = DEMO_TRAINING_ORGANIZATION.id;

export interface Credentials {
  token?: string;
  apiKey?: string;
}

export interface CallOptions extends Credentials {
  /** A JSON body. */
  body?: unknown;
  /** A form body (application/x-www-form-urlencoded). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Who an attacker might be, each with what it sends. */
export interface Principals {
  admin: string;
  editor: string;
  viewer: string;
  editorKey: string;
  viewerKey: string;
  otherOrganizationAdmin: string;
  otherOrganizationKey: string;
  unscopedAdmin: string;
  expiredToken: string;
  foreignToken: string;
  expiredKey: string;
  deletedKey: string;
  refreshToken: string;
}

export interface OrganizationUnderAttack {
  readonly server: RunningLocalServer;
  readonly url: string;
  readonly principals: Principals;
  /** Lines the server logged for 500s: there must be none. */
  readonly internalErrors: string[];
  call(method: string, path: string, options?: CallOptions): Promise<RawAnswer>;
  /** A JSON success's payload (through readSuccess), or a thrown error naming the answer. */
  ok<T>(method: string, path: string, options?: CallOptions): Promise<T>;
  signIn(email: string, organizationId?: string | null): Promise<{ accessToken: string; refreshToken: string }>;
  createKey(token: string, organizationId?: string, role?: 'ORG_EDITOR' | 'ORG_VIEWER'): Promise<{ id: string; secret: string }>;
  /**
   * An unused refresh token of `email`, cheaply: the last one handed out is rotated (one
   * refresh), and only when its family was revoked meanwhile is the user signed in again.
   */
  freshRefreshToken(email: string): Promise<string>;
  /** A fingerprint of the stored data a refused request must leave as it was. */
  fingerprint(): string;
  /**
   * SQLite's data_version as this suite's reader sees it: it moves whenever the server
   * commits anything. When it has not moved, nothing was written and no fingerprint is needed.
   */
  dataVersion(): number;
  /** What SQLite's integrity and foreign-key checks find, and counts that disagree with the keys. */
  integrityProblems(): string[];
  close(): Promise<void>;
}

export async function startOrganizationUnderAttack(): Promise<OrganizationUnderAttack> {
  const folder = await mkdtemp(join(tmpdir(), 'keydesk-hostile-'));
  const dbPath = join(folder, 'organization.db');
  let shiftMs = 0;
  const internalErrors: string[] = [];
  const server = await startLocalServer({
    dbPath,
    seed: 'demo',
    adminPassword: DEMO_PASSWORD,
    now: () => new Date(Date.now() + shiftMs),
    logError: (line) => internalErrors.push(line),
  });
  const reader = new DatabaseSync(dbPath, { readOnly: true });

  const call = (method: string, path: string, options: CallOptions = {}): Promise<RawAnswer> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
    if (options.apiKey !== undefined) headers['Api-Key'] = options.apiKey;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    } else if (options.form !== undefined) {
      body = new URLSearchParams(options.form).toString();
      headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
    }
    return send(server.url, { method, path, headers, body });
  };
  const ok = async <T>(method: string, path: string, options: CallOptions = {}): Promise<T> => {
    const answer = await call(method, path, options);
    if (answer.status < 200 || answer.status > 299) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    return readSuccess<T>(answer.json);
  };
  const signIn = async (email: string, organizationId: string | null = ORG) => {
    const first = await ok<{ accessToken: string; refreshToken: string }>('POST', restRoutes.authenticate.path(), {
      body: { username: email, password: DEMO_PASSWORD },
    });
    if (organizationId === null) return first;
    return ok<{ accessToken: string; refreshToken: string }>('POST', restRoutes.refreshToken.path(), {
      body: { refreshToken: first.refreshToken, organizationId },
    });
  };
  const createKey = async (token: string, organizationId: string = ORG, role: 'ORG_EDITOR' | 'ORG_VIEWER' = 'ORG_EDITOR') => {
    const now = new Date(Date.now() + shiftMs);
    const created = await ok<{ apiKey: { id: string }; secret: string }>('POST', restRoutes.apiKeys.path({ orgId: organizationId }), {
      token,
      body: { title: `Hostile suite ${role} key`, role, expirationDate: daysFrom(now, 90) },
    });
    return { id: created.apiKey.id, secret: created.secret };
  };

  const chains = new Map<string, string>();
  const freshRefreshToken = async (email: string): Promise<string> => {
    const last = chains.get(email);
    const rotated = last === undefined ? undefined : await call('POST', restRoutes.refreshToken.path(), { body: { refreshToken: last } });
    const next =
      rotated?.status === 200 ? readSuccess<{ refreshToken: string }>(rotated.json).refreshToken : (await signIn(email, null)).refreshToken;
    chains.set(email, next);
    return next;
  };

  const admin = await signIn(DEMO_USERS.admin.email);
  const training = await signIn(DEMO_USERS.admin.email, TRAINING_ORG);
  const unscoped = await signIn(DEMO_USERS.secondAdmin.email, null);
  const deleted = await createKey(admin.accessToken);
  await ok('DELETE', restRoutes.apiKey.path({ orgId: ORG, keyId: deleted.id }), { token: admin.accessToken });
  // An hour ago, an access token lived 15 minutes: it has expired. Three days ago, a key
  // could be made to expire the next day: it has expired too.
  shiftMs = -3600_000;
  const expired = await signIn(DEMO_USERS.viewer2.email);
  shiftMs = -3 * 86_400_000;
  const now = new Date(Date.now() + shiftMs);
  const expiredKey = await ok<{ secret: string }>('POST', restRoutes.apiKeys.path({ orgId: ORG }), {
    token: (await signIn(DEMO_USERS.admin.email)).accessToken,
    body: { title: 'Hostile suite expired key', role: 'ORG_EDITOR', expirationDate: daysFrom(now, 1) },
  });
  shiftMs = 0;
  // A token signed by another server: well-formed, for the same organization id, but not ours.
  const elsewhere = await startLocalServer({ seed: 'demo', adminPassword: DEMO_PASSWORD, logError: () => undefined });
  const foreign = await fetch(`${elsewhere.url}${restRoutes.authenticate.path()}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: DEMO_USERS.admin.email, password: DEMO_PASSWORD }),
  }).then((response) => response.json() as Promise<{ accessToken: string }>);
  await elsewhere.close();

  const principals: Principals = {
    admin: admin.accessToken,
    editor: (await signIn(DEMO_USERS.editor1.email)).accessToken,
    viewer: (await signIn(DEMO_USERS.viewer1.email)).accessToken,
    editorKey: (await createKey(admin.accessToken, ORG, 'ORG_EDITOR')).secret,
    viewerKey: (await createKey(admin.accessToken, ORG, 'ORG_VIEWER')).secret,
    otherOrganizationAdmin: training.accessToken,
    otherOrganizationKey: (await createKey(training.accessToken, TRAINING_ORG)).secret,
    unscopedAdmin: unscoped.accessToken,
    expiredToken: expired.accessToken,
    foreignToken: readSuccess<{ accessToken: string }>(foreign).accessToken,
    expiredKey: expiredKey.secret,
    deletedKey: deleted.secret,
    refreshToken: admin.refreshToken,
  };

  return {
    server,
    url: server.url,
    principals,
    internalErrors,
    call,
    ok,
    signIn,
    createKey,
    freshRefreshToken,
    fingerprint: () => fingerprint(reader),
    integrityProblems: () => integrityProblems(reader),
    dataVersion: () => dataVersion(reader),
    async close() {
      reader.close();
      await server.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Every table of the organization's data, hashed. Left out, with their reasons: the refresh
 * tokens, of the REST API and of the identity provider (a refused refresh with a spent token,
 * or a replayed authorization code, revokes its family on purpose: that is reuse detection);
 * when an authorization code was consumed (a wrong code_verifier burns the code on purpose:
 * one guess per code); an API key's last use (a key that authenticates is used, even when
 * the endpoint then refuses it); the search index (derived from the keys) and the migrations.
 * Any table or column added later is in by default.
 */
export function fingerprint(db: DatabaseSync): string {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'api_key_search%' ORDER BY name`,
    )
    .all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name } of tables) {
    if (EXCUSED_TABLES.has(name)) continue;
    const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
    const excused = EXCUSED_COLUMNS[name] ?? [];
    const lines = rows.map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !excused.includes(column))));
    hash.update(`${name}\n${lines.sort().join('\n')}\n`);
  }
  return hash.digest('hex');
}

const EXCUSED_TABLES = new Set(['refresh_tokens', 'oauth_refresh_tokens', 'schema_migrations']);
const EXCUSED_COLUMNS: Record<string, readonly string[]> = {
  api_keys: ['last_used_date'],
  oauth_authorization_codes: ['consumed_at', 'family_id'],
};

export function dataVersion(db: DatabaseSync): number {
  return (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
}

export function integrityProblems(db: DatabaseSync): string[] {
  const integrity = (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).filter((row) => row.integrity_check !== 'ok');
  const foreignKeys = db.prepare('PRAGMA foreign_key_check').all();
  // The list's totals come from api_key_counts: they must agree with the keys themselves.
  const counts = db
    .prepare(
      `SELECT c.organization_id, c.role, c.count, (SELECT COUNT(*) FROM api_keys k WHERE k.organization_id = c.organization_id AND k.role = c.role) AS keys
         FROM api_key_counts c WHERE c.count <> keys
       UNION ALL
       SELECT k.organization_id, k.role, NULL, COUNT(*) FROM api_keys k
         WHERE NOT EXISTS (SELECT 1 FROM api_key_counts c WHERE c.organization_id = k.organization_id AND c.role = k.role)
         GROUP BY k.organization_id, k.role`,
    )
    .all();
  return [
    ...integrity.map((row) => row.integrity_check),
    ...foreignKeys.map((row) => `foreign key: ${JSON.stringify(row)}`),
    ...counts.map((row) => `api_key_counts disagrees: ${JSON.stringify(row)}`),
  ];
}
