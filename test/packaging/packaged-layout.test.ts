// What the installed app holds, read from a real electron-builder build of the Linux folder
// (package-linux-dir.ts: `--linux dir` around a stand-in Electron folder, nothing
// downloaded). This tests the packaged layout and electron-builder's work on it (files,
// asar, unpacked keytar, update file, fuses), not Electron: nothing here runs Electron.
// Linux only: Windows and macOS CI build their real installers with `npm run dist`.
import { fork } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { generateDemoPassword, localOrganizationDbPath } from '../../src/main/local-organization-protocol';
import { listeningMessageSchema, utilityProcessArgs, utilityProcessEnv } from '../../src/shared/utility-process-protocol';
import { AdminClient } from '../e2e/support/rest-client';
import { LEFTOVERS_IN_OUT, REPO_ROOT, packageLinuxDir, type PackagedApp } from './support/package-linux-dir';
import { STAND_IN_DEFAULT_FUSES } from './support/stand-in-electron';

/**
 * app.asar's size budget. Measured at 5.85 MB (5.58 MiB) once only electron-updater and keytar
 * were runtime dependencies: the renderer bundle and its fonts 2.16 MB, the main and
 * utility-process bundles 0.36 MB, the preload 0.19 MB, electron-updater's run-time tree
 * 2.12 MB (js-yaml 0.95 MB of it), keytar's declared dependencies 0.88 MB (its install-time
 * tools, which npm says it needs). It was 11.6 MB with zod still a dependency (5.8 MB of zod's
 * sources and locales for the 0.2 MB the bundles use), more with the renderer's packages.
 * 7 MiB leaves 1.4 MiB for the app to grow, and fails as soon as a package tree the bundles do
 * not need comes back (zod alone would cross it).
 */
const APP_ASAR_BUDGET_BYTES = 7 * 1024 * 1024;

const appBuilderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
// electron-builder's own copies: what it packs and flips with.
const asar = appBuilderRequire('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  statFile(archive: string, filename: string): { size?: number; unpacked?: boolean; files?: object };
  extractFile(archive: string, filename: string): Buffer;
  extractAll(archive: string, destination: string): void;
};
const fuses = appBuilderRequire('@electron/fuses') as {
  getCurrentFuseWire(path: string): Promise<Record<string, number | string>>;
  FuseV1Options: Record<string, number | string>;
};

type BuilderConfig = { electronFuses: Record<string, boolean>; publish: { provider: string; owner: string; repo: string }[]; linux: { executableName: string } };
const config = parse(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const repoPackage = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; main: string };

let packaged: PackagedApp;
let archive: string;
let entries: string[];

/** Packages that the built bundles import and leave to node_modules (bare specifiers, neither Node's nor Electron's). */
function bareImports(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"'.][^"']*)["']/g)].map((match) => match[1] ?? '');
  return specifiers
    .filter((specifier) => specifier !== 'electron' && !specifier.startsWith('node:') && !builtinModules.includes(specifier))
    .map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
}

/** A package and what it depends on at run time, as npm installs it (package.json `dependencies`). */
function runtimeClosure(roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    pending.push(...Object.keys(manifest.dependencies ?? {}));
  }
  return seen;
}

const inAsar = (path: string): string => asar.extractFile(archive, path).toString('utf8');

