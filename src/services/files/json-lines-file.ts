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
// Readers get every line that parses, and the others as problems (torn, unreadable,
// invalid), never a failure; a file already parsed and unchanged is not parsed again.
// Files are owner-only (0600, in a 0700 folder) on POSIX.
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export interface JsonLinesFileOptions<T> {
  folder: string;
  /** `activity` → activity.jsonl, activity.1.jsonl, … */
  name: string;
  /** The current file is rotated before an append would take it past this size. */
  maxBytes: number;
  /** How many previous files are kept. */
  keep: number;
  /** Checks a record read back; `undefined` reports its line as invalid. Default: any JSON. */
  parse?: (value: unknown) => T | undefined;
}

export type JsonLine<T> = { file: string; line: number; value: T };
/** `torn`: the last line, cut short; `unreadable`: not JSON; `invalid`: JSON that `parse` refused. */
export type JsonLineProblem = { file: string; line: number; reason: 'torn' | 'unreadable' | 'invalid' };

export interface JsonLinesFile<T> {
  /** The files from the oldest to the current one (which may not exist yet). */
  readonly paths: readonly string[];
  /** Appends one record as one line, on disk when this resolves. One append at a time. */
  append(record: unknown): Promise<void>;
  /** Every line of every file, oldest first; the others come back as problems. */
  read(): Promise<{ lines: JsonLine<T>[]; problems: JsonLineProblem[] }>;
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

export function createJsonLinesFile<T = unknown>(options: JsonLinesFileOptions<T>): JsonLinesFile<T> {
  const { folder, name, maxBytes, keep } = options;
  const parse = options.parse ?? ((value: unknown) => value as T);
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

  /** A file's lines, parsed; without the file's name, which rotation changes. */
  type Parsed = { size: number; mtimeMs: number; lines: Omit<JsonLine<T>, 'file'>[]; problems: Omit<JsonLineProblem, 'file'>[] };
  // By file identity (device and inode): a rotated file is never written again, so it is
  // parsed once however often the log is read, even under its next name.
  let parsedFiles = new Map<string, Parsed>();

  function parseText(text: string, size: number, mtimeMs: number): Parsed {
    const parsed: Parsed = { size, mtimeMs, lines: [], problems: [] };
    const rows = text.split('\n');
    // The text after the last line end: empty for a whole file, a cut line after a crash.
    const tail = rows.pop() ?? '';
    const take = (row: string, line: number, cut: boolean): void => {
      let json: unknown;
      try {
        json = JSON.parse(row);
      } catch {
        parsed.problems.push({ line, reason: cut ? 'torn' : 'unreadable' });
        return;
      }
      const value = parse(json);
      if (value === undefined) parsed.problems.push({ line, reason: 'invalid' });
      else parsed.lines.push({ line, value });
    };
    rows.forEach((row, index) => {
      if (row.trim() !== '') take(row, index + 1, false);
    });
    // A last line cut right before its line end is a whole record: taken as such.
    if (tail.trim() !== '') take(tail, rows.length + 1, true);
    return parsed;
  }

  async function readGeneration(generation: number, seen: Map<string, Parsed>): Promise<{ lines: JsonLine<T>[]; problems: JsonLineProblem[] }> {
    const file = fileName(name, generation);
    let parsed: Parsed;
    try {
      const handle = await open(pathOf(generation), 'r');
      try {
        const { dev, ino, size, mtimeMs } = await handle.stat();
        const identity = `${dev}:${ino}`;
        const cached = parsedFiles.get(identity);
        parsed = cached && cached.size === size && cached.mtimeMs === mtimeMs ? cached : parseText(await handle.readFile('utf8'), size, mtimeMs);
        seen.set(identity, parsed);
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], problems: [] };
      throw error;
    }
    return {
      lines: parsed.lines.map((line) => ({ file, ...line })),
      problems: parsed.problems.map((problem) => ({ file, ...problem })),
    };
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
        const lines: JsonLine<T>[] = [];
        const problems: JsonLineProblem[] = [];
        const seen = new Map<string, Parsed>();
        for (let generation = keep; generation >= 0; generation -= 1) {
          const found = await readGeneration(generation, seen);
          lines.push(...found.lines);
          problems.push(...found.problems);
        }
        // Files dropped by rotation are forgotten.
        parsedFiles = seen;
        return { lines, problems };
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
