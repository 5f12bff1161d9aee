// One-off (not committed): profile an unminified production build.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startWebPreview } from '../../src/web/start-web-preview';
import { expectedFirstRows, prepareBenchOrganization } from './renderer-bench-data';
import { measureInteractions } from './renderer-bench-page';

const outDir = process.env.UNMIN_DIR ?? '/tmp/grid-unmin';
const keys = Number(process.env.KEYS ?? 1000);
if (!process.env.SKIP_BUILD) {
  const [{ build }, { default: config }] = await Promise.all([import('vite'), import('../../electron.vite.config')]);
  const renderer = (config as { renderer: Record<string, unknown> & { build: object } }).renderer;
  process.env.NODE_ENV = 'production';
  await build({ ...renderer, mode: 'production', configFile: false, base: './', logLevel: 'warn', build: { ...renderer.build, outDir, emptyOutDir: true, minify: false } });
}
const folder = await mkdtemp(join(tmpdir(), 'keydesk-prof-'));
const org = await prepareBenchOrganization(join(folder, 'o.db'), keys);
const preview = await startWebPreview({ port: 0, dbPath: org.dbPath, adminPassword: org.adminPassword, rendererDir: outDir, userDataDir: join(folder, 'u') });
const executablePath = ['/usr/bin/chromium'].find((p) => existsSync(p));
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
const m = await measureInteractions(page, await expectedFirstRows(preview.server.url), preview.url, keys);
for (const x of m) console.log(x.kind, x.samples.map((s) => Math.round(s.total)).sort((a, b) => a - b).join(' '));
await browser.close();
await preview.close();
