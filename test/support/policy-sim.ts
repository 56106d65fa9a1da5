/**
 * A laptop's life for the schedule engine: awake and asleep spans, restarts that reload the state
 * from JSON, time-zone changes. While awake the "app" looks at the schedule when it wakes, at each
 * instant the engine names as the next slot, and (optionally) every `tickMs`, and stamps a run
 * whenever one is due: what the core will do. The engine is passed in, so the same life can be
 * replayed against a deliberately wrong engine (negative controls).
 */
import type { Schedule } from '../../src/shared/policy';
import type { NextRun, RunStamp, ScheduleState } from '../../src/main/core/policy/schedule';

/** Anything with the signature of `nextRun`. */
export type Engine = (schedule: Schedule, zone: string, state: ScheduleState, now: number) => NextRun | null;

/** One span of the machine's life. */
export interface Segment {
  awake: boolean;
  ms: number;
  /** The app restarts at the start of this span (state reloaded from its JSON). */
  restart?: boolean;
  /** The computer's time zone from the start of this span on. */
  zone?: string;
}

/** What happened. */
export interface Life {
  runs: RunStamp[];
  /** Closed awake spans [from, to]. */
  awake: [number, number][];
  since: number;
  end: number;
}

/** The most runs one instant may produce before the simulation stops it (a broken engine would loop). */
const SAME_INSTANT_CAP = 20;
const CHECK_CAP = 200_000;

/** Lives `segments` from `start` (when the schedule was set) and returns every run stamped. */
export function live(
  engine: Engine,
  schedule: Schedule,
  zone: string,
  start: number,
  segments: readonly Segment[],
  tickMs: number | null = null,
): Life {
  let state: ScheduleState = { since: start, lastRun: null };
  const runs: RunStamp[] = [];
  const awake: [number, number][] = [];
  let t = start;
  let checks = 0;
  for (const seg of segments) {
    if (seg.zone !== undefined) zone = seg.zone;
    if (seg.restart) state = JSON.parse(JSON.stringify(state)) as ScheduleState;
    const end = t + seg.ms;
    if (!seg.awake) {
      t = end;
      continue;
    }
    awake.push([t, end]);
    let sameInstant = 0;
    while (checks++ < CHECK_CAP) {
      const next = engine(schedule, zone, state, t);
      if (next?.due && sameInstant < SAME_INSTANT_CAP) {
        const stamp: RunStamp = { at: t, period: next.period };
        runs.push(stamp);
        state = { ...state, lastRun: stamp };
        sameInstant++;
        continue;
      }
      let wake = next === null || next.due ? end + 1 : next.period.start;
      if (tickMs !== null) wake = Math.min(wake, t + tickMs);
      if (wake <= t) wake = t + 60_000; // an engine naming the past must not stall the simulation
      if (wake > end) break;
      t = wake;
      sameInstant = 0;
    }
    t = end;
  }
  return { runs, awake, since: start, end: t };
}

/** A machine that never sleeps from `from` to `to`. */
export function awakeFor(ms: number): Segment[] {
  return [{ awake: true, ms }];
}
