// Serves the built renderer. index.html gets the bridge's session token as a meta tag
// (read by src/renderer/src/platform/http-keydesk.ts) and is never cached; every answer
// carries the page's CSP as a header too, where frame-ancestors takes effect.
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { TOKEN_META_NAME } from '../shared/web-bridge';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}" />`;
  if (!html.includes('</head>')) throw new Error('The renderer’s index.html has no </head>.');
  return html.replace('</head>', `    ${meta}\n  </head>`);
}

/** Maps a URL path into `root`, or null for anything outside it or hidden. */
function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = normalize(join(root, relativePath));
  if (!resolved.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (relativePath.split(/[\\/]/).some((part) => part.startsWith('.'))) return null;
  return resolved;
}

export function securityHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  };
}

export function createStaticFiles(root: string, token: string) {
  let page: Promise<string> | null = null;
  const loadPage = () => (page ??= readFile(join(root, 'index.html'), 'utf8').then((html) => injectToken(html, token)));

  return {
    async serve(urlPath: string, response: ServerResponse, headOnly: boolean): Promise<void> {
      const html = await loadPage();
      const path = resolveStaticPath(root, urlPath);
      const isPage = path === join(root, 'index.html');
      const info = path && !isPage ? await stat(path).catch(() => null) : null;
      if (!isPage && !info?.isFile() && urlPath === '/favicon.ico') {
        // Browsers ask for it unprompted; "nothing" keeps their console free of a 404.
        response.writeHead(204, securityHeaders()).end();
        return;
      }
      if (!isPage && !info?.isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() }).end('Not found.');
        return;
      }
      const body = isPage ? Buffer.from(html) : await readFile(path as string);
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(path as string)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        // The page holds this run's token; assets are content-hashed by vite.
        'Cache-Control': isPage ? 'no-store' : 'public, max-age=31536000, immutable',
        ...securityHeaders(),
      });
      response.end(headOnly ? undefined : body);
    },
  };
}
