// `npm run bench:renderer [-- --keys 1000,100000]`: the real renderer in Chromium, through
// the web preview, on a local organization of each key count in turn (default: 1,000 and
// 100,000). Measures connect → first rows, and sort, page change, filter and a combined
// filter → their rows painted (renderer-bench-page.ts); prints p50/p95 of each count side by
// side with the ratio of the largest to the smallest, so that a cost growing with the
// organization shows, and the renderer's bundle size gzipped. Goals (2-core machine, issue 12): first rows
// ≤ 300 ms p50; each interaction p95 ≤ 100 ms, its rendering after the call ≤ 40 ms p50.
// A benchmark, not a test: it reports and flags, it never fails.
//
// KEYDESK_BENCH_CPU_PROFILE=DIR also records Chromium's CPU profile of each kind of
// interaction into DIR/<keys>-<kind>.cpuprofile (Chrome DevTools' Performance panel), on a
// production build left unminified (built apart, into DIR/renderer-unminified, kept beside
// the profiles) so that its functions and components keep their names, and each line its
// module. The profiler slows the page down: the figures of such a run are not comparable.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startWebPreview } from '../../src/web/start-web-preview';
import { buildRenderer, ensureRendererBuilt, RENDERER_OUT_DIR } from '../../src/web/renderer-build';
import { loadNow, machine, percentile } from './bench-stats';
import { expectedFirstRows, prepareBenchOrganization } from './renderer-bench-data';
import { measureInteractions, type InteractionKind, type Measurement, type Sample } from './renderer-bench-page';

const DEFAULT_KEY_COUNTS = [1_000, 100_000];
const GOALS: Record<InteractionKind, { label: string; p50?: number; p95?: number }> = {
  connect: { label: 'Connect → first rows', p50: 300 },
  sort: { label: 'Sort (Title header)', p95: 100 },
  'page-change': { label: 'Page change (next / previous)', p95: 100 },
  filter: { label: 'Filter (Role is …)', p95: 100 },
  'combined-filter': { label: 'Role + not used 90 days', p95: 100 },
};
const RENDERING_GOAL_P50 = 40;

/** `--keys 1000,100000` (or KEYDESK_BENCH_KEYS), whole numbers of at least 1. */
function keyCounts(): number[] {
  const flag = process.argv.findIndex((arg) => arg === '--keys' || arg.startsWith('--keys='));
  const arg = flag < 0 ? process.env.KEYDESK_BENCH_KEYS : (process.argv[flag]?.split('=')[1] ?? process.argv[flag + 1]);
  if (!arg) return DEFAULT_KEY_COUNTS;
  const counts = arg.split(',').map((value) => Number(value.replaceAll('_', '')));
  if (counts.some((count) => !Number.isInteger(count) || count < 1)) throw new Error(`--keys takes whole numbers separated by commas, like 1000,100000 (got "${arg}").`);
  return counts;
}

interface Figures {
  p50: number;
  p95: number;
  runs: number;
  /** Medians of the time before the listApiKeys call, the call, and the rendering after it. */
  parts: { before: number; call: number; after: number } | null;
}

function figures(samples: Sample[]): Figures {
  const totals = samples.map((sample) => sample.total).sort((a, b) => a - b);
  const calls = samples.flatMap((sample) => (sample.call ? [sample.call] : []));
  const median = (part: 'before' | 'call' | 'after'): number => percentile(calls.map((call) => call[part]).sort((a, b) => a - b), 50);
  return {
    p50: percentile(totals, 50),
    p95: percentile(totals, 95),
    runs: samples.length,
    parts: calls.length === 0 ? null : { before: median('before'), call: median('call'), after: median('after') },
  };
}

const ms = (value: number): string => `${Math.round(value)}`.padStart(5);

function verdict(kind: InteractionKind, figure: Figures): string {
  const goal = GOALS[kind];
  const misses = [
    goal.p50 !== undefined && figure.p50 > goal.p50 ? `p50 > ${goal.p50}` : null,
    goal.p95 !== undefined && figure.p95 > goal.p95 ? `p95 > ${goal.p95}` : null,
    kind !== 'connect' && figure.parts && figure.parts.after > RENDERING_GOAL_P50 ? `rendering > ${RENDERING_GOAL_P50}` : null,
  ].filter((miss) => miss !== null);
  return misses.length === 0 ? 'met' : `MISSED (${misses.join(', ')})`;
}

