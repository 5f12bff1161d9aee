// Session-only credentials: the web preview's default, and the stand-in for tests that
// are not about the keychain.
import type { CredentialStore } from './credential-store';

export function createMemoryCredentialStore(): CredentialStore {
  const tokens = new Map<string, string>();
  return {
    kind: 'memory',
    getRefreshToken: async (connectionId) => tokens.get(connectionId) ?? null,
    setRefreshToken: async (connectionId, refreshToken) => {
      tokens.set(connectionId, refreshToken);
    },
    deleteRefreshToken: async (connectionId) => {
      tokens.delete(connectionId);
    },
  };
}
