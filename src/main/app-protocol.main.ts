// Electron's side of app-protocol.ts: the scheme registered as privileged before `ready`,
// and the built renderer served on it once the session exists.
import { protocol, type Session } from 'electron';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { APP_SCHEME, type RendererLocation } from './renderer-location';

/** Must run before app `ready`, once (protocol.registerSchemesAsPrivileged). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

export function serveRendererOnAppScheme(session: Session, location: RendererLocation): void {
  if (location.kind !== 'app-protocol') return;
  session.protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir: location.rendererDir }));
}
