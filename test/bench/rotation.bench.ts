// `npm run bench:rotation`: "Replace key…" as it runs against JMap Cloud. The local server runs
// in its own process under the strict profile (the rotation uses only the public permission
// endpoints, on every profile); the services run here as in the app, with the default
// request cap. The key replaced has 2,000 access entries (1,000 data sources, 1,000
// projects: owner, modify or view) in an organization with 1,000 more resources not its
// own. Measured: the new key made (startRotation), the access copied and checked
// (grantRotationAccess), and the old key deleted now (finishRotation: a fresh check, its
// entries removed, the delete). A benchmark: it reports, it never fails.
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createMemoryCredentialStore } from '../../src/services/credentials/memory-credential-store';
import { createKeyDeskServices } from '../../src/services/keydesk-services';
import { DEFAULT_MAX_IN_FLIGHT } from '../../src/services/organization-client/http-transport';
import { DEMO_ORGANIZATION, DEMO_USERS } from '../../src/server/seed/demo-identities';
import { startLocalServer } from '../../src/server/start-server';
import { insertApiKey } from '../../src/server/store/api-key-store';
import { loadNow, machine } from './bench-stats';
import { cpuSecondsOf, startServerProcess } from './server-process';

const DATA_SOURCES = 1_000;
const PROJECTS = 1_000;
const OTHER_RESOURCES = 1_000;
const PASSWORD = 'benchmark-password';
const ORG = DEMO_ORGANIZATION.id;
const DAY_MS = 86_400_000;

/** Owner on half, modify + view on a quarter, view alone on the rest. */
const flagsOf = (i: number): [number, number, number] => (i % 2 === 0 ? [1, 1, 1] : i % 4 === 1 ? [0, 1, 1] : [0, 0, 1]);

