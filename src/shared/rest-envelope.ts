// JMap Cloud wraps every successful JSON answer: `{"message": "…", "result": <payload>}`
// (the SDK's own example of POST /authenticate in jmapcloud-ng-core-types, public/core.d.ts;
// the QGIS plugin unwraps `result` from every JSON answer, core/services/request_manager.py).
// The local server wraps the same way (src/server/http/handle-request.ts); the client
// unwraps with the plugin's rule and also takes a bare answer, for servers that send one.

export interface RestEnvelope<T> {
  readonly message: string;
  readonly result: T;
}

export function wrapResult<T>(result: T, message: string): RestEnvelope<T> {
  return { message, result };
}

/**
 * The payload of a successful answer: its `result` when it is wrapped, else the answer
 * itself. The QGIS plugin's rule: a JSON object with a `result` field is the wrapper (no
 * payload KeyDesk reads has a top-level field of that name).
 */
export function unwrapResult(json: unknown): unknown {
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && Object.hasOwn(json, 'result')) {
    return (json as { result: unknown }).result;
  }
  return json;
}
