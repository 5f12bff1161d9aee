// The benchmark's organization: the demo seed plus N API keys written straight into the
// database with the server's own insert (as bench:server does; thousands of REST creates
// would only measure the seeding), and the first row the grid must show after each
// measured action, asked of the server over REST.
import { DatabaseSync } from 'node:sqlite';
import { DEMO_ORGANIZATION, DEMO_USERS } from '../../src/server/seed/demo-identities';
import { startLocalServer } from '../../src/server/start-server';
import { insertApiKey } from '../../src/server/store/api-key-store';
import { AdminClient } from '../e2e/support/rest-client';
import { seededRandom, wordPicker } from './seeded-words';

const PASSWORD = 'bench-renderer-password';
export interface BenchOrganization {
  dbPath: string;
  adminPassword: string;
  keyCount: number;
}

export interface ExpectedFirstRows {
  newestFirst: string;
  secondPageFirst: string;
  titleAscending: string;
  titleDescending: string;
  viewersNewestFirst: string;
  editorsNewestFirst: string;
  /** Also not used for 90 days (never used included). */
  viewersUnused90NewestFirst: string;
  editorsUnused90NewestFirst: string;
}

export async function prepareBenchOrganization(dbPath: string, keyCount: number): Promise<BenchOrganization> {
  // The first start creates the schema and the demo organization.
  const setup = await startLocalServer({ dbPath, seed: 'demo', adminPassword: PASSWORD });
  await setup.close();
  const db = new DatabaseSync(dbPath);
  const now = Date.now();
  // A seeded generator: the same keys on every run.
  const random = seededRandom(0x2545f491);
  const word = wordPicker(random);
  db.exec('BEGIN');
  for (let i = 0; i < keyCount; i++) {
    const created = now - Math.floor(random() * 3 * 365 * 86_400_000);
    const used = random();
    insertApiKey(db, {
      organizationId: DEMO_ORGANIZATION.id,
      title: `${word()} ${word()} ${i}`,
      role: i % 3 === 0 ? 'ORG_VIEWER' : 'ORG_EDITOR',
      creator: i % 2 === 0 ? DEMO_USERS.admin : DEMO_USERS.secondAdmin,
      creationDate: new Date(created).toISOString(),
      expirationDate: new Date(now + Math.floor((random() * 2 - 0.25) * 365 * 86_400_000)).toISOString(),
      // 30% never used; the others last used at some time since their creation.
      lastUsedDate: used < 0.3 ? null : new Date(created + Math.floor(random() * (now - created))).toISOString(),
      // Not a real secret: only its hash is stored.
      secret: `bench-renderer-${i}-${random()}`,
    });
  }
  db.exec('COMMIT');
  db.exec('ANALYZE');
  db.close();
  return { dbPath, adminPassword: PASSWORD, keyCount };
}

export async function expectedFirstRows(serverUrl: string): Promise<ExpectedFirstRows> {
  const rest = await AdminClient.signIn(serverUrl, DEMO_USERS.admin.email, PASSWORD, DEMO_ORGANIZATION.id);
  // "Not used for 90 days" as the renderer asks it (a few seconds later: no key of the seed is that close to the line).
  const unused90 = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const first = async (query: Record<string, string | number>): Promise<string> => {
    const page = await rest.listKeys({ size: 100, page: 0, sort: 'creationDate,desc', ...query });
    const key = page.content[0];
    if (!key) throw new Error(`The server has no key for ${JSON.stringify(query)}.`);
    return key.id;
  };
  return {
    newestFirst: await first({}),
    secondPageFirst: await first({ page: 1 }),
    titleAscending: await first({ sort: 'title,asc' }),
    titleDescending: await first({ sort: 'title,desc' }),
    viewersNewestFirst: await first({ role: 'ORG_VIEWER' }),
    editorsNewestFirst: await first({ role: 'ORG_EDITOR' }),
    viewersUnused90NewestFirst: await first({ role: 'ORG_VIEWER', unusedSince: unused90 }),
    editorsUnused90NewestFirst: await first({ role: 'ORG_EDITOR', unusedSince: unused90 }),
  };
}
