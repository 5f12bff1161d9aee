// Every CLI flag: accepted forms, defaults, and a specific message for each bad value.
import { describe, expect, it } from 'vitest';
import { CliUsageError, DEFAULT_CLI_PORT, parseCliArgs } from '../../src/server/cli-options';

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
    [['--port', '-1'], '--port must be a whole number, not "-1".'],
    [['--port', '70000'], '--port must be between 0 and 65535, not 70000.'],
    [['--port', '1.5'], '--port must be a whole number'],
    [['--seed', 'lots'], '--seed must be "demo" or "none", not "lots".'],
    [['--token-ttl', '0'], '--token-ttl must be between 1 and 86400'],
    [['--token-ttl', 'soon'], '--token-ttl must be a whole number'],
    [['--admin-password', 'short'], '--admin-password must be at least 8 characters.'],
    [['--colour', 'blue'], 'Unknown option --colour.'],
    [['--db'], '--db needs a value.'],
    [['--db', '--seed', 'demo'], '--db needs a value.'],
    [['--db='], '--db needs a file path or :memory:.'],
    [['--host', ' '], '--host must not be empty.'],
    [['--port', '1', '--port', '2'], '--port is given more than once.'],
    [['stray'], 'Unexpected argument "stray"'],
  ])('refuses %j: %s', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(CliUsageError);
    expect(() => parseCliArgs(args)).toThrow(message);
  });
});
