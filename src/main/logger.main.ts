// The main process's logger: one line per event on stderr, fields as key=value. Callers
// pass identifiers and codes only (see src/services/logger.ts), never a secret.
import { formatLogFields, type LogFields, type Logger } from '../services/logger';

function format(level: string, message: string, fields?: LogFields): string {
  return `[${new Date().toISOString()}] ${level} ${message}${formatLogFields(fields)}`;
}

export function createConsoleLogger(): Logger {
  return {
    info: (message, fields) => console.log(format('info', message, fields)),
    warn: (message, fields) => console.warn(format('warn', message, fields)),
    error: (message, fields) => console.error(format('error', message, fields)),
  };
}
