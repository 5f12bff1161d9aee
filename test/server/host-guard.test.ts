import { describe, expect, it } from 'vitest';
import { allowedHostHeaders } from '../../src/server/http/host-guard';

describe('allowedHostHeaders', () => {
  it('accepts the loopback names with the port when bound to loopback', () => {
    expect(allowedHostHeaders('127.0.0.1', 8787)).toEqual(new Set(['127.0.0.1:8787', 'localhost:8787', '[::1]:8787']));
    expect(allowedHostHeaders('::1', 80)).toEqual(new Set(['127.0.0.1:80', 'localhost:80', '[::1]:80']));
    expect(allowedHostHeaders('127.0.0.2', 1)?.has('127.0.0.2:1')).toBe(true);
  });

  it('accepts any name when bound beyond loopback', () => {
    expect(allowedHostHeaders('0.0.0.0', 8787)).toBeNull();
    expect(allowedHostHeaders('192.168.1.20', 8787)).toBeNull();
  });
});
