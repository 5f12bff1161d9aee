// The server's command-line flags, shared by the CLI and the utilityProcess entry.
// Every flag is checked; a bad one is an error that names the flag and what it expects.
import { demoPassword, nonBlank, oneOf, readFlags, wholeNumber } from '../shared/node/cli-flags';
import { LOCAL_SERVER_PROFILES } from '../shared/server-capabilities';
import { DEMO_PASSWORD_ENV } from '../shared/utility-process-protocol';
import type { LocalServerOptions } from './start-server';

export const DEFAULT_CLI_PORT = 8787;

export const USAGE = `Usage: npm run server -- [options]

  --port N             port to listen on (default ${DEFAULT_CLI_PORT}; 0 picks a free port)
  --host HOST          address to listen on (default 127.0.0.1)
  --db FILE|:memory:   SQLite database file (default :memory:)
  --seed demo|none     seed a demo organization into a new database (default none)
  --admin-password PW  password of the demo users (default: $${DEMO_PASSWORD_ENV}, else
                       generated and printed; the variable keeps it out of \`ps\`)
  --token-ttl SECONDS  access-token lifetime (default 900)
  --profile default|jmapcloud
                       default: every KeyDesk extension, advertised at
                       /api/keydesk/v1/capabilities; jmapcloud: JMap Cloud's public
                       API only (no extensions, no capabilities document)
  --help               show this help`;

export type CliCommand = { help: true } | { help: false; options: LocalServerOptions };

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): CliCommand {
  const values = readFlags(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    seed: { type: 'string' },
    'admin-password': { type: 'string' },
    'token-ttl': { type: 'string' },
    profile: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { help: true };

  const options: LocalServerOptions = { port: DEFAULT_CLI_PORT };
  if (values.port !== undefined) options.port = wholeNumber('port', values.port, 0, 65535);
  if (values.host !== undefined) options.host = nonBlank('host', values.host, 'an address, such as 127.0.0.1');
  if (values.db !== undefined) options.dbPath = nonBlank('db', values.db, 'a file path or :memory:');
  if (values.seed !== undefined) options.seed = oneOf('seed', values.seed, ['demo', 'none']);
  const adminPassword = demoPassword(values['admin-password'], env);
  if (adminPassword !== undefined) options.adminPassword = adminPassword;
  if (values['token-ttl'] !== undefined) options.tokenTtlSeconds = wholeNumber('token-ttl', values['token-ttl'], 1, 86_400);
  if (values.profile !== undefined) options.profile = oneOf('profile', values.profile, LOCAL_SERVER_PROFILES);
  return { help: false, options };
}
