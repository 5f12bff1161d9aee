// `npm run bench:guided-delete`: the guided delete as it runs against JMap Cloud. The local
// server runs in its own process under the strict profile (no extension: KeyDesk must find
// what the key owns through every resource's permissions and transfer it entry by entry);
// the services (createKeyDeskServices, as in the app) run here with the default request
// cap. One key owns 2,000 resources (1,000 data sources, 1,000 projects) in an organization
// with 1,000 more that are not its own. Measured: finding what it owns, then the transfer to
// an Editor (OWNER given, entries removed, everything read again, key deleted); once on a
// calm server, once on a busy one (5% of the permission calls answered 429 or 503).
// Goal: both steps together ≤ 20 s on loopback. A benchmark: it reports, it never fails.
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createMemoryCredentialStore } from '../../src/services/credentials/memory-credential-store';
import { createKeyDeskServices } from '../../src/services/keydesk-services';
import { DEFAULT_MAX_IN_FLIGHT } from '../../src/services/organization-client/http-transport';
import { DEMO_ORGANIZATION, DEMO_USERS } from '../../src/server/seed/demo-identities';
import { startLocalServer } from '../../src/server/start-server';
import { insertApiKey } from '../../src/server/store/api-key-store';
import { cpuSecondsOf, startServerProcess } from './server-process';

const OWNED_DATA_SOURCES = 1_000;
const OWNED_PROJECTS = 1_000;
const OTHER_RESOURCES = 1_000;
const GOAL_MS = 20_000;
const PASSWORD = 'benchmark-password';
const ORG = DEMO_ORGANIZATION.id;

/** A database with the demo organization, the owning key and its resources; returns the key's id. */
async function seedTemplate(dbPath: string): Promise<string> {
  const setup = await startLocalServer({ dbPath, seed: 'demo', adminPassword: PASSWORD });
  await setup.close();
  const db = new DatabaseSync(dbPath);
  const now = Date.now();
  const owner = insertApiKey(db, {
    organizationId: ORG,
    title: 'Owner of two thousand resources',
    role: 'ORG_EDITOR',
    creator: DEMO_USERS.admin,
    creationDate: new Date(now - 86_400_000).toISOString(),
    expirationDate: new Date(now + 300 * 86_400_000).toISOString(),
    secret: `bench-owner-${randomUUID()}`,
  });
  const created = new Date(now).toISOString();
  const dataSource = db.prepare('INSERT INTO data_sources (id, organization_id, name, creation_date) VALUES (?, ?, ?, ?)');
  const project = db.prepare('INSERT INTO projects (id, organization_id, name, name_translations, creation_date) VALUES (?, ?, ?, ?, ?)');
  const acl = db.prepare('INSERT INTO acl_entries (resource_type, resource_id, principal_type, principal_id, owner, modify, view) VALUES (?, ?, ?, ?, 1, 1, 1)');
  db.exec('BEGIN');
  for (let i = 0; i < OWNED_DATA_SOURCES; i++) {
    const id = randomUUID();
    dataSource.run(id, ORG, `Data source ${i}`, created);
    acl.run('DATA_SOURCE', id, 'API_KEY', owner);
    // Every tenth shared with a user: those stay owned by both.
    if (i % 10 === 0) acl.run('DATA_SOURCE', id, 'USER', DEMO_USERS.editor1.id);
  }
  for (let i = 0; i < OWNED_PROJECTS; i++) {
    const id = randomUUID();
    project.run(id, ORG, `Project ${i}`, JSON.stringify({ en: `Project ${i}`, fr: `Projet ${i}` }), created);
    acl.run('PROJECT', id, 'API_KEY', owner);
  }
  for (let i = 0; i < OTHER_RESOURCES; i++) {
    const id = randomUUID();
    dataSource.run(id, ORG, `Someone else's ${i}`, created);
    acl.run('DATA_SOURCE', id, 'USER', DEMO_USERS.editor2.id);
  }
  db.exec('COMMIT');
  db.close();
  return owner;
}

interface Figures {
  findMs: number;
  transferMs: number;
  /** CPU time of both steps: the services (this process) and the server (its own). */
  clientCpuS: number;
  serverCpuS: number | null;
  requests: number;
  busyAnswers: number;
  maxInFlight: number;
  transferred: number;
}

