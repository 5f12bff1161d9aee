// What one copy puts on the clipboard: the text, plus, for a secret, the markers that ask
// the OS and clipboard managers to keep it out of history and cloud sync. Written as one
// ClipboardItem so that every format lands atomically (separate writes would wipe each other).
const osFormat = (name: string): string => `electron application/osclipboard;format="${name}"`;

/** A DWORD 0: "no" for the Windows history and cloud-sync flags. */
const dwordZero = (): Blob => new Blob([new Uint8Array(4)]);

export function clipboardPayload(text: string, secret: boolean, platform: NodeJS.Platform): Record<string, string | Blob> {
  const payload: Record<string, string | Blob> = { 'text/plain': text };
  if (!secret) return payload;
  if (platform === 'win32') {
    // https://learn.microsoft.com/windows/win32/dataxchg/clipboard-formats#cloud-clipboard-and-clipboard-history-formats
    payload[osFormat('ExcludeClipboardContentFromMonitorProcessing')] = new Blob([]);
    payload[osFormat('CanIncludeInClipboardHistory')] = dwordZero();
    payload[osFormat('CanUploadToCloudClipboard')] = dwordZero();
  } else if (platform === 'darwin') {
    // http://nspasteboard.org: clipboard managers skip concealed items.
    payload[osFormat('org.nspasteboard.ConcealedType')] = '';
  }
  return payload;
}
