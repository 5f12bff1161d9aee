import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../../src/shared/node/cli-flags';
import { DEMO_PASSWORD_ENV } from '../../src/shared/utility-process-protocol';
import { DEFAULT_WEB_PORT, parseWebCliArgs } from '../../src/web/web-cli-options';

describe('web preview flags', () => {
  it('has defaults', () => {
    expect(parseWebCliArgs([])).toEqual({ help: false, options: { port: DEFAULT_WEB_PORT, autoConnect: null, keychain: false } });
  });

  it('reads every flag', () => {
    const command = parseWebCliArgs(['--port', '0', '--db', '/tmp/o.db', '--auto-connect', 'local', '--admin-password', 'long-enough', '--keychain', '--user-data=/tmp/u', '--token-ttl', '60']);
    expect(command).toEqual({
      help: false,
      options: { port: 0, dbPath: '/tmp/o.db', autoConnect: 'local', adminPassword: 'long-enough', keychain: true, userDataDir: '/tmp/u', tokenTtlSeconds: 60 },
    });
    expect(parseWebCliArgs(['--help'])).toEqual({ help: true });
  });

  it('takes the demo password from KEYDESK_DEMO_PASSWORD too, as the server does', () => {
    expect(parseWebCliArgs([], { [DEMO_PASSWORD_ENV]: 'from-the-env' })).toMatchObject({ options: { adminPassword: 'from-the-env' } });
  });

  it.each([
    [['--port', '70000'], '--port must be between 0 and 65535, not 70000.'],
    [['--port', '12ab'], '--port must be a whole number, not "12ab".'],
    [['--port'], '--port needs a value.'],
    [['--auto-connect', 'cloud'], '--auto-connect must be "local", not "cloud".'],
    [['--admin-password', 'short'], '--admin-password must be at least 8 characters.'],
    [['--db', ' '], '--db needs a file path.'],
    [['--user-data='], '--user-data needs a folder path.'],
    [['--token-ttl', '0'], '--token-ttl must be between 1 and 86400, not 0.'],
    [['--keychain=yes'], '--keychain takes no value.'],
    [['--port', '1', '--port=2'], '--port is given more than once.'],
    [['--unknown'], 'Unknown option --unknown.'],
    [['positional'], 'Unexpected argument "positional": options start with --.'],
  ])('refuses %j with a message naming the flag', (argv, message) => {
    expect(() => parseWebCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseWebCliArgs(argv)).toThrow(message);
  });
});
