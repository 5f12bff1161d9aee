import { describe, expect, it } from 'vitest';
import { clipboardPayload } from '../../src/main/clipboard-payload';

describe('clipboard payload', () => {
  it('is plain text for an ordinary copy on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) expect(clipboardPayload('hello', false, platform)).toEqual({ 'text/plain': 'hello' });
  });

  it('marks a secret to stay out of history and clipboard managers on Windows', async () => {
    const payload = clipboardPayload('s3cret', true, 'win32');
    expect(payload['text/plain']).toBe('s3cret');
    const exclude = payload['electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"'];
    expect(exclude).toBeInstanceOf(Blob);
    const history = payload['electron application/osclipboard;format="CanIncludeInClipboardHistory"'] as Blob;
    expect([...new Uint8Array(await history.arrayBuffer())]).toEqual([0, 0, 0, 0]);
    expect(payload['electron application/osclipboard;format="CanUploadToCloudClipboard"']).toBeInstanceOf(Blob);
  });

  it('marks a secret as concealed on macOS, and leaves Linux (no such convention) plain', () => {
    expect(Object.keys(clipboardPayload('s3cret', true, 'darwin'))).toEqual(['text/plain', 'electron application/osclipboard;format="org.nspasteboard.ConcealedType"']);
    expect(clipboardPayload('s3cret', true, 'linux')).toEqual({ 'text/plain': 's3cret' });
  });
});
