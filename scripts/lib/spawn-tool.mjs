// npm and npx are batch files on Windows, which Node only starts through a shell.
import { spawnSync } from 'node:child_process';

const onWindows = process.platform === 'win32';

/** spawnSync for npm/npx (and any tool that is a .cmd on Windows). */
export function spawnTool(command, args, options = {}) {
  return spawnSync(command, args, { ...options, shell: onWindows });
}
