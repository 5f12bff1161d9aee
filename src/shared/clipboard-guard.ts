// Copies to the clipboard and takes a copied secret back out after a delay, and at quit,
// but only while the clipboard still holds that very value: whatever the user copied
// since is left alone (Bitwarden's clipboard.main.ts does the same). Host-agnostic: the
// Electron main process and the web preview's page each supply their own port.
import { AppError } from './errors';

export interface ClipboardPort {
  readText(): Promise<string>;
  /**
   * `secret: true` asks the host to keep the value out of clipboard history and clipboard
   * managers where the OS allows it (Windows: ExcludeClipboardContentFromMonitorProcessing;
   * macOS: org.nspasteboard.ConcealedType).
   */
  writeText(text: string, options: { secret: boolean }): Promise<void>;
  clear(): Promise<void>;
}

export type SetTimer = (fn: () => void, ms: number) => { cancel(): void };

export const defaultSetTimer: SetTimer = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(handle) };
};

export interface CopyOptions {
  secret: boolean;
  /** Clears the value after this many seconds; `null` leaves it (an email, an id). */
  clearAfterSeconds: number | null;
}

export interface ClipboardGuard {
  copy(text: string, options: CopyOptions): Promise<{ clearsAfterSeconds: number | null }>;
  /** At quit: clears a value still pending its clear, if the clipboard still holds it. */
  dispose(): Promise<void>;
}

export function createClipboardGuard(clipboard: ClipboardPort, setTimer: SetTimer = defaultSetTimer): ClipboardGuard {
  let pending: { value: string; timer: { cancel(): void } } | null = null;

  async function clearIfStillHeld(value: string): Promise<void> {
    if ((await clipboard.readText()) === value) await clipboard.clear();
  }

  function forgetPending(): string | null {
    if (!pending) return null;
    pending.timer.cancel();
    const { value } = pending;
    pending = null;
    return value;
  }

  return {
    async copy(text, options) {
      // A new copy replaces whatever we were waiting to clear: that value is gone already.
      forgetPending();
      try {
        await clipboard.writeText(text, { secret: options.secret });
      } catch {
        // A browser refuses without a user gesture or permission; an OS clipboard may be busy.
        throw AppError.because('INTERNAL', 'clipboard-refused', {}, 'The clipboard refused the copy. Try again, or select the text and copy it yourself.');
      }
      if (options.clearAfterSeconds === null) return { clearsAfterSeconds: null };
      const entry = {
        value: text,
        timer: setTimer(() => {
          if (pending !== entry) return;
          pending = null;
          // A failed clear has nobody to report to: the timer runs outside any request.
          clearIfStillHeld(entry.value).catch(() => undefined);
        }, options.clearAfterSeconds * 1000),
      };
      pending = entry;
      return { clearsAfterSeconds: options.clearAfterSeconds };
    },
    async dispose() {
      const value = forgetPending();
      if (value !== null) await clearIfStillHeld(value);
    },
  };
}
