/**
 * Timing rules: the longest delay the app ever schedules, jittered exponential backoff for retries
 * and the Retry-After header. Pure functions, so tests check them with an injected random source
 * and clock.
 */
import { POLL_BOUNDS } from '../../shared/settings';

/** The longest backoff between two attempts, whatever the attempt number. */
export const MAX_BACKOFF_MS = 10_000;

/**
 * The longest delay the app schedules, for anything: the longest interval it chooses itself (the
 * idle refresh at its maximum). A longer one (a Retry-After of weeks, a date in 2100) would be worse
 * than useless: a timer over 2^31-1 ms fires after 1 ms in Node and Electron, so the app would poll
 * about a thousand times a second.
 */
export const MAX_DELAY_MS = POLL_BOUNDS.idleMinutes.max * 60_000;

/** A delay made safe to schedule: at most MAX_DELAY_MS (also for NaN or Infinity), never negative. */
export function clampDelay(ms: number): number {
  if (!(ms <= MAX_DELAY_MS)) return MAX_DELAY_MS;
  return Math.max(0, ms);
}

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
 * the past, at most MAX_DELAY_MS however far away the server says), or null when absent or
 * unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return clampDelay(Number(text) * 1000);
  // Only accept something that looks like an HTTP date, not any string Date.parse tolerates.
  if (!/[A-Za-z]{3},? .*\d{2}:\d{2}/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return clampDelay(at - nowMs);
}

/** A sleep that really waits (the default; tests inject their own), never longer than MAX_DELAY_MS. */
export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, clampDelay(ms)));
}
