// Installs KeyDesk's dependencies when they are missing or older than package-lock.json.
// Install scripts are run one by one so that a machine that cannot download
// Electron's binary (or build keytar) still gets a working tree and a clear word.
import { spawnTool } from './spawn-tool.mjs';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const stampFile = join(root, 'node_modules', '.keydesk-setup');

/** Debian packages the tests and keytar's build need; installed only when running as root. */
const DEBIAN_PACKAGES = ['libsecret-1-dev', 'gnome-keyring', 'dbus', 'chromium'];

function stamp(nodeVersion) {
  const lock = existsSync(join(root, 'package-lock.json')) ? readFileSync(join(root, 'package-lock.json')) : '';
  return createHash('sha256').update(lock).update(nodeVersion).digest('hex');
}

function run(cmd, args, env, { allowFailure = false, quietly = false } = {}) {
  const result = spawnTool(cmd, args, { cwd: root, env, stdio: quietly ? 'ignore' : 'inherit' });
  if (result.status !== 0 && !allowFailure) {
    throw new Error(`\`${cmd} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
  }
  return result.status === 0;
}

function quiet(cmd, args, env) {
  return spawnTool(cmd, args, { cwd: root, env, encoding: 'utf8' });
}

export function ensureDebianPackages(env, log = console.log) {
  if (process.platform !== 'linux' || quiet('dpkg', ['--version'], env).status !== 0) return;
  const missing = DEBIAN_PACKAGES.filter(
    (name) => !/install ok installed/.test(quiet('dpkg-query', ['-W', '-f=${Status}', name], env).stdout ?? ''),
  );
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    log(`Some system packages are missing: ${missing.join(', ')}.`);
    log(`Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    return;
  }
  log(`Installing system packages: ${missing.join(', ')} …`);
  run('apt-get', ['update', '-qq'], env);
  run('apt-get', ['install', '-y', '-qq', ...missing], { ...env, DEBIAN_FRONTEND: 'noninteractive' });
}

export function ensureDependencies(env, nodeVersion, log = console.log, { force = false } = {}) {
  const wanted = stamp(nodeVersion);
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return;
  ensureDebianPackages(env, log);
  log('Installing dependencies …');
  // `npm ci` only into an empty tree: it deletes node_modules first, which would pull the
  // floor from under a dev server or test run using this tree. An existing tree is updated.
  const clean = existsSync(join(root, 'package-lock.json')) && !existsSync(join(root, 'node_modules'));
  // --include=dev: the renderer's packages and zod are devDependencies (Vite bundles them; only
  // what the main bundles import at run time is in "dependencies", which is what the installers
  // ship), so a machine with NODE_ENV=production or omit=dev must still get them.
  run('npm', [clean ? 'ci' : 'install', '--include=dev', '--ignore-scripts', '--no-audit'], env);
  run('npm', ['rebuild', 'esbuild'], env, { allowFailure: true });
  if (!run('npm', ['rebuild', 'keytar'], env, { allowFailure: true })) {
    log(
      'keytar (the OS keychain) could not be built: on Debian/Ubuntu install libsecret-1-dev, then run `npm run setup` again. ' +
        'Until then KeyDesk offers session-only connections that store nothing.',
    );
  }
  // Electron's own error is a bare stack trace; the sentence below says what it means.
  if (!run('node', [join(root, 'node_modules', 'electron', 'install.js')], env, { allowFailure: true, quietly: true })) {
    log(
      'The Electron binary could not be downloaded on this machine, so `npm start` cannot open the desktop window here. ' +
        'Everything else works, and `npm run web -- --auto-connect local` runs the same app in your browser.',
    );
  }
  writeFileSync(stampFile, wanted);
}
