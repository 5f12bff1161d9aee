// The identity provider's signing key: an ES256 (P-256) key pair made with jose on the first
// start and kept in the database, so that tokens survive a restart. Its public half is the
// JWKS; the key id is the JWK thumbprint (RFC 7638), which changes only with the key.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Database } from '../db/database';
import { readIdentityProviderJwk, saveIdentityProviderJwk } from '../store/signing-key-store';

export const SIGNING_ALGORITHM = 'ES256';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** The public key as published in the JWKS. */
  readonly publicJwk: JWK;
}

export async function loadIdentitySigningKey(db: Database): Promise<SigningKey> {
  let privateJwk: JWK;
  const stored = readIdentityProviderJwk(db);
  if (stored !== undefined) {
    privateJwk = JSON.parse(stored) as JWK;
  } else {
    const pair = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    privateJwk = await exportJWK(pair.privateKey);
    saveIdentityProviderJwk(db, JSON.stringify(privateJwk));
  }
  const { kty, crv, x, y } = privateJwk;
  const kid = await calculateJwkThumbprint({ kty, crv, x, y });
  const publicJwk: JWK = { kty, crv, x, y, kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  return {
    kid,
    privateKey: (await importJWK(privateJwk, SIGNING_ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, SIGNING_ALGORITHM)) as CryptoKey,
    publicJwk,
  };
}
