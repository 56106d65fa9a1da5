/**
 * The schedule's promises as properties over random lives (awake and asleep spans of minutes to
 * days, restarts reloading the state from JSON, start times near DST changes):
 * - never two runs in one period;
 * - every period the app was awake in has exactly one run, so a sleep over many periods gives one
 *   catch-up run on waking, and a period slept through entirely has none;
 * - after a change of time zone, runs stay between half a period and one and a half periods apart.
 * Each property has a negative control: a plausible wrong engine the same property catches.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EVERY_HOURS, WEEKDAYS, type Schedule } from '../../src/shared/policy';
import {
  nextRun,
  nominalPeriodMs,
  periodAt,
  periodsBetween,
  type NextRun,
} from '../../src/main/core/policy/schedule';
import { wallClock } from '../../src/main/core/policy/local-time';
import { live, type Engine, type Life, type Segment } from '../support/policy-sim';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;

const ZONES = [
  'Europe/Helsinki',
  'America/New_York',
  'Australia/Lord_Howe',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Pacific/Chatham',
];
/** DST changes of 2026 in those zones (and a few ordinary days), to start lives near. */
const NEAR = [
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-04-04T15:00:00Z',
  '2026-10-03T15:30:00Z',
  '2026-04-04T16:00:00Z',
  '2026-10-03T16:00:00Z',
  '2026-04-04T14:00:00Z',
  '2026-09-26T14:00:00Z',
  '2026-06-10T12:00:00Z',
].map((iso) => Date.parse(iso));

const time = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 23 })),
    fc.constantFrom(0, 15, 30, 45, 59),
  )
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
  fc.constantFrom(...EVERY_HOURS).map((hours): Schedule => ({ kind: 'every', hours })),
  time.map((at): Schedule => ({ kind: 'daily', at })),
  fc
    .tuple(fc.constantFrom(...WEEKDAYS), time)
    .map(([weekday, at]): Schedule => ({ kind: 'weekly', weekday, at })),
);

const startArb = fc
  .tuple(fc.constantFrom(...NEAR), fc.integer({ min: -3 * DAY, max: 3 * DAY }))
  .map(([t, d]) => t + d);

const segmentArb: fc.Arbitrary<Segment> = fc.record({
  awake: fc.boolean(),
  ms: fc.oneof(
    fc.integer({ min: 1, max: 180 }).map((m) => m * MIN),
    fc.integer({ min: 1, max: 48 }).map((h) => h * H + 7 * MIN),
    fc.integer({ min: 1, max: 6 }).map((d) => d * DAY - 13 * MIN),
  ),
  restart: fc.boolean(),
});

/** A life of at most `maxMs`, so hourly schedules stay quick to check. */
function lifeArb(maxMs: number): fc.Arbitrary<Segment[]> {
  return fc.array(segmentArb, { minLength: 1, maxLength: 12 }).map((segments) => {
    const out: Segment[] = [];
    let total = 0;
    for (const s of segments) {
      if (total + s.ms > maxMs) break;
      out.push(s);
      total += s.ms;
    }
    return out.length > 0 ? out : [{ awake: true, ms: Math.min(maxMs, DAY) }];
  });
}

/** Every broken promise in a life lived in one zone, in words (empty when all hold). */
function brokenPromises(schedule: Schedule, zone: string, life: Life): string[] {
  const problems: string[] = [];
  const { runs } = life;
  const iso = (t: number) => new Date(t).toISOString();
  for (let i = 1; i < runs.length; i++) {
    const [a, b] = [runs[i - 1]!, runs[i]!];
    // The period containing b began after a: a slot lies between them.
    if (periodAt(schedule, zone, b.at)!.start <= a.at)
      problems.push(`two runs in one period: ${iso(a.at)}, ${iso(b.at)}`);
  }
  const periods = periodsBetween(schedule, zone, life.since, life.end + 1, 100_000);
  const first = periods[0]?.start ?? Infinity;
  if (runs.some((r) => r.at < first)) problems.push('a run before the first slot after the schedule was set');
  periods.forEach((p, i) => {
    const endOf = periods[i + 1]?.start ?? Infinity;
    const awake = life.awake.some(([from, to]) => from < endOf && to >= p.start);
    const count = runs.filter((r) => r.at >= p.start && r.at < endOf).length;
    if (count !== (awake ? 1 : 0)) {
      problems.push(`${p.key}: ${count} runs, app ${awake ? 'awake' : 'asleep'} in it`);
    }
  });
  return problems;
}

function promisesHold(engine: Engine, maxMs = 20 * DAY) {
  return fc.property(
    scheduleArb,
    fc.constantFrom(...ZONES),
    startArb,
    lifeArb(maxMs),
    (schedule, zone, start, segments) => {
      const shortLife = schedule.kind === 'every' && schedule.hours <= 2 ? segments.slice(0, 4) : segments;
      const life = live(engine, schedule, zone, start, shortLife);
      expect(brokenPromises(schedule, zone, life)).toEqual([]);
    },
  );
}

