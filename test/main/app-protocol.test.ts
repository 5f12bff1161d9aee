// The app:// handler that Electron calls for every request of the page (protocol.handle takes
// a (Request) => Response; Node has the same Request and Response), run against the real
// built renderer. This tests our handler, not Electron's protocol module.
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../src/main/app-protocol';
import { resolveRendererLocation } from '../../src/main/renderer-location';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';
import { ensureRendererBuilt } from '../../src/web/renderer-build';

let rendererDir: string;
const reads: string[] = [];
let handle: (request: Request) => Promise<Response>;
const get = (url: string, method = 'GET'): Promise<Response> => handle(new Request(url, { method }));

beforeAll(async () => {
  rendererDir = await ensureRendererBuilt();
  handle = createAppProtocolHandler({
    rendererDir,
    readFile: (path) => {
      reads.push(path);
      return readFile(path);
    },
  });
}, 180_000);

describe('app:// protocol', () => {
  it('registers a standard, secure scheme that neither bypasses the CSP nor allows cross-origin reads', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } });
  });

  it('serves the page the window loads, with the CSP header and no sniffing', async () => {
    const { url } = resolveRendererLocation({ rendererDir, isDevelopment: false });
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    // Not for the page Electron loads into its main frame (app-protocol.ts says why).
    expect(response.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(await response.text()).toBe(await readFile(join(rendererDir, 'index.html'), 'utf8'));
  });

  it('serves every script, style sheet and font the page asks for, with the type a module script needs', async () => {
    const page = 'app://keydesk/index.html';
    const html = await (await get(page)).text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => new URL(match[1] ?? '', page).href);
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    const types = new Map<string, string | null>();
    for (const asset of assets) {
      const response = await get(asset);
      expect(response.status, asset).toBe(200);
      types.set(asset, response.headers.get('content-type'));
      if (asset.endsWith('.css')) {
        const css = await response.text();
        // Small fonts are inlined as data: URLs; the others come from app:// too.
        const fonts = [...css.matchAll(/url\(([^)]+)\)/g)]
          .map((match) => new URL(match[1]?.replace(/["']/g, '') ?? '', asset).href)
          .filter((font) => font.startsWith('app:'));
        expect(fonts.length).toBeGreaterThan(0);
        for (const font of fonts) expect((await get(font)).status, font).toBe(200);
      }
    }
    for (const [asset, type] of types) {
      if (asset.endsWith('.js')) expect(type, asset).toBe('text/javascript; charset=utf-8');
      if (asset.endsWith('.css')) expect(type, asset).toBe('text/css; charset=utf-8');
    }
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://keydesk/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods', async () => {
    const response = await get('app://keydesk/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('serves nothing outside the built renderer, hidden files, folders or other hosts, and reads no such file', async () => {
    reads.length = 0;
    for (const url of [
      'app://keydesk/../main/index.js',
      'app://keydesk/%2e%2e/main/index.js',
      'app://keydesk/assets%2F..%2F..%2Fmain%2Findex.js',
      'app://keydesk/..%5C..%5Cpackage.json',
      'app://keydesk/%2Fetc%2Fpasswd',
      'app://keydesk/.web-preview-stamp',
      'app://keydesk/index.html%00.js',
      'app://keydesk/%E0%A4%A',
      'app://keydesk/assets',
      'app://keydesk/',
      'app://keydesk/missing.js',
      'app://evil/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('Not found.');
    }
    for (const path of reads) expect(relative(rendererDir, path).split(sep)[0], path).not.toBe('..');
  });
});