/** One line per interaction, one column group per key count, then the ratio of the p50s. */
function report(results: { keyCount: number; measurements: Measurement[] }[]): string[] {
  const GROUP = 32;
  const groups = results.map(({ keyCount }) => `${keyCount.toLocaleString('en')} keys`.padStart(GROUP)).join('');
  const columns = results.map(() => '  p50   p95  before/call/render'.padStart(GROUP)).join('');
  const lines = [`${'(ms)'.padEnd(30)}${groups}   p50 ratio   goal`, `${''.padEnd(30)}${columns}`];
  for (const kind of Object.keys(GOALS) as InteractionKind[]) {
    const each = results.map(({ measurements }) => figures(measurements.find((measurement) => measurement.kind === kind)?.samples ?? []));
    const cells = each.map((figure) => {
      const parts = figure.parts ? `${Math.round(figure.parts.before)}/${Math.round(figure.parts.call)}/${Math.round(figure.parts.after)}` : '';
      return `${ms(figure.p50)} ${ms(figure.p95)}  ${parts.padStart(18)}`.padStart(GROUP);
    });
    const first = each[0];
    const last = each.at(-1);
    const ratio = first && last && first.p50 > 0 ? (last.p50 / first.p50).toFixed(2) : '';
    lines.push(`${GOALS[kind].label.padEnd(30)}${cells.join('')}   ${ratio.padStart(9)}   ${last ? verdict(kind, last) : ''}`);
  }
  return lines;
}

async function bundleSize(): Promise<string> {
  const assets = join(RENDERER_OUT_DIR, 'assets');
  const files = (await readdir(assets)).filter((file) => file.endsWith('.js') || file.endsWith('.css'));
  const size = { js: 0, jsGzip: 0, css: 0, cssGzip: 0 };
  let development = false;
  for (const file of files) {
    const content = await readFile(join(assets, file));
    const gzipped = gzipSync(content, { level: 9 }).length;
    if (file.endsWith('.js')) {
      size.js += content.length;
      size.jsGzip += gzipped;
      development ||= content.toString('utf8').includes('jsxDEV');
    } else {
      size.css += content.length;
      size.cssGzip += gzipped;
    }
  }
  if (development) console.warn('WARNING: out/renderer holds a development build of React: these figures do not count.');
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
  return `Renderer bundle (out/renderer/assets): JavaScript ${kib(size.js)}, ${kib(size.jsGzip)} gzipped; CSS ${kib(size.css)}, ${kib(size.cssGzip)} gzipped`;
}

async function measureOrganization(keyCount: number, rendererDir: string, executablePath: string | undefined): Promise<Measurement[]> {
  const folder = await mkdtemp(join(tmpdir(), 'keydesk-bench-renderer-'));
  try {
    const started = performance.now();
    const org = await prepareBenchOrganization(join(folder, 'organization.db'), keyCount);
    console.log(`Seeded ${keyCount.toLocaleString('en')} API keys in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const preview = await startWebPreview({ port: 0, dbPath: org.dbPath, adminPassword: org.adminPassword, rendererDir, userDataDir: join(folder, 'user-data') });
    const browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      const load = loadNow();
      const measurements = await measureInteractions(page, await expectedFirstRows(preview.server.url), preview.url, keyCount);
      console.log(`Measured ${keyCount.toLocaleString('en')} keys on Chromium ${browser.version()}, load ${load.toFixed(2)} → ${loadNow().toFixed(2)}`);
      return measurements;
    } finally {
      await browser.close();
      await preview.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const counts = keyCounts();
  const loadAtStart = loadNow();
  const profiles = process.env.KEYDESK_BENCH_CPU_PROFILE;
  const unminified = profiles ? join(profiles, 'renderer-unminified') : null;
  if (unminified) {
    console.log(`Profiling: building the renderer unminified into ${unminified} (readable names; the figures below are not comparable)…`);
    await buildRenderer({ outDir: unminified, minify: false });
  } else await ensureRendererBuilt((line) => console.log(line));
  const executablePath = process.env.KEYDESK_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  const results: { keyCount: number; measurements: Measurement[] }[] = [];
  for (const keyCount of counts) results.push({ keyCount, measurements: await measureOrganization(keyCount, unminified ?? RENDERER_OUT_DIR, executablePath) });
  console.log(`\nRenderer, ${machine()}, 1-minute load ${loadAtStart.toFixed(2)} at start, ${loadNow().toFixed(2)} at end (above the CPU count, other work competed)`);
  for (const line of report(results)) console.log(line);
  if (!unminified) console.log(await bundleSize());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
