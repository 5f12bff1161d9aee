// What the installers must keep, checked without building them (no Electron binary here):
// the security settings of electron-builder.yml, the icon, and that "dependencies" holds only
// what the main side loads from node_modules at run time (packaged-layout.test.ts checks the
// built archive itself).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const rootDir = fileURLToPath(new URL('../../', import.meta.url));
const root = (path: string): string => join(rootDir, path);

type Config = {
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  electronFuses: Record<string, boolean>;
  publish: { provider: string }[];
  linux: { target: string[]; desktop: { entry: Record<string, string> }; category: string };
  nsis: Record<string, unknown>;
  mac: { hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; notarize?: unknown; target: { target: string }[] };
  extraMetadata: { desktopName: string };
};
const config = parse(readFileSync(root('electron-builder.yml'), 'utf8')) as Config;

describe('installer security settings', () => {
  it('flips the fuses that turn a packaged KeyDesk into a general-purpose Node runtime off', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('gives file:// pages no extra privileges: the page is served from app:// (Electron checklist item 18)', () => {
    expect(config.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('packs the app in asar, with keytar’s native module outside it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/keytar/**');
  });

  it('signs macOS builds with the hardened runtime and only the JIT exception', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    // Unset means: notarize when the APPLE_* credentials are in the environment.
    expect(config.mac.notarize).toBeUndefined();
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg', 'zip']);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(root(file), 'utf8');
      const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);
      expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    }
  });

  it('installs per user on Windows, in a folder the user may choose', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
  });

  it('builds AppImage, deb and rpm with a desktop entry that matches the window class', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.linux.category).toMatch(/;$/);
    expect(config.linux.desktop.entry.StartupWMClass).toBe(config.extraMetadata.desktopName.replace(/\.desktop$/, ''));
  });

  it('publishes update information', () => {
    expect(config.publish.length).toBeGreaterThan(0);
  });
});

describe('icon', () => {
  it('is a 1024×1024 PNG rendered from build/icon.svg', () => {
    const png = readFileSync(root('build/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    const check = spawnSync(process.execPath, [root('scripts/generate-icons.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Package names of the runtime (non-type) imports of a TypeScript file. */
function runtimeImports(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1] ?? '');
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !builtinModules.includes(specifier))
    .map((specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier)));
}

describe('runtime dependencies', () => {
  // electron-vite leaves the packages of "dependencies" to node_modules and bundles every other
  // import (zod, React, MUI: devDependencies); electron-builder ships "dependencies" with their
  // own trees in app.asar. So "dependencies" is what the main side must load from node_modules:
  // keytar (native code) and electron-updater. Anything else there only weighs on the installers.
  const pkg = JSON.parse(readFileSync(root('package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const mainSide = ['src/main', 'src/preload', 'src/services', 'src/server', 'src/shared'].flatMap((dir) => sourceFiles(root(dir)));
  const imported = new Map<string, string>();
  for (const file of mainSide) for (const name of runtimeImports(readFileSync(file, 'utf8'))) imported.set(name, relative(rootDir, file));

  it('finds the main-side sources and their imports', () => {
    expect(mainSide.length).toBeGreaterThan(0);
    expect(imported.has('keytar')).toBe(true);
  });

  it('lists only packages the main side imports: the renderer’s are bundled by Vite', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !imported.has(name))).toEqual([]);
  });

  it('lists every package the main side imports that cannot be bundled', () => {
    // A .node file cannot go into a bundle; electron-updater reads its own files and app-update.yml.
    for (const name of ['keytar', 'electron-updater']) expect(pkg.dependencies[name], name).toBeDefined();
    for (const [name, where] of imported) {
      if (name === 'electron') continue;
      expect(name in pkg.dependencies || name in pkg.devDependencies, `${where} imports ${name}, which package.json does not list`).toBe(true);
    }
  });
});

describe('GitHub Actions workflow', () => {
  type Step = { uses?: string; run?: string; with?: Record<string, string> };
  const workflow = parse(readFileSync(root('.github/workflows/ci.yml'), 'utf8'), { uniqueKeys: true }) as {
    jobs: Record<string, { strategy: { matrix: { os: string[] } }; steps: Step[] }>;
  };
  const jobs = Object.values(workflow.jobs);
  const steps = jobs.flatMap((job) => job.steps);
  const runs = steps.map((step) => step.run ?? '').join('\n');

  it('tests and packages on Linux, Windows and macOS with the Node of .nvmrc', () => {
    expect(jobs.flatMap((job) => job.strategy.matrix.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version-file']).toBe('.nvmrc');
  });

  it('runs npm ci, npm test (under xvfb with an unlocked keychain on Linux) and npm run dist, in that order', () => {
    const order = ['npm ci', 'xvfb-run', 'npm test', 'npm run dist'].map((command) => runs.indexOf(command));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(runs).toContain('gnome-keyring-daemon --unlock');
    expect(steps.some((step) => step.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
  });
});
