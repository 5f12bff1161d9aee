import { describe, expect, it } from 'vitest';
import { isTrustedSender, type OwnWindowFacts, type SenderFacts } from '../../src/main/ipc/sender-check';
import { isRendererUrl, resolveRendererLocation } from '../../src/main/renderer-location';

const fileLocation = resolveRendererLocation({ indexHtmlPath: '/opt/KeyDesk/resources/app.asar/out/renderer/index.html', isDevelopment: false });
const devLocation = resolveRendererLocation({ indexHtmlPath: '/x/index.html', devServerUrl: 'http://localhost:5173/', isDevelopment: true });
const ownWindow: OwnWindowFacts = { webContentsId: 1, mainFrame: { processId: 4, routingId: 2 } };
const fromOwnPage = (url: string): SenderFacts => ({ webContentsId: 1, frame: { url, isTop: true, processId: 4, routingId: 2 } });
const ownFileUrl = 'file:///opt/KeyDesk/resources/app.asar/out/renderer/index.html';

describe('isTrustedSender', () => {
  it('accepts the top frame of our window showing our page (any hash)', () => {
    expect(isTrustedSender(fromOwnPage(ownFileUrl), ownWindow, fileLocation)).toBe(true);
    expect(isTrustedSender(fromOwnPage(`${ownFileUrl}#/keys`), ownWindow, fileLocation)).toBe(true);
    expect(isTrustedSender(fromOwnPage('http://localhost:5173/#/keys'), ownWindow, devLocation)).toBe(true);
  });

  it('refuses a missing frame, a missing window, a subframe, another frame or another window', () => {
    expect(isTrustedSender({ webContentsId: 1, frame: null }, ownWindow, fileLocation)).toBe(false);
    expect(isTrustedSender(fromOwnPage(ownFileUrl), null, fileLocation)).toBe(false);
    const frame = { url: ownFileUrl, isTop: true, processId: 4, routingId: 2 };
    expect(isTrustedSender({ webContentsId: 1, frame: { ...frame, isTop: false } }, ownWindow, fileLocation)).toBe(false);
    expect(isTrustedSender({ webContentsId: 1, frame: { ...frame, routingId: 3 } }, ownWindow, fileLocation)).toBe(false);
    expect(isTrustedSender({ webContentsId: 1, frame: { ...frame, processId: 5 } }, ownWindow, fileLocation)).toBe(false);
    expect(isTrustedSender({ webContentsId: 2, frame }, ownWindow, fileLocation)).toBe(false);
  });

  it('refuses our frame once it shows another page', () => {
    for (const url of [
      'https://evil.example/',
      'file:///opt/KeyDesk/resources/app.asar/out/renderer/other.html',
      'file:///tmp/index.html',
      'file://remote-host/opt/KeyDesk/resources/app.asar/out/renderer/index.html',
      'http://localhost:5174/',
      'about:blank',
      'not a url',
    ]) {
      expect(isTrustedSender(fromOwnPage(url), ownWindow, fileLocation), url).toBe(false);
    }
    expect(isTrustedSender(fromOwnPage('http://127.0.0.1:5173/'), ownWindow, devLocation)).toBe(false);
    expect(isTrustedSender(fromOwnPage(ownFileUrl), ownWindow, devLocation)).toBe(false);
  });
});

describe('resolveRendererLocation', () => {
  it('uses the dev server only in development and only on loopback http', () => {
    expect(resolveRendererLocation({ indexHtmlPath: '/a/index.html', devServerUrl: 'http://localhost:5173', isDevelopment: false }).kind).toBe('file');
    expect(resolveRendererLocation({ indexHtmlPath: '/a/index.html', devServerUrl: 'https://evil.example', isDevelopment: true }).kind).toBe('file');
    expect(resolveRendererLocation({ indexHtmlPath: '/a/index.html', devServerUrl: 'http://127.0.0.1:5173', isDevelopment: true })).toEqual({
      kind: 'dev-server',
      url: 'http://127.0.0.1:5173/',
      origin: 'http://127.0.0.1:5173',
    });
  });

  it('matches a file page with spaces in its path', () => {
    const location = resolveRendererLocation({ indexHtmlPath: '/Applications/Key Desk.app/out/renderer/index.html', isDevelopment: false });
    expect(isRendererUrl(location.url, location)).toBe(true);
    expect(isRendererUrl('file:///Applications/Key%20Desk.app/out/renderer/index.html?x=1', location)).toBe(true);
  });
});
