import { describe, expect, it } from 'vitest';
import { isTrustedSender, type OwnWindowFacts, type SenderFacts } from '../../src/main/ipc/sender-check';
import { isRendererUrl, resolveRendererLocation } from '../../src/main/renderer-location';

const appLocation = resolveRendererLocation({ rendererDir: '/opt/KeyDesk/resources/app.asar/out/renderer', isDevelopment: false });
const devLocation = resolveRendererLocation({ rendererDir: '/x', devServerUrl: 'http://localhost:5173/', isDevelopment: true });
const ownWindow: OwnWindowFacts = { webContentsId: 1, mainFrame: { processId: 4, routingId: 2 } };
const fromOwnPage = (url: string): SenderFacts => ({ webContentsId: 1, frame: { url, isTop: true, processId: 4, routingId: 2 } });
const ownPageUrl = 'app://keydesk/index.html';

describe('isTrustedSender', () => {
  it('accepts the top frame of our window showing our page (any hash)', () => {
    expect(isTrustedSender(fromOwnPage(ownPageUrl), ownWindow, appLocation)).toBe(true);
    expect(isTrustedSender(fromOwnPage(`${ownPageUrl}#/keys`), ownWindow, appLocation)).toBe(true);
    expect(isTrustedSender(fromOwnPage('http://localhost:5173/#/keys'), ownWindow, devLocation)).toBe(true);
  });

  it('refuses a missing frame, a missing window, a subframe, another frame or another window', () => {
    expect(isTrustedSender({ webContentsId: 1, frame: null }, ownWindow, appLocation)).toBe(false);
    expect(isTrustedSender(fromOwnPage(ownPageUrl), null, appLocation)).toBe(false);
    const frame = { url: ownPageUrl, isTop: true, processId: 4, routingId: 2 };
    expect(isTrustedSender({ webContentsId: 1, frame: { ...frame, isTop: false } }, ownWindow, appLocation)).toBe(false);
    expect(isTrustedSender({ webContentsId: 1, frame: { ...frame, routingId: 3 } }, ownWindow, appLocation)).toBe(false);
    expect(isTrustedSender({ webContentsId: 1, frame: { ...frame, processId: 5 } }, ownWindow, appLocation)).toBe(false);
    expect(isTrustedSender({ webContentsId: 2, frame }, ownWindow, appLocation)).toBe(false);
  });

  it('refuses our frame once it shows another page', () => {
    for (const url of [
      'https://evil.example/',
      // The page as it was served before app:// (file:// pages may read any file: checklist item 18).
      'file:///opt/KeyDesk/resources/app.asar/out/renderer/index.html',
      'file:///tmp/index.html',
      'app://keydesk/other.html',
      'app://keydesk/',
      'app://evil/index.html',
      'app://user@keydesk/index.html',
      'app://keydesk:8080/index.html',
      'appx://keydesk/index.html',
      'http://keydesk/index.html',
      'http://localhost:5174/',
      'about:blank',
      'not a url',
    ]) {
      expect(isTrustedSender(fromOwnPage(url), ownWindow, appLocation), url).toBe(false);
    }
    expect(isTrustedSender(fromOwnPage('http://127.0.0.1:5173/'), ownWindow, devLocation)).toBe(false);
    expect(isTrustedSender(fromOwnPage(ownPageUrl), ownWindow, devLocation)).toBe(false);
  });
});

describe('resolveRendererLocation', () => {
  it('uses the dev server only in development and only on loopback http', () => {
    expect(resolveRendererLocation({ rendererDir: '/a', devServerUrl: 'http://localhost:5173', isDevelopment: false }).kind).toBe('app-protocol');
    expect(resolveRendererLocation({ rendererDir: '/a', devServerUrl: 'https://evil.example', isDevelopment: true }).kind).toBe('app-protocol');
    expect(resolveRendererLocation({ rendererDir: '/a', devServerUrl: 'http://127.0.0.1:5173', isDevelopment: true })).toEqual({
      kind: 'dev-server',
      url: 'http://127.0.0.1:5173/',
      origin: 'http://127.0.0.1:5173',
    });
  });

  it('serves the built page from app://keydesk, whatever folder holds it', () => {
    const location = resolveRendererLocation({ rendererDir: '/Applications/Key Desk.app/Contents/Resources/app.asar/out/renderer', isDevelopment: false });
    expect(location).toEqual({
      kind: 'app-protocol',
      url: 'app://keydesk/index.html',
      origin: 'app://keydesk',
      rendererDir: '/Applications/Key Desk.app/Contents/Resources/app.asar/out/renderer',
    });
    expect(isRendererUrl(location.url, location)).toBe(true);
    expect(isRendererUrl('app://keydesk/index.html?x=1#/keys', location)).toBe(true);
  });
});