describe.skipIf(process.platform !== 'linux')(`the packaged app (electron-builder --linux dir)${process.platform === 'linux' ? '' : ' — skipped: Linux only'}`, () => {
  beforeAll(async () => {
    packaged = await packageLinuxDir();
    archive = join(packaged.appOutDir, 'resources', 'app.asar');
    entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.replace(/^[\\/]/, '').replaceAll('\\', '/'));
  }, 240_000);

  afterAll(() => packaged?.remove());

  describe('app.asar and its folder', () => {

    const files = (): string[] => entries.filter((entry) => !asar.statFile(archive, entry).files);
    const appFiles = (): string[] => files().filter((entry) => !entry.startsWith('node_modules/'));

    it('downloaded nothing, and built the folder an installer wraps', () => {
      expect(packaged.log).not.toMatch(/download/i);
      expect(statSync(join(packaged.appOutDir, config.linux.executableName)).isFile()).toBe(true);
      expect(statSync(archive).isFile()).toBe(true);
    });

    it('holds the main process, the utility-process entry and every chunk they import', () => {
      const main = appFiles().filter((entry) => entry.startsWith('out/main/'));
      expect(main).toEqual(expect.arrayContaining(['out/main/index.js', 'out/main/utility-process.js']));
      for (const entry of ['out/main/index.js', 'out/main/utility-process.js']) {
        const chunks = [...inAsar(entry).matchAll(/from\s*["'](\.\/chunks\/[^"']+)["']/g)].map((match) => posix.join('out/main', match[1] ?? ''));
        for (const chunk of chunks) expect(main, `${entry} imports ${chunk}`).toContain(chunk);
      }
      // package.json's main is what Electron runs.
      expect(posix.normalize(JSON.parse(inAsar('package.json')).main as string)).toBe(posix.normalize(repoPackage.main));
    });

    it('holds the sandboxed preload as one CommonJS file that requires nothing but electron', () => {
      expect(appFiles().filter((entry) => entry.startsWith('out/preload/'))).toEqual(['out/preload/index.cjs']);
      const preload = inAsar('out/preload/index.cjs');
      expect([...preload.matchAll(/\brequire\s*\(\s*["']([^"']+)["']/g)].map((match) => match[1])).toEqual(['electron']);
      expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    });

    it('holds the renderer: its page and every file the page names', () => {
      const html = inAsar('out/renderer/index.html');
      const named = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => posix.join('out/renderer', match[1] ?? ''));
      expect(named.length).toBeGreaterThan(1);
      for (const file of named) expect(appFiles(), file).toContain(file);
    });

    it('holds exactly what electron-vite built and package.json: no test output, no hidden file, no source', () => {
      const built = (dir: string): string[] =>
        readdirSync(join(packaged.builtOut, dir), { recursive: true, encoding: 'utf8' })
          .filter((path) => statSync(join(packaged.builtOut, dir, path)).isFile())
          .map((path) => posix.join('out', dir, path.replaceAll('\\', '/')))
          .filter((path) => !path.split('/').some((part) => part.startsWith('.')));
      expect(appFiles().sort()).toEqual([...built('main'), ...built('preload'), ...built('renderer'), 'package.json'].sort());
      for (const leftover of LEFTOVERS_IN_OUT) expect(entries).not.toContain(`out/${leftover}`);
    });

    it('ships in node_modules exactly the run-time tree of the packages the bundles import', () => {
      const imported = new Set(['out/main/index.js', 'out/main/utility-process.js', ...appFiles().filter((entry) => /^out\/main\/chunks\/.*\.js$/.test(entry))].flatMap((entry) => bareImports(inAsar(entry))));
      // The two the main process loads at run time; everything else is bundled.
      expect([...imported].sort()).toEqual(Object.keys(repoPackage.dependencies).sort());
      const shipped = new Set(
        entries.filter((entry) => /^node_modules\/(@[^/]+\/)?[^/@]+$/.test(entry) && asar.statFile(archive, entry).files).map((entry) => entry.replace(/^node_modules\//, '')),
      );
      expect([...shipped].sort()).toEqual([...runtimeClosure(imported)].sort());
      for (const rendererOnly of ['react', 'react-dom', '@mui/material', '@emotion/react', '@babel/runtime', 'i18next', 'zustand', 'dayjs', 'zod']) {
        expect(shipped.has(rendererOnly), `${rendererOnly} is bundled by Vite and must not be shipped`).toBe(false);
      }
    });

    it('unpacks keytar’s native module beside app.asar, where Electron can load it', () => {
      expect(asar.statFile(archive, 'node_modules/keytar/build/Release/keytar.node').unpacked).toBe(true);
      expect(statSync(join(packaged.appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node')).isFile()).toBe(true);
    });

    it('carries app-update.yml with the publish settings, for electron-updater', () => {
      const update = parse(readFileSync(join(packaged.appOutDir, 'resources', 'app-update.yml'), 'utf8')) as Record<string, string>;
      const [publish] = config.publish;
      expect(update).toMatchObject({ provider: publish?.provider, owner: publish?.owner, repo: publish?.repo });
    });

    it('flips the fuses electron-builder.yml sets, grantFileProtocolExtraPrivileges included', async () => {
      const wire = await fuses.getCurrentFuseWire(join(packaged.appOutDir, config.linux.executableName));
      const names: Record<string, string> = {
        runAsNode: 'RunAsNode',
        enableCookieEncryption: 'EnableCookieEncryption',
        enableNodeOptionsEnvironmentVariable: 'EnableNodeOptionsEnvironmentVariable',
        enableNodeCliInspectArguments: 'EnableNodeCliInspectArguments',
        enableEmbeddedAsarIntegrityValidation: 'EnableEmbeddedAsarIntegrityValidation',
        onlyLoadAppFromAsar: 'OnlyLoadAppFromAsar',
        grantFileProtocolExtraPrivileges: 'GrantFileProtocolExtraPrivileges',
      };
      const state = (fuse: string): string => String.fromCharCode(Number(wire[String(fuses.FuseV1Options[fuse])]));
      for (const [key, fuse] of Object.entries(names)) {
        expect(state(fuse), key).toBe(config.electronFuses[key] ? '1' : '0');
      }
      expect(state('RunAsNode')).toBe('0');
      expect(state('GrantFileProtocolExtraPrivileges')).toBe('0');
      // The stand-in started from Electron's defaults, so the flips above are electron-builder's work.
      expect(STAND_IN_DEFAULT_FUSES[Number(fuses.FuseV1Options.GrantFileProtocolExtraPrivileges)]).toBe('1');
    });

    it(`keeps app.asar under its budget (${APP_ASAR_BUDGET_BYTES / 1024 / 1024} MiB)`, () => {
      const size = statSync(archive).size;
      console.log(`app.asar: ${(size / 1024 / 1024).toFixed(2)} MiB (budget ${APP_ASAR_BUDGET_BYTES / 1024 / 1024} MiB)`);
      expect(size).toBeLessThanOrEqual(APP_ASAR_BUDGET_BYTES);
    });
  });

  describe('the local organization, started as the packaged app starts it', () => {
    // src/main/local-organization.main.ts forks out/main/utility-process.js from app.asar with
    // utilityProcessArgs and utilityProcessEnv, stdout ignored and stderr piped, then waits for
    // the `listening` message. Here the same entry runs from app.asar's contents extracted to a
    // folder (Node reads no asar), under Node 24 (Electron 45's Node) with the parent-port
    // stand-in in place of Electron's process.parentPort: this tests the entry, its chunks, its
    // arguments and environment and its messages, not Electron's utilityProcess.
    const standIn = fileURLToPath(new URL('./support/parent-port-stand-in.mjs', import.meta.url));

    it('listens on loopback with the demo organization, answers the REST API as its admin, and stops on request', { timeout: 60_000 }, async () => {
      // Outside the repository, so that no node_modules above it can supply what app.asar lacks.
      const contents = await mkdtemp(join(tmpdir(), 'keydesk-app-asar-'));
      onTestFinished(() => rm(contents, { recursive: true, force: true }));
      for (let dir = dirname(contents); dir !== dirname(dir); dir = dirname(dir)) expect(existsSync(join(dir, 'node_modules')), dir).toBe(false);
      asar.extractAll(archive, contents);
      const userData = join(packaged.stage, 'user-data');
      const dbPath = localOrganizationDbPath(userData);
      await mkdir(join(dbPath, '..'), { recursive: true });
      const adminPassword = generateDemoPassword();
      // The packaged app's fuses turn NODE_OPTIONS off; nothing from this test's Node leaks in either.
      const { NODE_OPTIONS: _options, NODE_PATH: _path, ...baseEnv } = process.env;
      const child = fork(join(contents, 'out', 'main', 'utility-process.js'), utilityProcessArgs({ dbPath }), {
        env: utilityProcessEnv({ adminPassword }, baseEnv),
        execArgv: ['--import', pathToFileURL(standIn).href],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        const message = await Promise.race([
          new Promise<unknown>((resolve) => child.once('message', resolve)),
          exited.then((code) => Promise.reject(new Error(`the utility process exited (${code}) before listening:\n${stderr}`))),
        ]);
        const listening = listeningMessageSchema.parse(message);
        expect(new URL(listening.url).hostname).toBe('127.0.0.1');
        expect(listening.demo?.adminPassword).toBe(adminPassword);
        const { adminEmail, organizationId } = listening.demo ?? { adminEmail: '', organizationId: '' };

        const admin = await AdminClient.signIn(listening.url, adminEmail, adminPassword, organizationId);
        expect((await admin.listKeys()).page.totalElements).toBeGreaterThanOrEqual(25);
        expect(existsSync(dbPath)).toBe(true);

        child.send({ type: 'stop' });
        expect(await exited).toBe(0);
        expect(stderr).not.toContain(adminPassword);
      } finally {
        child.kill();
      }
    });
  });
});
