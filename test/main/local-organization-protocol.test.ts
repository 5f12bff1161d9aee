import { describe, expect, it } from 'vitest';
import { generateDemoPassword, listeningMessageSchema, redact, utilityProcessArgs, utilityProcessEnv } from '../../src/main/local-organization-protocol';
import { DEMO_PASSWORD_ENV } from '../../src/server/cli-flags';

describe('local organization protocol', () => {
  it('starts the server on loopback, a free port, with the demo seed', () => {
    expect(utilityProcessArgs({ dbPath: '/data/org.db' })).toEqual(['--host', '127.0.0.1', '--port', '0', '--db', '/data/org.db', '--seed', 'demo']);
  });

  it('hands the demo password over in the environment, never on the command line', () => {
    const env = utilityProcessEnv({ adminPassword: 'sentinel-pw' }, { PATH: '/usr/bin' });
    expect(env).toEqual({ PATH: '/usr/bin', [DEMO_PASSWORD_ENV]: 'sentinel-pw' });
    expect(utilityProcessArgs({ dbPath: '/data/org.db' }).join(' ')).not.toContain('sentinel-pw');
  });

  it('accepts only a loopback listening message', () => {
    const demo = { adminEmail: 'admin@demo.local', adminPassword: 'pw', organizationId: 'org' };
    expect(listeningMessageSchema.safeParse({ type: 'listening', url: 'http://127.0.0.1:4321', demo }).success).toBe(true);
    expect(listeningMessageSchema.safeParse({ type: 'listening', url: 'http://127.0.0.1:4321', demo: null }).success).toBe(true);
    expect(listeningMessageSchema.safeParse({ type: 'listening', url: 'http://evil.example:4321', demo }).success).toBe(false);
    expect(listeningMessageSchema.safeParse({ type: 'listening', url: 'https://127.0.0.1:4321', demo }).success).toBe(false);
    expect(listeningMessageSchema.safeParse({ type: 'other' }).success).toBe(false);
  });

  it('generates strong passwords and keeps them out of forwarded output', () => {
    const password = generateDemoPassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generateDemoPassword()).not.toBe(password);
    expect(redact(`Demo admin: admin@demo.local / ${password}\n`, password)).toBe('Demo admin: admin@demo.local / [redacted]\n');
  });
});
