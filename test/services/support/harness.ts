// A real local organization server on loopback and the services wired to it as a host
// would wire them, with everything a test wants to watch made observable: every log line,
// every request, the clipboard, the timers, and separate clocks for server and client.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer, type RunningLocalServer } from '../../../src/server/start-server';
import type { ClipboardPort, SetTimer } from '../../../src/shared/clipboard-guard';
import { unwrapResult } from '../../../src/shared/rest-envelope';
import { LOCAL_SERVER_PROFILES, type LocalServerProfile } from '../../../src/shared/server-capabilities';
import type { CredentialStore } from '../../../src/services/credentials/credential-store';
import { createMemoryCredentialStore } from '../../../src/services/credentials/memory-credential-store';
import { createKeyDeskServices, type KeyDeskServices } from '../../../src/services/keydesk-services';
import type { LocalOrganizationLauncher } from '../../../src/services/local-organization/local-organization-launcher';
import type { Logger, LogFields } from '../../../src/services/logger';
import type { ExpiryNotice, OverlapNotice } from '../../../src/shared/expiry-watch';
import type { IdentityProviderOptions } from '../../../src/server/identity/identity-provider';
import { createTestBrowser, type TestBrowser } from './test-browser';

export const DEMO_PASSWORD = 'Demo-Passw0rd-for-tests';

/** Both profiles of the local server, for flows that must work on each (`describe.each(PROFILES)`). */
export const PROFILES = LOCAL_SERVER_PROFILES;

export interface Clock {
  now(): Date;
  advance(ms: number): void;
}

export function createClock(): Clock {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) };
}

export interface CapturingLogger extends Logger {
  lines: string[];
}

export function createCapturingLogger(): CapturingLogger {
  const lines: string[] = [];
  const record = (level: string) => (message: string, fields?: LogFields) =>
    void lines.push(JSON.stringify({ level, message, fields }));
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}

export interface MemoryClipboard extends ClipboardPort {
  value: string;
  writes: { text: string; secret: boolean }[];
}

export function createMemoryClipboard(): MemoryClipboard {
  const clipboard: MemoryClipboard = {
    value: '',
    writes: [],
    readText: async () => clipboard.value,
    writeText: async (text, options) => {
      clipboard.value = text;
      clipboard.writes.push({ text, secret: options.secret });
    },
    clear: async () => {
      clipboard.value = '';
    },
  };
  return clipboard;
}

export interface FakeTimers {
  setTimer: SetTimer;
  pending(): { ms: number }[];
  /** Runs every timer due now, as if their delays had passed. */
  fireAll(): void;
  /** Runs the timers set for `ms` only (the others stay pending). */
  fire(ms: number): void;
}

export function createFakeTimers(): FakeTimers {
  let timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    setTimer: (fn, ms) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
    pending: () => timers.filter((timer) => !timer.cancelled).map(({ ms }) => ({ ms })),
    fireAll: () => {
      const due = timers.filter((timer) => !timer.cancelled);
      timers = [];
      for (const timer of due) timer.fn();
    },
    fire: (ms) => {
      const due = timers.filter((timer) => !timer.cancelled && timer.ms === ms);
      timers = timers.filter((timer) => !due.includes(timer));
      for (const timer of due) timer.fn();
    },
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, `?…` or empty. */
  query: string;
  status: number | null;
}

/** Runs after the real answer arrived; may throw to simulate it being lost on the way back. */
export type AfterResponse = (request: RecordedRequest, response: Response) => void;
/** Runs before the request leaves; may throw to simulate it never reaching the server. */
export type BeforeRequest = (method: string, path: string) => void;
/** Runs before the request leaves; a Response it returns is the answer, and the server never sees the request. */
export type RespondInstead = (method: string, path: string) => Response | null;

/** Replaces an answer's body before the services read it (a misbehaving server or provider). */
export type RewriteResponse = (path: string, body: string) => string;

