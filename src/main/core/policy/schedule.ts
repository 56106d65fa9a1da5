/**
 * When a policy's automatic snapshot is due. Pure: the clock (`now`) and the time zone are passed
 * in, and the state the core keeps between runs is plain JSON. See README.md in this folder.
 *
 * A schedule is a grid of slots in local wall-clock time: every day at HH:MM (daily), one day a
 * week at HH:MM (weekly), or at local midnight and every N hours after it (every N hours; N
 * divides 24, so the grid is the same every day and stable across restarts). Each slot is
 * turned into an instant with firstInstantAtLocal: a time DST skips runs at the first valid
 * instant after it, a time DST repeats runs at its first occurrence. A period runs from its slot
 * to the next slot, and has at most one run.
 */
import { splitLocalTime, type Schedule } from '../../../shared/policy';
import { firstInstantAtLocal, roughLocal } from './local-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long after a failed scheduled create it is tried once more (if still in the same period). */
export const RETRY_DELAY_MS = 15 * MINUTE;

/** One period of a schedule: from its slot (when its run is due) to the next slot. */
export interface Period {
  /**
   * A stable name from the slot's nominal local date: `daily:2026-03-29`, `weekly:2026-03-30`
   * (the date of the chosen weekday), `every-6h:2026-03-29T06`. Logs and the soak compare runs by it.
   */
  key: string;
  /** The slot, in ms since epoch. */
  start: number;
}

/** A run the core started, or skipped with a reason, for a period. Persisted before its request. */
export interface RunStamp {
  /** When it started (ms since epoch); later than `period.start` for a catch-up run. */
  at: number;
  period: Period;
}

/** What the core keeps per policy for its schedule (plain JSON). */
export interface ScheduleState {
  /**
   * When the schedule was last set or changed (ms). No period whose slot is before it runs, so
   * turning a schedule on at 10:00 with "daily at 03:00" runs first tomorrow, not at once.
   */
  since: number;
  /** The last run stamped under this policy, whatever its outcome, or null. */
  lastRun: RunStamp | null;
}

/** The next run of a schedule at some `now`. */
export interface NextRun {
  /** The period the run belongs to; its `start` is when it is (or was) due. */
  period: Period;
  /** True when it should start now: its slot has passed and its period has not run. */
  due: boolean;
}

type ActiveSchedule = Exclude<Schedule, { kind: 'off' }>;

/** A schedule's slots in local time: slot k is at `phase + k * step`. */
interface Grid {
  phase: number;
  step: number;
  key(local: number): string;
}

/** 1970-01-01, local day 0, was a Thursday (ISO weekday 4). */
const DAY0_WEEKDAY = 4;

function isoDate(local: number): string {
  return new Date(local).toISOString().slice(0, 10);
}

function gridOf(schedule: ActiveSchedule): Grid {
  if (schedule.kind === 'every') {
    return {
      phase: 0,
      step: schedule.hours * HOUR,
      key: (local) => `every-${schedule.hours}h:${new Date(local).toISOString().slice(0, 13)}`,
    };
  }
  const { hour, minute } = splitLocalTime(schedule.at);
  const timeOfDay = hour * HOUR + minute * MINUTE;
  if (schedule.kind === 'daily') {
    return { phase: timeOfDay, step: DAY, key: (local) => `daily:${isoDate(local)}` };
  }
  const firstDay = (schedule.weekday - DAY0_WEEKDAY + 7) % 7;
  return { phase: firstDay * DAY + timeOfDay, step: 7 * DAY, key: (local) => `weekly:${isoDate(local)}` };
}

/** Slot arithmetic for one schedule in one zone. Slot indexes are nominal; some share an instant. */
class Slots {
  private readonly grid: Grid;

  constructor(
    schedule: ActiveSchedule,
    private readonly zone: string,
  ) {
    this.grid = gridOf(schedule);
  }

  /** When slot k is due (firstInstantAtLocal remembers it). */
  at(k: number): number {
    return firstInstantAtLocal(this.grid.phase + k * this.grid.step, this.zone);
  }

  /** The first slot due at or after `instant`. */
  firstFrom(instant: number): number {
    // A guess is enough: the steps below are exact (slot instants never decrease).
    let k = Math.ceil((roughLocal(instant, this.zone) - this.grid.phase) / this.grid.step);
    while (this.at(k - 1) >= instant) k--;
    while (this.at(k) < instant) k++;
    return k;
  }

