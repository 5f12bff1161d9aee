// `npm start` / `npm run dev`: builds and opens the desktop app, or says plainly why it cannot here.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnTool } from './lib/spawn-tool.mjs';

function electronBinary() {
  // Read electron's own path.txt instead of require('electron'): requiring it tries to
  // download the binary, which only prints a stack trace where there is no network.
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
    const path = join(distDir, readFileSync(pathFile, 'utf8').trim());
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.error(
    [
      'KeyDesk cannot open its desktop window on this machine: the Electron binary is not installed',
      '(Electron downloads it from GitHub on first install, and that download failed or was not possible here).',
      '',
      'The same app runs in your browser, against the bundled local organization:',
      '  npm run web -- --auto-connect local',
      '',
      'On a machine with network access, `npm run setup` fetches Electron and `npm start` opens the desktop app.',
    ].join('\n'),
  );
  process.exit(1);
}
// `npm run dev` passes "dev" (dev server, hot reload); `npm start` builds and previews.
const mode = process.argv[2] === 'dev' ? 'dev' : 'preview';
const result = spawnTool('npx', ['electron-vite', mode], { stdio: 'inherit' });
process.exit(result.status ?? 1);
