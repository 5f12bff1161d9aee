// The one place the hostile suite reads the payload of a successful REST answer: JMap
// Cloud's wire, which the local server speaks since issue 11, wraps every successful JSON
// answer as `{message, result}` (src/shared/rest-envelope.ts); error bodies stay
// `{status, code, message, details?}`, and the identity provider's OAuth and OpenID answers
// are not wrapped. Should the wire change again, this function is the one edit.
export function readSuccess<T = unknown>(body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('a success that is not {message, result}');
  const { message, result, ...rest } = body as { message?: unknown; result?: unknown };
  if (typeof message !== 'string' || !('result' in body) || Object.keys(rest).length > 0) {
    throw new Error(`a success that is not {message, result}: ${JSON.stringify(body).slice(0, 120)}`);
  }
  return result as T;
}
