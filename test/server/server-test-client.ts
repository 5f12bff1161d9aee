// A small HTTP client for the server tests: real requests over loopback, no mocks.
import { startLocalServer, type LocalServerOptions, type RunningLocalServer } from '../../src/server/start-server';
import { DEMO_ORGANIZATION } from '../../src/server/seed/demo-identities';
import { isRestApiPath } from '../../src/shared/rest-routes';

export const DEMO_PASSWORD = 'demo-password-for-tests';
export const SS = '/api/ss/rest/v1';
export const ORG = DEMO_ORGANIZATION.id;
export const KEYS = `${SS}/organizations/${ORG}/api-keys`;
export const MCS = `/api/mcs/rest/v1/organizations/${ORG}`;

export interface TestResponse {
  status: number;
  /**
   * What the tests read: a success's payload (the `result` of JMap Cloud's `{message, result}`
   * wrapping, checked to be there), an error's body as it came.
   */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read whatever came back
  /** The JSON exactly as it came (for a success: the wrapper itself). */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read whatever came back
  headers: Headers;
  text: string;
}

/**
 * The one place the server tests read a success: JMap Cloud wraps every successful JSON
 * answer as `{message, result}`, and so must the local server (a bare answer fails here).
 */
export function resultOf(status: number, json: unknown, path = '/api/'): unknown {
  // The identity provider's OAuth and OpenID answers (Auth0's formats) are not wrapped.
  if (status < 200 || status > 299 || json === undefined || !isRestApiPath(path)) return json;
  const wrapper = json as { message?: unknown; result?: unknown };
  if (typeof wrapper !== 'object' || wrapper === null || typeof wrapper.message !== 'string' || !('result' in wrapper)) {
    throw new Error(`HTTP ${status}: the answer is not wrapped as {message, result}.`);
  }
  return wrapper.result;
}

export interface RequestOptions {
  token?: string;
  apiKey?: string;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export class TestClient {
  constructor(
    readonly server: RunningLocalServer,
    /** The server's clock, for dates it must accept. */
    readonly now: () => Date = () => new Date(),
  ) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.apiKey) headers['Api-Key'] = options.apiKey;
    let body: string | Buffer | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    } else if (options.rawBody !== undefined) {
      body = options.rawBody;
    }
    const response = await fetch(this.server.url + path, { method, headers, body });
    const text = await response.text();
    const json: unknown = text === '' ? undefined : JSON.parse(text);
    return { status: response.status, body: resultOf(response.status, json, new URL(path, 'http://localhost').pathname), json, headers: response.headers, text };
  }

  /** Signs in and, with an organization, scopes the access token to it. */
  async signIn(email: string, password = DEMO_PASSWORD, organizationId: string | null = ORG): Promise<{ accessToken: string; refreshToken: string }> {
    const auth = await this.request('POST', `${SS}/authenticate`, { body: { username: email, password } });
    if (auth.status !== 200) throw new Error(`sign-in failed: ${auth.status} ${auth.text}`);
    if (organizationId === null) return auth.body;
    const scoped = await this.request('POST', `${SS}/refresh-token`, { body: { refreshToken: auth.body.refreshToken, organizationId } });
    if (scoped.status !== 200) throw new Error(`refresh failed: ${scoped.status} ${scoped.text}`);
    return scoped.body;
  }

  async createKey(token: string, body: Record<string, unknown> = {}): Promise<{ apiKey: { id: string; [k: string]: unknown }; secret: string }> {
    const response = await this.request('POST', KEYS, {
      token,
      body: { title: 'Test key', role: 'ORG_EDITOR', expirationDate: daysFrom(this.now(), 180), ...body },
    });
    if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.text}`);
    return response.body;
  }
}

export async function startTestServer(options: LocalServerOptions = {}): Promise<TestClient> {
  return new TestClient(await startLocalServer({ seed: 'demo', adminPassword: DEMO_PASSWORD, ...options }), options.now);
}

/** `YYYY-MM-DD`, `days` after `from`: an expiration date within the one-year bound. */
export function daysFrom(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-11-26T12:00:00.000Z')): { now: () => Date; advance: (ms: number) => void } {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms) => (current += ms) };
}
