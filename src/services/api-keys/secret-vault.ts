// A new key's secret, kept in main only while the creation wizard shows it, so that the
// Copy button can work without the secret crossing IPC a second time. Dropped when the
// wizard closes, at sign-out and at quit.
export interface SecretVault {
  keep(apiKeyId: string, secret: string): void;
  get(apiKeyId: string): string | undefined;
  forget(apiKeyId: string): void;
  clear(): void;
}

/** More than one open wizard is not possible; this only bounds a misbehaving renderer. */
const MAX_SECRETS = 20;

export function createSecretVault(): SecretVault {
  const secrets = new Map<string, string>();
  return {
    keep(apiKeyId, secret) {
      secrets.delete(apiKeyId);
      secrets.set(apiKeyId, secret);
      while (secrets.size > MAX_SECRETS) secrets.delete(secrets.keys().next().value as string);
    },
    get: (apiKeyId) => secrets.get(apiKeyId),
    forget(apiKeyId) {
      secrets.delete(apiKeyId);
    },
    clear() {
      secrets.clear();
    },
  };
}
