// Single sign-on's browser port in Electron: the identity provider's page opens in the
// user's default browser (RFC 8252: the system browser, never a window of the app, whose
// page could read what is typed), through shell.openExternal.
import { shell } from 'electron';
import type { OpenBrowser } from '../services/sso/sso-ports';
import { isSignInPageUrl } from './external-links';

export const openSystemBrowser: OpenBrowser = async (authorizationUrl) => {
  if (!isSignInPageUrl(authorizationUrl)) throw new Error('Not a sign-in page address.');
  await shell.openExternal(authorizationUrl);
  return 'system';
};
