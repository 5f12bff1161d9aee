// Session- and contents-wide hardening: the dev page's CSP header, no permissions, no
// navigation, no new windows, no <webview>. Applied before the window loads anything.
import { shell, type Session, type WebContents } from 'electron';
import { devServerPageFilter, withContentSecurityPolicy } from './content-security-policy';
import { isAllowedExternalUrl } from './external-links';
import { isRendererUrl, type RendererLocation } from './renderer-location';

/**
 * `pagePolicy` is the CSP of our page. The app:// handler sends it with what it serves; a dev
 * server's page gets it here, and only that origin's documents do (see content-security-policy.ts).
 */
export function hardenSession(session: Session, location: RendererLocation, pagePolicy: string): void {
  const devPages = devServerPageFilter(location);
  if (devPages) {
    session.webRequest.onHeadersReceived(devPages, (details, callback) => {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, pagePolicy) });
    });
  }
  // Camera, notifications, geolocation, clipboard-read…: KeyDesk needs none of them.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

function openIfAllowed(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

export function hardenWebContents(contents: WebContents, location: RendererLocation): void {
  const refuseNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (isRendererUrl(event.url, location)) return;
    event.preventDefault();
    openIfAllowed(event.url);
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-frame-navigate', (event) => {
    if (!isRendererUrl(event.url, location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
}
