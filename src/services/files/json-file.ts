// A small JSON file in the user-data folder, validated on every read and written
// atomically. A file that cannot be parsed or does not fit its schema is moved aside as
// `<name>.corrupt-<timestamp>.json` (the user's data is kept for inspection), the defaults
// are used, and the recovery is logged and remembered so that the UI can mention it.
import { readFile, rename } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { silentLogger, type Logger } from '../logger';
import { writeFileAtomic } from './atomic-write';

export interface JsonFileRecovery {
  /** Where the unreadable file now is. */
  movedTo: string;
  reason: 'unparseable' | 'invalid';
}

export interface JsonFile<T> {
  readonly path: string;
  read(): Promise<T>;
  write(value: T): Promise<void>;
  /** Set when the last read found a corrupt file and moved it aside. */
  readonly recovery: JsonFileRecovery | null;
}

export interface JsonFileOptions<T> {
  path: string;
  schema: z.ZodType<T>;
  defaults: () => T;
  now?: () => Date;
  log?: Logger;
}

/** A file-system failure, said so that a person can act on it. */
function fileError(action: 'read' | 'write', path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return AppError.because(
    'INTERNAL',
    action === 'read' ? 'file-unreadable' : 'file-unwritable',
    { path, fsCode: code },
    `KeyDesk could not ${action} ${path} (${code}). Check that its folder is writable and the disk is not full.`,
  );
}

function asideName(path: string, at: Date): string {
  const extension = extname(path);
  const stem = basename(path, extension);
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return join(dirname(path), `${stem}.corrupt-${stamp}${extension || '.json'}`);
}

export function createJsonFile<T>(options: JsonFileOptions<T>): JsonFile<T> {
  const { path, schema } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? silentLogger;
  let recovery: JsonFileRecovery | null = null;
  // Writes run one after another, so that the last one asked for is the one that stays.
  let writing: Promise<void> = Promise.resolve();

  async function moveAside(reason: JsonFileRecovery['reason']): Promise<void> {
    const movedTo = asideName(path, now());
    try {
      await rename(path, movedTo);
    } catch (error) {
      // Not moved aside means not replaced either: the unreadable file is left as it is.
      throw fileError('write', movedTo, error);
    }
    recovery = { movedTo, reason };
    log.warn('A KeyDesk file could not be read; it was moved aside and defaults are used', {
      file: path,
      movedTo,
      reason,
    });
  }

  return {
    path,
    get recovery() {
      return recovery;
    },
    async read() {
      await writing;
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return options.defaults();
        throw fileError('read', path, error);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        await moveAside('unparseable');
        return options.defaults();
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        await moveAside('invalid');
        return options.defaults();
      }
      return parsed.data;
    },
    write(value) {
      const content = `${JSON.stringify(value, null, 2)}\n`;
      const next = writing.then(() =>
        writeFileAtomic(path, content).catch((error: unknown) => {
          throw fileError('write', path, error);
        }),
      );
      // A failed write must not block the ones after it; its caller still sees the error.
      writing = next.catch(() => undefined);
      return next;
    },
  };
}
