// The server address as people type it (issue 9: a value that was no URL threw inside the
// schema — an uncaught page error in the form, a 500 INTERNAL over the bridge).
import { describe, expect, it } from 'vitest';
import { serverUrlSchema } from '../../src/shared/session';

const accepted = (value: string): string | undefined => serverUrlSchema.safeParse(value).data;
const refusal = (value: string): string | undefined => serverUrlSchema.safeParse(value).error?.issues[0]?.message;

describe('serverUrlSchema', () => {
  it('reads a bare host name as https, as a browser does', () => {
    expect(accepted('api.jmapcloud.io')).toBe('https://api.jmapcloud.io');
    expect(accepted('  api.qa.jmapcloud.io/  ')).toBe('https://api.qa.jmapcloud.io');
    expect(accepted('localhost:8787')).toBe('https://localhost:8787');
  });

  it('keeps https anywhere and http on loopback, normalized', () => {
    expect(accepted('HTTPS://API.JMapCloud.io/')).toBe('https://api.jmapcloud.io');
    expect(accepted('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(accepted('http://[::1]:8787/')).toBe('http://[::1]:8787');
    expect(accepted('https://gis.example.com/jmap/')).toBe('https://gis.example.com/jmap');
  });

  it.each([
    ['', 'Enter the server address'],
    ['   ', 'Enter the server address'],
    ['not a url', 'Enter the server address'],
    ['https://', 'Enter the server address'],
    ['ftp://api.jmapcloud.io', 'Enter the server address'],
    ['javascript://alert(1)', 'Enter the server address'],
    ['http://[::1', 'Enter the server address'],
    ['https://exa\u0000mple.com', 'Enter the server address'],
    ['http://api.jmapcloud.io', 'must use https'],
    ['http://127.0.0.1.example.com', 'must use https'],
    ['https://admin:secret@api.jmapcloud.io', 'user name, a password'],
    ['https://api.jmapcloud.io/?apiKey=x', 'query'],
    ['https://api.jmapcloud.io/#top', 'fragment'],
    [`https://${'a'.repeat(2050)}.io`, 'too long'],
  ])('refuses %j with a sentence, without throwing', (value, sentence) => {
    expect(() => serverUrlSchema.safeParse(value)).not.toThrow();
    expect(refusal(value)).toContain(sentence);
  });
});
