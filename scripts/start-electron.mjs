// `npm start`: builds and opens the desktop app, or says plainly why it cannot here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
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
const result = spawnSync('npx', ['electron-vite', 'preview'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
