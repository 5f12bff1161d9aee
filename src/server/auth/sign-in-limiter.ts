// Limits on password sign-in (POST /authenticate), after OWASP ASVS 5.0 V6 and NIST SP 800-63B
// §5.2.2. None of them lets an attacker somewhere else lock the real user out:
//
// 1. Per username and client address: 5 failures are free, then each next try waits 1 s,
//    2 s, 4 s, … up to 15 minutes (backoff). A success, or 24 hours without a failure,
//    forgets them. This is what slows a guesser, and it only slows that one client.
// 2. Per username: at most 100 consecutive failures in 24 hours, from all clients together
//    (NIST's bound for one account). Beyond it, the account is closed to clients that have not
//    signed in to it in the last 30 days; a client that has ("known", OWASP's device-cookie
//    idea keyed by address) keeps only limit 1. Many attackers cannot lock out its owner.
// 3. Per client address: at most 100 failures in an hour across usernames (password spraying);
//    beyond it, that client may only try the usernames it is known for.
//
// The check and the recording are one synchronous step (`begin`): a try counts as a failure
// before its password is checked and is taken back by `succeeded()`. Checking first and
// recording after the (asynchronous) hash let every parallel guess through (issue 9).
// Kept in memory: a restart forgets it, which is acceptable for a local server.

export interface SignInLimits {
  readonly freeFailures: number;
  readonly firstWaitMs: number;
  readonly longestWaitMs: number;
  /** A username and client's failures are forgotten this long after the last one. */
  readonly pairMemoryMs: number;
  readonly accountFailures: number;
  readonly accountWindowMs: number;
  readonly clientFailures: number;
  readonly clientWindowMs: number;
  /** A client that signed in as a user stays known for it this long. */
  readonly knownClientMs: number;
  /** Entries kept at the most per map; the least recently touched go first beyond it. */
  readonly maxTracked: number;
}

const HOUR = 60 * 60 * 1000;

export const SIGN_IN_LIMITS: SignInLimits = {
  freeFailures: 5,
  firstWaitMs: 1000,
  longestWaitMs: 15 * 60 * 1000,
  pairMemoryMs: 24 * HOUR,
  accountFailures: 100,
  accountWindowMs: 24 * HOUR,
  clientFailures: 100,
  clientWindowMs: HOUR,
  knownClientMs: 30 * 24 * HOUR,
  maxTracked: 10_000,
};

/** Which limit refused a try: the sentence to the user differs. */
export type SignInLimit = 'backoff' | 'account' | 'client';

export type SignInVerdict =
  | { readonly allowed: false; readonly limit: SignInLimit; readonly retryAfterSeconds: number }
  /** Counted as a failure unless `succeeded()` is called. */
  | { readonly allowed: true; succeeded(): void };

interface PairFailures {
  count: number;
  last: number;
}

export class SignInLimiter {
  private readonly pairs = new Map<string, PairFailures>();
  /** Failure times, oldest first, at most the limit's count of them. */
  private readonly accounts = new Map<string, number[]>();
  private readonly clients = new Map<string, number[]>();
  /** username+client → time of the last success. */
  private readonly known = new Map<string, number>();

  constructor(
    private readonly now: () => Date,
    private readonly limits: SignInLimits = SIGN_IN_LIMITS,
  ) {}

  /** Checks the limits for one try and, when it may go ahead, records it as a failure. */
  begin(username: string, client: string): SignInVerdict {
    const now = this.now().getTime();
    const user = normalize(username);
    const pairKey = `${user}\n${client}`;
    const { limits } = this;

    const pair = this.livePair(pairKey, now);
    if (pair && pair.count >= limits.freeFailures) {
      const wait = Math.min(limits.firstWaitMs * 2 ** (pair.count - limits.freeFailures), limits.longestWaitMs);
      if (now < pair.last + wait) return refuse('backoff', pair.last + wait - now);
    }
    const knownClient = (this.known.get(pairKey) ?? -Infinity) > now - limits.knownClientMs;
    const account = recent(this.accounts.get(user), now - limits.accountWindowMs);
    const fromClient = recent(this.clients.get(client), now - limits.clientWindowMs);
    if (!knownClient && account.length >= limits.accountFailures) {
      return refuse('account', (account[account.length - limits.accountFailures] ?? now) + limits.accountWindowMs - now);
    }
    if (!knownClient && fromClient.length >= limits.clientFailures) {
      return refuse('client', (fromClient[fromClient.length - limits.clientFailures] ?? now) + limits.clientWindowMs - now);
    }

    touch(this.pairs, pairKey, { count: (pair?.count ?? 0) + 1, last: now });
    touch(this.accounts, user, [...account, now].slice(-limits.accountFailures));
    touch(this.clients, client, [...fromClient, now].slice(-limits.clientFailures));
    this.bound(now);
    return {
      allowed: true,
      succeeded: () => {
        this.pairs.delete(pairKey);
        // NIST counts consecutive failures: a success starts the account's count again.
        this.accounts.delete(user);
        const times = this.clients.get(client);
        const index = times?.lastIndexOf(now) ?? -1;
        if (times && index >= 0) times.splice(index, 1);
        touch(this.known, pairKey, this.now().getTime());
        this.bound(this.now().getTime());
      },
    };
  }

  /** How many entries the limiter keeps (for tests of its bound). */
  get trackedEntries(): number {
    return this.pairs.size + this.accounts.size + this.clients.size + this.known.size;
  }

  private livePair(key: string, now: number): PairFailures | undefined {
    const pair = this.pairs.get(key);
    if (pair && pair.last <= now - this.limits.pairMemoryMs) {
      this.pairs.delete(key);
      return undefined;
    }
    return pair;
  }

  /** Made-up usernames and addresses must not grow the maps forever. */
  private bound(now: number): void {
    const { limits } = this;
    if (this.pairs.size > limits.maxTracked) prune(this.pairs, (pair) => pair.last <= now - limits.pairMemoryMs, limits.maxTracked);
    if (this.accounts.size > limits.maxTracked) prune(this.accounts, (times) => (times.at(-1) ?? 0) <= now - limits.accountWindowMs, limits.maxTracked);
    if (this.clients.size > limits.maxTracked) prune(this.clients, (times) => (times.at(-1) ?? 0) <= now - limits.clientWindowMs, limits.maxTracked);
    if (this.known.size > limits.maxTracked) prune(this.known, (time) => time <= now - limits.knownClientMs, limits.maxTracked);
  }
}

const normalize = (username: string): string => username.trim().toLowerCase();

function refuse(limit: SignInLimit, waitMs: number): SignInVerdict {
  return { allowed: false, limit, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

function recent(times: readonly number[] | undefined, since: number): number[] {
  return (times ?? []).filter((time) => time > since);
}

/** Sets the entry as the most recently touched (Map keeps insertion order). */
function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}

/**
 * Drops the expired entries, then the least recently touched down to 90 % of `max` (so that
 * the next few insertions do not each walk the map again).
 */
function prune<V>(map: Map<string, V>, expired: (value: V) => boolean, max: number): void {
  for (const [key, value] of map) if (expired(value)) map.delete(key);
  if (map.size <= max) return;
  const keep = Math.floor(max * 0.9);
  for (const key of map.keys()) {
    if (map.size <= keep) break;
    map.delete(key);
  }
}
