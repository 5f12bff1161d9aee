// The `electron` Playwright project starts the app the way `electron .` does. Electron's
// default app reads package.json only when given a folder (default_app/main.ts,
// loadApplicationPackage): productName becomes app.name, version app.getVersion(), and
// `main` the entry. Given a file, the app would run as "Electron" with Electron's version.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_APP_DIR, electronLaunchArgs } from '../e2e/support/electron-app';

describe('the end-to-end tests launch KeyDesk as an app', () => {
  const [appArgument, ...rest] = electronLaunchArgs('/tmp/user-data');
  const packageJsonPath = join(appArgument ?? '', 'package.json');

  it('pass Electron the folder holding package.json, not a script', () => {
    expect(appArgument && statSync(appArgument).isDirectory()).toBe(true);
    expect(existsSync(packageJsonPath)).toBe(true);
    expect(rest).toEqual(['--user-data-dir=/tmp/user-data']);
  });

  it('whose package.json names KeyDesk and points at the main bundle electron-vite builds', () => {
    const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { productName?: string; version?: string; main?: string };
    expect(pkg.productName).toBe('KeyDesk');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(resolve(ELECTRON_APP_DIR, pkg.main ?? '')).toBe(join(ELECTRON_APP_DIR, 'out', 'main', 'index.js'));
  });
});
