// API-key secrets: `jmk_` + 30 base62 characters from the CSPRNG (about 178 bits) + a
// 6-character base62 CRC32 of the random part. The prefix lets secret scanners find a
// leaked key; the checksum lets the server refuse a mistyped key before any lookup.
// Only the SHA-256 of a secret is ever stored.
import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

export const API_KEY_PREFIX = 'jmk_';
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SHAPE = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);

/** `length` uniformly random base62 characters (bytes ≥ 248 are rejected to avoid bias). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

function checksum(randomPart: string): string {
  let value = crc32(randomPart);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export function generateApiKeySecret(): string {
  const randomPart = randomBase62(RANDOM_LENGTH);
  return `${API_KEY_PREFIX}${randomPart}${checksum(randomPart)}`;
}

/** True when the secret has the right prefix, length, alphabet and checksum. */
export function isWellFormedApiKeySecret(secret: string): boolean {
  if (!SHAPE.test(secret)) return false;
  const body = secret.slice(API_KEY_PREFIX.length);
  return checksum(body.slice(0, RANDOM_LENGTH)) === body.slice(RANDOM_LENGTH);
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
