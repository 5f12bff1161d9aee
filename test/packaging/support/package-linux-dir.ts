// Builds the app and packs it the way `npm run dist` does on Linux, but only into the
// unpacked folder (electron-builder `--linux dir`: no AppImage, deb or rpm tool needed), in a
// staging folder, out/packaging-test-*, so that a run leaves the app's own out/main,
// out/preload, out/renderer (which the web preview and other tests serve) and release/ alone:
//   <stage>/app       package.json, package-lock.json, electron-builder.yml and build/ of the
//                     repository; its node_modules as hard links (`cp -al`: a few seconds; a
//                     symbolic link would not do, since electron-builder asks `npm list` for the
//                     production tree and npm does not follow a linked node_modules); and out/
//                     built by electron-vite;
//   <stage>/electron  the stand-in Electron folder (stand-in-electron.ts);
//   <stage>/release   electron-builder's output: release/linux-unpacked.
// Nothing is downloaded (the CI machine reaches only the npm registry and Debian):
// - electronDist names the stand-in, so electron-builder does not fetch Electron's zip;
// - npmRebuild off: rebuilding keytar for Electron would fetch Electron's headers (the
//   keytar.node packed is then the one built for Node, which is fine for a layout check);
// - the Linux `dir` target uses no downloaded tool (AppImage, fpm and rpm would be fetched
//   from GitHub), and the fuses are flipped by @electron/fuses from node_modules;
// - every mirror electron-builder and @electron/get read points at a closed local port, so a
//   future version that tries to download fails at once, naming the URL, instead of hanging.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStandInElectron } from './stand-in-electron';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NOWHERE = 'http://127.0.0.1:9/';

/**
 * What a finished `npm test` in CI leaves in out/ beside electron-vite's output: the e2e copy
 * of the renderer, the type-checker's build info, the web preview's stamp and its build lock.
 * None of it may reach app.asar.
 */
export const LEFTOVERS_IN_OUT = ['e2e-renderer/index.html', 'e2e-renderer/assets/index.js', 'tsc/node.tsbuildinfo', 'renderer/.web-preview-stamp', '.renderer-build.lock/pid'];

export interface PackagedApp {
  stage: string;
  /** The folder electron-builder built: release/linux-unpacked. */
  appOutDir: string;
  /** out/ as electron-vite built it, before packing. */
  builtOut: string;
  /** electron-builder's log, for failure messages. */
  log: string;
  remove(): Promise<void>;
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

export async function packageLinuxDir(): Promise<PackagedApp> {
  // Beside node_modules, on its file system: hard links cannot cross to another one (/tmp may be).
  await mkdir(join(REPO_ROOT, 'out'), { recursive: true });
  const stage = await mkdtemp(join(REPO_ROOT, 'out', 'packaging-test-'));
  const remove = () => rm(stage, { recursive: true, force: true });
  try {
    const app = join(stage, 'app');
    await mkdir(app);
    for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) await cp(join(REPO_ROOT, file), join(app, file));
    await cp(join(REPO_ROOT, 'build'), join(app, 'build'), { recursive: true });
    await run('cp', ['-al', join(REPO_ROOT, 'node_modules'), join(app, 'node_modules')], { cwd: REPO_ROOT });

    const builtOut = join(app, 'out');
    const electronVite = join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    await run(process.execPath, [electronVite, 'build', '--outDir', builtOut, '--logLevel', 'warn'], { cwd: REPO_ROOT });
    for (const leftover of LEFTOVERS_IN_OUT) {
      await mkdir(join(builtOut, leftover, '..'), { recursive: true });
      await cp(join(REPO_ROOT, 'package.json'), join(builtOut, leftover));
    }

    const electronDist = await createStandInElectron(join(stage, 'electron'));
    const release = join(stage, 'release');
    const electronBuilder = join(REPO_ROOT, 'node_modules', 'electron-builder', 'cli.js');
    const log = await run(
      process.execPath,
      [
        electronBuilder,
        '--linux',
        'dir',
        '--x64',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${release}`,
      ],
      {
        cwd: app,
        env: {
          ...process.env,
          ELECTRON_MIRROR: NOWHERE,
          ELECTRON_BUILDER_BINARIES_MIRROR: NOWHERE,
          npm_config_electron_mirror: NOWHERE,
          HTTPS_PROXY: NOWHERE,
          HTTP_PROXY: NOWHERE,
          // electron-builder reads CI and signing variables; none applies to this folder.
          CSC_LINK: '',
          GH_TOKEN: '',
        },
      },
    );
    return { stage, appOutDir: join(release, 'linux-unpacked'), builtOut, log, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