// --- Deliberately wrong engines (negative controls) ----------------------------------------

/** Catches up every missed period, one after another. */
const oncePerMissedPeriod: Engine = (schedule, zone, state, now) => {
  const right = nextRun(schedule, zone, state, now);
  if (right === null || state.lastRun === null) return right;
  const from = Math.max(state.since, state.lastRun.period.start + 1);
  const [oldest] = periodsBetween(schedule, zone, from, now + 1, 1);
  return oldest ? { period: oldest, due: true } : right;
};

/** Daily by calendar: due when today's local time has passed HH:MM and the last run was another day. */
const byLocalDate: Engine = (schedule, zone, state, now) => {
  if (schedule.kind !== 'daily') return nextRun(schedule, zone, state, now);
  const today = Math.floor(wallClock(now, zone) / DAY);
  const [hh, mm] = schedule.at.split(':').map(Number) as [number, number];
  const slotLocal = today * DAY + hh * H + mm * MIN;
  const ranToday = state.lastRun !== null && Math.floor(wallClock(state.lastRun.at, zone) / DAY) === today;
  const passed = wallClock(now, zone) >= slotLocal;
  const period = periodAt(schedule, zone, now)!;
  if (passed && !ranToday && now >= state.since) return { period, due: true };
  const [next] = periodsBetween(schedule, zone, now + 1, now + 8 * DAY, 1);
  return { period: next!, due: false };
};

/** Counts the last run for the current grid's period that contains it (no nearest-slot rule). */
const containingPeriod: Engine = (schedule, zone, state, now): NextRun | null => {
  if (schedule.kind === 'off') return null;
  const covered = state.lastRun ? periodAt(schedule, zone, state.lastRun.period.start)!.start : -Infinity;
  const eligible = (start: number) => start >= state.since && start > covered;
  const current = periodAt(schedule, zone, now)!;
  if (eligible(current.start)) return { period: current, due: true };
  const next = periodsBetween(schedule, zone, now + 1, now + 15 * DAY, 20).find((p) => eligible(p.start));
  return { period: next!, due: false };
};

const FAST = { numRuns: 120 };

describe('schedule properties', () => {
  it('never two runs in a period; each period the app was awake in has exactly one run', () => {
    fc.assert(promisesHold(nextRun), FAST);
  });

  it('negative control: catching up every missed period breaks "one catch-up"', () => {
    expect(fc.check(promisesHold(oncePerMissedPeriod), FAST).failed).toBe(true);
  });

  it('negative control: a local-date daily rule breaks "each awake period runs"', () => {
    const dailyOnly = fc.property(
      time,
      fc.constantFrom(...ZONES),
      startArb,
      lifeArb(20 * DAY),
      (at, zone, start, segments) => {
        const schedule: Schedule = { kind: 'daily', at };
        expect(brokenPromises(schedule, zone, live(byLocalDate, schedule, zone, start, segments))).toEqual(
          [],
        );
      },
    );
    expect(fc.check(dailyOnly, FAST).failed).toBe(true);
  });
});

describe('time-zone changes', () => {
  const dailyOrWeekly = scheduleArb.filter((s) => s.kind === 'daily' || s.kind === 'weekly');
  const travelZone = fc.constantFrom(
    ...ZONES,
    'Europe/London',
    'Europe/Berlin',
    'America/Los_Angeles',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
  );
  /** Awake throughout; the zone changes once. Consecutive runs' slots stay within [P/2, 3P/2] (with DST slack). */
  const boundedAcrossMove = (engine: Engine) =>
    fc.property(
      dailyOrWeekly,
      travelZone,
      travelZone,
      startArb,
      fc.integer({ min: 1, max: 20 * 24 }),
      (schedule, from, to, start, moveAfterHours) => {
        const period = nominalPeriodMs(schedule)!;
        const segments: Segment[] = [
          { awake: true, ms: moveAfterHours * H + 11 * MIN },
          { awake: true, ms: 4 * period, zone: to, restart: true },
        ];
        const { runs } = live(engine, schedule, from, start, segments);
        // Slots, not run instants: a catch-up run may come late in its period.
        for (let i = 1; i < runs.length; i++) {
          const [a, b] = [runs[i - 1]!, runs[i]!];
          expect(b.period.start).toBeLessThanOrEqual(b.at);
          const gap = b.period.start - a.period.start;
          expect(gap).toBeGreaterThanOrEqual(period / 2 - 2 * H);
          expect(gap).toBeLessThanOrEqual((3 * period) / 2 + 2 * H);
        }
      },
    );

  it('never doubles or skips across a move (runs stay half to one and a half periods apart)', () => {
    fc.assert(boundedAcrossMove(nextRun), { numRuns: 200 });
  });

  it('negative control: counting the last run for the period that contains it doubles after a move west', () => {
    expect(fc.check(boundedAcrossMove(containingPeriod), { numRuns: 200 }).failed).toBe(true);
  });
});
