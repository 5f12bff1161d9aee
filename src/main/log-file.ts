// The desktop app's log file, so that a packaged app (which has no terminal) leaves a trace
// an admin can send to support: Help › Open Logs Folder. One line per event, the same line
// as on standard error; the current file and one previous, each at most `maxBytes`.
//
// No Electron import, so it is tested here with Node. (electron-log would do this too,
// but it also hooks the renderer and can only run inside Electron; this is all we need.)
// Callers log identifiers and codes only, never a secret (src/services/logger.ts); the
// file is still created readable by its owner only, since it names users and servers.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FILE_NAME = 'keydesk.log';
export const PREVIOUS_LOG_FILE_NAME = 'keydesk.previous.log';
const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface LogFile {
  readonly path: string;
  /** Appends one line. Never throws: a full disk must not stop the app, only its log. */
  write(line: string): void;
}

export function openLogFile(options: { folder: string; maxBytes?: number; onFailure?: (reason: string) => void }): LogFile {
  const path = join(options.folder, LOG_FILE_NAME);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number | null = null;
  let failed = false;

  const fail = (error: unknown): void => {
    // Said once: a log that cannot be written is worth one line elsewhere, not one per event.
    if (failed) return;
    failed = true;
    options.onFailure?.(`KeyDesk cannot write its log file ${path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  };

  const currentSize = (): number => {
    if (size === null) {
      mkdirSync(options.folder, { recursive: true, mode: 0o700 });
      try {
        size = statSync(path).size;
      } catch {
        size = 0;
      }
    }
    return size;
  };

  return {
    path,
    write(line) {
      const text = `${line}\n`;
      const bytes = Buffer.byteLength(text);
      try {
        if (currentSize() > 0 && currentSize() + bytes > maxBytes) {
          renameSync(path, join(options.folder, PREVIOUS_LOG_FILE_NAME));
          size = 0;
        }
        // Synchronous: the line is on disk even if the next thing the app does is crash.
        appendFileSync(path, text, { mode: 0o600 });
        size = currentSize() + bytes;
        failed = false;
      } catch (error) {
        fail(error);
      }
    },
  };
}
