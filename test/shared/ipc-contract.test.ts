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

  // Found by the hostile suite: both reached the organization client and threw there (INTERNAL).
  it('refuses an id holding half of a surrogate pair, and a page beyond the server’s last', () => {
    expect(ipcContract.getApiKey.request.safeParse({ id: 'a\ud800b' }).success).toBe(false);
    expect(ipcContract.getApiKey.request.safeParse({ id: 'key-🔑' }).success).toBe(true);
    expect(apiKeyQuerySchema.safeParse({ page: 2 ** 31 }).success).toBe(false);
    expect(apiKeyQuerySchema.safeParse({ page: 10_000_000 }).success).toBe(true);
  });
});
