// Who may talk to the web preview: a browser on this machine that loaded our page from
// 127.0.0.1:PORT (or localhost:PORT). The Host check defeats DNS rebinding (a foreign name
// resolved to 127.0.0.1 still says its own name in Host); the Origin check defeats other
// pages; the session token, which only our served page holds, defeats everything else
// that can reach the port (another local page, a confused deputy) from calling the bridge.
//
// Why a <meta> token sent back in a header, rather than an HttpOnly SameSite=Strict cookie:
// cookies are not isolated by port, so every other server on 127.0.0.1 (any dev server the
// user runs) would receive ours, and "same-site" includes every port of 127.0.0.1, so
// SameSite would not keep a page from another local port from sending it. A meta tag is
// readable only by scripts of our exact origin (port included); a custom header is never
// attached by the browser on its own (no CSRF) and makes any cross-origin attempt a CORS
// preflight, which the bridge does not grant.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_HEADER } from '../shared/web-bridge';

/** Node gives incoming header names in lower case. */
const TOKEN_HEADER_KEY = TOKEN_HEADER.toLowerCase();

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function tokensEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export type GuardVerdict = { ok: true } | { ok: false; status: 403; message: string };

const refuse = (message: string): GuardVerdict => ({ ok: false, status: 403, message });

/** Every request, the page included (it carries the token). */
export function checkPageRequest(headers: IncomingHttpHeaders, port: number): GuardVerdict {
  const host = single(headers.host)?.toLowerCase();
  if (!host || !allowedHosts(port).has(host)) return refuse('This web preview answers only at 127.0.0.1 or localhost on its own port.');
  const origin = single(headers.origin);
  if (origin !== undefined && !allowedOrigins(port).has(origin)) return refuse('Requests from other sites are refused.');
  return { ok: true };
}

/** A bridge call: additionally from our own origin, and with the session token. */
export function checkBridgeRequest(headers: IncomingHttpHeaders, port: number, token: string): GuardVerdict {
  const page = checkPageRequest(headers, port);
  if (!page.ok) return page;
  const origin = single(headers.origin);
  if (origin === undefined) return refuse('Bridge calls must come from the web preview page.');
  const site = single(headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin') return refuse('Requests from other sites are refused.');
  if (!tokensEqual(single(headers[TOKEN_HEADER_KEY]), token)) return refuse('Missing or wrong session token: reload the web preview page.');
  return { ok: true };
}
