// `npm run bench:bulk-delete`: "Delete selected…" on 500 keys, each owning a data source and
// a project (a tenth of the data sources shared with a user), in an organization holding 500
// more resources that are not theirs; every owned resource to one Editor. The local server
// runs in its own process, once with KeyDesk's extensions (one request per key) and once
// under the strict profile (JMap Cloud's public API: the guided delete per key, seeded with
// one reading of the organization). The services (createKeyDeskServices, as in the app)
// write the resumable plan before and after each key. A benchmark: it reports, never fails.
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { BulkDeleteStatus } from '../../src/shared/bulk-delete';
import type { LocalServerProfile } from '../../src/shared/server-capabilities';
import { BULK_DELETES_FILE } from '../../src/services/api-keys/bulk-delete/bulk-delete-plans';
import { createMemoryCredentialStore } from '../../src/services/credentials/memory-credential-store';
import { createKeyDeskServices } from '../../src/services/keydesk-services';
import { DEFAULT_MAX_IN_FLIGHT } from '../../src/services/organization-client/http-transport';
import { DEMO_ORGANIZATION, DEMO_USERS } from '../../src/server/seed/demo-identities';
import { startLocalServer } from '../../src/server/start-server';
import { insertApiKey } from '../../src/server/store/api-key-store';
import { cpuSecondsOf, startServerProcess } from './server-process';

const KEYS = 500;
const OTHER_RESOURCES = 500;
const PASSWORD = 'benchmark-password';
const ORG = DEMO_ORGANIZATION.id;
const GOALS_MS: Record<LocalServerProfile, number> = { default: 30_000, jmapcloud: 120_000 };

/** A database with the demo organization and the keys to delete; returns their ids. */
async function seedTemplate(dbPath: string): Promise<string[]> {
  const setup = await startLocalServer({ dbPath, seed: 'demo', adminPassword: PASSWORD });
  await setup.close();
  const db = new DatabaseSync(dbPath);
  const now = Date.now();
  const created = new Date(now).toISOString();
  const dataSource = db.prepare('INSERT INTO data_sources (id, organization_id, name, creation_date) VALUES (?, ?, ?, ?)');
  const project = db.prepare('INSERT INTO projects (id, organization_id, name, name_translations, creation_date) VALUES (?, ?, ?, ?, ?)');
  const acl = db.prepare('INSERT INTO acl_entries (resource_type, resource_id, principal_type, principal_id, owner, modify, view) VALUES (?, ?, ?, ?, 1, 1, 1)');
  const keys: string[] = [];
  db.exec('BEGIN');
  for (let i = 0; i < KEYS; i++) {
    const key = insertApiKey(db, {
      organizationId: ORG,
      title: `Bulk clean-up ${i}`,
      role: 'ORG_VIEWER',
      creator: DEMO_USERS.admin,
      creationDate: new Date(now - 400 * 86_400_000).toISOString(),
      expirationDate: new Date(now - 86_400_000).toISOString(),
      secret: `bench-bulk-${randomUUID()}`,
    });
    keys.push(key);
    const source = randomUUID();
    dataSource.run(source, ORG, `Data source ${i}`, created);
    acl.run('DATA_SOURCE', source, 'API_KEY', key);
    if (i % 10 === 0) acl.run('DATA_SOURCE', source, 'USER', DEMO_USERS.editor1.id);
    const projectId = randomUUID();
    project.run(projectId, ORG, `Project ${i}`, JSON.stringify({ en: `Project ${i}`, fr: `Projet ${i}` }), created);
    acl.run('PROJECT', projectId, 'API_KEY', key);
  }
  for (let i = 0; i < OTHER_RESOURCES; i++) {
    const id = randomUUID();
    dataSource.run(id, ORG, `Someone else's ${i}`, created);
    acl.run('DATA_SOURCE', id, 'USER', DEMO_USERS.editor2.id);
  }
  db.exec('COMMIT');
  db.close();
  return keys;
}

async function run(templatePath: string, keys: string[], profile: LocalServerProfile, dir: string): Promise<string> {
  const dbPath = join(dir, `run-${profile}.db`);
  copyFileSync(templatePath, dbPath);
  const { url, child } = await startServerProcess(dbPath, profile, PASSWORD);
  let requests = 0;
  const kinds = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const counting: typeof fetch = async (input, init) => {
    requests += 1;
    const url = new URL(String(input));
    const kind = `${init?.method ?? 'GET'} ${url.pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')}${url.search ? '?…' : ''}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  const userDataDir = join(dir, `user-data-${profile}`);
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
    kinds.clear();
    maxInFlight = 0;
    const clientCpu = process.cpuUsage();
    const serverCpu = cpuSecondsOf(child.pid);
    const started = performance.now();
    await handlers.startBulkDelete({ apiKeyIds: keys, resources: { kind: 'transfer', to: DEMO_USERS.editor2.id } });
    let status: BulkDeleteStatus | null = null;
    let firstMs: number | null = null;
    for (;;) {
      status = await handlers.getBulkDelete(undefined);
      if (firstMs === null && (status?.counts.deleted ?? 0) > 0) firstMs = performance.now() - started;
      if (!status?.running) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const totalMs = performance.now() - started;
    const clientUsed = process.cpuUsage(clientCpu);
    const serverNow = cpuSecondsOf(child.pid);
    const deleted = status?.counts.deleted ?? 0;
    const planKiB = statSync(join(userDataDir, BULK_DELETES_FILE)).size / 1024;
    const serverCpuS = serverCpu === null || serverNow === null ? '?' : (serverNow - serverCpu).toFixed(1);
    const goal = GOALS_MS[profile];
    return (
      `${(profile === 'default' ? 'with the extensions' : 'strict (JMap Cloud)').padEnd(20)} ${(totalMs / 1000).toFixed(1)} s` +
      (firstMs !== null ? ` (first key deleted at ${(firstMs / 1000).toFixed(1)} s)` : '') +
      `, ${(totalMs / KEYS).toFixed(0)} ms a key   ${deleted} of ${KEYS} deleted   ${requests.toLocaleString('en')} requests, at most ${maxInFlight} in flight` +
      `   CPU: services ${((clientUsed.user + clientUsed.system) / 1e6).toFixed(1)} s, server ${serverCpuS} s   plan file ${planKiB.toFixed(0)} KiB` +
      `   goal ≤ ${goal / 1000} s ${totalMs <= goal && deleted === KEYS ? 'met' : 'MISSED'}\n` +
      [...kinds]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, count]) => `      ${String(count).padStart(6)}  ${kind}`)
        .join('\n')
    );
  } finally {
    await services.dispose();
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keydesk-bulk-bench-'));
  try {
    const template = join(dir, 'template.db');
    const keys = await seedTemplate(template);
    const loadAtStart = loadavg()[0] ?? 0;
    const rows: string[] = [];
    for (const profile of ['default', 'jmapcloud'] as const) rows.push(await run(template, keys, profile, dir));
    const cpu = cpus();
    console.log(`\nMachine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
    console.log(`Load average (1 min) at start ${loadAtStart.toFixed(1)}, at end ${loadavg()[0]?.toFixed(1)}`);
    console.log(`${KEYS} keys, each owning a data source and a project, ${OTHER_RESOURCES} other resources; request cap ${DEFAULT_MAX_IN_FLIGHT}\n`);
    for (const row of rows) console.log(row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
