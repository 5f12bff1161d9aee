// Which files electron-builder would put in app.asar, decided by its own file matcher (the
// code `npm run dist` runs) with electron-builder.yml's `files`, without building anything.
// packaged-layout.test.ts builds the Linux folder and checks the whole archive, node_modules
// included; this one names the cases in a second.
import { readFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const rootDir = fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]$/, '');
const config = parse(readFileSync(join(rootDir, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

type Filter = (file: string, stat: Stats) => boolean;
type Matcher = { createFilter(): Filter };
const { getMainFileMatchers } = require('app-builder-lib/out/fileMatcher.js') as {
  getMainFileMatchers(appDir: string, destination: string, expand: (text: string) => string, platformOptions: object, packager: object, outDir: string, isElectronCompile: boolean): Matcher[];
};

// The few fields of electron-builder's Packager that the matchers read.
const info = { projectDir: rootDir, buildResourcesDir: 'build', isPrepackedAppAsar: false, config, debugLogger: { isEnabled: false } };
const expand = (text: string): string => text;
const mainFilter = getMainFileMatchers(rootDir, '/app', expand, {}, { info }, join(rootDir, 'release'), false)[0]?.createFilter();

const file = { isDirectory: () => false } as Stats;
const packs = (filter: Filter | undefined, path: string): boolean => filter?.(join(rootDir, ...path.split('/')), file) ?? false;

describe('files packed into app.asar', () => {
  it.each(['out/main/index.js', 'out/main/utility-process.js', 'out/main/chunks/cli-flags.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index.js', 'package.json'])('packs %s', (path) => {
    expect(packs(mainFilter, path)).toBe(true);
  });

  it.each([
    'src/main/index.ts',
    'test/packaging/packaged-files.test.ts',
    'docs/INSTALL.md',
    'scripts/audit-electron.mjs',
    'out/tsc/node.tsbuildinfo',
    'electron-builder.yml',
    'build/icon.png',
    'release/KeyDesk-0.1.0.AppImage',
    'README.md',
    // What `npm test` leaves in out/: the e2e copy of the renderer, the web preview's stamp and lock.
    'out/e2e-renderer/index.html',
    'out/e2e-renderer/assets/index.js',
    'out/renderer/.web-preview-stamp',
    'out/.renderer-build.lock/pid',
    'out/some-other-output.js',
  ])('leaves out %s', (path) => {
    expect(packs(mainFilter, path)).toBe(false);
  });
});
