// The sign-in limiter on its own, with a clock moved by hand: backoff per username and
// client, the account and client bounds with their known-client exemption, the atomic
// check-and-record, and its memory bound. Over HTTP: security.test.ts.
import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, SignInLimiter, type SignInVerdict } from '../../src/server/auth/sign-in-limiter';
import { manualClock } from './server-test-client';

const USER = 'target@example.com';
const SECOND = 1000;
const HOUR = 3600 * SECOND;

function fail(limiter: SignInLimiter, username: string, client: string): SignInVerdict {
  return limiter.begin(username, client);
}

function refusal(verdict: SignInVerdict): { limit: string; retryAfterSeconds: number } | null {
  return verdict.allowed ? null : { limit: verdict.limit, retryAfterSeconds: verdict.retryAfterSeconds };
}

describe('the sign-in limiter', () => {
  it('lets 5 failures through, then makes each next try wait 1 s, 2 s, 4 s … up to 15 minutes', () => {
    const clock = manualClock();
    const limiter = new SignInLimiter(clock.now);
    for (let i = 0; i < 5; i++) expect(fail(limiter, USER, 'A').allowed).toBe(true);
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const refused = refusal(fail(limiter, USER, 'A'));
      expect(refused?.limit).toBe('backoff');
      waits.push(refused?.retryAfterSeconds ?? 0);
      clock.advance((refused?.retryAfterSeconds ?? 0) * SECOND);
      expect(fail(limiter, USER, 'A').allowed).toBe(true);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
  });

  it('checks and records in one step: of 200 tries begun at once, only the 5 free ones go ahead', () => {
    const limiter = new SignInLimiter(manualClock().now);
    const verdicts = Array.from({ length: 200 }, () => limiter.begin(USER, 'A'));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5);
  });

  it('forgets the failures of a username and client at a success, and 24 hours after the last one', () => {
    const clock = manualClock();
    const limiter = new SignInLimiter(clock.now);
    for (let i = 0; i < 4; i++) fail(limiter, USER, 'A');
    const right = limiter.begin(USER, 'A');
    if (!right.allowed) throw new Error('the fifth try should go ahead');
    right.succeeded();
    for (let i = 0; i < 5; i++) expect(fail(limiter, USER, 'A').allowed).toBe(true);
    expect(refusal(fail(limiter, USER, 'A'))?.limit).toBe('backoff');
    clock.advance(24 * HOUR);
    for (let i = 0; i < 5; i++) expect(fail(limiter, USER, 'A').allowed).toBe(true);
  });

  it('never keeps the user out from another computer, however steady the attacker (issue 9: two hours locked out)', () => {
    const clock = manualClock();
    const limiter = new SignInLimiter(clock.now);
    for (let second = 0; second < 2 * 3600; second += 10) {
      limiter.begin(USER, 'attacker');
      if (second % 600 === 0) {
        const owner = limiter.begin(USER, 'owner');
        expect(owner.allowed, `at ${second} s`).toBe(true);
        if (owner.allowed) owner.succeeded();
      }
      clock.advance(10 * SECOND);
    }
  });

  it('closes an account after 100 consecutive failures to every computer but those it signed in from', () => {
    const clock = manualClock();
    const limiter = new SignInLimiter(clock.now);
    const owner = limiter.begin(USER, 'owner');
    if (owner.allowed) owner.succeeded();
    // Twenty attackers, five free guesses each.
    for (let attacker = 0; attacker < 20; attacker++) {
      for (let i = 0; i < 5; i++) expect(fail(limiter, USER, `attacker-${attacker}`).allowed).toBe(true);
      clock.advance(60 * SECOND);
    }
    expect(refusal(limiter.begin(USER, 'newcomer'))).toEqual({ limit: 'account', retryAfterSeconds: 24 * 3600 - 20 * 60 });
    expect(limiter.begin(USER, 'owner').allowed).toBe(true);
    expect(limiter.begin('someone-else@example.com', 'newcomer').allowed).toBe(true);
  });

  it('bounds one computer at 100 failures an hour across usernames (spraying), except for users it is known for', () => {
    const clock = manualClock();
    const limiter = new SignInLimiter(clock.now);
    const known = limiter.begin(USER, 'sprayer');
    if (known.allowed) known.succeeded();
    for (let i = 0; i < 100; i++) expect(fail(limiter, `user-${i}@example.com`, 'sprayer').allowed).toBe(true);
    expect(refusal(limiter.begin('user-100@example.com', 'sprayer'))).toEqual({ limit: 'client', retryAfterSeconds: 3600 });
    expect(limiter.begin(USER, 'sprayer').allowed).toBe(true);
    expect(limiter.begin('user-100@example.com', 'elsewhere').allowed).toBe(true);
    clock.advance(HOUR);
    expect(limiter.begin('user-101@example.com', 'sprayer').allowed).toBe(true);
  });

  it('treats a username in any case and with spaces around as the same', () => {
    const limiter = new SignInLimiter(manualClock().now);
    for (const name of ['Target@Example.com', ' target@example.com', 'TARGET@EXAMPLE.COM ', USER, USER]) limiter.begin(name, 'A');
    expect(refusal(limiter.begin(USER, 'A'))?.limit).toBe('backoff');
  });

  it('keeps its memory bounded whatever usernames and addresses are made up', () => {
    const clock = manualClock();
    const limits = { ...SIGN_IN_LIMITS, maxTracked: 100 };
    const limiter = new SignInLimiter(clock.now, limits);
    for (let i = 0; i < 5000; i++) {
      limiter.begin(`nobody-${i}@example.com`, `10.0.${Math.floor(i / 250)}.${i % 250}`);
      clock.advance(SECOND);
    }
    expect(limiter.trackedEntries).toBeLessThanOrEqual(4 * limits.maxTracked);
    // A username still within its window is still limited.
    for (let i = 0; i < 5; i++) limiter.begin(USER, 'A');
    expect(refusal(limiter.begin(USER, 'A'))?.limit).toBe('backoff');
  });
});