  /** The last slot due at or before `instant` (the latest of slots that share its instant). */
  lastUpTo(instant: number): number {
    return this.firstFrom(instant + 1) - 1;
  }

  /**
   * Of slots that share an instant (a DST gap swallows a whole slot of "every hour"), the last:
   * its key names a local time that exists.
   */
  canonical(k: number): number {
    while (this.at(k + 1) === this.at(k)) k++;
    return k;
  }

  /** The slot nearest to `instant` (the earlier one on a tie). */
  nearest(instant: number): number {
    const before = this.lastUpTo(instant);
    const after = before + 1;
    return instant - this.at(before) <= this.at(after) - instant ? before : this.canonical(after);
  }

  period(k: number): Period {
    const c = this.canonical(k);
    return { key: this.grid.key(this.grid.phase + c * this.grid.step), start: this.at(c) };
  }
}

function slotsOf(schedule: Schedule, zone: string): Slots | null {
  return schedule.kind === 'off' ? null : new Slots(schedule, zone);
}

/** The nominal length of a schedule's period in ms (DST and zone changes make real ones differ), or null when off. */
export function nominalPeriodMs(schedule: Schedule): number | null {
  if (schedule.kind === 'off') return null;
  return gridOf(schedule).step;
}

/**
 * The next run at `now`, or null when the schedule is off. `due` is true when a run should start
 * now; its period is then the current one, so after days asleep or off it is one catch-up run,
 * never one per missed period. Otherwise `period.start` is when to look again.
 *
 * Which periods the last run covers is decided in the current zone's grid: the slot nearest to the
 * last run's own slot and all before it. In one zone that is exactly the last run's period; after a
 * change of time zone (or of the schedule) it keeps the next run between half a period and one and
 * a half periods after the last, so a move never doubles or skips a run. A last run or `since`
 * dated after `now` (the clock was set back) counts as now: nothing doubles and nothing stalls.
 * Throws RangeError for an unknown zone (check with isValidTimeZone).
 */
export function nextRun(schedule: Schedule, zone: string, state: ScheduleState, now: number): NextRun | null {
  const slots = slotsOf(schedule, zone);
  if (slots === null) return null;
  let first = slots.firstFrom(plausibleUpTo(state.since, now));
  if (state.lastRun !== null) {
    // An unreadable stamp still means a run happened: it counts as now rather than run again.
    first = Math.max(first, slots.nearest(plausibleUpTo(state.lastRun.period.start, now)) + 1);
  }
  const current = slots.lastUpTo(now);
  if (current >= first) return { period: slots.period(current), due: true };
  return { period: slots.period(first), due: false };
}

/** Instants a stored state may hold: 1970 to the end of 9999. */
const LATEST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** `stored` when it is a plausible instant no later than `now`; otherwise `now`. */
function plausibleUpTo(stored: number, now: number): number {
  return Number.isFinite(stored) && stored >= 0 && stored <= LATEST_INSTANT ? Math.min(stored, now) : now;
}

/** The stamp to persist (before the create request) for a run that `nextRun` said is due. */
export function stampRun(next: NextRun, now: number): RunStamp {
  return { at: now, period: next.period };
}

/** The period that contains `instant` (its slot is at or before it), or null when off. */
export function periodAt(schedule: Schedule, zone: string, instant: number): Period | null {
  const slots = slotsOf(schedule, zone);
  return slots === null ? null : slots.period(slots.lastUpTo(instant));
}

/** The periods whose slots fall in [from, to), oldest first, at most `limit` of them. */
export function periodsBetween(
  schedule: Schedule,
  zone: string,
  from: number,
  to: number,
  limit = 1000,
): Period[] {
  const slots = slotsOf(schedule, zone);
  if (slots === null) return [];
  const out: Period[] = [];
  for (let k = slots.firstFrom(from); out.length < limit && slots.at(k) < to; k = slots.canonical(k) + 1) {
    out.push(slots.period(k));
  }
  return out;
}

/**
 * When to try a failed scheduled create once more: `RETRY_DELAY_MS` after the failure, if that is
 * still before the next slot; otherwise null (the next period's run comes first).
 */
export function retryAt(
  schedule: Schedule,
  zone: string,
  run: RunStamp,
  failedAt: number,
  delayMs = RETRY_DELAY_MS,
): number | null {
  const slots = slotsOf(schedule, zone);
  if (slots === null) return null;
  const retry = failedAt + delayMs;
  const nextSlot = slots.at(slots.firstFrom(run.period.start + 1));
  return retry < nextSlot ? retry : null;
}
