import { describe, expect, it } from 'vitest';
import { generateDemoPassword, redact } from '../../src/main/local-organization-protocol';

describe('local organization protocol', () => {
  it('generates strong passwords and keeps them out of forwarded output', () => {
    const password = generateDemoPassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generateDemoPassword()).not.toBe(password);
    expect(redact(`Demo admin: admin@demo.local / ${password}\n`, password)).toBe('Demo admin: admin@demo.local / [redacted]\n');
  });
});
