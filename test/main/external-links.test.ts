import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isSignInPageUrl } from '../../src/main/external-links';

describe('external links', () => {
  it('opens only known https pages', () => {
    expect(isAllowedExternalUrl('https://docs.jmapcloud.io/en/api-keys')).toBe(true);
    for (const url of [
      'http://docs.jmapcloud.io/',
      'https://docs.jmapcloud.io.evil.example/',
      'https://user:pw@docs.jmapcloud.io/',
      'https://docs.jmapcloud.io:8443/',
      'file:///etc/passwd',
      'smb://host/share',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('opens an identity provider’s sign-in page over https, or http on this computer only', () => {
    for (const url of ['https://k2.auth0.com/authorize?client_id=a', 'http://127.0.0.1:8787/authorize?state=x']) expect(isSignInPageUrl(url), url).toBe(true);
    for (const url of ['http://login.example.com/authorize', 'https://user:pw@k2.auth0.com/', 'file:///etc/passwd', 'ms-settings:', 'javascript:alert(1)', 'not a url']) {
      expect(isSignInPageUrl(url), url).toBe(false);
    }
  });
});
