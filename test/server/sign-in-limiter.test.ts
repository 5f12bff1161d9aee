import { describe, expect, it } from 'vitest';
import { FAILED_SIGN_IN_WINDOW_MS, MAX_FAILED_SIGN_INS, SignInLimiter } from '../../src/server/auth/sign-in-limiter';
import { manualClock } from './server-test-client';

describe('the sign-in limiter', () => {
  it('forgets usernames whose failures are older than the window, so made-up names cannot grow it forever', () => {
    const clock = manualClock();
    const limiter = new SignInLimiter(clock.now);
    for (let i = 0; i < 1000; i++) limiter.recordFailure(`nobody-${i}@example.com`);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) limiter.recordFailure('target@example.com');
    clock.advance(FAILED_SIGN_IN_WINDOW_MS + 1);
    limiter.recordFailure('late@example.com');
    expect(limiter.trackedUsernames).toBe(1);
  });

  it('still refuses a username within its window while others are forgotten', () => {
    const clock = manualClock();
    const limiter = new SignInLimiter(clock.now);
    for (let i = 0; i < 1000; i++) limiter.recordFailure(`nobody-${i}@example.com`);
    clock.advance(FAILED_SIGN_IN_WINDOW_MS + 1);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) limiter.recordFailure('target@example.com');
    expect(limiter.retryAfterSeconds('target@example.com')).toBeGreaterThan(0);
    expect(limiter.trackedUsernames).toBe(1);
  });
});
