// Which CSP header the app's own page gets, and on which responses (the policy itself is in
// src/shared). The app:// handler puts it on what it serves. In `npm run dev` the page comes
// from the Vite dev server: the header is added there by webRequest.onHeadersReceived, for
// that origin's documents only, never for the API answers of net.fetch or other origins.
import type { WebRequestFilter } from 'electron';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../shared/content-security-policy';
import type { RendererLocation } from './renderer-location';

/**
 * The page's policy. `devScriptHashes` are the inline scripts of the Vite dev page
 * (@vitejs/plugin-react's preamble, computed in electron.vite.config.ts): without them the
 * preamble is blocked and React never mounts (a blank window). Built pages have no inline
 * script, so the hashes are never added to them, whatever is passed.
 */
export function pageContentSecurityPolicy(location: RendererLocation, devScriptHashes: readonly string[]): string {
  return location.kind === 'dev-server' ? contentSecurityPolicy({ scriptHashes: devScriptHashes }) : CONTENT_SECURITY_POLICY;
}

/** The dev server's documents (Electron URL patterns take a port); null when the page is not from a dev server. */
export function devServerPageFilter(location: RendererLocation): WebRequestFilter | null {
  if (location.kind !== 'dev-server') return null;
  return { urls: [`${location.origin}/*`], types: ['mainFrame', 'subFrame'] };
}

/** Response headers with `policy` in place of any CSP the response carried. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const kept = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
  return { ...kept, 'Content-Security-Policy': [policy] };
}
