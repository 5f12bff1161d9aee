// axe-core on what is on screen: no serious or critical violation allowed. On failure the
// message names each rule, its impact, its help text and the offending elements.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const BLOCKING = new Set(['serious', 'critical']);

/** What this file needs of the page's globals (the tests have no DOM types). */
interface PageAnimations {
  document: { getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[] };
}

/**
 * Waits until no finite CSS transition or animation is running: colours measured half-way
 * through a transition (a button fading from disabled to enabled) are not the screen's.
 */
async function transitionsSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        (globalThis as unknown as PageAnimations).document
          .getAnimations()
          .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    // A screen that never settles is checked as it is.
    .catch(() => undefined);
}

/**
 * `within` limits the check to what just opened (a dialog, a menu, a panel): the screen
 * behind it had its own check, and would otherwise report its findings once per dialog.
 */
export async function expectAccessible(page: Page, screen: string, within?: string, options: { soft?: boolean } = {}): Promise<void> {
  await transitionsSettled(page);
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (within) builder.include(within);
  const results = await builder.analyze();
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  const report = blocking
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n');
      return `- ${violation.id} (${violation.impact}): ${violation.help}\n${nodes}`;
    })
    .join('\n');
  // Only rule ids, targets and summaries: a node's HTML could hold a secret (wizard step 2).
  (options.soft ? expect.soft : expect)(blocking.length, `Accessibility violations on ${screen}:\n${report}`).toBe(0);
}
