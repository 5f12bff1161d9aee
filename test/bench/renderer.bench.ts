// `npm run bench:renderer`: the real renderer in Chromium, through the web preview, on a
// local organization of 10,000 API keys. Measures, in the page (performance.now()), the
// time from the click on "Open local organization" to the first rows painted, and from a
// sort, a filter and a page change to their rows painted; prints p50/p95, and the
// renderer's bundle size gzipped. Goals (2-core machine): first rows ≤ 1.5 s, each
// interaction ≤ 150 ms. A benchmark, not a test: it reports and flags, it never fails.
//
// KEYDESK_BENCH_CPU_PROFILE=DIR also records Chromium's CPU profile of each kind of
// interaction into DIR/<kind>.cpuprofile (open it in Chrome DevTools' Performance panel).
// The profiler slows the page down: the figures of such a run are not comparable.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Locator, type Page } from '@playwright/test';
import { expectedFirstRows, prepareBenchOrganization, type ExpectedFirstRows } from './renderer-bench-data';
import { startWebPreview } from '../../src/web/start-web-preview';
import { ensureRendererBuilt, RENDERER_OUT_DIR } from '../../src/web/renderer-build';

const CONNECT_RUNS = 7;
const INTERACTION_RUNS = 21;
const FIRST_ROWS_GOAL_MS = 1500;
const INTERACTION_GOAL_MS = 150;
const FIRST_ROW = '[role="grid"] [role="row"][data-id]';

/** The little of the page's globals the measurements touch (this file has no DOM types). */
interface InPage {
  __benchStart?: number;
  document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
  performance: { now(): number; getEntriesByType(type: 'resource'): { name: string; startTime: number; responseEnd: number }[] };
}

/**
 * One measured action: its total time and, around its listApiKeys bridge call (null if
 * none was seen), the renderer's time before the call, the call, and the time after it
 * until the rows were painted.
 */
interface Sample {
  total: number;
  call: { before: number; call: number; after: number } | null;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function report(label: string, samples: Sample[], goal: number): string {
  const totals = samples.map((sample) => sample.total).sort((a, b) => a - b);
  const p50Of = (part: 'before' | 'call' | 'after'): number =>
    percentile(samples.flatMap((sample) => (sample.call === null ? [] : [sample.call[part]])).sort((a, b) => a - b), 50);
  const p95 = percentile(totals, 95);
  const ms = (value: number): string => `${value.toFixed(0).padStart(5)} ms`;
  const bridge = samples.some((sample) => sample.call !== null)
    ? `\n${''.padEnd(32)}p50 parts: before the call ${ms(p50Of('before'))}, listApiKeys call ${ms(p50Of('call'))}, rendering after it ${ms(p50Of('after'))}`
    : '';
  return `${label.padEnd(30)} p50 ${ms(percentile(totals, 50))}   p95 ${ms(p95)}   (${samples.length} runs)   goal ≤ ${goal} ms ${p95 <= goal ? 'met' : 'MISSED'}${bridge}`;
}

/**
 * Runs `act`, and returns the milliseconds from the first click or change it causes in the
 * page to the animation frame in which the grid's first row is `expectedId` (that frame is
 * then painted). Both instants are read from the page's own clock.
 */
async function timeUntilFirstRow(page: Page, expectedId: string, act: () => Promise<void>, prepare?: () => Promise<void>): Promise<Sample> {
  await prepare?.();
  await page.evaluate(`(() => {
    window.__benchStart = undefined;
    const mark = () => { window.__benchStart ??= performance.now(); };
    document.addEventListener('click', mark, { capture: true, once: true });
    document.addEventListener('change', mark, { capture: true, once: true });
  })()`);
  await act();
  // A function, not a string: the page's CSP (no 'unsafe-eval') refuses string predicates.
  const handle = await page.waitForFunction(
    ({ selector, id }) => {
      const view = globalThis as unknown as InPage;
      const row = view.document.querySelector(selector);
      return row?.getAttribute('data-id') === id && view.__benchStart !== undefined ? view.performance.now() - view.__benchStart : false;
    },
    { selector: FIRST_ROW, id: expectedId },
    { polling: 'raf', timeout: 30_000 },
  );
  const total = (await handle.jsonValue()) as number;
  // The last listApiKeys bridge call: how much of the total was the services and server.
  const call = await page.evaluate(() => {
    const view = globalThis as unknown as InPage;
    const entries = view.performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/__keydesk/listApiKeys'));
    const last = entries.at(-1);
    const start = view.__benchStart;
    return last && start !== undefined && last.startTime >= start
      ? { before: last.startTime - start, call: last.responseEnd - last.startTime, end: last.responseEnd - start }
      : null;
  });
  return { total, call: call && { before: call.before, call: call.call, after: total - call.end } };
}

/**
 * Runs `work` under Chromium's CPU profiler when KEYDESK_BENCH_CPU_PROFILE names a folder,
 * and writes the profile there as `<kind>.cpuprofile`; otherwise just runs it.
 */
async function profiled<T>(page: Page, kind: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.KEYDESK_BENCH_CPU_PROFILE;
  if (!folder) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, `${kind}.cpuprofile`), JSON.stringify(profile));
  await cdp.detach();
  return result;
}

