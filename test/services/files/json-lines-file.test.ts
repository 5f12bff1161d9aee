// The activity log's file: whole lines only, even when the process is killed mid-append;
// rotation by size keeping N previous files; owner-only permissions.
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonLinesFile } from '../../../src/services/files/json-lines-file';

const CHILD = 'test/services/fixtures/append-lines-child.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'keydesk-lines-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

/** Runs the child until `until` says stop, then kills it with SIGKILL (no cleanup of any kind). */
function runChildUntil(args: string[], until: (line: string) => boolean): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (until(line)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lines);
      else reject(new Error(`the child exited by itself (${code}): ${stderr}`));
    });
  });
}

describe('a JSON-lines file', () => {
  it('reads back what was appended, in order, one line per record', async () => {
    const file = createJsonLinesFile({ folder, name: 'log', maxBytes: 1_000_000, keep: 2 });
    await file.append({ n: 1, text: 'two\nlines' });
    await file.append({ n: 2 });
    const text = await readFile(join(folder, 'log.jsonl'), 'utf8');
    expect(text.split('\n')).toEqual(['{"n":1,"text":"two\\nlines"}', '{"n":2}', '']);
    const read = await file.read();
    expect(read.lines.map((line) => [line.file, line.line, line.value])).toEqual([
      ['log.jsonl', 1, { n: 1, text: 'two\nlines' }],
      ['log.jsonl', 2, { n: 2 }],
    ]);
    expect(read.problems).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('is readable by its owner only, in an owner-only folder (POSIX modes)', async () => {
    const nested = join(folder, 'activity');
    const file = createJsonLinesFile({ folder: nested, name: 'log', maxBytes: 1_000_000, keep: 2 });
    await file.append({ n: 1 });
    expect((await stat(join(nested, 'log.jsonl'))).mode & 0o777).toBe(0o600);
    expect((await stat(nested)).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform === 'win32')('makes a file created with a wider mode owner-only at the next append', async () => {
    await writeFile(join(folder, 'log.jsonl'), '{"n":0}\n', { mode: 0o644 });
    const file = createJsonLinesFile({ folder, name: 'log', maxBytes: 1_000_000, keep: 2 });
    await file.append({ n: 1 });
    expect((await stat(join(folder, 'log.jsonl'))).mode & 0o777).toBe(0o600);
  });

  it('rotates by size, keeps N previous files, and drops the oldest', async () => {
    const file = createJsonLinesFile({ folder, name: 'log', maxBytes: 100, keep: 2 });
    // Each line is 40 bytes: two fit in a file, the third starts a new one.
    for (let n = 1; n <= 9; n += 1) await file.append({ n, pad: 'p'.repeat(23) });
    expect((await readdir(folder)).sort()).toEqual(['log.1.jsonl', 'log.2.jsonl', 'log.jsonl']);
    const read = await file.read();
    // Files of two records: {1,2} {3,4} {5,6} {7,8} {9}; the current and 2 previous are kept.
    expect(read.lines.map((line) => (line.value as { n: number }).n)).toEqual([5, 6, 7, 8, 9]);
    expect(read.lines.map((line) => line.file)).toEqual(['log.2.jsonl', 'log.2.jsonl', 'log.1.jsonl', 'log.1.jsonl', 'log.jsonl']);
    for (const name of await readdir(folder)) expect((await stat(join(folder, name))).size).toBeLessThanOrEqual(100);
  });

  it('names each line by the file it is in now, after a rotation moved a file already read', async () => {
    const file = createJsonLinesFile({ folder, name: 'log', maxBytes: 100, keep: 2 });
    for (let n = 1; n <= 2; n += 1) await file.append({ n, pad: 'p'.repeat(23) });
    expect((await file.read()).lines.map((line) => [line.file, line.line])).toEqual([
      ['log.jsonl', 1],
      ['log.jsonl', 2],
    ]);
    await file.append({ n: 3, pad: 'p'.repeat(23) });
    expect((await file.read()).lines.map((line) => [line.file, line.line, (line.value as { n: number }).n])).toEqual([
      ['log.1.jsonl', 1, 1],
      ['log.1.jsonl', 2, 2],
      ['log.jsonl', 1, 3],
    ]);
  });

  it('reports a line its parser refuses as invalid', async () => {
    await writeFile(join(folder, 'log.jsonl'), '{"n":1}\n{"n":"two"}\n');
    const file = createJsonLinesFile({ folder, name: 'log', maxBytes: 1_000_000, keep: 1, parse: (value) => (typeof (value as { n: unknown }).n === 'number' ? value : undefined) });
    const read = await file.read();
    expect(read.lines.map((line) => line.value)).toEqual([{ n: 1 }]);
    expect(read.problems).toEqual([{ file: 'log.jsonl', line: 2, reason: 'invalid' }]);
  });

  it('writes a record larger than the size limit alone in a fresh file', async () => {
    const file = createJsonLinesFile({ folder, name: 'log', maxBytes: 50, keep: 1 });
    await file.append({ n: 1 });
    await file.append({ n: 2, pad: 'p'.repeat(100) });
    await file.append({ n: 3 });
    const read = await file.read();
    expect(read.lines.map((line) => [line.file, (line.value as { n: number }).n])).toEqual([
      ['log.1.jsonl', 2],
      ['log.jsonl', 3],
    ]);
  });

  it('reports lines that are not JSON and reads every other line', async () => {
    await writeFile(join(folder, 'log.jsonl'), '{"n":1}\nnot json\n\n{"n":2}\n{"n":\n');
    const read = await createJsonLinesFile({ folder, name: 'log', maxBytes: 1_000_000, keep: 1 }).read();
    expect(read.lines.map((line) => line.value)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(read.problems).toEqual([
      { file: 'log.jsonl', line: 2, reason: 'unreadable' },
      { file: 'log.jsonl', line: 5, reason: 'unreadable' },
    ]);
  });

  it('after a crash cut a line short: reports the torn line, keeps it, and starts the next record on a line of its own', async () => {
    // A real process, killed with SIGKILL while a third line is half written.
    await runChildUntil(['cut', folder, '25'], (line) => line === 'cut');
    const file = createJsonLinesFile({ folder, name: 'log', maxBytes: 1_000_000, keep: 1 });
    const afterCrash = await file.read();
    expect(afterCrash.lines.map((line) => (line.value as { n: number }).n)).toEqual([1, 2]);
    expect(afterCrash.problems).toEqual([{ file: 'log.jsonl', line: 3, reason: 'torn' }]);

    await file.append({ n: 4 });
    const text = await readFile(join(folder, 'log.jsonl'), 'utf8');
    // The torn bytes stay (they may be all that is left of that record), on their own line.
    expect(text.endsWith(`{"n":3,"padding":"xxxxxxx\n{"n":4}\n`)).toBe(true);
    const later = await file.read();
    expect(later.lines.map((line) => (line.value as { n: number }).n)).toEqual([1, 2, 4]);
    expect(later.problems).toEqual([{ file: 'log.jsonl', line: 3, reason: 'unreadable' }]);
  });

  it('reads a last line cut right before its line end as the whole record it is', async () => {
    await writeFile(join(folder, 'log.jsonl'), '{"n":1}\n{"n":2}');
    const file = createJsonLinesFile({ folder, name: 'log', maxBytes: 1_000_000, keep: 1 });
    expect((await file.read()).lines.map((line) => line.value)).toEqual([{ n: 1 }, { n: 2 }]);
    await file.append({ n: 3 });
    expect(await readFile(join(folder, 'log.jsonl'), 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');
  });

  it('loses no acknowledged record when the process is killed while appending and rotating', async () => {
    // Lines of ~2 kB in files of 16 kB: a rotation every 8 records.
    const acks = await runChildUntil(['stream', folder, '16000'], (line) => line === 'ack 60');
    const acknowledged = acks.filter((line) => line.startsWith('ack ')).map((line) => Number(line.slice(4)));
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    const read = await createJsonLinesFile({ folder, name: 'log', maxBytes: 16_000, keep: 3 }).read();
    const numbers = read.lines.map((line) => (line.value as { n: number }).n);
    // Consecutive, no gap, no duplicate, up to the newest acknowledged record (and perhaps one
    // written but not yet acknowledged); the previous files hold at least two files' worth.
    const first = numbers[0] ?? 0;
    expect(numbers).toEqual(numbers.map((_, index) => first + index));
    const newestAcknowledged = Math.max(...acknowledged);
    expect(numbers).toContain(newestAcknowledged);
    expect(numbers.length).toBeGreaterThanOrEqual(16);
    // At most the line being written when the kill came is cut, and only at the very end.
    expect(read.problems.length).toBeLessThanOrEqual(1);
    for (const problem of read.problems) expect(problem).toMatchObject({ file: 'log.jsonl', reason: 'torn' });
  });

  it('never glues a record onto a file that ends without a line end (made by hand)', async () => {
    await appendFile(join(folder, 'log.jsonl'), 'hand-written');
    const file = createJsonLinesFile({ folder, name: 'log', maxBytes: 1_000_000, keep: 1 });
    await file.append({ n: 1 });
    const read = await file.read();
    expect(read.lines.map((line) => line.value)).toEqual([{ n: 1 }]);
    expect(read.problems).toEqual([{ file: 'log.jsonl', line: 1, reason: 'unreadable' }]);
  });
});
