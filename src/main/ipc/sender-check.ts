// The rule every IPC message must pass before its argument is even parsed: it comes from
// the top frame of our own window, showing our own page. A subframe, another window or a
// page that navigated elsewhere gets nothing (Electron security checklist, item 17).
import { isRendererUrl, type RendererLocation } from '../renderer-location';

export interface SenderFacts {
  /** `event.sender.id`. */
  webContentsId: number;
  /** `event.senderFrame`; null when the frame is gone (navigated away or destroyed). */
  frame: { url: string; isTop: boolean; processId: number; routingId: number } | null;
}

export interface OwnWindowFacts {
  webContentsId: number;
  mainFrame: { processId: number; routingId: number };
}

export function isTrustedSender(sender: SenderFacts, window: OwnWindowFacts | null, location: RendererLocation): boolean {
  const { frame } = sender;
  if (!window || !frame) return false;
  return (
    sender.webContentsId === window.webContentsId &&
    frame.isTop &&
    frame.processId === window.mainFrame.processId &&
    frame.routingId === window.mainFrame.routingId &&
    isRendererUrl(frame.url, location)
  );
}
