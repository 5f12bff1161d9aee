// Imported first by main.tsx: in the web preview (no preload, so no window.keydesk, and a
// bridge token in the page) it installs window.keydesk over HTTP. In Electron it does nothing.
import { browserClipboardPort, createHttpKeyDesk, readBridgeToken } from '@renderer/platform/http-keydesk';

const token = readBridgeToken(document);
if ((window as Partial<Window>).keydesk === undefined && token) {
  window.keydesk = createHttpKeyDesk({ token, clipboard: navigator.clipboard ? browserClipboardPort(navigator.clipboard) : undefined });
}
