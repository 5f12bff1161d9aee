// Where the app's own page comes from, and whether a URL is that page. Pure, so that the
// IPC sender check and the navigation guard can be unit-tested without Electron.
//
// The built page is served from the privileged scheme app://keydesk (app-protocol.ts), not
// from file:// (Electron's security checklist, item 18): a file:// page may read any file
// the user can, and with the grantFileProtocolExtraPrivileges fuse off (electron-builder.yml)
// Electron gives file:// no more than a browser does.

export const APP_SCHEME = 'app';
export const APP_HOST = 'keydesk';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
const APP_PAGE_PATH = '/index.html';

export type RendererLocation =
  /** Packaged or previewed app: the built page, served by the app:// protocol handler from `rendererDir`. */
  | { kind: 'app-protocol'; url: string; origin: string; rendererDir: string }
  /** `electron-vite dev`: the dev server on loopback. */
  | { kind: 'dev-server'; url: string; origin: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The dev server URL is honoured only in development and only on loopback: a packaged app
 * must never load its UI (and hand window.keydesk) to a page named by an environment variable.
 */
export function resolveRendererLocation(options: { rendererDir: string; devServerUrl?: string; isDevelopment: boolean }): RendererLocation {
  if (options.isDevelopment && options.devServerUrl) {
    const url = new URL(options.devServerUrl);
    if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { kind: 'dev-server', url: url.href, origin: url.origin };
  }
  return { kind: 'app-protocol', url: `${APP_ORIGIN}${APP_PAGE_PATH}`, origin: APP_ORIGIN, rendererDir: options.rendererDir };
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
  // app: is not a scheme the WHATWG URL parser knows, so its origin reads "null": compare the parts.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.port === '' && url.pathname === APP_PAGE_PATH;
}
