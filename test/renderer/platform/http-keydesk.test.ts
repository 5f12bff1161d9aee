// The web preview's window.keydesk, alone: what it sends and how it fails. (The whole
// thing against the real bridge and services runs in Chromium: test/web/browser-client.test.ts.)
import { describe, expect, it, vi } from 'vitest';
import { createHttpKeyDesk, readBridgeToken } from '@renderer/platform/http-keydesk';
import { createMemoryClipboard } from '../support/memory-clipboard';

function answering(body: unknown) {
  return vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }));
}

describe('window.keydesk over HTTP', () => {
  it('posts each call to its bridge path with the session token, and no body for no argument', async () => {
    const fetch = answering({ ok: true, value: null });
    const keydesk = createHttpKeyDesk({ token: 'tok', fetch });
    await expect(keydesk.getSession()).resolves.toEqual({ ok: true, value: null });
    await keydesk.listApiKeys({ pageSize: 5 });
    expect(fetch.mock.calls[0]?.[0]).toBe('/__keydesk/getSession');
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', body: '', headers: { 'X-KeyDesk-Token': 'tok', 'Content-Type': 'application/json' } });
    expect(fetch.mock.calls[1]?.[1]?.body).toBe('{"pageSize":5}');
  });

  it('answers NETWORK when the preview server is gone or answers garbage', async () => {
    const down = createHttpKeyDesk({ token: 't', fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    await expect(down.getSession()).resolves.toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    const garbage = createHttpKeyDesk({ token: 't', fetch: vi.fn(async () => new Response('<html>')) });
    await expect(garbage.getSession()).resolves.toMatchObject({ ok: false, error: { code: 'NETWORK' } });
  });

  it('puts the text the bridge hands back on the page’s clipboard, and returns it to nobody', async () => {
    const clipboard = createMemoryClipboard();
    const keydesk = createHttpKeyDesk({ token: 't', fetch: answering({ ok: true, value: { clearsAfterSeconds: 60, text: 'kd_secret' } }), clipboard });
    await expect(keydesk.copySecret({ apiKeyId: 'k1' })).resolves.toEqual({ ok: true, value: { clearsAfterSeconds: 60 } });
    expect(clipboard.text).toBe('kd_secret');
  });

  it('passes a refused copy through, and says so when the page has no clipboard', async () => {
    const refused = { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } };
    await expect(createHttpKeyDesk({ token: 't', fetch: answering(refused), clipboard: createMemoryClipboard() }).copySecret({ apiKeyId: 'k' })).resolves.toEqual(refused);
    const noClipboard = createHttpKeyDesk({ token: 't', fetch: answering({ ok: true, value: { clearsAfterSeconds: null, text: 'x' } }) });
    await expect(noClipboard.copyText({ text: 'x' })).resolves.toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    const failing = { ...createMemoryClipboard(), writeText: async () => Promise.reject(new Error('Document is not focused.')) };
    const unfocused = createHttpKeyDesk({ token: 't', fetch: answering({ ok: true, value: { clearsAfterSeconds: null, text: 'x' } }), clipboard: failing });
    await expect(unfocused.copyText({ text: 'x' })).resolves.toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringMatching(/focus/) } });
  });

  it('has no menu commands', () => {
    const unsubscribe = createHttpKeyDesk({ token: 't', fetch: answering(null) }).onMenuCommand(() => undefined);
    expect(unsubscribe()).toBeUndefined();
  });

  it('reads the token only from its own meta tag', () => {
    document.head.innerHTML = '';
    expect(readBridgeToken(document)).toBeNull();
    document.head.innerHTML = '<meta name="keydesk-bridge-token" content="abc" />';
    expect(readBridgeToken(document)).toBe('abc');
  });
});
