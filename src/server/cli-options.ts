// The server's command-line flags, shared by the CLI and the utilityProcess entry.
// Every flag is checked; a bad one is an error that names the flag and what it expects.
import type { LocalServerOptions } from './start-server';

export const DEFAULT_CLI_PORT = 8787;

/**
 * The utility process takes the demo password from this variable rather than
 * `--admin-password`: a command line is visible to every local user, an environment only
 * to the process's owner.
 */
export const DEMO_PASSWORD_ENV = 'KEYDESK_DEMO_PASSWORD';

export const USAGE = `Usage: npm run server -- [options]

  --port N             port to listen on (default ${DEFAULT_CLI_PORT}; 0 picks a free port)
  --host HOST          address to listen on (default 127.0.0.1)
  --db FILE|:memory:   SQLite database file (default :memory:)
  --seed demo|none     seed a demo organization into a new database (default none)
  --admin-password PW  password of the demo users (default: generated and printed)
  --token-ttl SECONDS  access-token lifetime (default 900)
  --help               show this help`;

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export type CliCommand = { help: true } | { help: false; options: LocalServerOptions };

const FLAGS = ['port', 'host', 'db', 'seed', 'admin-password', 'token-ttl'] as const;
type Flag = (typeof FLAGS)[number];

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const values = new Map<Flag, string>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--help' || arg === '-h') return { help: true };
    if (!arg.startsWith('--')) throw new CliUsageError(`Unexpected argument "${arg}": options start with --.`);
    const [rawName = '', inlineValue] = splitOnce(arg.slice(2), '=');
    if (!(FLAGS as readonly string[]).includes(rawName)) throw new CliUsageError(`Unknown option --${rawName}.`);
    const name = rawName as Flag;
    if (values.has(name)) throw new CliUsageError(`--${name} is given more than once.`);
    const value = inlineValue ?? argv[++index];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
      throw new CliUsageError(`--${name} needs a value.`);
    }
    values.set(name, value);
  }

  const options: LocalServerOptions = { port: DEFAULT_CLI_PORT };
  const port = values.get('port');
  if (port !== undefined) options.port = wholeNumber('port', port, 0, 65535);
  const host = values.get('host');
  if (host !== undefined) {
    if (host.trim() === '') throw new CliUsageError('--host must not be empty.');
    options.host = host;
  }
  const db = values.get('db');
  if (db !== undefined) {
    if (db.trim() === '') throw new CliUsageError('--db needs a file path or :memory:.');
    options.dbPath = db;
  }
  const seed = values.get('seed');
  if (seed !== undefined) {
    if (seed !== 'demo' && seed !== 'none') throw new CliUsageError(`--seed must be "demo" or "none", not "${seed}".`);
    options.seed = seed;
  }
  const password = values.get('admin-password');
  if (password !== undefined) {
    if (password.length < 8) throw new CliUsageError('--admin-password must be at least 8 characters.');
    options.adminPassword = password;
  }
  const ttl = values.get('token-ttl');
  if (ttl !== undefined) options.tokenTtlSeconds = wholeNumber('token-ttl', ttl, 1, 86_400);
  return { help: false, options };
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new CliUsageError(`--${flag} must be a whole number, not "${value}".`);
  const number = Number(value);
  if (number < min || number > max) throw new CliUsageError(`--${flag} must be between ${min} and ${max}, not ${value}.`);
  return number;
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}
