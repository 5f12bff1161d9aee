// The web preview's server-side clipboard port. The copy must land on the *browser's*
// clipboard, which this process cannot reach: so the services' write is captured for
// the bridge call that caused it and handed back to that same page (which writes it with
// navigator.clipboard). For copySecret that page is the one already displaying the
// secret, and the answer goes only to a caller holding the session token. Nothing is
// kept here after the call; reads see an empty clipboard, so the services' own
// "clear after a delay" is a no-op: the page runs that guard itself.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClipboardPort } from '../shared/clipboard-guard';

type Capture = { text: string | null };

export interface CaptureClipboard {
  port: ClipboardPort;
  /** Runs `work`; returns its result and the text it wrote to the clipboard, if any. */
  capture<T>(work: () => Promise<T>): Promise<{ result: T; text: string | null }>;
}

export function createCaptureClipboard(): CaptureClipboard {
  const storage = new AsyncLocalStorage<Capture>();
  return {
    port: {
      readText: async () => '',
      writeText: async (text) => {
        const current = storage.getStore();
        if (current) current.text = text;
      },
      clear: async () => undefined,
    },
    async capture(work) {
      const box: Capture = { text: null };
      const result = await storage.run(box, work);
      return { result, text: box.text };
    },
  };
}
