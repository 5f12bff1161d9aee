// The local organization server in its own process for the benchmarks (as JMap Cloud runs
// elsewhere): `npm run server` on a database file, in the profile asked, and the CPU time a
// process has used, so that a figure says which side the time went to.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { LocalServerProfile } from '../../src/shared/server-capabilities';

export async function startServerProcess(dbPath: string, profile: LocalServerProfile, password: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--port', '0', '--db', dbPath, '--profile', profile, '--token-ttl', '3600'], {
    env: { ...process.env, KEYDESK_DEMO_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const url = /listening on (\S+)/.exec(line)?.[1];
    if (url) return { url, child };
  }
  throw new Error('The server did not start.');
}

/** CPU seconds a process has used (Linux: /proc/PID/stat, user + system); null elsewhere. */
export function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
