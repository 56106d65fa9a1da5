import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, MAX_BACKOFF_MS, parseRetryAfter } from '../../src/main/api/backoff';

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
