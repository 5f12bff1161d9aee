// Refuses sign-in for a username after too many failures in a sliding window (429), so
// that a password cannot be guessed online. Kept in memory: a restart forgets it, which
// is acceptable for a local server.
export const MAX_FAILED_SIGN_INS = 10;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
const PRUNE_ABOVE = 1000;

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => Date) {}

  /** Seconds until the username may try again, or 0 when it may try now. */
  retryAfterSeconds(username: string): number {
    const recent = this.recent(username);
    if (recent.length < MAX_FAILED_SIGN_INS) return 0;
    const oldest = recent[recent.length - MAX_FAILED_SIGN_INS] ?? 0;
    return Math.max(1, Math.ceil((oldest + FAILED_SIGN_IN_WINDOW_MS - this.now().getTime()) / 1000));
  }

  recordFailure(username: string): void {
    const recent = this.recent(username);
    recent.push(this.now().getTime());
    this.failures.set(normalize(username), recent);
    // Made-up usernames must not grow the map forever: forget the ones whose window passed.
    if (this.failures.size > PRUNE_ABOVE) this.prune();
  }

  /** How many usernames have failures on record (for tests). */
  get trackedUsernames(): number {
    return this.failures.size;
  }

  private prune(): void {
    const since = this.now().getTime() - FAILED_SIGN_IN_WINDOW_MS;
    for (const [name, times] of this.failures) {
      if (!times.some((time) => time > since)) this.failures.delete(name);
    }
  }

  recordSuccess(username: string): void {
    this.failures.delete(normalize(username));
  }

  private recent(username: string): number[] {
    const since = this.now().getTime() - FAILED_SIGN_IN_WINDOW_MS;
    return (this.failures.get(normalize(username)) ?? []).filter((time) => time > since);
  }
}

const normalize = (username: string): string => username.trim().toLowerCase();
