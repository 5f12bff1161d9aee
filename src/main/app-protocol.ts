// The app:// protocol that serves the built renderer (Electron's security checklist, item 18):
// only the files of out/renderer, only to GET and HEAD, each answer with the page's CSP. The
// handler is a plain (Request) => Response, the shape protocol.handle takes, so that it is
// tested with Node against the real built renderer (test/main/app-protocol.test.ts).
import { readFile as readFileFromDisk } from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import { contentTypeOf, rendererSecurityHeaders, resolveRendererFile } from '../shared/node/renderer-files';
import { APP_HOST, APP_SCHEME } from './renderer-location';

/**
 * Registered before `ready` (protocol.registerSchemesAsPrivileged). `standard` gives the
 * pages a real origin (app://keydesk: relative URLs, module scripts, `'self'` in the CSP);
 * `secure` makes it a secure context like https; `supportFetchAPI` as in Electron's own
 * protocol.handle example (a cross-origin fetch stays refused: no `corsEnabled`); `codeCache`
 * lets V8 cache the bundle between starts. Not `bypassCSP`, not service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * The web preview's headers (CSP, nosniff, no framing), without Cross-Origin-Opener-Policy: it
 * guards against windows the app never opens (window.open is denied), and on the page Electron
 * loads into its main frame it would only force a browsing-context-group swap, which has broken
 * Electron pages before (electron/electron#32275).
 */
function securityHeaders(): Record<string, string> {
  const { 'Cross-Origin-Opener-Policy': _opener, ...headers } = rendererSecurityHeaders();
  return headers;
}

function answer(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders(), ...extra } });
}

export function createAppProtocolHandler(options: {
  rendererDir: string;
  /** Electron's fs reads inside app.asar; injected so that tests can count reads. */
  readFile?: (path: string) => Promise<Uint8Array>;
}): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? ((path: string) => readFileFromDisk(path));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    const url = new URL(request.url);
    const path = url.host === APP_HOST ? resolveRendererFile(options.rendererDir, url.pathname) : null;
    if (!path) return answer(404, 'Not found.');
    let body: Uint8Array;
    try {
      body = await readFile(path);
    } catch {
      // Missing, or a folder: the same answer, and nothing about the disk in it.
      return answer(404, 'Not found.');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { 'Content-Type': contentTypeOf(path), ...securityHeaders() },
    });
  };
}
