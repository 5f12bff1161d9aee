// PKCE (RFC 7636) with S256 only: "plain" would hand the verifier to whoever sees the
// authorization request. A verifier is 43 to 128 unreserved characters (section 4.1).
import { createHash, timingSafeEqual } from 'node:crypto';

export const CODE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** A challenge is the base64url SHA-256 of a verifier: 43 characters. */
export const CODE_CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Whether `verifier` is the one `challenge` was made from; compared in constant time. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!CODE_VERIFIER.test(verifier)) return false;
  const expected = Buffer.from(challenge, 'ascii');
  const given = Buffer.from(s256(verifier), 'ascii');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
