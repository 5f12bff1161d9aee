// The measured interactions of `npm run bench:renderer`, in a real Chromium page: connect →
// first rows, sort, page change, filter and a combined filter. Each time runs in the page
// (performance.now()) from the click or change that starts the action to the animation
// frame in which the grid's first row is the one the server puts first for that query (that
// frame is then painted), and is split around the listApiKeys bridge call.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ExpectedFirstRows } from './renderer-bench-data';

const CONNECT_RUNS = 7;
const INTERACTION_RUNS = 21;
const FIRST_ROW = '[role="grid"] [role="row"][data-id]';

export type InteractionKind = 'connect' | 'sort' | 'page-change' | 'filter' | 'combined-filter';
export interface Measurement {
  kind: InteractionKind;
  samples: Sample[];
}

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
export interface Sample {
  total: number;
  call: { before: number; call: number; after: number } | null;
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
 * and writes the profile there as `<name>.cpuprofile`; otherwise just runs it.
 */
async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.KEYDESK_BENCH_CPU_PROFILE;
  if (!folder) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
  await cdp.detach();
  return result;
}

async function columnMenu(page: Page, column: string): Promise<void> {
  const header = page.getByRole('columnheader').filter({ hasText: column });
  await header.hover();
  await header.getByRole('button', { name: `${column} column menu` }).click();
}

/**
 * Chooses the Role in the filter bar's editor: opening the editor (from the column menu the
 * first time, then from the criterion's chip) and ticking the role prepare; the click on
 * "Apply" is the measured action.
 */
function roleChoice(page: Page, label: string, first: boolean): { prepare: () => Promise<void>; act: () => Promise<void> } {
  const editor = page.getByRole('form', { name: 'Filter by Role' });
  return {
    prepare: async () => {
      if (first) {
        await columnMenu(page, 'Role');
        await page.getByRole('menuitem', { name: 'Filter by Role…' }).click();
      } else {
        await page.getByRole('region', { name: 'Filters in use' }).getByRole('button', { name: /^Role: / }).click();
      }
      await editor.getByRole('radio', { name: label, exact: true }).check();
    },
    act: () => editor.getByRole('button', { name: 'Apply' }).click(),
  };
}

/** Waits until the grid's first row is the key `id`. */
async function firstRowIs(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    ({ selector, id: expected }) => (globalThis as unknown as InPage).document.querySelector(selector)?.getAttribute('data-id') === expected,
    { selector: FIRST_ROW, id },
  );
}

/**
 * The Role chosen in turn, Viewer then Editor, timed from "Apply" until the first row is the
 * expected one; `firstFromColumnMenu`: the bar has no Role criterion yet (the first run adds
 * it from the column menu). The first run is a warm-up.
 */
async function roleInTurn(page: Page, expected: { viewer: string; editor: string }, firstFromColumnMenu: boolean): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let run = 0; run <= INTERACTION_RUNS; run++) {
    const viewer = run % 2 === 0;
    const choice = roleChoice(page, viewer ? 'Viewer' : 'Editor', firstFromColumnMenu && run === 0);
    const time = await timeUntilFirstRow(page, viewer ? expected.viewer : expected.editor, choice.act, choice.prepare);
    if (run > 0) samples.push(time);
  }
  return samples;
}

/** Runs every kind of interaction on the web preview at `url`, and returns their samples. */
export async function measureInteractions(page: Page, org: ExpectedFirstRows, url: string, keyCount: number): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  // Each count's profiles apart: `<keys>-<kind>.cpuprofile`.
  const profiledAs = <T,>(kind: InteractionKind, work: () => Promise<T>): Promise<T> => profiled(page, `${keyCount}-${kind}`, work);
  const local = page.getByRole('button', { name: 'Open local organization' });
  const account = page.getByRole('button', { name: /^Account: / });

  // Connect → first rows (a sign-out between runs; the first run is a warm-up).
  await page.goto(url);
  const connect: Sample[] = [];
  await profiledAs('connect', async () => {
    for (let run = 0; run <= CONNECT_RUNS; run++) {
      await local.waitFor();
      const time = await timeUntilFirstRow(page, org.newestFirst, () => local.click());
      if (run > 0) connect.push(time);
      await account.click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
    }
  });
  measurements.push({ kind: 'connect', samples: connect });
  await local.click();
  await page.locator(FIRST_ROW).first().waitFor();

  // Sort: the Title header toggles ascending / descending.
  const sort: Sample[] = [];
  const titleHeader = page.getByRole('columnheader').filter({ hasText: 'Title' });
  await profiledAs('sort', async () => {
    for (let run = 0; run <= INTERACTION_RUNS; run++) {
      const expected = run % 2 === 0 ? org.titleAscending : org.titleDescending;
      const time = await timeUntilFirstRow(page, expected, () => titleHeader.click());
      if (run > 0) sort.push(time);
    }
  });
  measurements.push({ kind: 'sort', samples: sort });

  // Page change: next / previous, on the newest-first order.
  await columnMenu(page, 'Creation date');
  await page.getByRole('menuitem', { name: 'Sort descending' }).click();
  await firstRowIs(page, org.newestFirst);
  const pages: Sample[] = [];
  await profiledAs('page-change', async () => {
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
  measurements.push({ kind: 'page-change', samples: pages });

  // Filter: the filter bar's Role (from the column menu, then its chip), Viewer / Editor in turn.
  const filter = await profiledAs('filter', () => roleInTurn(page, { viewer: org.viewersNewestFirst, editor: org.editorsNewestFirst }, true));
  measurements.push({ kind: 'filter', samples: filter });

  // Combined filter: "Last use: not used for 90 days" added from the toolbar's "Filter" (its
  // editor's default), then the Role in turn as above, both criteria evaluated together.
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Last use' }).click();
  await page.getByRole('form', { name: 'Filter by Last use' }).getByRole('button', { name: 'Apply' }).click();
  await firstRowIs(page, org.editorsUnused90NewestFirst);
  const combined = await profiledAs('combined-filter', () => roleInTurn(page, { viewer: org.viewersUnused90NewestFirst, editor: org.editorsUnused90NewestFirst }, false));
  measurements.push({ kind: 'combined-filter', samples: combined });
  return measurements;
}

