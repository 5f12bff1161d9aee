// Where a connection's rotating refresh token is kept between runs. The keychain-backed
// implementation is the only one that persists anything; nothing here ever falls back to
// a plaintext file.
export interface CredentialStore {
  /** `keychain`: survives a restart; `memory`: this run only (web preview, tests). */
  readonly kind: 'keychain' | 'memory';
  getRefreshToken(connectionId: string): Promise<string | null>;
  setRefreshToken(connectionId: string, refreshToken: string): Promise<void>;
  deleteRefreshToken(connectionId: string): Promise<void>;
}