async function columnMenu(page: Page, column: string): Promise<void> {
  const header = page.getByRole('columnheader').filter({ hasText: column });
  await header.hover();
  await header.getByRole('button', { name: `${column} column menu` }).click();
}

/**
 * Chooses a value of the filter panel's "Value" select. A native select changes in one
 * step; MUI's opens its list first, and only the click on the option is the measured action
 * (the time starts at the first click or change after `prepare`).
 */
function filterValueChoice(value: Locator, native: boolean, label: string): { prepare: () => Promise<void>; act: () => Promise<void> } {
  const option = value.page().getByRole('option', { name: label, exact: true });
  return {
    prepare: async () => {
      if (native) return;
      await value.click();
      await option.waitFor();
    },
    act: () => (native ? value.selectOption({ label }).then(() => undefined) : option.click()),
  };
}

async function bundleSize(): Promise<string> {
  const assets = join(RENDERER_OUT_DIR, 'assets');
  const files = (await readdir(assets)).filter((file) => file.endsWith('.js') || file.endsWith('.css'));
  let js = 0;
  let jsGzip = 0;
  let css = 0;
  let cssGzip = 0;
  for (const file of files) {
    const content = await readFile(join(assets, file));
    const gzipped = gzipSync(content, { level: 9 }).length;
    if (file.endsWith('.js')) {
      js += content.length;
      jsGzip += gzipped;
    } else {
      css += content.length;
      cssGzip += gzipped;
    }
  }
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
  const development = (await Promise.all(files.filter((file) => file.endsWith('.js')).map((file) => readFile(join(assets, file), 'utf8')))).some(
    (content) => content.includes('jsxDEV'),
  );
  if (development) console.warn('WARNING: out/renderer holds a development build of React: these figures do not count.');
  return `Renderer bundle (out/renderer/assets): JavaScript ${kib(js)}, ${kib(jsGzip)} gzipped; CSS ${kib(css)}, ${kib(cssGzip)} gzipped`;
}

