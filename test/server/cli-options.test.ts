// Every CLI flag: accepted forms, defaults, and a specific message for each bad value.
import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../../src/shared/node/cli-flags';
import { DEMO_PASSWORD_ENV } from '../../src/shared/utility-process-protocol';
import { DEFAULT_CLI_PORT, parseCliArgs } from '../../src/server/cli-options';

describe('parseCliArgs', () => {
  it('has defaults, and reads "--flag value" and "--flag=value"', () => {
    expect(parseCliArgs([])).toEqual({ help: false, options: { port: DEFAULT_CLI_PORT } });
    expect(
      parseCliArgs(['--port', '0', '--host=::1', '--db', ':memory:', '--seed=demo', '--admin-password', 'p@ss=word', '--token-ttl', '60']),
    ).toEqual({
      help: false,
      options: { port: 0, host: '::1', dbPath: ':memory:', seed: 'demo', adminPassword: 'p@ss=word', tokenTtlSeconds: 60 },
    });
    expect(parseCliArgs(['--admin-password=a=b=c=d=e'])).toMatchObject({ options: { adminPassword: 'a=b=c=d=e' } });
    expect(parseCliArgs(['--seed', 'none', '--help'])).toEqual({ help: true });
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number, not "abc".'],
    [['--port=-1'], '--port must be a whole number, not "-1".'],
    [['--port', '-1'], '--port needs a value (one that starts with a dash is written --port=VALUE).'],
    [['--port', '70000'], '--port must be between 0 and 65535, not 70000.'],
    [['--port', '1.5'], '--port must be a whole number'],
    [['--seed', 'lots'], '--seed must be "demo" or "none", not "lots".'],
    [['--token-ttl', '0'], '--token-ttl must be between 1 and 86400'],
    [['--token-ttl', 'soon'], '--token-ttl must be a whole number'],
    [['--admin-password', 'short'], '--admin-password must be at least 8 characters.'],
    [['--colour', 'blue'], 'Unknown option --colour.'],
    [['--db'], '--db needs a value.'],
    [['--db', '--seed', 'demo'], '--db needs a value'],
    [['--db='], '--db needs a file path or :memory:.'],
    [['--host', ' '], '--host needs an address, such as 127.0.0.1.'],
    [['--help=yes'], '--help takes no value.'],
    [['--port', '1', '--port', '2'], '--port is given more than once.'],
    [['stray'], 'Unexpected argument "stray": options start with --.'],
  ])('refuses %j: %s', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(CliUsageError);
    expect(() => parseCliArgs(args)).toThrow(message);
  });
});

describe('the demo password', () => {
  it('comes from KEYDESK_DEMO_PASSWORD when --admin-password is not given, off the visible command line', () => {
    expect(parseCliArgs(['--seed', 'demo'], { [DEMO_PASSWORD_ENV]: 'from-the-env' })).toMatchObject({ options: { adminPassword: 'from-the-env' } });
    expect(parseCliArgs(['--admin-password', 'from-the-flag'], { [DEMO_PASSWORD_ENV]: 'from-the-env' })).toMatchObject({
      options: { adminPassword: 'from-the-flag' },
    });
    expect(parseCliArgs([], { [DEMO_PASSWORD_ENV]: '' })).toEqual({ help: false, options: { port: DEFAULT_CLI_PORT } });
  });

  it('is refused when too short, naming where it came from', () => {
    expect(() => parseCliArgs([], { [DEMO_PASSWORD_ENV]: 'short' })).toThrow(`${DEMO_PASSWORD_ENV} must be at least 8 characters.`);
  });
});
