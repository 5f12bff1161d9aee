// The CLI and the utilityProcess entry, as real child processes: their output lines, a
// request to the server they start, a clean stop on SIGTERM/SIGINT, and bad flags.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD_ENV } from '../../src/shared/utility-process-protocol';
import { DEMO_ORGANIZATION } from '../../src/server/seed/demo-identities';
import { KEYS, resultOf, SS } from './server-test-client';

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(
  entry: 'cli' | 'utility-process',
  args: string[],
  nodeArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcessWithoutNullStreams; lines: AsyncIterator<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, `src/server/${entry}.ts`, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
  });
  running.push(child);
  return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
}

async function nextLine(lines: AsyncIterator<string>): Promise<string> {
  const { value, done } = await lines.next();
  if (done) throw new Error('the process closed its output');
  return value;
}

function exit(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

async function signIn(url: string, password: string): Promise<number> {
  const response = await fetch(`${url}${SS}/authenticate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin@demo.local', password }),
  });
  return response.status;
}

describe('npm run server', () => {
  it('prints its lines, serves the demo organization and stops cleanly on SIGTERM', async () => {
    const { child, lines } = start('cli', ['--port', '0', '--seed', 'demo', '--admin-password', 'cli-test-password', '--token-ttl', '120']);
    const exited = exit(child);
    const listening = await nextLine(lines);
    expect(listening).toMatch(/^Local organization server listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(await nextLine(lines)).toBe('Demo admin: admin@demo.local / cli-test-password');
    const url = listening.split(' ').at(-1) as string;
    expect(await nextLine(lines)).toBe(`Single sign-on (identity provider): issuer ${url}/, client ID keydesk, audience urn:keydesk:organization-api`);
    expect(await signIn(url, 'cli-test-password')).toBe(200);
    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  });

  it('generates the demo password when none is given, and stops on SIGINT', async () => {
    const { child, lines } = start('cli', ['--port=0', '--seed=demo']);
    const exited = exit(child);
    const url = (await nextLine(lines)).split(' ').at(-1) as string;
    const password = /^Demo admin: admin@demo\.local \/ ([0-9A-Za-z]{16})$/.exec(await nextLine(lines))?.[1];
    expect(password).toBeDefined();
    expect(await signIn(url, password as string)).toBe(200);
    child.kill('SIGINT');
    expect((await exited).code).toBe(0);
  });

  it('prints one line per 500 on standard error, with no secret of the request', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'keydesk-cli-'));
    try {
      const dbPath = join(folder, 'organization.db');
      const { child, lines } = start('cli', ['--port', '0', '--seed', 'demo', '--db', dbPath, '--admin-password', 'cli-test-password']);
      const exited = exit(child);
      const url = (await nextLine(lines)).split(' ').at(-1) as string;
      const auth = await fetch(`${url}${SS}/authenticate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'admin@demo.local', password: 'cli-test-password' }),
      });
      const { refreshToken } = resultOf(auth.status, await auth.json()) as { refreshToken: string };
      const scoped = await fetch(`${url}${SS}/refresh-token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken, organizationId: DEMO_ORGANIZATION.id }),
      });
      const { accessToken } = resultOf(scoped.status, await scoped.json()) as { accessToken: string };
      // A database damaged behind the server's back: the list's count table is gone.
      const damage = new DatabaseSync(dbPath);
      damage.exec('DROP TABLE api_key_counts');
      damage.close();
      const failed = await fetch(`${url}${KEYS}?search=cli-secret-query`, { headers: { Authorization: `Bearer ${accessToken}` } });
      expect(failed.status).toBe(500);
      child.kill('SIGTERM');
      const { stderr } = await exited;
      const errorLines = stderr.split('\n').filter((line) => line.startsWith('Internal error'));
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(new RegExp(`^Internal error on GET ${KEYS}: \\w*Error \\| at `));
      expect(stderr).not.toContain(accessToken);
      expect(stderr).not.toContain('cli-secret-query');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  // Every flag's checks are unit-tested in cli-options.test.ts; this shows how the CLI reports one.
  it('refuses a bad flag with a clear message, the usage and exit code 2', async () => {
    const { child } = start('cli', ['--port', 'abc']);
    const { code, stderr } = await exit(child);
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be a whole number');
    expect(stderr).toContain('Usage: npm run server');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says so when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const { child } = start('cli', ['--port', String(port)]);
    const { code, stderr } = await exit(child);
    blocker.close();
    expect(code).toBe(1);
    expect(stderr).toContain('port is already in use');
  });
});

describe('the utilityProcess entry', () => {
  // Without Electron there is no process.parentPort; the entry then reports on stdout.
  // The parentPort path itself runs only inside Electron (covered by the app's tests).
  it('starts from argv flags and reports where it listens', async () => {
    const { child, lines } = start('utility-process', ['--port', '0', '--seed', 'demo', '--admin-password', 'utility-password']);
    const exited = exit(child);
    const url = (await nextLine(lines)).split(' ').at(-1) as string;
    expect(await signIn(url, 'utility-password')).toBe(200);
    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  });

  // With a stand-in for Electron's process.parentPort global (see the fixture).
  const standIn = ['--import', './test/server/fixtures/parent-port-stand-in.mjs'];

  it('posts {type: listening, url, demo} through process.parentPort, and stops on {type: stop}', async () => {
    // The app hands the demo password over in the environment, off the visible command line.
    const { child, lines } = start('utility-process', ['--port', '0', '--seed', 'demo'], standIn, {
      [DEMO_PASSWORD_ENV]: 'parent-port-password',
    });
    const exited = exit(child);
    const message = JSON.parse(await nextLine(lines));
    expect(message).toEqual({
      type: 'listening',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      demo: { adminEmail: 'admin@demo.local', adminPassword: 'parent-port-password', organizationId: DEMO_ORGANIZATION.id },
    });
    expect(await signIn(message.url, 'parent-port-password')).toBe(200);
    child.stdin.write(`${JSON.stringify({ type: 'stop' })}\n`);
    expect((await exited).code).toBe(0);
  });

  it('posts {type: error, message} through process.parentPort when it cannot start', async () => {
    const { child, lines } = start('utility-process', ['--seed', 'everything'], standIn);
    const exited = exit(child);
    expect(JSON.parse(await nextLine(lines))).toEqual({ type: 'error', message: '--seed must be "demo" or "none", not "everything".' });
    expect((await exited).code).toBe(1);
  });

  it('reports a bad flag as an error and exits 1', async () => {
    const { child } = start('utility-process', ['--port', 'x']);
    const { code, stderr } = await exit(child);
    expect(code).toBe(1);
    expect(stderr).toContain('--port must be a whole number');
  });
});
