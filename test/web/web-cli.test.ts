// `npm run web` as a user runs it: a real process, its three lines, a clean stop on SIGTERM.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from './http-request';

const root = fileURLToPath(new URL('../../', import.meta.url));
let child: ChildProcessWithoutNullStreams | null = null;

function startCli(args: string[]): ChildProcessWithoutNullStreams {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/web/cli.ts', ...args], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' } });
  return child;
}

function waitForLines(cli: ChildProcessWithoutNullStreams, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    cli.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    cli.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const lines = output.split('\n').filter((line) => line && !line.startsWith('Building'));
      if (lines.length >= count) resolve(lines.slice(0, count));
    });
    cli.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${count} lines: ${output} ${errors}`)));
  });
}

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
});

describe('npm run web', () => {
  it('prints the server’s two lines and the preview URL, serves the page, and stops on SIGTERM', async () => {
    const cli = startCli(['--port', '0', '--admin-password', 'cli-test-password', '--auto-connect', 'local']);
    const lines = await waitForLines(cli, 3);
    expect(lines[0]).toMatch(/^Local organization server listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[1]).toBe('Demo admin: admin@demo.local / cli-test-password');
    expect(lines[2]).toMatch(/^Web preview: http:\/\/127\.0\.0\.1:\d+\/$/);
    const url = lines[2]?.replace('Web preview: ', '') ?? '';
    expect((await rawRequest(url)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));
    cli.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(rawRequest(url)).rejects.toThrow();
  }, 180_000);

  it('refuses a bad flag with a message naming it, and starts nothing', async () => {
    const cli = startCli(['--port', 'abc']);
    let errors = '';
    cli.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.once('exit', (exit) => resolve(exit)));
    expect(code).toBe(2);
    expect(errors).toMatch(/--port must be a whole number/);
    expect(errors).toMatch(/Usage: npm run web/);
  }, 60_000);
});
