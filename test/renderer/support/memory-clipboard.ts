// The clipboard port of the tests: the text lives in memory, and a test can read what the
// app copied and whether it was meant to stay out of clipboard history.
import type { ClipboardPort } from '../../../src/shared/clipboard-guard';

export type MemoryClipboard = ClipboardPort & {
  /** The clipboard's content now ('' when empty). */
  readonly text: string;
  /** Whether the last write asked to keep the value out of clipboard history. */
  readonly lastWriteWasSecret: boolean;
};

export function createMemoryClipboard(): MemoryClipboard {
  let text = '';
  let secret = false;
  return {
    get text() {
      return text;
    },
    get lastWriteWasSecret() {
      return secret;
    },
    readText: async () => text,
    writeText: async (value, options) => {
      text = value;
      secret = options.secret;
    },
    clear: async () => {
      text = '';
      secret = false;
    },
  };
}
