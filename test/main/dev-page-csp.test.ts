// `npm run dev`: the page the Vite dev server really sends (started with electron-vite's own
// resolved renderer config, as `electron-vite dev` starts it), in real Chromium, with the CSP
// header the main process adds to it. Chromium stands in for Electron's window here (no
// Electron binary on this machine): the route below adds the header as main's
// webRequest.onHeadersReceived does, to the document only. With the built page's policy
// (what main sent before) the inline React preamble is refused and #root stays empty.
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { resolveConfig } from 'electron-vite';
import { createServer, mergeConfig, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageContentSecurityPolicy, withContentSecurityPolicy } from '../../src/main/content-security-policy';
import { resolveRendererLocation } from '../../src/main/renderer-location';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';
import { PROJECT_ROOT } from '../../src/web/renderer-build';

const CHROMIUM = [process.env.KEYDESK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));

let server: ViteDevServer;
let pageUrl: string;
let devScriptHashes: string[];
let browser: Browser | undefined;

/** electron-vite's config as `electron-vite dev` resolves it (it sets these two variables first). */
async function devConfig() {
  const saved = { NODE_ENV: process.env.NODE_ENV, NODE_ENV_ELECTRON_VITE: process.env.NODE_ENV_ELECTRON_VITE };
  process.env.NODE_ENV_ELECTRON_VITE = 'development';
  try {
    return (await resolveConfig({ root: PROJECT_ROOT, logLevel: 'silent' }, 'serve', 'development')).config;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
}

beforeAll(async () => {
  const config = await devConfig();
  if (!config?.renderer || !config.main?.define) throw new Error('electron.vite.config.ts lost its renderer config or the main define');
  devScriptHashes = JSON.parse(String(config.main.define.__KEYDESK_DEV_PAGE_SCRIPT_HASHES__)) as string[];
  const port = await freePort();
  server = await createServer(mergeConfig(config.renderer, { logLevel: 'silent', server: { host: '127.0.0.1', port, strictPort: true } }));
  await server.listen();
  pageUrl = `http://127.0.0.1:${port}/`;
  if (CHROMIUM) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A free loopback port: with port 0, Vite's HMR client would dial ws://…:0, another origin than the page. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const sha256Source = (script: string): string => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

describe('the dev page’s CSP', () => {
  it('allows by hash exactly the inline scripts the dev server sends, and no other', async () => {
    const html = await (await fetch(pageUrl)).text();
    const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.map(sha256Source).sort()).toEqual([...devScriptHashes].sort());
  });

  describe.skipIf(!CHROMIUM)(`in Chromium${CHROMIUM ? '' : ' — skipped: no Chromium at $KEYDESK_CHROMIUM, /usr/bin/chromium or /usr/bin/chromium-browser'}`, () => {
    type RootGlobals = { document: { getElementById(id: string): { childElementCount: number } | null } };

    /** Loads the dev page with `policy` as its CSP header: whether React mounted, or the page error that stopped it. */
    async function open(policy: string): Promise<{ outcome: string; rootChildren: number; violations: string[] }> {
      const context = await (browser as Browser).newContext();
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.route(pageUrl, async (route) => {
        const response = await route.fetch();
        const headers = withContentSecurityPolicy(
          Object.fromEntries(Object.entries(response.headers()).map(([name, value]) => [name, [value]])),
          policy,
        );
        await route.fulfill({ response, headers: Object.fromEntries(Object.entries(headers).map(([name, values]) => [name, values.join(', ')])) });
      });
      const mounted = page
        .waitForFunction(() => (globalThis as unknown as RootGlobals).document.getElementById('root')?.childElementCount, undefined, { timeout: 60_000 })
        .then(() => 'mounted');
      const failed = page.waitForEvent('pageerror', { timeout: 60_000 }).then((error) => `page error: ${error.message}`);
      await page.goto(pageUrl);
      const outcome = await Promise.race([mounted, failed]).catch(() => 'neither mounted nor failed in 60 s');
      const rootChildren = await page.evaluate(() => (globalThis as unknown as RootGlobals).document.getElementById('root')?.childElementCount ?? 0);
      await context.close();
      await Promise.allSettled([mounted, failed]);
      return { outcome, rootChildren, violations };
    }

    it('lets React mount under the policy main sends to the dev page, with no violation', { timeout: 120_000 }, async () => {
      const devLocation = resolveRendererLocation({ rendererDir: '/unused', devServerUrl: pageUrl, isDevelopment: true });
      const result = await open(pageContentSecurityPolicy(devLocation, devScriptHashes));
      expect(result.outcome).toBe('mounted');
      expect(result.violations).toEqual([]);
    });

    it('shows a blank window under the built page’s policy (what main used to send): the check can fail', { timeout: 120_000 }, async () => {
      const result = await open(CONTENT_SECURITY_POLICY);
      expect(result.outcome).toMatch(/^page error: .*preamble/);
      expect(result.rootChildren).toBe(0);
      expect(result.violations.join('\n')).toMatch(/inline script/);
    });
  });
});
