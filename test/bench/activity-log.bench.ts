// `npm run bench:activity`: the activity log at its size cap (the current file and 4
// previous ones of 1 MiB: ~10,000 entries), in a temporary folder. Prints p50/p95 of an
// append (one whole line, fsynced: what every change waits for) and of a read through the
// Activity view's filters (the newest 1,000 of the organization; a text search; a failed-only
// filter over every organization). Goals (2-core machine): append p95 ≤ 20 ms, read p95 ≤
// 250 ms. A benchmark, not a test: it reports figures and flags a missed goal.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTIVITY_FOLDER, createActivityLog } from '../../src/services/activity/activity-log';
import { silentLogger } from '../../src/services/logger';
import { activityQuerySchema, type ActivityContext, type ActivityDraft, type ActivityQuery } from '../../src/shared/activity-log';
import { seededRandom, wordPicker } from './seeded-words';

const SAMPLES = 200;
const READS = 30;

const organizations: ActivityContext[] = ['Demo Organization', 'Training', 'Ville de Québec'].map((name, index) => ({
  server: 'https://api.jmapcloud.io',
  organization: { id: `org-${index}`, name },
  admin: { id: `u-${index}`, name: `Admin ${index}`, email: `admin${index}@example.com` },
}));

function draft(random: () => number, word: () => string, n: number): ActivityDraft {
  const apiKey = { id: `${n.toString(16).padStart(8, '0')}-5b1e-4c3a-9d7f-0123456789ab`, title: `${word()} ${word()} ${n}` };
  const outcome = random() < 0.1 ? { status: 'failed' as const, errorCode: 'NETWORK' } : { status: 'succeeded' as const };
  if (random() < 0.6) return { action: 'create', apiKey, role: 'ORG_EDITOR', expirationDate: '2027-03-01', outcome };
  const resources = Array.from({ length: Math.floor(random() * 4) }, (_, index) => ({
    type: index % 2 === 0 ? ('DATA_SOURCE' as const) : ('PROJECT' as const),
    id: `res-${n}-${index}`,
    name: `${word()} ${word()}`,
    change: 'transferred' as const,
    done: outcome.status === 'succeeded',
  }));
  return {
    action: 'delete',
    apiKey,
    resourcesFate: 'transfer',
    transferTo: { id: 'member-1', name: 'Maria Editor' },
    transferred: { dataSources: resources.length, projects: 0 },
    deleted: { dataSources: 0, projects: 0, layers: 0 },
    accessEntriesRemoved: resources.length,
    resources,
    outcome,
  };
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number): string => `${value.toFixed(2)} ms`;
const report = (name: string, samples: number[], goal: number): void => {
  const p95 = percentile(samples, 95);
  console.log(`${name.padEnd(44)} p50 ${ms(percentile(samples, 50)).padStart(10)}  p95 ${ms(p95).padStart(10)}  goal p95 ≤ ${goal} ms: ${p95 <= goal ? 'met' : 'MISSED'}`);
};

async function main(): Promise<void> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'keydesk-activity-bench-'));
  try {
    let context = organizations[0] ?? null;
    const activity = createActivityLog({ userDataDir, context: () => context, now: () => new Date(), log: silentLogger });
    const random = seededRandom(13);
    const word = wordPicker(random);
    console.log(`Activity log benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`);

    // Fill to the cap (a few rotations past it), then measure appends at the cap.
    const started = performance.now();
    let n = 0;
    const folder = join(userDataDir, ACTIVITY_FOLDER);
    const bytes = (): number => readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
    while (n < 30_000 && (n < 100 || bytes() < 5 * 1024 * 1024 - 4096)) {
      context = organizations[n % organizations.length] ?? null;
      await activity.append(draft(random, word, n));
      n += 1;
    }
    console.log(`filled: ${n} entries written, ${readdirSync(folder).length} files, ${(bytes() / 1024 / 1024).toFixed(2)} MiB kept, in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const appends: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      const t = performance.now();
      await activity.append(draft(random, word, n++));
      appends.push(performance.now() - t);
    }
    report('append (one line, fsynced, rotating)', appends, 20);

    context = organizations[0] ?? null;
    const reads = async (query: ActivityQuery, afterAppend: boolean): Promise<{ samples: number[]; matching: number; entries: number }> => {
      const parsed = activityQuerySchema.parse(query);
      const samples: number[] = [];
      let last = { matching: 0, entries: 0 };
      for (let i = 0; i < READS; i += 1) {
        // The current file changed: it is parsed again (the previous files are not).
        if (afterAppend) await activity.append(draft(random, word, n++));
        const t = performance.now();
        const page = await activity.read(parsed);
        samples.push(performance.now() - t);
        last = { matching: page.matching, entries: page.entries.length };
      }
      return { samples, ...last };
    };
    const total = await activity.read(activityQuerySchema.parse({ scope: 'all', limit: 1 }));
    console.log(`entries readable at the cap: ${total.matching}`);
    for (const [name, query, afterAppend] of [
      ['read: the organization, newest 1,000', {}, false],
      ['read: the same, each right after an append', {}, true],
      ['read: text search "maria", every organization', { scope: 'all', text: 'maria' }, false],
      ['read: failed only, every organization', { scope: 'all', outcomes: ['failed'] }, false],
    ] as const) {
      const { samples, matching, entries } = await reads(query as ActivityQuery, afterAppend);
      report(`${name} (${matching} match, ${entries} sent)`, samples, 250);
    }
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

await main();
