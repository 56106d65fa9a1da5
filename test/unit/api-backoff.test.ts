import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  backoffDelay,
  clampDelay,
  MAX_BACKOFF_MS,
  MAX_DELAY_MS,
  parseRetryAfter,
  realSleep,
} from '../../src/main/api/backoff';
import { realScheduler } from '../../src/main/system-ports';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
  });

  it('reads an HTTP date relative to now, and a past date as 0', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
    expect(parseRetryAfter('2026', now)).toBe(2026 * 1000);
  });
});

describe('delays past what a timer can hold', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  afterEach(() => vi.useRealTimers());

  it('a Retry-After of weeks or a date in 2100 is read as MAX_DELAY_MS (two hours)', () => {
    expect(MAX_DELAY_MS).toBe(2 * 60 * 60_000);
    expect(parseRetryAfter('3000000', now)).toBe(MAX_DELAY_MS);
    expect(parseRetryAfter('9'.repeat(400), now)).toBe(MAX_DELAY_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(MAX_DELAY_MS);
    expect(parseRetryAfter('7200', now)).toBe(MAX_DELAY_MS);
    expect(parseRetryAfter('7199', now)).toBe(7_199_000);
  });

  it('clampDelay keeps every delay within [0, MAX_DELAY_MS], NaN and Infinity included', () => {
    expect([clampDelay(-5), clampDelay(0), clampDelay(1500)]).toEqual([0, 0, 1500]);
    for (const ms of [MAX_DELAY_MS + 1, 2 ** 31, 3e12, Infinity, NaN])
      expect(clampDelay(ms)).toBe(MAX_DELAY_MS);
  });

  // Node's own timers (faked by vitest the way Node behaves): a delay over 2^31-1 ms fires after 1 ms.
  it('the real scheduler, the last line of defence, never lets a huge delay fire at once', () => {
    vi.useFakeTimers();
    let fired = 0;
    realScheduler.setTimeout(() => (fired += 1), 3e12);
    realScheduler.setTimeout(() => (fired += 1), Number.NaN);
    vi.advanceTimersByTime(60_000);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(MAX_DELAY_MS);
    expect(fired).toBe(2);
  });

  it('the retry sleep is clamped the same way', async () => {
    vi.useFakeTimers();
    let woke = false;
    void realSleep(3e12).then(() => (woke = true));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(MAX_DELAY_MS);
    expect(woke).toBe(true);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt with jitter in [half, full)', () => {
    expect(backoffDelay(0, 100, () => 0)).toBe(50);
    expect(backoffDelay(0, 100, () => 0.999999)).toBe(100);
    expect(backoffDelay(1, 100, () => 0)).toBe(100);
    expect(backoffDelay(3, 100, () => 0)).toBe(400);
  });

  it('stays within bounds for any attempt and random value', () => {
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (a, base, r) => {
          const d = backoffDelay(a, base, () => r);
          const full = Math.min(MAX_BACKOFF_MS, base * 2 ** a);
          return d >= Math.floor(full / 2) && d <= full;
        },
      ),
    );
  });
});
