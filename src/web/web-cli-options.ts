// `npm run web -- [--port N] [--db FILE] [--auto-connect local] [--admin-password PW]
// [--keychain] [--user-data DIR] [--token-ttl SECONDS]`, checked flag by flag.
import { parseArgs } from 'node:util';

export const WEB_USAGE = `Usage: npm run web -- [options]

  --port N               port of the web preview (default 5180; 0 picks a free port)
  --db FILE              database of the local organization (default: a fresh temporary one)
  --auto-connect local   open the local organization at start, so the page shows the keys
  --admin-password PW    password of the demo users (default: generated and printed)
  --keychain             keep "remembered" sign-ins in the OS keychain (default: memory only)
  --user-data DIR        folder for profiles and settings (default: a fresh temporary one)
  --token-ttl SECONDS    access-token lifetime of the local organization (default 900)
  --help                 show this help`;

export const DEFAULT_WEB_PORT = 5180;

export class WebUsageError extends Error {
  override readonly name = 'WebUsageError';
}

export interface WebCliOptions {
  port: number;
  dbPath?: string;
  autoConnect: 'local' | null;
  adminPassword?: string;
  keychain: boolean;
  userDataDir?: string;
  tokenTtlSeconds?: number;
}

export type WebCliCommand = { help: true } | { help: false; options: WebCliOptions };

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new WebUsageError(`--${flag} must be a whole number from ${min} to ${max}.`);
  }
  return Number(value);
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new WebUsageError(`--${flag} must not be empty.`);
  return value;
}

export function parseWebCliArgs(argv: readonly string[]): WebCliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        db: { type: 'string' },
        'auto-connect': { type: 'string' },
        'admin-password': { type: 'string' },
        keychain: { type: 'boolean' },
        'user-data': { type: 'string' },
        'token-ttl': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // Node's own sentence names the flag ("Unknown option '--x'", "Option '--port <value>' argument missing").
    throw new WebUsageError(error instanceof Error ? error.message.split('\n')[0] ?? 'Bad option.' : 'Bad option.');
  }
  if (values.help) return { help: true };
  const autoConnect = values['auto-connect'];
  if (autoConnect !== undefined && autoConnect !== 'local') throw new WebUsageError('--auto-connect accepts only "local".');
  const adminPassword = values['admin-password'];
  if (adminPassword !== undefined && adminPassword.length < 8) throw new WebUsageError('--admin-password must be at least 8 characters.');
  return {
    help: false,
    options: {
      port: values.port === undefined ? DEFAULT_WEB_PORT : wholeNumber('port', values.port, 0, 65535),
      dbPath: nonEmpty('db', values.db),
      autoConnect: autoConnect === 'local' ? 'local' : null,
      adminPassword,
      keychain: values.keychain ?? false,
      userDataDir: nonEmpty('user-data', values['user-data']),
      tokenTtlSeconds: values['token-ttl'] === undefined ? undefined : wholeNumber('token-ttl', values['token-ttl'], 1, 86_400),
    },
  };
}