async function run(templatePath: string, ownerId: string, busy: boolean, dir: string): Promise<Figures> {
  const dbPath = join(dir, `run-${busy ? 'busy' : 'calm'}.db`);
  copyFileSync(templatePath, dbPath);
  const { url, child } = await startServerProcess(dbPath, 'jmapcloud', PASSWORD);
  let inFlight = 0;
  let maxInFlight = 0;
  let requests = 0;
  let busyAnswers = 0;
  let draw = 0;
  const counting: typeof fetch = async (input, init) => {
    requests += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      // A busy server: every twentieth permission call refused, alternately 429 and 503.
      if (busy && String(input).includes('/permissions') && ++draw % 20 === 0) {
        busyAnswers += 1;
        return draw % 40 === 0 ? Response.json({ message: 'Too many requests' }, { status: 429, headers: { 'Retry-After': '1' } }) : new Response('busy', { status: 503 });
      }
      return await fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  const userDataDir = join(dir, `user-data-${busy ? 'busy' : 'calm'}`);
  const services = createKeyDeskServices({
    fetch: counting,
    credentialStore: createMemoryCredentialStore(),
    userDataDir,
    clipboard: { readText: async () => '', writeText: async () => undefined, clear: async () => undefined },
    localOrganization: { start: () => Promise.reject(new Error('not used')), stop: async () => undefined },
    appInfo: { name: 'KeyDesk', version: 'bench', host: 'web', platform: process.platform },
    updates: { check: async () => ({ status: 'unsupported', reason: 'not-packaged' }) },
  });
  try {
    const { handlers } = services;
    const outcome = await handlers.signIn({ serverUrl: url, username: DEMO_USERS.admin.email, password: PASSWORD, remember: false });
    if (outcome.status === 'choose-organization') await handlers.selectOrganization({ organizationId: ORG });
    requests = 0;
    maxInFlight = 0;
    const clientCpu = process.cpuUsage();
    const serverCpu = cpuSecondsOf(child.pid);
    let started = performance.now();
    const owned = await handlers.getOwnedResources({ id: ownerId });
    const findMs = performance.now() - started;
    if (owned.dataSources.length !== OWNED_DATA_SOURCES || owned.projects.length !== OWNED_PROJECTS) throw new Error('The scan missed resources.');
    started = performance.now();
    const result = await handlers.deleteApiKey({ id: ownerId, resources: { kind: 'transfer', to: DEMO_USERS.editor2.id } });
    const transferMs = performance.now() - started;
    const clientUsed = process.cpuUsage(clientCpu);
    const serverNow = cpuSecondsOf(child.pid);
    const serverCpuS = serverCpu === null || serverNow === null ? null : serverNow - serverCpu;
    return { findMs, transferMs, clientCpuS: (clientUsed.user + clientUsed.system) / 1e6, serverCpuS, requests, busyAnswers, maxInFlight, transferred: result.transferred.dataSources + result.transferred.projects };
  } finally {
    await services.dispose();
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keydesk-guided-bench-'));
  try {
    const template = join(dir, 'template.db');
    const ownerId = await seedTemplate(template);
    const loadAtStart = loadavg()[0] ?? 0;
    const rows: string[] = [];
    for (const busy of [false, true]) {
      const figures = await run(template, ownerId, busy, dir);
      const total = figures.findMs + figures.transferMs;
      rows.push(
        `${(busy ? 'busy server (5% refused)' : 'calm server').padEnd(26)} find ${(figures.findMs / 1000).toFixed(1)} s + transfer ${(figures.transferMs / 1000).toFixed(1)} s = ${(total / 1000).toFixed(1)} s` +
          `   ${figures.requests.toLocaleString('en')} requests (${figures.busyAnswers} refused), at most ${figures.maxInFlight} in flight, ${figures.transferred.toLocaleString('en')} transferred` +
          `   CPU: services ${figures.clientCpuS.toFixed(1)} s, server ${figures.serverCpuS?.toFixed(1) ?? '?'} s` +
          `   goal ≤ ${GOAL_MS / 1000} s ${total <= GOAL_MS ? 'met' : 'MISSED'}`,
      );
    }
    const cpu = cpus();
    console.log(`\nMachine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
    console.log(`Load average (1 min) at start ${loadAtStart.toFixed(1)}, at end ${loadavg()[0]?.toFixed(1)}`);
    console.log(`Key owning ${OWNED_DATA_SOURCES.toLocaleString('en')} data sources and ${OWNED_PROJECTS.toLocaleString('en')} projects, ${OTHER_RESOURCES.toLocaleString('en')} other resources; request cap ${DEFAULT_MAX_IN_FLIGHT}\n`);
    for (const row of rows) console.log(row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
