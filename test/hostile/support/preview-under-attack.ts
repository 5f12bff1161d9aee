// The real web preview, started for an attack: the local organization server on a database
// file, the real services with their settings and connections in a folder of their own,
// and the HTTP bridge the page talks to. Calls go over HTTP as the page sends them (its
// token, its Origin); the stored data (the organization's database and the services'
// files) can be fingerprinted to show that a refused call changed nothing.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Result } from '../../../src/shared/errors';
import { BRIDGE_PATH, TOKEN_HEADER } from '../../../src/shared/web-bridge';
import { startWebPreview, type WebPreview } from '../../../src/web/start-web-preview';
import { send, type RawAnswer, type RawRequest } from './http';
import { dataVersion, DEMO_PASSWORD, fingerprint } from './organization-under-attack';

export interface PreviewUnderAttack {
  readonly preview: WebPreview;
  /** http://127.0.0.1:PORT, without the trailing slash. */
  readonly origin: string;
  /** Lines the services logged as errors (an unexpected failure is one). */
  readonly errors: string[];
  /** A bridge call as the page makes it; `change` alters the request to attack it. */
  raw(method: string, body: string | Buffer | undefined, change?: Partial<RawRequest> & { headers?: Record<string, string> }): Promise<RawAnswer>;
  /** A call whose success is required: its value, or a thrown error naming the failure. */
  call<T>(method: string, argument?: unknown): Promise<T>;
  /** A fingerprint of the stored data (the organization's database, the services' files). */
  fingerprint(): Promise<string>;
  /** Cheap: moves whenever anything was stored (the database's data_version, the files' bytes). */
  stateVersion(): Promise<string>;
  /**
   * Waits until nothing more is being stored: the services write some files after they
   * answer (queued writes), which must not be taken for the work of the next call.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startPreviewUnderAttack(): Promise<PreviewUnderAttack> {
  const folder = await mkdtemp(join(tmpdir(), 'keydesk-hostile-preview-'));
  const dbPath = join(folder, 'organization.db');
  const userDataDir = join(folder, 'user-data');
  const errors: string[] = [];
  const preview = await startWebPreview({
    port: 0,
    dbPath,
    adminPassword: DEMO_PASSWORD,
    userDataDir,
    log: { info: () => undefined, warn: () => undefined, error: (message) => void errors.push(message) },
  });
  const origin = preview.url.replace(/\/$/, '');
  const reader = new DatabaseSync(dbPath, { readOnly: true });

  const raw = (method: string, body: string | Buffer | undefined, change: Partial<RawRequest> = {}): Promise<RawAnswer> =>
    send(origin, {
      method: change.method ?? 'POST',
      path: change.path ?? `${BRIDGE_PATH}${method}`,
      body,
      headers: { 'Content-Type': 'application/json', Origin: origin, [TOKEN_HEADER]: preview.token, ...change.headers },
    });
  const filesHash = async (): Promise<string> => {
    const hash = createHash('sha256');
    for (const file of (await readdir(userDataDir).catch(() => [] as string[])).sort()) {
      hash.update(`${file}\n`).update(await readFile(join(userDataDir, file)).catch(() => Buffer.alloc(0)));
    }
    return hash.digest('hex');
  };
  const call = async <T>(method: string, argument?: unknown): Promise<T> => {
    const answer = await raw(method, argument === undefined ? '' : JSON.stringify(argument));
    const result = answer.json as Result<T> | undefined;
    if (!result?.ok) throw new Error(`${method} failed (${answer.status}): ${answer.text.slice(0, 300)}`);
    return result.value;
  };

  return {
    preview,
    origin,
    errors,
    raw,
    call,
    async fingerprint() {
      return createHash('sha256').update(fingerprint(reader)).update(await filesHash()).digest('hex');
    },
    async stateVersion() {
      return `${dataVersion(reader)}:${await filesHash()}`;
    },
    async settle() {
      let last = '';
      for (let attempt = 0; attempt < 50; attempt++) {
        const now = `${dataVersion(reader)}:${await filesHash()}`;
        if (now === last) return;
        last = now;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      reader.close();
      await preview.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
