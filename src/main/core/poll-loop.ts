/**
 * When to poll, and a loop that polls. The rule: while an operation runs, every
 * `pollIntervalSeconds`; with nothing running and the window open, every minute (someone is
 * looking, and a refresh costs two requests); with nothing running and the window hidden, every
 * `idleRefreshMinutes`. After failures the delay doubles from that base up to five minutes (never
 * below the base), and a server's Retry-After is always honoured.
 */
import { clampDelay } from '../api/backoff';
import type { Scheduler } from './ports';

/** Longest wait between polls after repeated failures (unless Retry-After or the idle interval asks more). */
export const MAX_BACKOFF_MS = 5 * 60_000;
/** Refresh interval with the window open and nothing running. */
export const VISIBLE_REFRESH_MS = 60_000;

/** What the next delay depends on. */
export interface DelayInput {
  running: boolean;
  windowVisible: boolean;
  pollIntervalSeconds: number;
  idleRefreshMinutes: number;
  /** Failed polls in a row (0 after a success). */
  failures: number;
  /** What the last failure's Retry-After asked for, in ms. */
  retryAfterMs: number | null;
}

/** The delay before the next poll, in ms (never more than MAX_DELAY_MS, whatever Retry-After said). */
export function nextDelay(input: DelayInput): number {
  const idle = input.idleRefreshMinutes * 60_000;
  const base = input.running
    ? input.pollIntervalSeconds * 1000
    : input.windowVisible
      ? Math.min(VISIBLE_REFRESH_MS, idle)
      : idle;
  let delay = base;
  if (input.failures > 0) {
    const backoff = Math.min(base * 2 ** Math.min(input.failures, 20), MAX_BACKOFF_MS);
    delay = Math.max(base, backoff);
  }
  if (input.retryAfterMs !== null) delay = Math.max(delay, input.retryAfterMs);
  return clampDelay(delay);
}

/** What a poll says about scheduling the next one. */
export type PollOutcome = { next: 'schedule' } | { next: 'stop' };

/** Which kind of poll: a full refresh (servers and snapshots) or a light one (only what runs). */
export type PollKind = 'full' | 'light';

/**
 * Runs polls one at a time. `kick()` runs a full refresh now (cancelling the timer; if a poll is
 * in flight, one more follows it). After each poll the next is scheduled with `delay()`, unless
 * the poll said stop or the loop was stopped.
 */
export class PollLoop {
  private cancelTimer: (() => void) | null = null;
  private inFlight: Promise<void> | null = null;
  private again = false;
  private active = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly poll: (kind: PollKind) => Promise<PollOutcome>,
    private readonly delay: () => number,
    private readonly kindForTimer: () => PollKind,
  ) {}

  /** True while the loop is started. */
  get started(): boolean {
    return this.active;
  }

  /** Starts the loop with a full refresh now. */
  start(): Promise<void> {
    this.active = true;
    return this.kick();
  }

  /** Stops scheduling; a poll in flight finishes but schedules nothing. */
  stop(): void {
    this.active = false;
    this.again = false;
    this.clearTimer();
  }

  /** A full refresh now (or right after the one in flight); resolves when it is done. */
  kick(): Promise<void> {
    if (!this.active) return Promise.resolve();
    this.clearTimer();
    if (this.inFlight !== null) {
      this.again = true;
      return this.inFlight;
    }
    return this.run('full');
  }

  /** Re-plans the pending timer (e.g. after the interval or window visibility changed). */
  reschedule(): void {
    if (!this.active || this.inFlight !== null) return;
    this.schedule();
  }

  /** Resolves when no poll is in flight. */
  async idle(): Promise<void> {
    while (this.inFlight !== null) await this.inFlight;
  }

  private run(first: PollKind): Promise<void> {
    const job = (async () => {
      let kind = first;
      let outcome: PollOutcome = { next: 'schedule' };
      do {
        this.again = false;
        try {
          outcome = await this.poll(kind);
        } catch {
          // A poll reports its own errors; a surprise here must not wedge the loop forever.
          outcome = { next: 'schedule' };
        }
        kind = 'full';
      } while (this.again && this.active && outcome.next === 'schedule');
      this.inFlight = null;
      if (outcome.next === 'stop') this.stop();
      else this.schedule();
    })();
    this.inFlight = job;
    return job;
  }

  private schedule(): void {
    this.clearTimer();
    if (!this.active) return;
    this.cancelTimer = this.scheduler.setTimeout(() => {
      this.cancelTimer = null;
      // Returned so a manual scheduler in tests can await the whole poll.
      return this.inFlight ?? this.run(this.kindForTimer());
    }, this.delay());
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }
}
