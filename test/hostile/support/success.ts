// The one place the hostile suite reads the payload of a successful REST answer.
//
// Issue 11 wraps every successful JSON answer of the server in `{message, result}`, the way
// JMap Cloud does (error bodies stay `{status, code, message, details?}`). When it lands,
// this function returns `(body as {result: T}).result` and nothing else in the suite changes.
export function readSuccess<T = unknown>(body: unknown): T {
  return body as T;
}
