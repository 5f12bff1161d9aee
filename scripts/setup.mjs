// `npm run setup`: (re)installs everything KeyDesk needs on this machine.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDependencies } from './lib/dependencies.mjs';
import { ensureNode, envWithNode } from './lib/node-runtime.mjs';

try {
  const nodeDir = ensureNode();
  const node = nodeDir ? join(nodeDir, 'bin', 'node') : process.execPath;
  const version = execFileSync(node, ['--version']).toString().trim();
  ensureDependencies(envWithNode(nodeDir), version, console.log, { force: true });
  console.log(`Ready (Node ${version}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
