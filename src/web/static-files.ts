// Serves the built renderer. index.html gets the bridge's session token as a meta tag
// (read by src/renderer/src/platform/http-keydesk.ts) and is never cached; every answer
// carries the page's CSP as a header too, where frame-ancestors takes effect.
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { contentTypeOf, rendererSecurityHeaders, resolveRendererFile } from '../shared/node/renderer-files';
import { TOKEN_META_NAME } from '../shared/web-bridge';

function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}" />`;
  if (!html.includes('</head>')) throw new Error('The renderer’s index.html has no </head>.');
  return html.replace('</head>', `    ${meta}\n  </head>`);
}

export function createStaticFiles(root: string, token: string) {
  let page: Promise<string> | null = null;
  const loadPage = () => (page ??= readFile(join(root, 'index.html'), 'utf8').then((html) => injectToken(html, token)));

  return {
    async serve(urlPath: string, response: ServerResponse, headOnly: boolean): Promise<void> {
      const html = await loadPage();
      const path = resolveRendererFile(root, urlPath === '/' ? '/index.html' : urlPath);
      const isPage = path === join(root, 'index.html');
      const info = path && !isPage ? await stat(path).catch(() => null) : null;
      if (!isPage && !info?.isFile() && urlPath === '/favicon.ico') {
        // Browsers ask for it unprompted; "nothing" keeps their console free of a 404.
        response.writeHead(204, rendererSecurityHeaders()).end();
        return;
      }
      if (!isPage && !info?.isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...rendererSecurityHeaders() }).end('Not found.');
        return;
      }
      const body = isPage ? Buffer.from(html) : await readFile(path as string);
      response.writeHead(200, {
        'Content-Type': contentTypeOf(path as string),
        'Content-Length': body.length,
        // The page holds this run's token; assets are content-hashed by vite.
        'Cache-Control': isPage ? 'no-store' : 'public, max-age=31536000, immutable',
        ...rendererSecurityHeaders(),
      });
      response.end(headOnly ? undefined : body);
    },
  };
}
