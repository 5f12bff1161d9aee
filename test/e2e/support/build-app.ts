// Builds what the specs run, in a plain Node process (run with tsx by global-setup.ts):
// vite cannot build inside a Playwright worker, whose module hooks break its own lazy
// imports. The renderer is rebuilt only when its sources changed (the web preview's own
// stamp check); the Electron main and preload only when an Electron binary can run them.
import { spawnSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { ensureRendererBuilt } from '../../../src/web/renderer-build';
import { E2E_RENDERER_DIR } from './e2e-renderer';
import { findElectronBinary } from './electron-binary';

const built = await ensureRendererBuilt((line) => console.log(line));
await rm(E2E_RENDERER_DIR, { recursive: true, force: true });
await cp(built, E2E_RENDERER_DIR, { recursive: true });
if (findElectronBinary().path) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
