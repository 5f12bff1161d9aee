// What every route handler shares: the database, the clock, the signing keys, the identity
// provider and the test hooks. Built once per server by start-server.ts.
import type { Database } from './db/database';
import type { SignInLimiter } from './auth/sign-in-limiter';
import type { IdentityProvider } from './identity/identity-provider';
import type { LocalServerProfile, ServerCapabilities } from '../shared/server-capabilities';

/** Test-only hooks to make a failure happen at a precise point (never set in production). */
export interface ServerHooks {
  /** Called between the steps of a key deletion, inside its transaction; a throw aborts it. */
  onDeleteStep?: (step: 'acl-transferred' | 'resources-deleted' | 'acl-removed' | 'key-deleted') => void;
}

export interface ServerContext {
  readonly db: Database;
  readonly now: () => Date;
  readonly tokenTtlSeconds: number;
  readonly signingKey: Buffer;
  readonly signInLimiter: SignInLimiter;
  /** The server as an OpenID Connect identity provider (single sign-on). */
  readonly identity: IdentityProvider;
  readonly hooks: ServerHooks;
  /** `jmapcloud`: JMap Cloud's public API only (src/shared/server-capabilities.ts). */
  readonly profile: LocalServerProfile;
  /** What this profile offers beyond JMap Cloud's public API (NO_EXTENSIONS under `jmapcloud`). */
  readonly extensions: ServerCapabilities;
  readonly log: (line: string) => void;
  readonly logError: (line: string) => void;
}
