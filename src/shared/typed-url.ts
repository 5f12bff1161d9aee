// An http(s) address as a person types it into a field (a server, an identity provider):
// a bare host name means https, as in a browser's address bar; http only for this computer
// (loopback); no user name, password, query or fragment. Never throws.

const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/** The longest address a field takes. */
export const MAX_TYPED_URL_LENGTH = 2048;

/** What is wrong with a typed address: a code, which each side says in its own words. */
export type TypedUrlProblem = 'missing' | 'too-long' | 'not-a-url' | 'extras' | 'needs-https';

/** The URL, or what is wrong with it. `value` is taken as typed, spaces around trimmed. */
export function parseTypedUrl(typed: string): URL | TypedUrlProblem {
  const value = typed.trim();
  if (value === '') return 'missing';
  if (value.length > MAX_TYPED_URL_LENGTH) return 'too-long';
  let url: URL | null;
  try {
    url = new URL(HAS_SCHEME.test(value) ? value : `https://${value}`);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return 'not-a-url';
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return 'extras';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.includes(url.hostname)) return 'needs-https';
  return url;
}

/** The URL, or the sentence saying what is wrong with it (`what` names the field: "server address"). */
export function readTypedUrl(value: string, what: string, example: string): URL | string {
  const url = parseTypedUrl(value);
  if (typeof url !== 'string') return url;
  switch (url) {
    case 'extras':
      return `The ${what} must not hold a user name, a password, a query (?…) or a fragment (#…).`;
    case 'needs-https':
      return `The ${what} must use https (http is allowed only for this computer: 127.0.0.1 or localhost).`;
    case 'too-long':
      return `The ${what} is too long.`;
    default:
      return example;
  }
}
