// Where the Electron binary is, or why there is none. This answers what `require('electron')`
// would, without requiring it: since Electron 45 that require downloads the binary when it
// is missing, which on a machine without GitHub access hangs and then throws.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { path: string } | { path: null; reason: string };

export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, relative || 'electron');
    return existsSync(path) ? { path } : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH names ${path}, which does not exist` };
  }
  if (!relative) {
    return { path: null, reason: 'no Electron binary is installed (node_modules/electron has no path.txt: its download failed or was not possible here)' };
  }
  const path = join(packageDir, 'dist', relative);
  return existsSync(path) ? { path } : { path: null, reason: `no Electron binary is installed (${path} does not exist)` };
}
