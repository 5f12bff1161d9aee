import { describe, expect, it } from 'vitest';
import { createSecretVault, SECRET_LIFETIME_MS } from '../../../src/services/api-keys/secret-vault';
import type { SetTimer } from '../../../src/shared/clipboard-guard';

/** A timer the test fires by hand: the vault's expiry is the unit under test. */
function manualTimer(): { setTimer: SetTimer; fire(): void; delays: number[] } {
  const pending: { fn: () => void; cancelled: boolean }[] = [];
  const delays: number[] = [];
  return {
    delays,
    setTimer(fn, ms) {
      const entry = { fn, cancelled: false };
      pending.push(entry);
      delays.push(ms);
      return { cancel: () => void (entry.cancelled = true) };
    },
    fire() {
      for (const entry of pending.splice(0)) if (!entry.cancelled) entry.fn();
    },
  };
}

describe('the secret vault', () => {
  it('keeps the secret of the key just created until the wizard forgets it', () => {
    const vault = createSecretVault(manualTimer().setTimer);
    vault.keep('key-1', 'jmk_sentinel');
    expect(vault.get('key-1')).toBe('jmk_sentinel');
    vault.forget('key-1');
    expect(vault.get('key-1')).toBeUndefined();
  });

  it('holds one secret only: creating another key drops the previous one', () => {
    const vault = createSecretVault(manualTimer().setTimer);
    vault.keep('key-1', 'jmk_first');
    vault.keep('key-2', 'jmk_second');
    expect(vault.get('key-1')).toBeUndefined();
    expect(vault.get('key-2')).toBe('jmk_second');
  });

  it('drops a secret nobody forgot (a renderer reloaded mid-wizard) after its lifetime', () => {
    const timer = manualTimer();
    const vault = createSecretVault(timer.setTimer);
    vault.keep('key-1', 'jmk_sentinel');
    expect(timer.delays).toEqual([SECRET_LIFETIME_MS]);
    timer.fire();
    expect(vault.get('key-1')).toBeUndefined();
  });

  it('ignores forgetting another key', () => {
    const vault = createSecretVault(manualTimer().setTimer);
    vault.keep('key-1', 'jmk_sentinel');
    vault.forget('key-2');
    expect(vault.get('key-1')).toBe('jmk_sentinel');
  });
});
