// The real renderer in real Chromium against the web preview: window.keydesk is installed
// by the page itself (src/renderer/src/platform) and reaches the real services; copies land
// on the browser's clipboard. Skips, saying why, where no Chromium is installed.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyDeskApi } from '../../src/shared/ipc-contract';
import { startWebPreview, type WebPreview } from '../../src/web/start-web-preview';
import { daysFrom } from '../server/server-test-client';

const CHROMIUM = [process.env.KEYDESK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
type PageGlobals = { keydesk: KeyDeskApi; navigator: { clipboard: { readText(): Promise<string> } } };

describe.skipIf(!CHROMIUM)(`web preview in Chromium${CHROMIUM ? '' : ' — skipped: no Chromium at $KEYDESK_CHROMIUM, /usr/bin/chromium or /usr/bin/chromium-browser'}`, () => {
  let preview: WebPreview;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    preview = await startWebPreview({ port: 0, autoConnect: 'local' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: preview.url.replace(/\/$/, '') });
    page = await context.newPage();
    await page.goto(preview.url);
    await page.waitForFunction(() => (globalThis as unknown as Partial<PageGlobals>).keydesk !== undefined);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('gives the page no Node and a window.keydesk with exactly the contract’s methods', async () => {
    const facts = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      methods: Object.keys((globalThis as unknown as PageGlobals).keydesk).sort(),
    }));
    expect(facts.require).toBe('undefined');
    expect(facts.process).toBe('undefined');
    expect(facts.methods).toContain('listApiKeys');
    expect(facts.methods).toContain('onMenuCommand');
  });

  it('finds the session opened by --auto-connect and lists the keys', async () => {
    const session = await page.evaluate(() => (globalThis as unknown as PageGlobals).keydesk.getSession());
    expect(session).toMatchObject({ ok: true, value: { kind: 'local' } });
    const keys = await page.evaluate(() => (globalThis as unknown as PageGlobals).keydesk.listApiKeys({}));
    expect(keys.ok && keys.value.page.totalElements).toBeGreaterThanOrEqual(25);
  });

  it('copies to the browser’s clipboard, a new key’s secret included', async () => {
    const copied = await page.evaluate(async () => {
      const { keydesk, navigator } = globalThis as unknown as PageGlobals;
      const result = await keydesk.copyText({ text: 'admin@demo.local' });
      return { result, clipboard: await navigator.clipboard.readText() };
    });
    expect(copied).toEqual({ result: { ok: true, value: { clearsAfterSeconds: null } }, clipboard: 'admin@demo.local' });

    const secret = await page.evaluate(async (expirationDate) => {
      const { keydesk, navigator } = globalThis as unknown as PageGlobals;
      const created = await keydesk.createApiKey({ title: 'Browser copy', role: 'ORG_VIEWER', expirationDate, idempotencyKey: crypto.randomUUID() });
      if (!created.ok) return { error: created.error.code };
      const result = await keydesk.copySecret({ apiKeyId: created.value.apiKey.id });
      const onClipboard = await navigator.clipboard.readText();
      await keydesk.forgetSecret({ apiKeyId: created.value.apiKey.id });
      await keydesk.deleteApiKey({ id: created.value.apiKey.id, resources: { kind: 'nothing-owned' } });
      return { result, same: onClipboard === created.value.secret };
    }, daysFrom(new Date(), 180));
    // The copy resolves without the secret: only the clipboard holds it.
    expect(secret).toEqual({ result: { ok: true, value: { clearsAfterSeconds: 60 } }, same: true });
  });

  it('has no application menu: onMenuCommand subscribes to nothing', async () => {
    const kind = await page.evaluate(() => typeof (globalThis as unknown as PageGlobals).keydesk.onMenuCommand(() => undefined));
    expect(kind).toBe('function');
  });
});
