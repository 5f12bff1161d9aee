// Runs the Playwright specs. Playwright's own browser download cannot work on machines
// without general network access, so a system Chromium is used when there is one;
// elsewhere Playwright's browser is fetched first.
import { existsSync } from 'node:fs';
import { spawnTool } from './lib/spawn-tool.mjs';

const candidates = [process.env.KEYDESK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const chromium = candidates.find((path) => existsSync(path));
const env = { ...process.env };
if (chromium) {
  env.KEYDESK_CHROMIUM = chromium;
} else {
  console.log('No system Chromium found: installing Playwright’s own Chromium.');
  const install = spawnTool('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const result = spawnTool('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
