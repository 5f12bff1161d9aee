// The desktop host itself, in the `electron` project only (the web preview has no main
// process): the app runs under its own name, its page comes from app://keydesk (Electron's
// security checklist, item 18), the page has no Node, and IPC answers that page. Skipped,
// with the reason, where no Electron binary is installed.
import { readFileSync } from 'node:fs';
import type { KeyDeskApi } from '../../src/shared/ipc-contract';
import { expect, test } from './support/fixtures';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { productName: string; version: string };
type PageGlobals = { keydesk: KeyDeskApi; location: { href: string } };

test.beforeEach(({ hostKind }) => {
  test.skip(hostKind !== 'electron', 'Desktop host checks: the web preview has no Electron main process.');
});

test('runs as KeyDesk, with the version of package.json', async ({ electron }) => {
  const facts = await electron?.app.evaluate(({ app }) => ({ name: app.getName(), version: app.getVersion() }));
  expect(facts).toEqual({ name: pkg.productName, version: pkg.version });
});

test('loads its page from app://keydesk, with no Node in it, and answers it over IPC', async ({ page }) => {
  await page.waitForFunction(() => (globalThis as unknown as Partial<PageGlobals>).keydesk !== undefined);
  const facts = await page.evaluate(async () => {
    const { keydesk, location } = globalThis as unknown as PageGlobals;
    return {
      url: location.href.split('#')[0],
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      appInfo: await keydesk.getAppInfo(),
    };
  });
  expect(facts).toMatchObject({ url: 'app://keydesk/index.html', require: 'undefined', process: 'undefined' });
  expect(facts.appInfo).toMatchObject({ ok: true, value: { name: pkg.productName, version: pkg.version, host: 'electron' } });
});

test('refuses to read files through the page: file:// and paths outside the renderer', async ({ page }) => {
  const statuses = await page.evaluate(async () => {
    const attempt = (url: string) =>
      fetch(url).then(
        (response) => response.status,
        () => 'refused',
      );
    return { packageJson: await attempt('app://keydesk/../../package.json'), file: await attempt('file:///etc/hostname') };
  });
  expect(statuses).toEqual({ packageJson: 404, file: 'refused' });
});
