// Where the identity provider may send a browser back with a code: only to a native app's
// loopback listener (RFC 8252 §7.3 and §8.3): http on an IP literal (127.0.0.1 or [::1],
// never "localhost", which a hosts file or DNS could point elsewhere), any port, the one
// registered path, nothing else in the URL.
import { LOOPBACK_REDIRECT_PATH } from '../../shared/identity-provider';

export function isLoopbackRedirectUri(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === 'http:' &&
    (url.hostname === '127.0.0.1' || url.hostname === '[::1]') &&
    url.port !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === LOOPBACK_REDIRECT_PATH &&
    url.search === '' &&
    url.hash === '' &&
    // The text itself, not only its parse: "http://127.0.0.1:5000/callback/." or a
    // backslash normalize to the same URL and would not be what the client registered.
    candidate === url.href
  );
}
