// The built renderer's files, as both hosts serve them: the web preview over HTTP
// (src/web/static-files.ts) and the desktop app over its app:// protocol
// (src/main/app-protocol.ts). Which file a URL path names, its content type, and the headers
// every answer carries.
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';

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

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
}

/**
 * Maps a URL path (still percent-encoded) to a file inside `root`, or null for anything
 * outside it (`..`, encoded or not), hidden (a dot segment such as a build stamp) or
 * malformed. "/" names no file: each host decides what its root shows.
 */
export function resolveRendererFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = decoded.replace(/^\/+/, '');
  if (relativePath === '') return null;
  const resolved = normalize(join(root, relativePath));
  if (!resolved.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (relativePath.split(/[\\/]/).some((part) => part.startsWith('.'))) return null;
  return resolved;
}

/** The headers of every answer: the page's CSP, no sniffing, no framing, no referrer. */
export function rendererSecurityHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  };
}
