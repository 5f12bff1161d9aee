import { describe, expect, it } from 'vitest';
import { DEFAULT_WEB_PORT, parseWebCliArgs, WebUsageError } from '../../src/web/web-cli-options';

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

  it.each([
    [['--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['--port', '12ab'], /--port must be a whole number/],
    [['--port'], /--port/],
    [['--auto-connect', 'cloud'], /--auto-connect accepts only "local"/],
    [['--admin-password', 'short'], /at least 8 characters/],
    [['--db', ' '], /--db must not be empty/],
    [['--token-ttl', '0'], /--token-ttl must be a whole number from 1/],
    [['--unknown'], /--unknown/],
    [['positional'], /positional/],
  ])('refuses %j with a message naming the flag', (argv, message) => {
    expect(() => parseWebCliArgs(argv)).toThrow(WebUsageError);
    expect(() => parseWebCliArgs(argv)).toThrow(message);
  });
});
