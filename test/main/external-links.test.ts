import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../src/main/external-links';

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
});
