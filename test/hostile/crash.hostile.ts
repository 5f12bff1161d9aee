// SIGKILL during a delete with transfer of a key owning 2,000 resources (1,000 data sources,
// 1,000 projects): the server runs as a child process on a database file, is killed inside
// the deletion's transaction, and is started again on the same file with the real CLI.
// Whatever the moment of the kill, the organization is all or nothing: either the key is
// gone and the Editor owns all 2,000 resources, or the key is there and owns them all as
// before, the Editor none; and the file passes SQLite's integrity and foreign-key checks.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/server/seed/demo-identities';
import { startLocalServer } from '../../src/server/start-server';
import { restRoutes } from '../../src/shared/rest-routes';
import { DEMO_PASSWORD_ENV } from '../../src/shared/utility-process-protocol';
import { Tally } from './support/figures';
import { send } from './support/http';
import { DEMO_PASSWORD, integrityProblems, ORG } from './support/organization-under-attack';
import { readSuccess } from './support/success';

const RESOURCES_OF_EACH_KIND = 1000;
const KIND = 'SIGKILL during a delete with transfer';
const tally = new Tally();
const children: ChildProcessWithoutNullStreams[] = [];
let folder: string;
let template: string;
let keyId: string;
let resourceIds: string[];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'keydesk-hostile-crash-'));
  template = join(folder, 'template.db');
  const server = await startLocalServer({ dbPath: template, seed: 'demo', adminPassword: DEMO_PASSWORD });
  const call = async <T>(method: string, path: string, credentials: Record<string, string>, body?: unknown): Promise<T> => {
    const answer = await send(server.url, {
      method,
      path,
      headers: { ...credentials, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text.slice(0, 200)}`);
    return readSuccess<T>(answer.json);
  };
  const admin = await adminToken(server.url);
  const created = await call<{ apiKey: { id: string }; secret: string }>('POST', restRoutes.apiKeys.path({ orgId: ORG }), { Authorization: `Bearer ${admin}` }, {
    title: 'Key owning 2,000 resources',
    role: 'ORG_EDITOR',
    expirationDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
  });
  keyId = created.apiKey.id;
  // The key creates them itself, so that it is their owner, as a script using it would.
  const asKey = { 'Api-Key': created.secret };
  resourceIds = [];
  for (let batch = 0; batch < RESOURCES_OF_EACH_KIND / 25; batch++) {
    const made = await Promise.all(
      Array.from({ length: 25 }, async (_, index) => {
        const n = batch * 25 + index;
        const source = await call<{ id: string }>('POST', restRoutes.dataSources.path({ orgId: ORG }), asKey, { name: `Crash source ${n}` });
        const project = await call<{ id: string }>('POST', restRoutes.projects.path({ orgId: ORG }), asKey, {
          name: `Crash project ${n}`,
          layers: [{ name: 'Layer', dataSourceId: source.id }],
        });
        return [source.id, project.id];
      }),
    );
    resourceIds.push(...made.flat());
  }
  await server.close();
}, 180_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  tally.write('crash');
  await rm(folder, { recursive: true, force: true });
});

async function adminToken(url: string): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const answer = await send(url, { method: 'POST', path, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.text.slice(0, 200)}`);
    return readSuccess<{ accessToken: string; refreshToken: string }>(answer.json);
  };
  const first = await post(restRoutes.authenticate.path(), { username: DEMO_USERS.admin.email, password: DEMO_PASSWORD });
  return (await post(restRoutes.refreshToken.path(), { refreshToken: first.refreshToken, organizationId: ORG })).accessToken;
}

/** Starts a child and resolves with its first line matching `pattern`, and the lines to come. */
async function startChild(args: string[], pattern: RegExp): Promise<{ child: ChildProcessWithoutNullStreams; match: RegExpExecArray; lines: AsyncIterator<string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, [DEMO_PASSWORD_ENV]: DEMO_PASSWORD } });
  children.push(child);
  child.stderr.resume();
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  for (;;) {
    const { value, done } = await lines.next();
    if (done) throw new Error(`${args.join(' ')} ended before printing ${pattern}`);
    const match = pattern.exec(value);
    if (match) return { child, match, lines };
  }
}

function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

type Outcome = 'all' | 'nothing' | string;

