// A web preview whose screens look the same on every run, for the README's screenshots:
// the demo seed laid out around a fixed moment (the server, the services and the page all
// run on it: the expiry banner counts as the grid's statuses say, the activity log's times
// are fixed), and the keys' random ids replaced with ids derived from their titles.
// Everything happens on a temporary database before the preview opens it.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer } from '../../../src/server/start-server';
import { startWebPreview } from '../../../src/web/start-web-preview';
import { E2E_RENDERER_DIR } from './e2e-renderer';
import { E2E_ADMIN_PASSWORD } from './hosts';

/** The moment the screenshots show, the same on every run. */
export const SCREENSHOT_NOW = new Date('2035-03-14T15:00:00.000Z');

function stableId(title: string): string {
  const hex = createHash('sha256').update(`keydesk-screenshot:${title}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function giveStableIds(dbPath: string): void {
  const db = new DatabaseSync(dbPath);
  try {
    const keys = db.prepare('SELECT id, title FROM api_keys').all() as { id: string; title: string }[];
    const renameKey = db.prepare('UPDATE api_keys SET id = ? WHERE id = ?');
    const renameEntries = db.prepare("UPDATE acl_entries SET principal_id = ? WHERE principal_type = 'API_KEY' AND principal_id = ?");
    db.exec('BEGIN');
    for (const key of keys) {
      const id = stableId(key.title);
      renameKey.run(id, key.id);
      renameEntries.run(id, key.id);
    }
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

export async function startScreenshotPreview(): Promise<{ url: string; close(): Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'keydesk-screenshots-'));
  const dbPath = join(folder, 'organization.db');
  const seeding = await startLocalServer({ dbPath, seed: 'demo', adminPassword: E2E_ADMIN_PASSWORD, now: () => SCREENSHOT_NOW });
  await seeding.close();
  giveStableIds(dbPath);
  const preview = await startWebPreview({
    port: 0,
    dbPath,
    adminPassword: E2E_ADMIN_PASSWORD,
    userDataDir: join(folder, 'user-data'),
    rendererDir: E2E_RENDERER_DIR,
    now: () => SCREENSHOT_NOW,
  });
  return {
    url: preview.url,
    async close() {
      await preview.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