/** A database with the demo organization and the key with its 2,000 entries; returns the key's id. */
async function seedTemplate(dbPath: string): Promise<string> {
  const setup = await startLocalServer({ dbPath, seed: 'demo', adminPassword: PASSWORD });
  await setup.close();
  const db = new DatabaseSync(dbPath);
  const now = Date.now();
  const key = insertApiKey(db, {
    organizationId: ORG,
    title: 'Key with two thousand entries',
    role: 'ORG_EDITOR',
    creator: DEMO_USERS.admin,
    creationDate: new Date(now - DAY_MS).toISOString(),
    expirationDate: new Date(now + 300 * DAY_MS).toISOString(),
    secret: `bench-rotated-${randomUUID()}`,
  });
  const created = new Date(now).toISOString();
  const dataSource = db.prepare('INSERT INTO data_sources (id, organization_id, name, creation_date) VALUES (?, ?, ?, ?)');
  const project = db.prepare('INSERT INTO projects (id, organization_id, name, name_translations, creation_date) VALUES (?, ?, ?, ?, ?)');
  const acl = db.prepare('INSERT INTO acl_entries (resource_type, resource_id, principal_type, principal_id, owner, modify, view) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.exec('BEGIN');
  for (let i = 0; i < DATA_SOURCES; i++) {
    const id = randomUUID();
    dataSource.run(id, ORG, `Data source ${i}`, created);
    acl.run('DATA_SOURCE', id, 'API_KEY', key, ...flagsOf(i));
    // Where the key does not own it, someone does.
    if (i % 2 !== 0) acl.run('DATA_SOURCE', id, 'USER', DEMO_USERS.editor1.id, 1, 1, 1);
  }
  for (let i = 0; i < PROJECTS; i++) {
    const id = randomUUID();
    project.run(id, ORG, `Project ${i}`, JSON.stringify({ en: `Project ${i}`, fr: `Projet ${i}` }), created);
    acl.run('PROJECT', id, 'API_KEY', key, ...flagsOf(i));
    if (i % 2 !== 0) acl.run('PROJECT', id, 'USER', DEMO_USERS.editor1.id, 1, 1, 1);
  }
  for (let i = 0; i < OTHER_RESOURCES; i++) {
    const id = randomUUID();
    dataSource.run(id, ORG, `Someone else's ${i}`, created);
    acl.run('DATA_SOURCE', id, 'USER', DEMO_USERS.editor2.id, 1, 1, 1);
  }
  db.exec('COMMIT');
  db.close();
  return key;
}

type Step = { name: string; ms: number; requests: number };

async function run(templatePath: string, keyId: string, dir: string): Promise<{ steps: Step[]; maxInFlight: number; clientCpuS: number; serverCpuS: number | null; granted: number }> {
  const dbPath = join(dir, 'run.db');
  copyFileSync(templatePath, dbPath);
  const { url, child } = await startServerProcess(dbPath, 'jmapcloud', PASSWORD);
  let requests = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const counting: typeof fetch = async (input, init) => {
    requests += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  const services = createKeyDeskServices({
    fetch: counting,
    credentialStore: createMemoryCredentialStore(),
    userDataDir: join(dir, 'user-data'),
    clipboard: { readText: async () => '', writeText: async () => undefined, clear: async () => undefined },
    localOrganization: { start: () => Promise.reject(new Error('not used')), stop: async () => undefined },
    appInfo: { name: 'KeyDesk', version: 'bench', host: 'web', platform: process.platform },
    updates: { check: async () => ({ status: 'unsupported', reason: 'not-packaged' }) },
  });
  const steps: Step[] = [];
  /** Runs one step, timed, with the requests it made. */
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const before = requests;
    const started = performance.now();
    const result = await work();
    steps.push({ name, ms: performance.now() - started, requests: requests - before });
    return result;
  };
  try {
    const { handlers } = services;
    const outcome = await handlers.signIn({ serverUrl: url, username: DEMO_USERS.admin.email, password: PASSWORD, remember: false });
    if (outcome.status === 'choose-organization') await handlers.selectOrganization({ organizationId: ORG });
    maxInFlight = 0;
    const clientCpu = process.cpuUsage();
    const serverCpu = cpuSecondsOf(child.pid);
    const expirationDate = new Date(Date.now() + 200 * DAY_MS).toISOString();
    const { rotation } = await step('start (new key)', () => handlers.startRotation({ apiKeyId: keyId, title: 'Key with two thousand entries (rotated)', expirationDate, idempotencyKey: randomUUID() }));
    const granted = await step('grant (copy + check)', () => handlers.grantRotationAccess({ rotationId: rotation.id }));
    if (granted.access?.granted !== DATA_SOURCES + PROJECTS || granted.access.shortfallCount !== 0) throw new Error('The copy missed entries.');
    await step('finish: delete old key now', () => handlers.finishRotation({ rotationId: rotation.id, oldKey: { kind: 'delete-now' } }));
    const clientUsed = process.cpuUsage(clientCpu);
    const serverNow = cpuSecondsOf(child.pid);
    return {
      steps,
      maxInFlight,
      clientCpuS: (clientUsed.user + clientUsed.system) / 1e6,
      serverCpuS: serverCpu === null || serverNow === null ? null : serverNow - serverCpu,
      granted: granted.access.granted,
    };
  } finally {
    await services.dispose();
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keydesk-rotation-bench-'));
  try {
    const template = join(dir, 'template.db');
    const keyId = await seedTemplate(template);
    const loadAtStart = loadNow();
    const figures = await run(template, keyId, dir);
    console.log(`\nMachine: ${machine()}, ${new Date().toISOString().slice(0, 10)}`);
    console.log(`Load average (1 min) at start ${loadAtStart.toFixed(1)}, at end ${loadNow().toFixed(1)}`);
    console.log(`Key with ${(DATA_SOURCES + PROJECTS).toLocaleString('en')} access entries (${DATA_SOURCES.toLocaleString('en')} data sources, ${PROJECTS.toLocaleString('en')} projects), ${OTHER_RESOURCES.toLocaleString('en')} other resources; strict profile; request cap ${DEFAULT_MAX_IN_FLIGHT}\n`);
    for (const { name, ms, requests } of figures.steps) console.log(`${name.padEnd(28)} ${(ms / 1000).toFixed(1).padStart(6)} s   ${requests.toLocaleString('en').padStart(6)} requests`);
    const total = figures.steps.reduce((sum, { ms }) => sum + ms, 0);
    console.log(`${'total'.padEnd(28)} ${(total / 1000).toFixed(1).padStart(6)} s   at most ${figures.maxInFlight} in flight; ${figures.granted.toLocaleString('en')} resources with the same access`);
    console.log(`CPU: services ${figures.clientCpuS.toFixed(1)} s, server ${figures.serverCpuS?.toFixed(1) ?? '?'} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