/** What the restarted server says: all transferred, nothing changed, or what is wrong. */
async function outcomeAfterRestart(dbPath: string): Promise<Outcome> {
  const { child, match } = await startChild(['src/server/cli.ts', '--db', dbPath, '--port', '0', '--seed', 'demo'], /listening on (http:\/\/\S+)/);
  try {
    const url = match[1] ?? '';
    const token = await adminToken(url);
    const get = async <T>(path: string) => {
      const answer = await send(url, { method: 'GET', path, headers: { Authorization: `Bearer ${token}` } });
      return { status: answer.status, body: answer.status === 200 ? readSuccess<T>(answer.json) : undefined };
    };
    type Owned = { id: string; owners: { id: string; type: string }[] };
    const key = await get(restRoutes.apiKey.path({ orgId: ORG, keyId }));
    const sources = (await get<Owned[]>(restRoutes.dataSources.path({ orgId: ORG }))).body ?? [];
    const projects = (await get<Owned[]>(restRoutes.projects.path({ orgId: ORG }))).body ?? [];
    const ours = new Set(resourceIds);
    const resources = [...sources, ...projects].filter((resource) => ours.has(resource.id));
    if (resources.length !== resourceIds.length) return `${resources.length} of the ${resourceIds.length} resources remain`;
    const ownedByKey = resources.filter((resource) => resource.owners.some((owner) => owner.type === 'API_KEY' && owner.id === keyId)).length;
    const ownedByEditor = resources.filter((resource) => resource.owners.some((owner) => owner.type === 'USER' && owner.id === DEMO_USERS.editor2.id)).length;
    if (key.status === 404 && ownedByKey === 0 && ownedByEditor === resources.length) return 'all';
    if (key.status === 200 && ownedByKey === resources.length && ownedByEditor === 0) return 'nothing';
    return `partial: key ${key.status}, ${ownedByKey} owned by the key, ${ownedByEditor} by the Editor`;
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
}

function integrityProblemsOf(dbPath: string): string[] {
  const db = new DatabaseSync(dbPath);
  try {
    return integrityProblems(db);
  } finally {
    db.close();
  }
}

/**
 * One trial on a fresh copy of the organization: the delete is sent, the server is killed
 * where `kill` says (paused at a step, after a delay, or not at all), and restarted.
 */
async function trial(name: string, kill: { atStep: string } | { afterMs: number } | 'never'): Promise<{ outcome: Outcome; problems: string[] }> {
  const dbPath = join(folder, `${name}.db`);
  await copyFile(template, dbPath);
  const pauseAt = typeof kill === 'object' && 'atStep' in kill ? kill.atStep : 'none';
  const { child, match, lines } = await startChild(['test/hostile/fixtures/crash-server.ts', dbPath, pauseAt], /^listening (\S+)/);
  const url = match[1] ?? '';
  const token = await adminToken(url);
  const deletion = send(url, {
    method: 'DELETE',
    path: `${restRoutes.apiKey.path({ orgId: ORG, keyId })}?transferTo=${DEMO_USERS.editor2.id}`,
    headers: { Authorization: `Bearer ${token}` },
  }).catch(() => 'killed' as const);
  if (kill === 'never') {
    const answer = await deletion;
    child.kill('SIGTERM');
    await exited(child);
    if (answer === 'killed' || answer.status !== 200) return { outcome: 'the delete itself failed', problems: [] };
  } else {
    if ('atStep' in kill) {
      const { value } = await lines.next();
      if (value !== `paused ${kill.atStep}`) throw new Error(`the server did not pause at ${kill.atStep}: ${String(value)}`);
    } else {
      await new Promise((resolve) => setTimeout(resolve, kill.afterMs));
    }
    child.kill('SIGKILL');
    await exited(child);
    await deletion;
  }
  const outcome = await outcomeAfterRestart(dbPath);
  tally.record(KIND, outcome === 'all' ? 'accepted' : outcome === 'nothing' ? 'refused' : 'serverError');
  return { outcome, problems: integrityProblemsOf(dbPath) };
}

describe('SIGKILL during a delete with transfer of a key owning 2,000 resources', () => {
  it('transfers all 2,000 when nothing interrupts it (the control trial)', async () => {
    expect(await trial('control', 'never')).toEqual({ outcome: 'all', problems: [] });
  });

  for (const step of ['acl-transferred', 'acl-removed', 'key-deleted']) {
    it(`leaves everything as it was when killed inside the transaction, after step ${step}`, async () => {
      expect(await trial(step, { atStep: step })).toEqual({ outcome: 'nothing', problems: [] });
    });
  }

  it('is all or nothing when killed at moments nobody chose', async () => {
    const outcomes: Outcome[] = [];
    for (const afterMs of [0, 10, 25, 50]) {
      const { outcome, problems } = await trial(`after-${afterMs}ms`, { afterMs });
      expect(problems, `killed after ${afterMs} ms`).toEqual([]);
      outcomes.push(outcome);
    }
    expect(outcomes.filter((outcome) => outcome !== 'all' && outcome !== 'nothing')).toEqual([]);
  });
});
