// `node scripts/with-node.mjs SCRIPT [args…]`: runs `npm run SCRIPT` under a Node that
// suits KeyDesk, installing it and the dependencies first when they are missing.
// This is what lets the README's two commands work on a fresh machine.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDependencies } from './lib/dependencies.mjs';
import { ensureNode, envWithNode } from './lib/node-runtime.mjs';
import { spawnTool } from './lib/spawn-tool.mjs';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/with-node.mjs SCRIPT [args…]');
  process.exit(2);
}
try {
  const nodeDir = ensureNode();
  const env = envWithNode(nodeDir);
  const node = nodeDir ? join(nodeDir, 'bin', 'node') : process.execPath;
  const version = nodeDir ? execFileSync(node, ['--version']).toString().trim() : process.version;
  ensureDependencies(env, version);
  // `--` before the arguments: without it npm would take `--keys 1000` as its own options.
  const result = spawnTool('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], { env, stdio: 'inherit' });
  process.exit(result.status ?? 1);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
