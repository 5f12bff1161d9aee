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