async function measure(page: Page, org: ExpectedFirstRows, url: string): Promise<string[]> {
  const lines: string[] = [];
  const local = page.getByRole('button', { name: 'Open local organization' });
  const account = page.getByRole('button', { name: /^Account: / });

  // Connect → first rows (a sign-out between runs; the first run is a warm-up).
  await page.goto(url);
  const connect: Sample[] = [];
  await profiled(page, 'connect', async () => {
    for (let run = 0; run <= CONNECT_RUNS; run++) {
      await local.waitFor();
      const time = await timeUntilFirstRow(page, org.newestFirst, () => local.click());
      if (run > 0) connect.push(time);
      await account.click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
    }
  });
  lines.push(report('Connect → first rows', connect, FIRST_ROWS_GOAL_MS));
  await local.click();
  await page.locator(FIRST_ROW).first().waitFor();

  // Sort: the Title header toggles ascending / descending.
  const sort: Sample[] = [];
  const titleHeader = page.getByRole('columnheader').filter({ hasText: 'Title' });
  await profiled(page, 'sort', async () => {
    for (let run = 0; run <= INTERACTION_RUNS; run++) {
      const expected = run % 2 === 0 ? org.titleAscending : org.titleDescending;
      const time = await timeUntilFirstRow(page, expected, () => titleHeader.click());
      if (run > 0) sort.push(time);
    }
  });
  lines.push(report('Sort (Title header)', sort, INTERACTION_GOAL_MS));

  // Page change: next / previous, on the newest-first order.
  await columnMenu(page, 'Creation date');
  await page.getByRole('menuitem', { name: 'Sort by DESC' }).click();
  await page.waitForFunction(
    ({ selector, id }) => (globalThis as unknown as InPage).document.querySelector(selector)?.getAttribute('data-id') === id,
    { selector: FIRST_ROW, id: org.newestFirst },
  );
  const pages: Sample[] = [];
  await profiled(page, 'page-change', async () => {
    for (let run = 0; run <= INTERACTION_RUNS; run++) {
      const forward = run % 2 === 0;
      const button = page.getByRole('button', { name: forward ? 'Go to next page' : 'Go to previous page' });
      // The other button's tooltip would cover this one: away from both until it is gone.
      await page.mouse.move(0, 0);
      await page.waitForFunction(() => (globalThis as unknown as InPage).document.querySelector('[role="tooltip"]') === null);
      const time = await timeUntilFirstRow(page, forward ? org.secondPageFirst : org.newestFirst, () => button.click());
      if (run > 0) pages.push(time);
    }
  });
  lines.push(report('Page change (next / previous)', pages, INTERACTION_GOAL_MS));

  // Filter: the Role column's filter, Viewer / Editor in turn.
  await columnMenu(page, 'Role');
  await page.getByRole('menuitem', { name: 'Filter' }).click();
  const value = page.getByRole('combobox', { name: 'Value' });
  await value.waitFor();
  const native = (await value.evaluate((element) => element.tagName)) === 'SELECT';
  const filter: Sample[] = [];
  await profiled(page, 'filter', async () => {
    for (let run = 0; run <= INTERACTION_RUNS; run++) {
      const viewer = run % 2 === 0;
      const choice = filterValueChoice(value, native, viewer ? 'Viewer' : 'Editor');
      const time = await timeUntilFirstRow(page, viewer ? org.viewersNewestFirst : org.editorsNewestFirst, choice.act, choice.prepare);
      if (run > 0) filter.push(time);
    }
  });
  lines.push(report('Filter (Role is …)', filter, INTERACTION_GOAL_MS));
  return lines;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  await ensureRendererBuilt((line) => console.log(line));
  const folder = await mkdtemp(join(tmpdir(), 'keydesk-bench-renderer-'));
  const started = performance.now();
  const org = await prepareBenchOrganization(join(folder, 'organization.db'));
  console.log(`Seeded ${org.keyCount.toLocaleString('en')} API keys in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const preview = await startWebPreview({ port: 0, dbPath: org.dbPath, adminPassword: org.adminPassword, rendererDir: RENDERER_OUT_DIR, userDataDir: join(folder, 'user-data') });
  const executablePath = process.env.KEYDESK_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const lines = await measure(page, await expectedFirstRows(preview.server.url), preview.url);
    console.log(`\nRenderer, ${org.keyCount.toLocaleString('en')} keys, Chromium ${browser.version()}, ${cpus().length} CPUs, load ${loadAtStart.toFixed(2)} → ${(loadavg()[0] ?? 0).toFixed(2)}`);
    for (const line of lines) console.log(line);
    console.log(await bundleSize());
  } finally {
    await browser.close();
    await preview.close();
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
