// The sign-in form's own checks: every bound the contract's signIn holds, said by field in
// the app's words, before anything is sent (found by the hostile typing test: a 5,000-character
// email reached the contract and was refused there).
import { describe, expect, it } from 'vitest';
import { checkSignIn } from '@renderer/features/connections/lib/sign-in-form';

const valid = { serverUrl: 'api.jmapcloud.io', username: 'admin@example.com', password: 'secret' };

describe('checkSignIn', () => {
  it('finds nothing wrong with a bare host name, an email and a password', () => {
    expect(checkSignIn(valid)).toEqual({});
  });

  it.each([
    [{ serverUrl: '' }, { serverUrl: 'validation.serverUrl' }],
    [{ serverUrl: 'not a url' }, { serverUrl: 'validation.serverUrl' }],
    [{ serverUrl: 'http://api.jmapcloud.io' }, { serverUrl: 'validation.serverUrlHttps' }],
    [{ serverUrl: 'https://admin:pw@api.jmapcloud.io' }, { serverUrl: 'validation.serverUrlExtras' }],
    [{ serverUrl: 'https://api.jmapcloud.io/?x=1' }, { serverUrl: 'validation.serverUrlExtras' }],
    [{ serverUrl: `https://${'a'.repeat(2100)}.io` }, { serverUrl: 'validation.serverUrlTooLong' }],
    [{ username: '   ' }, { username: 'validation.email' }],
    [{ username: `${'a'.repeat(320)}@x` }, { username: 'validation.emailTooLong' }],
    [{ password: '' }, { password: 'validation.password' }],
    [{ password: 'p'.repeat(1025) }, { password: 'validation.passwordTooLong' }],
  ])('says %j is wrong at its field', (change, found) => {
    expect(checkSignIn({ ...valid, ...change })).toEqual(found);
  });
});
