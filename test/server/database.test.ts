// The database file: WAL, numbered migrations, and what survives a restart (data, the
// signing key, refresh tokens); reopening a demo database with a new password.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/server/db/migrations';
import { KEYS, SS, startTestServer } from './server-test-client';

const dir = mkdtempSync(join(tmpdir(), 'keydesk-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a database file', () => {
  it('is in WAL mode with every migration applied, and keeps its data, signing key and refresh tokens across restarts', async () => {
    const dbPath = join(dir, 'restart.sqlite');
    const first = await startTestServer({ dbPath });
    expect(first.server.demo).not.toBeNull();
    const tokens = await first.signIn('admin@demo.local');
    const { apiKey } = await first.createKey(tokens.accessToken, { title: 'Survives restarts' });
    await first.server.close();

    const inspect = new DatabaseSync(dbPath, { readOnly: true });
    expect(inspect.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    const versions = inspect.prepare('SELECT version FROM schema_migrations ORDER BY version').all().map((row) => row.version);
    expect(versions).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, index) => index + 1));
    inspect.close();

    // Reopened with --seed demo but no password: nothing is re-seeded, the password stays.
    const second = await startTestServer({ dbPath, adminPassword: undefined });
    try {
      expect(second.server.demo).toBeNull();
      // The access token of the first run is still valid: the signing key is in the file.
      const detail = await second.request('GET', `${KEYS}/${apiKey.id}`, { token: tokens.accessToken });
      expect(detail.body.title).toBe('Survives restarts');
      const page = (await second.request('GET', `${KEYS}?size=1`, { token: tokens.accessToken })).body;
      expect(page.page.totalElements).toBe(29);
      const refreshed = await second.request('POST', `${SS}/refresh-token`, { body: { refreshToken: tokens.refreshToken } });
      expect(refreshed.status).toBe(200);
    } finally {
      await second.server.close();
    }

    // Reopened with a new password: the demo users now sign in with it.
    const third = await startTestServer({ dbPath, adminPassword: 'a-new-demo-password' });
    try {
      expect(third.server.demo?.adminPassword).toBe('a-new-demo-password');
      await expect(third.signIn('editor1@demo.local', 'a-new-demo-password')).resolves.toBeDefined();
    } finally {
      await third.server.close();
    }
  });

  it('says clearly when the database cannot be opened, and what to check', async () => {
    const notADatabase = join(dir, 'notes.txt');
    writeFileSync(notADatabase, 'These are notes, not a database. '.repeat(200));
    for (const dbPath of [join(dir, 'missing-folder', 'org.sqlite'), notADatabase]) {
      await expect(startTestServer({ dbPath })).rejects.toThrow(`Cannot open the database ${dbPath}`);
    }
  });

  it('starts empty without a seed, and :memory: databases are independent', async () => {
    const empty = await startTestServer({ seed: 'none' });
    try {
      expect(empty.server.demo).toBeNull();
      const response = await empty.request('POST', `${SS}/authenticate`, { body: { username: 'admin@demo.local', password: 'whatever-it-is' } });
      expect(response.status).toBe(401);
    } finally {
      await empty.server.close();
    }
  });
});
