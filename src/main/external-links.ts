// The only places KeyDesk opens in the user's browser. Anything else a page asks to open
// is dropped: shell.openExternal with an attacker's URL can launch local programs.
const ALLOWED_HOSTS = new Set(['docs.jmapcloud.io', 'jmapcloud.io', 'www.jmapcloud.io', 'k2geospatial.com', 'www.k2geospatial.com']);

export function isAllowedExternalUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && ALLOWED_HOSTS.has(url.hostname);
}

/**
 * An identity provider's sign-in page for single sign-on: the services built it from the
 * connection's discovery document, never from anything the page sent. https, or http on this
 * computer (the local organization server); never another scheme, which could launch a program.
 */
export function isSignInPageUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';
  return (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) && url.username === '' && url.password === '';
}
