// How the end-to-end tests start the desktop app: as the app, that is the folder holding
// package.json, the way `electron .` (and electron-vite) starts it. Electron reads
// package.json (productName, version, desktopName, main) only when it is given a folder;
// given out/main/index.js it would run the same code under its own name ("Electron") and
// version, and the tests would check another app than the one users get.
import { fileURLToPath } from 'node:url';

/** The repository root: package.json's `main` is electron-vite's out/main/index.js. */
export const ELECTRON_APP_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** Electron's arguments: the app folder, then Chromium's user-data folder. */
export function electronLaunchArgs(userDataDir: string): string[] {
  return [ELECTRON_APP_DIR, `--user-data-dir=${userDataDir}`];
}
