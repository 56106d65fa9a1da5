/**
 * Timing rules for retries: jittered exponential backoff and the Retry-After header. Pure
 * functions, so tests check them with an injected random source and clock.
 */

/** The longest backoff between two attempts, whatever the attempt number. */
export const MAX_BACKOFF_MS = 10_000;

/**
 * Wait before retry number `attempt` (0 for the first retry): base * 2^attempt, capped, times a
 * random factor in [0.5, 1) so many clients failing together do not retry in lockstep.
 */
export function backoffDelay(attempt: number, baseMs: number, random: () => number): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt);
  return Math.round(exponential * (0.5 + 0.5 * random()));
}

/**
 * Reads Retry-After: delta-seconds ("120") or an HTTP date. Returns the wait in ms (0 for a date in
 * the past), or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only accept something that looks like an HTTP date, not any string Date.parse tolerates.
  if (!/[A-Za-z]{3},? .*\d{2}:\d{2}/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/** A sleep that really waits (the default; tests inject their own). */
export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
