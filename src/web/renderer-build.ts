// The web preview serves the same renderer the app loads, built by vite with the
// renderer config of electron.vite.config.ts into out/renderer. A build is skipped when
// a stamp of every input (path, size, mtime) matches the last one; concurrent starts
// (tests, a second preview) wait for each other on a lock folder.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_OUT_DIR = join(PROJECT_ROOT, 'out', 'renderer');
const STAMP_FILE = '.web-preview-stamp';
const LOCK_DIR = join(PROJECT_ROOT, 'out', '.renderer-build.lock');
const STALE_LOCK_MS = 5 * 60_000;
const INPUTS = ['src/renderer', 'src/shared', 'electron.vite.config.ts', 'package.json', 'tsconfig.web.json'];

async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => listFiles(join(path, entry.name))));
  return nested.flat();
}

/** Cheap fingerprint of the renderer's inputs: no file is read. */
async function rendererInputStamp(): Promise<string> {
  const files = (await Promise.all(INPUTS.map((input) => listFiles(join(PROJECT_ROOT, input))))).flat().sort();
  const hash = createHash('sha256');
  // Part of the stamp, so that builds made before it (possibly development ones) are redone.
  hash.update('production\n');
  for (const file of files) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const info = await stat(file);
    hash.update(`${relative(PROJECT_ROOT, file)}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

async function isUpToDate(stamp: string): Promise<boolean> {
  if (!existsSync(join(RENDERER_OUT_DIR, 'index.html'))) return false;
  const saved = await readFile(join(RENDERER_OUT_DIR, STAMP_FILE), 'utf8').catch(() => null);
  return saved === stamp;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock left by a build that died (its owner is gone, or it is very old) is taken over. */
async function isStale(): Promise<boolean> {
  const owner = Number(await readFile(join(LOCK_DIR, 'pid'), 'utf8').catch(() => 'NaN'));
  if (Number.isInteger(owner) && owner > 0) return !isAlive(owner);
  const held = await stat(LOCK_DIR).catch(() => null);
  return held !== null && Date.now() - held.mtimeMs > STALE_LOCK_MS;
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(join(PROJECT_ROOT, 'out'), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK_DIR);
      await writeFile(join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch {
      if (await isStale()) await rm(LOCK_DIR, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK_DIR, { recursive: true, force: true });
  }
}

/**
 * A production build of the renderer into `outDir`. `minify: false` keeps the names of
 * functions and components, for CPU profiles that can be read (`npm run bench:renderer`).
 */
export async function buildRenderer({ outDir, minify = true }: { outDir: string; minify?: boolean }): Promise<void> {
  const [{ build: viteBuild }, { default: config }] = await Promise.all([import('vite'), import('../../electron.vite.config')]);
  if (typeof config !== 'object' || !('renderer' in config) || !config.renderer) throw new Error('electron.vite.config.ts has no renderer config.');
  const renderer = config.renderer;
  // Vite and the React plugin follow NODE_ENV: a build started from vitest (NODE_ENV=test)
  // would otherwise bundle React's development build, several times slower, and the stamp
  // would then serve it to every later preview.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({
      ...renderer,
      mode: 'production',
      configFile: false,
      // Relative asset URLs, as electron-vite builds them for file:// (the same out/renderer serves both).
      base: './',
      logLevel: 'warn',
      // One local bundle, never downloaded over a network: its size is no concern here.
      build: { ...renderer.build, outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000, ...(minify ? {} : { minify: false }) },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Builds the renderer unless out/renderer is already the build of the current sources. */
export async function ensureRendererBuilt(log: (line: string) => void = () => undefined): Promise<string> {
  if (await isUpToDate(await rendererInputStamp())) return RENDERER_OUT_DIR;
  return withLock(async () => {
    const stamp = await rendererInputStamp();
    if (await isUpToDate(stamp)) return RENDERER_OUT_DIR;
    log('Building the renderer (vite)…');
    await buildRenderer({ outDir: RENDERER_OUT_DIR });
    await writeFile(join(RENDERER_OUT_DIR, STAMP_FILE), stamp);
    return RENDERER_OUT_DIR;
  });
}
