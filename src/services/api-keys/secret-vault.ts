// A new key's secret, kept in main only while the creation wizard shows it, so that the
// Copy button can work without the secret crossing IPC a second time. Dropped when the
// wizard closes, when another key is created, at sign-out, at quit, and in any case after
// a while: a renderer that reloads mid-wizard never calls `forgetSecret`.
import { defaultSetTimer, type SetTimer } from '../../shared/clipboard-guard';

export interface SecretVault {
  keep(apiKeyId: string, secret: string): void;
  get(apiKeyId: string): string | undefined;
  forget(apiKeyId: string): void;
  clear(): void;
}

/** Long enough to read, copy and paste a secret; short enough that a forgotten one goes. */
export const SECRET_LIFETIME_MS = 15 * 60 * 1000;

/** Only one wizard is ever open, so one slot: keeping a new secret drops the previous one. */
export function createSecretVault(setTimer: SetTimer = defaultSetTimer): SecretVault {
  let slot: { apiKeyId: string; secret: string; expiry: { cancel(): void } } | null = null;
  const clear = (): void => {
    slot?.expiry.cancel();
    slot = null;
  };
  return {
    keep(apiKeyId, secret) {
      clear();
      slot = { apiKeyId, secret, expiry: setTimer(clear, SECRET_LIFETIME_MS) };
    },
    get: (apiKeyId) => (slot?.apiKeyId === apiKeyId ? slot.secret : undefined),
    forget(apiKeyId) {
      if (slot?.apiKeyId === apiKeyId) clear();
    },
    clear,
  };
}
