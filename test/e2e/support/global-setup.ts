// Before any spec: the renderer (and, where Electron can run, the whole app) is built
// once, in a child process (see build-app.ts for why not here).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function globalSetup(): void {
  const script = fileURLToPath(new URL('./build-app.ts', import.meta.url));
  const result = spawnSync('npx', ['tsx', script], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`Building the app for the end-to-end tests failed (exit code ${result.status}).`);
}
