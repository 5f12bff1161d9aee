// What main decides about the local organization's utility process, against the real entry
// (src/server/utility-process.ts) run in a Node child: Electron's process.parentPort is
// played by the stand-in fixture, and the child's stdin/kill by a small adapter. It checks
// main's side of the stop only; it does not pretend to be Electron.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoPassword, redact, stopGracefully, type StoppableChild } from '../../src/main/local-organization-protocol';
import { DEMO_PASSWORD_ENV } from '../../src/shared/utility-process-protocol';

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** The entry as the app starts it (loopback, free port, demo seed), with or without a parentPort. */
async function startEntry(withParentPort: boolean): Promise<{ child: ChildProcessWithoutNullStreams; exitCode: Promise<number | null> }> {
  const standIn = withParentPort ? ['--import', './test/server/fixtures/parent-port-stand-in.mjs'] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...standIn, 'src/server/utility-process.ts', '--port', '0', '--seed', 'demo', '--db', ':memory:'], {
    cwd: process.cwd(),
    env: { ...process.env, [DEMO_PASSWORD_ENV]: 'stop-test-password' },
  });
  running.push(child);
  const exitCode = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next(); // listening
  return { child, exitCode };
}

function asUtilityProcess(child: ChildProcessWithoutNullStreams): StoppableChild {
  return {
    postMessage: (message) => child.stdin.write(`${JSON.stringify(message)}\n`),
    kill: () => child.kill('SIGKILL'),
    once: (event, listener) => child.once(event, (code: number | null) => listener(code ?? -1)),
  };
}

describe('local organization protocol', () => {
  it('generates strong passwords and keeps them out of forwarded output', () => {
    const password = generateDemoPassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generateDemoPassword()).not.toBe(password);
    expect(redact(`Demo admin: admin@demo.local / ${password}\n`, password)).toBe('Demo admin: admin@demo.local / [redacted]\n');
  });

  it('stops the server at quit by asking it: it closes and exits 0, not killed', async () => {
    const { child, exitCode } = await startEntry(true);
    expect(await stopGracefully(asUtilityProcess(child), 20_000)).toBe('stopped');
    expect(await exitCode).toBe(0);
  });

  it('kills a server that does not stop within the grace period', async () => {
    // Without a parentPort the entry hears no {type: stop}: it stands for a server that hangs.
    const { child, exitCode } = await startEntry(false);
    expect(await stopGracefully(asUtilityProcess(child), 200)).toBe('killed');
    expect(await exitCode).toBeNull();
  });
});
