import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/server/cli-options';
import {
  DEMO_PASSWORD_ENV,
  listeningMessageSchema,
  utilityProcessArgs,
  utilityProcessCommandSchema,
  utilityProcessEnv,
} from '../../src/shared/utility-process-protocol';

describe('utility-process protocol', () => {
  it('starts the server on loopback, a free port, with the demo seed', () => {
    expect(utilityProcessArgs({ dbPath: '/data/org.db' })).toEqual(['--host', '127.0.0.1', '--port', '0', '--db', '/data/org.db', '--seed', 'demo']);
  });

  it('hands the demo password over in the environment, never on the command line', () => {
    const env = utilityProcessEnv({ adminPassword: 'sentinel-pw' }, { PATH: '/usr/bin' });
    expect(env).toEqual({ PATH: '/usr/bin', [DEMO_PASSWORD_ENV]: 'sentinel-pw' });
    expect(utilityProcessArgs({ dbPath: '/data/org.db' }).join(' ')).not.toContain('sentinel-pw');
  });

  it('is what the server reads: its own flag parser takes the arguments and the environment', () => {
    const args = utilityProcessArgs({ dbPath: '/data/org.db' });
    const env = utilityProcessEnv({ adminPassword: 'sentinel-pw' }, {});
    expect(parseCliArgs(args, env)).toEqual({
      help: false,
      options: { host: '127.0.0.1', port: 0, dbPath: '/data/org.db', seed: 'demo', adminPassword: 'sentinel-pw' },
    });
  });

  it('accepts only a loopback listening message', () => {
    const demo = { adminEmail: 'admin@demo.local', adminPassword: 'pw', organizationId: 'org' };
    expect(listeningMessageSchema.safeParse({ type: 'listening', url: 'http://127.0.0.1:4321', demo }).success).toBe(true);
    expect(listeningMessageSchema.safeParse({ type: 'listening', url: 'http://127.0.0.1:4321', demo: null }).success).toBe(true);
    expect(listeningMessageSchema.safeParse({ type: 'listening', url: 'http://evil.example:4321', demo }).success).toBe(false);
    expect(listeningMessageSchema.safeParse({ type: 'listening', url: 'https://127.0.0.1:4321', demo }).success).toBe(false);
    expect(listeningMessageSchema.safeParse({ type: 'other' }).success).toBe(false);
  });

  it('takes only the stop command from the parent', () => {
    expect(utilityProcessCommandSchema.safeParse({ type: 'stop' }).success).toBe(true);
    expect(utilityProcessCommandSchema.safeParse({ type: 'start' }).success).toBe(false);
    expect(utilityProcessCommandSchema.safeParse(null).success).toBe(false);
  });
});
