// The main process's logger: one line per event, fields as key=value, on standard error
// (for a terminal) and in the log file (for everyone else). Callers pass identifiers and
// codes only (see src/services/logger.ts), never a secret.
import { formatLogFields, type LogFields, type Logger } from '../services/logger';
import type { LogFile } from './log-file';

function format(level: string, message: string, fields?: LogFields): string {
  return `[${new Date().toISOString()}] ${level} ${message}${formatLogFields(fields)}`;
}

export function createMainLogger(file: LogFile | null): Logger {
  const line = (level: 'info' | 'warn' | 'error', print: (text: string) => void) => (message: string, fields?: LogFields) => {
    const text = format(level, message, fields);
    print(text);
    file?.write(text);
  };
  return {
    info: line('info', (text) => console.log(text)),
    warn: line('warn', (text) => console.warn(text)),
    error: line('error', (text) => console.error(text)),
  };
}
