// The desktop app's log file, on the real file system.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME, PREVIOUS_LOG_FILE_NAME, openLogFile } from '../../src/main/log-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keydesk-logs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the log file', () => {
  it('appends one line per event, in a folder it creates, readable by its owner only', async () => {
    const folder = join(dir, 'KeyDesk', 'logs');
    const file = openLogFile({ folder });
    file.write('[t] info Signed in connectionId="c1"');
    file.write('[t] warn A service did not shut down cleanly');
    expect(file.path).toBe(join(folder, LOG_FILE_NAME));
    expect(await readFile(file.path, 'utf8')).toBe('[t] info Signed in connectionId="c1"\n[t] warn A service did not shut down cleanly\n');
    if (process.platform !== 'win32') {
      expect((await stat(file.path)).mode & 0o777).toBe(0o600);
      expect((await stat(folder)).mode & 0o777).toBe(0o700);
    }
  });

  it('keeps going after a restart, and keeps one previous file once it is full', async () => {
    await writeFile(join(dir, LOG_FILE_NAME), 'line from the last run\n');
    const file = openLogFile({ folder: dir, maxBytes: 60 });
    file.write('a'.repeat(20));
    expect(await readFile(file.path, 'utf8')).toBe(`line from the last run\n${'a'.repeat(20)}\n`);
    file.write('b'.repeat(20));
    expect(await readFile(join(dir, PREVIOUS_LOG_FILE_NAME), 'utf8')).toBe(`line from the last run\n${'a'.repeat(20)}\n`);
    expect(await readFile(file.path, 'utf8')).toBe(`${'b'.repeat(20)}\n`);
  });

  it('never throws when it cannot write, and says so once', async () => {
    // A file where the folder should be: permissions would not stop root, which CI runs as.
    await writeFile(join(dir, 'not-a-folder'), '');
    const failures: string[] = [];
    const file = openLogFile({ folder: join(dir, 'not-a-folder', 'logs'), onFailure: (reason) => failures.push(reason) });
    expect(() => {
      file.write('one');
      file.write('two');
    }).not.toThrow();
    expect(failures).toEqual([expect.stringMatching(/^KeyDesk cannot write its log file .*keydesk\.log \((ENOTDIR|EEXIST)\)\.$/)]);
  });
});
