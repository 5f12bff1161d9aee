// The programmatic entry point of the local organization server: the CLI, the Electron
// utilityProcess entry, the web preview and every test start it through this function.
//
// Demo seed (`seed: 'demo'`, applied only when the database is new/empty): see
// seed/demo-identities.ts for the well-known users and organizations. Every demo user
// (admin@demo.local, admin2@demo.local, editor1..3@demo.local, viewer1..2@demo.local)
// signs in with the same demo password: `adminPassword`, or a generated one reported in
// `demo.adminPassword`. The demo admin, editor1 and viewer1 are also members of a second
// organization, "Demo Training Organization". When a database that already holds the
// demo is reopened with `adminPassword`, the demo users' passwords are set to it; without
// one, the old password stays and `demo` is null (it cannot be recovered from a hash).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBase62 } from './auth/api-key-secret';
import { SignInLimiter } from './auth/sign-in-limiter';
import { openDatabase, type Database } from './db/database';
import { answerClientError, handleRequest } from './http/handle-request';
import { allowedHostHeaders } from './http/host-guard';
import { Router, type Endpoint } from './http/router';
import { createIdentityProvider, type IdentityProviderOptions } from './identity/identity-provider';
import { loadIdentitySigningKey } from './identity/signing-key';
import { registerApiKeyRoutes } from './routes/api-key-routes';
import { registerIdentityProviderRoutes } from './routes/identity-provider-routes';
import { registerOAuthTokenRoutes } from './routes/oauth-token-routes';
import { LOCAL_SERVER_PROFILES, localServerCapabilities, NO_EXTENSIONS, type LocalServerProfile } from '../shared/server-capabilities';
import { registerCapabilitiesRoutes } from './routes/capabilities-routes';
import { registerSecurityRoutes } from './routes/security-routes';
import { DEMO_ADMIN_EMAIL, DEMO_ORGANIZATION } from './seed/demo-identities';
import { resetDemoPasswords, seedDemo } from './seed/demo-seed';
import type { ServerContext, ServerHooks } from './server-context';
import { registerMcsRoutes } from './routes/mcs-routes';
import { registerPermissionRoutes } from './routes/permission-routes';
import { isDatabaseEmpty, organizationExists } from './store/organization-store';
import { loadSigningKey } from './store/signing-key-store';

export interface LocalServerOptions {
  port?: number;
  host?: string;
  dbPath?: string;
  seed?: 'demo' | 'none';
  adminPassword?: string;
  tokenTtlSeconds?: number;
  now?: () => Date;
  /** One line per request (default: none). */
  log?: (line: string) => void;
  /**
   * One line per 500, without the request's secrets (default: standard error, so that the
   * CLI, the utility process and the web preview leave a trace of every failure).
   */
  logError?: (line: string) => void;
  /** Test-only fault injection (see ServerHooks). */
  hooks?: ServerHooks;
  /**
   * The identity provider's audience and client id (default: LOCAL_IDENTITY_PROVIDER), and
   * whether a refresh may change organization (default: yes, but not under `jmapcloud`).
   */
  identityProvider?: IdentityProviderOptions;
  /**
   * `default`: every extension, advertised in the capabilities document. `jmapcloud` (the
   * strict profile): JMap Cloud's public API only, no capabilities document.
   */
  profile?: LocalServerProfile;
}

export interface DemoInfo {
  adminEmail: string;
  adminPassword: string;
  organizationId: string;
}

export interface RunningLocalServer {
  url: string;
  port: number;
  profile: LocalServerProfile;
  demo: DemoInfo | null;
  /** Every endpoint the server answers (the hostile suite attacks each one). */
  endpoints: readonly Endpoint[];
  close(): Promise<void>;
}

export const DEFAULT_TOKEN_TTL_SECONDS = 900;

export async function startLocalServer(options: LocalServerOptions = {}): Promise<RunningLocalServer> {
  const host = options.host ?? '127.0.0.1';
  const tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 1) throw new Error('tokenTtlSeconds must be a positive whole number.');
  const now = options.now ?? (() => new Date());
  const profile = options.profile ?? 'default';
  if (!LOCAL_SERVER_PROFILES.includes(profile)) throw new Error(`profile must be one of ${LOCAL_SERVER_PROFILES.join(', ')}.`);
  const db = openDatabase(options.dbPath ?? ':memory:');
  try {
    const demo = await prepareDemo(db, options, now);
    // The issuer is the address the server listens at, known once it does (port 0 picks one).
    let issuer = '';
    const identity = createIdentityProvider(await loadIdentitySigningKey(db), () => issuer, {
      // JMap Cloud's Auth0 changes organization only through /authorize: so does the strict profile.
      refreshesIntoOrganization: profile !== 'jmapcloud',
      ...options.identityProvider,
    });
    const ctx: ServerContext = {
      db,
      now,
      tokenTtlSeconds,
      signingKey: loadSigningKey(db),
      signInLimiter: new SignInLimiter(now),
      identity,
      hooks: options.hooks ?? {},
      profile,
      extensions: localServerCapabilities(profile) ?? NO_EXTENSIONS,
      log: options.log ?? (() => undefined),
      logError: options.logError ?? ((line) => console.error(line)),
    };
    const router = new Router();
    registerSecurityRoutes(router, ctx);
    registerApiKeyRoutes(router, ctx);
    registerMcsRoutes(router, ctx);
    registerPermissionRoutes(router, ctx);
    registerIdentityProviderRoutes(router, ctx);
    registerOAuthTokenRoutes(router, ctx);
    registerCapabilitiesRoutes(router, ctx);
    let allowedHosts: ReadonlySet<string> | null = new Set();
    const server = createServer((req, res) => void handleRequest(router, req, res, { log: ctx.log, logError: ctx.logError, allowedHosts: () => allowedHosts }));
    server.on('clientError', answerClientError);
    const port = await listen(server, options.port ?? 0, host);
    allowedHosts = allowedHostHeaders(host, port);
    const urlHost = host.includes(':') ? `[${host}]` : host;
    issuer = `http://${urlHost}:${port}/`;
    let closed: Promise<void> | null = null;
    return {
      url: `http://${urlHost}:${port}`,
      port,
      profile,
      demo,
      endpoints: router.endpoints(),
      close: () => {
        closed ??= new Promise<void>((resolve) => {
          server.close(() => {
            db.close();
            resolve();
          });
          server.closeAllConnections();
        });
        return closed;
      },
    };
  } catch (error) {
    if (db.isOpen) db.close();
    throw error;
  }
}

async function prepareDemo(db: Database, options: LocalServerOptions, now: () => Date): Promise<DemoInfo | null> {
  if (options.seed !== 'demo') return null;
  const adminPassword = options.adminPassword ?? randomBase62(16);
  if (isDatabaseEmpty(db)) {
    await seedDemo(db, adminPassword, now());
  } else if (!organizationExists(db, DEMO_ORGANIZATION.id)) {
    return null;
  } else if (options.adminPassword !== undefined) {
    await resetDemoPasswords(db, adminPassword);
  } else {
    return null;
  }
  return { adminEmail: DEMO_ADMIN_EMAIL, adminPassword, organizationId: DEMO_ORGANIZATION.id };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
