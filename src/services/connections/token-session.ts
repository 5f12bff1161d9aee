// The tokens of one signed-in session: the access token (memory only) renewed shortly
// before it expires and once after a 401, and the rotating refresh token, written back to
// the keychain on every rotation when the user asked to be remembered. Renewals run one
// at a time: refresh tokens rotate, so two concurrent renewals would revoke each other.
import type { TokenResponse } from '../../shared/api-types';
import { AppError, isAppError } from '../../shared/errors';
import type { Logger } from '../logger';
import { bindOrganizationClient, type Access, type BoundOrganizationClient } from '../organization-client/bound-organization-client';
import type { OrganizationClient } from '../organization-client/organization-client';
import type { TokenRenewal } from './token-renewal';

/** Renew this long before expiry at most (or halfway through a shorter lifetime). */
const RENEW_AHEAD_MS = 60_000;

/** The session is over (its refresh token refused or revoked): sign in again. */
export function sessionEnded(details?: Record<string, unknown>): AppError {
  return AppError.because('UNAUTHORIZED', 'session-ended', {}, 'Your session has ended; sign in again.', details);
}

export interface TokenSessionOptions {
  client: OrganizationClient;
  /** Where new tokens come from (REST /refresh-token, or the identity provider). */
  renewal: TokenRenewal;
  connectionId: string;
  organizationId: string;
  tokens: TokenResponse;
  /** Keeps each rotated refresh token (in the keychain, when the user asked to be remembered). */
  onRotated(refreshToken: string): Promise<void>;
  now: () => Date;
  log: Logger;
  /** The server refused the refresh token: the session is over. */
  onEnded: () => Promise<void>;
}

export interface TokenSession {
  readonly organizationId: string;
  /** Runs `work` with a fresh access token; after a 401, renews once and runs it again. */
  withAccess<T>(work: (access: Access) => Promise<T>): Promise<T>;
  /** The organization's API through withAccess: what the services call. */
  readonly organization: BoundOrganizationClient;
  /** Renews for another organization of the same user (the switcher). */
  switchTo(organizationId: string): Promise<void>;
  /**
   * Moves to another organization with tokens got elsewhere (single sign-on's trip through
   * the browser), kept as a renewal's are; answers the refresh token they replace.
   */
  adopt(organizationId: string, tokens: TokenResponse): Promise<string>;
  /** The current refresh token, for revocation at sign-out. */
  refreshToken(): string;
}

export function createTokenSession(options: TokenSessionOptions): TokenSession {
  const { client, log } = options;
  let organizationId = options.organizationId;
  let refreshToken = '';
  let accessToken = '';
  let renewAt = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let ended = false;

  function apply(tokens: TokenResponse): void {
    const now = options.now().getTime();
    const expiresAt = Date.parse(tokens.accessTokenExpireAt);
    refreshToken = tokens.refreshToken;
    accessToken = tokens.accessToken;
    renewAt = expiresAt - Math.min(RENEW_AHEAD_MS, Math.max(0, (expiresAt - now) / 2));
  }
  apply(options.tokens);

  /** Runs `work` after every renewal before it: refresh tokens rotate, one use at a time. */
  function queued<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      if (ended) throw sessionEnded();
      return work();
    });
    queue = run.catch(() => undefined);
    return run;
  }

  /** Takes new tokens for `target`: kept in the keychain when remembered. */
  async function keep(target: string, tokens: TokenResponse): Promise<void> {
    apply(tokens);
    organizationId = target;
    await options.onRotated(refreshToken);
  }

  /** Renews under the queue when `stillNeeded` says so once it is this renewal's turn. */
  function renew(targetOrganizationId: string, stillNeeded: () => boolean): Promise<void> {
    return queued(async () => {
      if (!stillNeeded()) return;
      let tokens: TokenResponse;
      try {
        tokens = await options.renewal.renew(refreshToken, targetOrganizationId, organizationId);
      } catch (error) {
        if (isAppError(error, 'UNAUTHORIZED') || (isAppError(error, 'FORBIDDEN') && targetOrganizationId === organizationId)) {
          ended = true;
          log.info('The server ended the session', { connectionId: options.connectionId });
          await options.onEnded();
          throw sessionEnded();
        }
        throw error;
      }
      await keep(targetOrganizationId, tokens);
    });
  }

  async function withAccess<T>(work: (access: Access) => Promise<T>): Promise<T> {
    if (options.now().getTime() >= renewAt) {
      await renew(organizationId, () => options.now().getTime() >= renewAt);
    }
    const used = accessToken;
    try {
      return await work({ client, accessToken: used, organizationId });
    } catch (error) {
      if (!isAppError(error, 'UNAUTHORIZED')) throw error;
      // Another call may have renewed meanwhile; then its token is the one to retry with.
      await renew(organizationId, () => accessToken === used);
      return work({ client, accessToken, organizationId });
    }
  }

  return {
    get organizationId() {
      return organizationId;
    },
    refreshToken: () => refreshToken,
    withAccess,
    organization: bindOrganizationClient(withAccess),
    switchTo: (target) => renew(target, () => true),
    adopt: (target, tokens) =>
      queued(async () => {
        const replaced = refreshToken;
        await keep(target, tokens);
        return replaced;
      }),
  };
}
