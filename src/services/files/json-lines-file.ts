// An append-only file of JSON lines that survives a crash mid-write and rotates by size:
// `<name>.jsonl` is written, `<name>.1.jsonl` … `<name>.<keep>.jsonl` are the previous
// files (1 the newest), the oldest beyond `keep` is dropped.
//
// Crash safety, by construction:
// - each record is one line, written by one write of the whole line to a file opened for
//   appending (O_APPEND), then fsynced before `append` resolves: a record that was
//   acknowledged is on disk, and a crash can cut at most the line being written;
// - a line cut short by a crash leaves the file without a final line end; the next append
//   starts with one, so that the cut line stays a line of its own (reported when read, never
//   glued to the next record and never deleted: its bytes may be all that is left of it);
// - rotation renames whole files (oldest first), so a crash mid-rotation loses no line.
// Readers get every line that parses, and the others as problems (torn, unreadable), never
// a failure. Files are owner-only (0600, in a 0700 folder) on POSIX.
import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export interface JsonLinesFileOptions {
  folder: string;
  /** `activity` → activity.jsonl, activity.1.jsonl, … */
  name: string;
  /** The current file is rotated before an append would take it past this size. */
  maxBytes: number;
  /** How many previous files are kept. */
  keep: number;
}

export type JsonLine = { file: string; line: number; value: unknown };
export type JsonLineProblem = { file: string; line: number; reason: 'torn' | 'unreadable' };

export interface JsonLinesFile {
  /** The files from the oldest to the current one (which may not exist yet). */
  readonly paths: readonly string[];
  /** Appends one record as one line, on disk when this resolves. One append at a time. */
  append(record: unknown): Promise<void>;
  /** Every line of every file, oldest first; lines that are not JSON come back as problems. */
  read(): Promise<{ lines: JsonLine[]; problems: JsonLineProblem[] }>;
}

const LINE_END = 0x0a;
const isPosix = process.platform !== 'win32';

function fileName(name: string, generation: number): string {
  return generation === 0 ? `${name}.jsonl` : `${name}.${generation}.jsonl`;
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  // One write for a line (lines are far below what one write takes); the loop is only for a
  // short write, which the OS may make on a nearly full disk.
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

export function createJsonLinesFile(options: JsonLinesFileOptions): JsonLinesFile {
  const { folder, name, maxBytes, keep } = options;
  const pathOf = (generation: number): string => join(folder, fileName(name, generation));
  const current = pathOf(0);
  let queue: Promise<unknown> = Promise.resolve();

  async function rotate(): Promise<void> {
    await rm(pathOf(keep), { force: true });
    for (let generation = keep - 1; generation >= 0; generation -= 1) {
      await rename(pathOf(generation), pathOf(generation + 1)).catch((error: NodeJS.ErrnoException) => {
        // A missing generation (fewer files so far, or a crash mid-rotation) is skipped.
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }

  /** Opens the current file for appending, rotating it first when this line would overflow it. */
  async function openForLine(lineBytes: number): Promise<{ handle: FileHandle; size: number }> {
    let handle = await open(current, 'a+', 0o600);
    let { size } = await handle.stat();
    if (size > 0 && size + lineBytes > maxBytes) {
      await handle.close();
      await rotate();
      handle = await open(current, 'a+', 0o600);
      size = 0;
    }
    return { handle, size };
  }

  async function appendLine(line: string): Promise<void> {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const body = Buffer.from(`${line}\n`, 'utf8');
    const { handle, size } = await openForLine(body.length);
    try {
      if (isPosix) {
        const { mode } = await handle.stat();
        // A file made by hand (or by an older copy) with a wider mode becomes owner-only.
        if ((mode & 0o077) !== 0) await handle.chmod(0o600);
      }
      let bytes = body;
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== LINE_END) bytes = Buffer.concat([Buffer.from([LINE_END]), body]);
      }
      await writeAll(handle, bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function readGeneration(generation: number): Promise<{ lines: JsonLine[]; problems: JsonLineProblem[] }> {
    const file = fileName(name, generation);
    let text: string;
    try {
      text = await readFile(pathOf(generation), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], problems: [] };
      throw error;
    }
    const lines: JsonLine[] = [];
    const problems: JsonLineProblem[] = [];
    const rows = text.split('\n');
    // The text after the last line end: empty for a whole file, a cut line after a crash.
    const tail = rows.pop() ?? '';
    rows.forEach((row, index) => {
      if (row.trim() === '') return;
      try {
        lines.push({ file, line: index + 1, value: JSON.parse(row) as unknown });
      } catch {
        problems.push({ file, line: index + 1, reason: 'unreadable' });
      }
    });
    if (tail.trim() !== '') {
      try {
        // Cut right before its line end: the record itself is whole.
        lines.push({ file, line: rows.length + 1, value: JSON.parse(tail) as unknown });
      } catch {
        problems.push({ file, line: rows.length + 1, reason: 'torn' });
      }
    }
    return { lines, problems };
  }

  const paths = Array.from({ length: keep + 1 }, (_, index) => pathOf(keep - index));

  return {
    paths,
    append(record) {
      // JSON.stringify escapes every line break inside strings: one record, one line.
      const line = JSON.stringify(record);
      const run = queue.then(() => appendLine(line));
      queue = run.catch(() => undefined);
      return run;
    },
    read() {
      // In the queue too: a reader sees the appends asked for before it, and no rotation
      // moves the files while it reads them.
      const run = queue.then(async () => {
        const lines: JsonLine[] = [];
        const problems: JsonLineProblem[] = [];
        for (let generation = keep; generation >= 0; generation -= 1) {
          const found = await readGeneration(generation);
          lines.push(...found.lines);
          problems.push(...found.problems);
        }
        return { lines, problems };
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
