// What every answer to an attack must be, whatever the attack: never a 5xx, and a refusal
// is the server's JSON error body {status, code, message, details?} with a code of
// API_ERROR_CODES (a client acts on the code), or, over the bridge, a Result whose error
// has a code of APP_ERROR_CODES and is not INTERNAL (an unexpected throw inside KeyDesk).
// Neither ever repeats a password, token or key secret.
import { z } from 'zod';
import { API_ERROR_CODES } from '../../../src/shared/api-types';
import { APP_ERROR_CODES } from '../../../src/shared/errors';
import type { RawAnswer } from './http';
import { readSuccess } from './success';

const restErrorBody = z.strictObject({
  status: z.number().int(),
  code: z.enum(API_ERROR_CODES),
  message: z.string().min(1),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** OAuth's own refusals (RFC 6749 §5.2), from the token and revocation endpoints. */
const oauthErrorBody = z.strictObject({
  error: z.enum(['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope', 'unsupported_token_type']),
  error_description: z.string().min(1).optional(),
});

/**
 * Problems with an answer of the organization server; none when it is acceptable. `wire`
 * is how the endpoint answers (rest-examples.ts): the REST API's error body everywhere,
 * and on the identity provider's endpoints also OAuth's, or a page or a redirect.
 */
export function judgeRestAnswer(answer: RawAnswer, method: string, secrets: readonly string[], wire: 'rest' | 'oauth' | 'page' = 'rest'): string[] {
  if (answer.status >= 500) return [`answered ${answer.status}: ${answer.text.slice(0, 200)}`];
  const problems = leakedSecrets(answer.text, secrets);
  if (method === 'HEAD' || answer.status === 204) return problems;
  const isPage = String(answer.headers['content-type']).startsWith('text/html');
  if (wire === 'page' && (isPage || (answer.status >= 300 && answer.status < 400))) {
    if (isPage && answer.headers['content-security-policy'] === undefined) problems.push(`answered a page without a Content-Security-Policy`);
    return problems;
  }
  if (answer.text !== '' && answer.json === undefined) problems.push(`answered ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 100)}`);
  if (answer.status < 400) {
    if (wire === 'rest' && answer.json !== undefined) {
      try {
        readSuccess(answer.json);
      } catch (error) {
        problems.push(`answered ${answer.status} with ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return problems;
  }
  if (!String(answer.headers['content-type']).startsWith('application/json')) problems.push(`refused without a JSON content type (${String(answer.headers['content-type'])})`);
  if (wire === 'oauth' && oauthErrorBody.safeParse(answer.json).success) return problems;
  const body = restErrorBody.safeParse(answer.json);
  if (!body.success) problems.push(`refused with a body that is not {status, code, message, details?}: ${answer.text.slice(0, 200)}`);
  else if (body.data.status !== answer.status) problems.push(`refused with HTTP ${answer.status} but a body saying ${body.data.status}`);
  return problems;
}

const bridgeResult = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.strictObject({ code: z.enum(APP_ERROR_CODES), message: z.string().min(1), details: z.record(z.string(), z.unknown()).optional() }),
  }),
]);

/** Problems with a bridge answer; `accepted` says whether the call ran (ok: true). */
export function judgeBridgeAnswer(answer: RawAnswer, secrets: readonly string[]): { problems: string[]; accepted: boolean } {
  if (answer.status >= 500) return { problems: [`answered ${answer.status}: ${answer.text.slice(0, 200)}`], accepted: false };
  const problems = leakedSecrets(answer.text, secrets);
  const result = bridgeResult.safeParse(answer.json);
  if (!result.success) return { problems: [...problems, `answered ${answer.status} with something that is not a Result: ${answer.text.slice(0, 200)}`], accepted: false };
  if (!result.data.ok && result.data.error.code === 'INTERNAL') problems.push(`failed inside KeyDesk (INTERNAL): ${result.data.error.message}`);
  // Behind the bridge is the local organization server: SERVER means it failed (a 5xx) or
  // answered something the client could not read.
  if (!result.data.ok && result.data.error.code === 'SERVER') problems.push(`the organization server failed behind the bridge: ${result.data.error.message}`);
  if (result.data.ok && answer.status !== 200) problems.push(`answered ok with HTTP ${answer.status}`);
  return { problems, accepted: result.data.ok };
}

function leakedSecrets(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => secret !== '' && text.includes(secret)).map(() => 'repeated a secret (a password, token or key) in its answer');
}
