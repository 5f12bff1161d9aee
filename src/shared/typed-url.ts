// An http(s) address as a person types it into a field (a server, an identity provider):
// a bare host name means https, as in a browser's address bar; http only for this computer
// (loopback); no user name, password, query or fragment. Never throws.

const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/** The URL, or the sentence saying what is wrong with it (`what` names the field: "server address"). */
export function readTypedUrl(value: string, what: string, example: string): URL | string {
  let url: URL | null;
  try {
    url = new URL(HAS_SCHEME.test(value) ? value : `https://${value}`);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return example;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return `The ${what} must not hold a user name, a password, a query (?…) or a fragment (#…).`;
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.includes(url.hostname)) {
    return `The ${what} must use https (http is allowed only for this computer: 127.0.0.1 or localhost).`;
  }
  return url;
}
