import { describe, expect, it } from 'vitest';
import { apiKeyQuerySchema, channelOf, ipcContract, IPC_METHODS } from '../../src/shared/ipc-contract';

describe('the IPC contract', () => {
  it('names every channel with the keydesk: prefix', () => {
    expect(IPC_METHODS.map(channelOf).every((channel) => channel.startsWith('keydesk:'))).toBe(true);
  });

  it('refuses a page larger than 100 and unknown fields', () => {
    expect(apiKeyQuerySchema.safeParse({ pageSize: 101 }).success).toBe(false);
    expect(apiKeyQuerySchema.safeParse({ page: 0, evil: true }).success).toBe(false);
  });

  it('takes what happens to a deleted key\'s resources as one ResourcesFate, and nothing else', () => {
    const remove = ipcContract.deleteApiKey.request;
    expect(remove.safeParse({ id: 'k', resources: { kind: 'transfer', to: 'm' } }).success).toBe(true);
    expect(remove.safeParse({ id: 'k', resources: { kind: 'delete-with-key' } }).success).toBe(true);
    expect(remove.safeParse({ id: 'k', resources: { kind: 'nothing-owned' } }).success).toBe(true);
    // The REST query's own words are the wire's, not the contract's.
    expect(remove.safeParse({ id: 'k', transferTo: 'm' }).success).toBe(false);
    expect(remove.safeParse({ id: 'k', resources: { kind: 'transfer' } }).success).toBe(false);
    expect(remove.safeParse({ id: 'k', resources: { kind: 'delete-with-key', to: 'm' } }).success).toBe(false);
  });

  it('refuses http to a remote host but allows it on loopback', () => {
    const signIn = ipcContract.signIn.request;
    const base = { username: 'a@b.c', password: 'x', remember: false };
    expect(signIn.safeParse({ ...base, serverUrl: 'http://example.com' }).success).toBe(false);
    expect(signIn.safeParse({ ...base, serverUrl: 'http://127.0.0.1:8787' }).success).toBe(true);
    expect(signIn.safeParse({ ...base, serverUrl: 'https://api.jmapcloud.io/' }).data?.serverUrl).toBe(
      'https://api.jmapcloud.io',
    );
  });
});