export interface Harness {
  server: RunningLocalServer;
  /** The system browser single sign-on opens, played by the test. */
  browser: TestBrowser;
  rewriteResponse: RewriteResponse | null;
  services: KeyDeskServices;
  handlers: KeyDeskServices['handlers'];
  userDataDir: string;
  credentials: CredentialStore;
  /** The connection ids a refresh token was written to the credential store for, in order. */
  credentialWrites: string[];
  clipboard: MemoryClipboard;
  timers: FakeTimers;
  /** The expiry watch's: its checks on connect, after a change and every hour run when fired. */
  watchTimers: FakeTimers;
  /** What the desktop would have shown: each system notification, each badge count set. */
  notices: ExpiryNotice[];
  /** Each reminder that a rotation's overlap ended. */
  reminders: OverlapNotice[];
  badgeCounts: number[];
  log: CapturingLogger;
  requests: RecordedRequest[];
  serverClock: Clock;
  clientClock: Clock;
  afterResponse: AfterResponse | null;
  beforeRequest: BeforeRequest | null;
  respondInstead: RespondInstead | null;
  /** Requests in flight now, and the most there ever were at once. */
  inFlight: number;
  maxInFlight: number;
  launcherStarts: number;
  /** Every password, token and key secret that crossed the wire, for leak checks. */
  secretsSeen: Set<string>;
  serverLogLines: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The local server's profile: `jmapcloud` answers as JMap Cloud, without extensions. */
  profile?: LocalServerProfile;
  /** A database file (two harnesses on one file see the same keys); in memory by default. */
  dbPath?: string;
  tokenTtlSeconds?: number;
  /** How long single sign-on waits for the browser (default 5 minutes). */
  ssoTimeoutMs?: number;
  identityProvider?: IdentityProviderOptions;
  password?: string;
  credentialStore?: CredentialStore;
  /** The services' HTTP settings (pauses between retries default to 1 ms here). */
  http?: { busyRetryDelaysMs?: readonly number[]; maxInFlight?: number };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const serverClock = createClock();
  const clientClock = createClock();
  const password = options.password ?? DEMO_PASSWORD;
  const harness = {
    requests: [] as RecordedRequest[],
    afterResponse: null as AfterResponse | null,
    rewriteResponse: null as RewriteResponse | null,
    beforeRequest: null as BeforeRequest | null,
    respondInstead: null as RespondInstead | null,
    inFlight: 0,
    maxInFlight: 0,
    launcherStarts: 0,
    secretsSeen: new Set<string>(),
    serverLogLines: [] as string[],
    notices: [] as ExpiryNotice[],
    reminders: [] as OverlapNotice[],
    badgeCounts: [] as number[],
  };
  const SECRET_FIELDS = ['password', 'accessToken', 'refreshToken', 'secret', 'access_token', 'refresh_token', 'id_token'];
  const FORM_SECRET_FIELDS = ['code', 'code_verifier', 'refresh_token', 'token'];
  const collectSecrets = (text: string | null | undefined): void => {
    if (!text) return;
    if (!text.trimStart().startsWith('{')) {
      const form = new URLSearchParams(text);
      for (const field of FORM_SECRET_FIELDS) {
        const value = form.get(field);
        if (value) harness.secretsSeen.add(value);
      }
      return;
    }
    try {
      // A success comes wrapped as {message, result}; a request body bare.
      const json = unwrapResult(JSON.parse(text)) as Record<string, unknown>;
      for (const field of SECRET_FIELDS) {
        if (typeof json[field] === 'string') harness.secretsSeen.add(json[field]);
      }
    } catch {
      // Not JSON: carries nothing we track.
    }
  };
  const server = await startLocalServer({
    port: 0,
    dbPath: options.dbPath ?? ':memory:',
    seed: 'demo',
    adminPassword: password,
    tokenTtlSeconds: options.tokenTtlSeconds,
    identityProvider: options.identityProvider,
    profile: options.profile,
    now: serverClock.now,
    log: (line) => void harness.serverLogLines.push(line),
    logError: (line) => void harness.serverLogLines.push(line),
  });
  const userDataDir = await mkdtemp(join(tmpdir(), 'keydesk-services-'));
  const log = createCapturingLogger();
  const clipboard = createMemoryClipboard();
  const timers = createFakeTimers();
  const watchTimers = createFakeTimers();
  const credentialWrites: string[] = [];
  const store = options.credentialStore ?? createMemoryCredentialStore();
  const credentials: CredentialStore = {
    kind: store.kind,
    getRefreshToken: (connectionId) => store.getRefreshToken(connectionId),
    setRefreshToken: (connectionId, refreshToken) => {
      credentialWrites.push(connectionId);
      return store.setRefreshToken(connectionId, refreshToken);
    },
    deleteRefreshToken: (connectionId) => store.deleteRefreshToken(connectionId),
  };
  const browser = createTestBrowser();

