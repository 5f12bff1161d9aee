// Access tokens: compact JWTs signed with HMAC-SHA256 (node:crypto), verified in
// constant time. Only HS256 is accepted, whatever the header claims ("alg: none" included).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { organizationRoleSchema } from '../../shared/roles';

export const accessClaimsSchema = z.object({
  typ: z.literal('access'),
  sub: z.string(),
  org: z.string().nullable(),
  roles: z.array(organizationRoleSchema),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string(),
});
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export function signJwt(claims: AccessClaims, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', key).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/** The claims of a valid, unexpired token, or the reason it is refused. */
export function verifyJwt(token: string, key: Buffer, nowSeconds: number): AccessClaims | 'invalid' | 'expired' {
  const parts = token.split('.');
  if (parts.length !== 3) return 'invalid';
  const [header, payload, signature] = parts as [string, string, string];
  if (header !== HEADER) return 'invalid';
  const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  let claims: AccessClaims;
  try {
    claims = accessClaimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return 'invalid';
  }
  return claims.exp <= nowSeconds ? 'expired' : claims;
}
