// Where the app's own page comes from, and whether a URL is that page. Pure, so that the
// IPC sender check and the navigation guard can be unit-tested without Electron.
import { pathToFileURL } from 'node:url';

export type RendererLocation =
  /** Packaged or previewed app: the built page on disk. */
  | { kind: 'file'; url: string }
  /** `electron-vite dev`: the dev server on loopback. */
  | { kind: 'dev-server'; url: string; origin: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The dev server URL is honoured only in development and only on loopback: a packaged app
 * must never load its UI (and hand window.keydesk) to a page named by an environment variable.
 */
export function resolveRendererLocation(options: { indexHtmlPath: string; devServerUrl?: string; isDevelopment: boolean }): RendererLocation {
  if (options.isDevelopment && options.devServerUrl) {
    const url = new URL(options.devServerUrl);
    if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { kind: 'dev-server', url: url.href, origin: url.origin };
  }
  return { kind: 'file', url: pathToFileURL(options.indexHtmlPath).href };
}

/** True when `candidate` is our page (any hash or query), false for anything else or garbage. */
export function isRendererUrl(candidate: string, location: RendererLocation): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return url.origin === location.origin;
  const own = new URL(location.url);
  return url.protocol === 'file:' && url.host === own.host && url.pathname === own.pathname;
}