  const recordingFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const request: RecordedRequest = { method: init?.method ?? 'GET', path: url.pathname, query: url.search, status: null };
    harness.requests.push(request);
    harness.beforeRequest?.(request.method, request.path);
    harness.inFlight += 1;
    harness.maxInFlight = Math.max(harness.maxInFlight, harness.inFlight);
    let response: Response;
    try {
      response = harness.respondInstead?.(request.method, request.path) ?? (await fetch(input, init));
    } finally {
      harness.inFlight -= 1;
    }
    request.status = response.status;
    const body = init?.body;
    collectSecrets(typeof body === 'string' ? body : body instanceof URLSearchParams ? body.toString() : null);
    const text = await response.clone().text();
    collectSecrets(text);
    if (harness.rewriteResponse) {
      response = new Response(harness.rewriteResponse(request.path, text), { status: response.status, headers: response.headers });
    }
    harness.afterResponse?.(request, response);
    return response;
  };
  // The local organization is the harness's own server: started already, "stopped" as a no-op.
  const localOrganization: LocalOrganizationLauncher = {
    start: async () => {
      harness.launcherStarts += 1;
      return { url: server.url, adminEmail: 'admin@demo.local', adminPassword: password };
    },
    stop: async () => undefined,
  };
  const services = createKeyDeskServices({
    fetch: recordingFetch,
    credentialStore: credentials,
    userDataDir,
    clipboard,
    localOrganization,
    sso: { openBrowser: browser.openBrowser, timeoutMs: options.ssoTimeoutMs },
    appInfo: { name: 'KeyDesk', version: '0.0.0-test', host: 'web', platform: process.platform },
    updates: { check: async () => ({ status: 'unsupported', reason: 'not-packaged' }) },
    now: clientClock.now,
    setTimer: timers.setTimer,
    expiryTimer: watchTimers.setTimer,
    expiryAlerts: {
      notifier: { notify: (notice) => void harness.notices.push(notice), remind: (notice) => void harness.reminders.push(notice) },
      badge: { setCount: (count) => void harness.badgeCounts.push(count) },
    },
    log,
    http: { retryDelaysMs: [1, 1], busyRetryDelaysMs: [1, 1, 1], ...options.http },
  });

  return Object.assign(harness, {
    server,
    browser,
    services,
    handlers: services.handlers,
    userDataDir,
    credentials,
    credentialWrites,
    clipboard,
    timers,
    watchTimers,
    log,
    serverClock,
    clientClock,
    async close() {
      await services.dispose();
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  });
}

/**
 * A second services instance on the same server, user-data folder and credential store:
 * what the next start of the app sees. The caller disposes it.
 */
export function restartServices(previous: Harness): KeyDeskServices {
  return createKeyDeskServices({
    fetch,
    sso: { openBrowser: previous.browser.openBrowser },
    credentialStore: previous.credentials,
    userDataDir: previous.userDataDir,
    clipboard: createMemoryClipboard(),
    localOrganization: { start: () => Promise.reject(new Error('not used after a restart')), stop: async () => undefined },
    appInfo: { name: 'KeyDesk', version: '0.0.0-test', host: 'web', platform: process.platform },
    updates: { check: async () => ({ status: 'unsupported', reason: 'not-packaged' }) },
  });
}

export const countRequests = (harness: Harness, path: string): number =>
  harness.requests.filter((request) => request.path.endsWith(path)).length;
