// `npm run web -- [--port N] [--db FILE] [--auto-connect local] [--admin-password PW]
// [--keychain] [--user-data DIR] [--token-ttl SECONDS]`, checked flag by flag with the
// same checkers as the server's (src/shared/node/cli-flags.ts).
import { demoPassword, nonBlank, oneOf, readFlags, wholeNumber } from '../shared/node/cli-flags';
import { LOCAL_SERVER_PROFILES, type LocalServerProfile } from '../shared/server-capabilities';
import { DEMO_PASSWORD_ENV } from '../shared/utility-process-protocol';

export const WEB_USAGE = `Usage: npm run web -- [options]

  --port N               port of the web preview (default 5180; 0 picks a free port)
  --db FILE              database of the local organization (default: a fresh temporary one)
  --auto-connect local   open the local organization at start, so the page shows the keys
  --admin-password PW    password of the demo users (default: $${DEMO_PASSWORD_ENV}, else
                         generated and printed; the variable keeps it out of \`ps\`)
  --keychain             keep "remembered" sign-ins in the OS keychain (default: memory only)
  --user-data DIR        folder for profiles and settings (default: a fresh temporary one)
  --token-ttl SECONDS    access-token lifetime of the local organization (default 900)
  --profile default|jmapcloud
                         the local organization with every KeyDesk extension (default),
                         or as JMap Cloud answers: its public API only
  --help                 show this help`;

export const DEFAULT_WEB_PORT = 5180;

export interface WebCliOptions {
  port: number;
  dbPath?: string;
  autoConnect: 'local' | null;
  adminPassword?: string;
  keychain: boolean;
  userDataDir?: string;
  tokenTtlSeconds?: number;
  profile?: LocalServerProfile;
}

export type WebCliCommand = { help: true } | { help: false; options: WebCliOptions };

export function parseWebCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): WebCliCommand {
  const values = readFlags(argv, {
    port: { type: 'string' },
    db: { type: 'string' },
    'auto-connect': { type: 'string' },
    'admin-password': { type: 'string' },
    keychain: { type: 'boolean' },
    'user-data': { type: 'string' },
    'token-ttl': { type: 'string' },
    profile: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { help: true };
  const options: WebCliOptions = {
    port: values.port === undefined ? DEFAULT_WEB_PORT : wholeNumber('port', values.port, 0, 65535),
    autoConnect: values['auto-connect'] === undefined ? null : oneOf('auto-connect', values['auto-connect'], ['local']),
    keychain: values.keychain ?? false,
  };
  if (values.db !== undefined) options.dbPath = nonBlank('db', values.db, 'a file path');
  const adminPassword = demoPassword(values['admin-password'], env);
  if (adminPassword !== undefined) options.adminPassword = adminPassword;
  if (values['user-data'] !== undefined) options.userDataDir = nonBlank('user-data', values['user-data'], 'a folder path');
  if (values['token-ttl'] !== undefined) options.tokenTtlSeconds = wholeNumber('token-ttl', values['token-ttl'], 1, 86_400);
  if (values.profile !== undefined) options.profile = oneOf('profile', values.profile, LOCAL_SERVER_PROFILES);
  return { help: false, options };
}
