// The Electron side of the clipboard port (the guard that clears secrets lives in
// src/shared/clipboard-guard.ts and is driven by the services).
import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../shared/clipboard-guard';
import { clipboardPayload } from './clipboard-payload';

export function createElectronClipboardPort(platform: NodeJS.Platform = process.platform): ClipboardPort {
  return {
    readText: () => clipboard.readText(),
    async writeText(text, { secret }) {
      try {
        await clipboard.write([new ClipboardItem(clipboardPayload(text, secret, platform))]);
      } catch {
        // Where the OS refuses a raw format, the copy still has to happen, unmarked.
        await clipboard.writeText(text);
      }
    },
    clear: async () => clipboard.clear(),
  };
}
