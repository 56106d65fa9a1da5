/**
 * The schedule engine, by example: every schedule kind across the DST changes of Helsinki,
 * New York, Lord Howe (a half-hour shift) and Sydney (southern hemisphere), sleep gaps, restarts,
 * a crash after a run was stamped, time-zone changes and a clock set back. Expected instants are
 * worked out from the zones' published rules (and checked against toLocaleString), never taken
 * from the engine.
 */
import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../src/shared/policy';
import {
  nextRun,
  nominalPeriodMs,
  periodAt,
  periodsBetween,
  retryAt,
  RETRY_DELAY_MS,
  stampRun,
  type ScheduleState,
} from '../../src/main/core/policy/schedule';
import { isValidTimeZone } from '../../src/main/core/policy/local-time';
import { awakeFor, live, type Segment } from '../support/policy-sim';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const at = (iso: string): number => Date.parse(iso);
const isoOf = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Runs of `schedule` while awake the whole time from `from` (the schedule set then) for `ms`. */
function runsAwake(schedule: Schedule, zone: string, from: string, ms: number, tickMs: number | null = null) {
  return live(nextRun, schedule, zone, at(from), awakeFor(ms), tickMs).runs;
}

const daily = (time: string): Schedule => ({ kind: 'daily', at: time });
const every = (hours: 1 | 2 | 3 | 4 | 6 | 8 | 12): Schedule => ({ kind: 'every', hours });

describe('daily across DST', () => {
  it('Helsinki, spring forward: 03:30 does not exist on 29 March and runs at 04:00, the first valid instant', () => {
    const runs = runsAwake(daily('03:30'), 'Europe/Helsinki', '2026-03-26T12:00:00Z', 5 * DAY);
    expect(runs.map((r) => isoOf(r.at))).toEqual([
      '2026-03-27T01:30:00Z',
      '2026-03-28T01:30:00Z',
      '2026-03-29T01:00:00Z', // 04:00 EEST
      '2026-03-30T00:30:00Z',
      '2026-03-31T00:30:00Z',
    ]);
    expect(runs.map((r) => r.period.key)).toEqual([
      'daily:2026-03-27',
      'daily:2026-03-28',
      'daily:2026-03-29',
      'daily:2026-03-30',
      'daily:2026-03-31',
    ]);
  });

  it('Helsinki, fall back: 03:30 happens twice on 25 October and runs once, at the first', () => {
    // Looked at every 5 minutes, including during the repeated hour.
    const runs = runsAwake(daily('03:30'), 'Europe/Helsinki', '2026-10-23T12:00:00Z', 3 * DAY, 5 * MIN);
    expect(runs.map((r) => isoOf(r.at))).toEqual([
      '2026-10-24T00:30:00Z',
      '2026-10-25T00:30:00Z', // 03:30 EEST; 03:30 EET (01:30Z) does not run again
      '2026-10-26T01:30:00Z',
    ]);
  });

  it('New York, spring forward: 02:30 on 8 March runs at 03:00 EDT', () => {
    const runs = runsAwake(daily('02:30'), 'America/New_York', '2026-03-06T12:00:00Z', 3 * DAY, 10 * MIN);
    expect(runs.map((r) => isoOf(r.at))).toEqual([
      '2026-03-07T07:30:00Z',
      '2026-03-08T07:00:00Z',
      '2026-03-09T06:30:00Z',
    ]);
  });

  it('New York, fall back: 01:30 on 1 November runs once (EDT), the next day at 01:30 EST', () => {
    const runs = runsAwake(daily('01:30'), 'America/New_York', '2026-10-31T00:00:00Z', 3 * DAY, 5 * MIN);
    expect(runs.map((r) => isoOf(r.at))).toEqual([
      '2026-10-31T05:30:00Z',
      '2026-11-01T05:30:00Z',
      '2026-11-02T06:30:00Z',
    ]);
  });

  it('Lord Howe, half-hour spring forward: 02:15 on 4 October runs at 02:30 LHDT', () => {
    const runs = runsAwake(daily('02:15'), 'Australia/Lord_Howe', '2026-10-02T00:00:00Z', 3 * DAY, 5 * MIN);
    expect(runs.map((r) => isoOf(r.at))).toEqual([
      '2026-10-02T15:45:00Z',
      '2026-10-03T15:30:00Z',
      '2026-10-04T15:15:00Z',
    ]);
  });

  it('Lord Howe, half-hour fall back: 01:45 on 5 April happens twice and runs once', () => {
    const runs = runsAwake(daily('01:45'), 'Australia/Lord_Howe', '2026-04-03T00:00:00Z', 3 * DAY, 5 * MIN);
    expect(runs.map((r) => isoOf(r.at))).toEqual([
      '2026-04-03T14:45:00Z',
      '2026-04-04T14:45:00Z', // 01:45 LHDT; 01:45 LHST (15:15Z) does not run again
      '2026-04-05T15:15:00Z',
    ]);
  });
});

describe('weekly across DST', () => {
  const sunday = (time: string): Schedule => ({ kind: 'weekly', weekday: 7, at: time });

  it('Sydney, spring forward on Sunday 4 October: 02:30 runs at 03:00 AEDT', () => {
    const runs = runsAwake(sunday('02:30'), 'Australia/Sydney', '2026-09-25T00:00:00Z', 17 * DAY);
    expect(runs.map((r) => isoOf(r.at))).toEqual([
      '2026-09-26T16:30:00Z',
      '2026-10-03T16:00:00Z',
      '2026-10-10T15:30:00Z',
    ]);
    expect(runs.map((r) => r.period.key)).toEqual([
      'weekly:2026-09-27',
      'weekly:2026-10-04',
      'weekly:2026-10-11',
    ]);
  });

  it('Sydney, fall back on Sunday 5 April: 02:30 happens twice and runs once', () => {
    const runs = runsAwake(sunday('02:30'), 'Australia/Sydney', '2026-04-04T00:00:00Z', 2 * DAY, 5 * MIN);
    expect(runs.map((r) => isoOf(r.at))).toEqual(['2026-04-04T15:30:00Z']);
  });

  it('Helsinki, Sunday 29 March 03:30 runs at 04:00 EEST; New York, Sunday 1 November 01:30 runs once', () => {
    expect(
      runsAwake(sunday('03:30'), 'Europe/Helsinki', '2026-03-28T00:00:00Z', 2 * DAY).map((r) => isoOf(r.at)),
    ).toEqual(['2026-03-29T01:00:00Z']);
    expect(
      runsAwake(sunday('01:30'), 'America/New_York', '2026-10-31T12:00:00Z', 2 * DAY, 5 * MIN).map((r) =>
        isoOf(r.at),
      ),
    ).toEqual(['2026-11-01T05:30:00Z']);
  });

  it('runs on the chosen weekday (ISO: 1 Monday ... 7 Sunday)', () => {
    const from = at('2026-06-01T00:00:00Z'); // a Monday
    for (const weekday of [1, 2, 3, 4, 5, 6, 7] as const) {
      const [first] = periodsBetween({ kind: 'weekly', weekday, at: '12:00' }, 'UTC', from, from + 7 * DAY);
      expect(first && new Date(first.start).getUTCDay()).toBe(weekday % 7);
    }
  });
});

describe('every N hours', () => {
  it('is anchored at local midnight: every 6 hours in Kolkata runs at 00, 06, 12, 18 IST', () => {
    const periods = periodsBetween(
      every(6),
      'Asia/Kolkata',
      at('2026-06-09T18:30:00Z'),
      at('2026-06-10T18:30:00Z'),
    );
    expect(periods.map((p) => isoOf(p.start))).toEqual([
      '2026-06-09T18:30:00Z',
      '2026-06-10T00:30:00Z',
      '2026-06-10T06:30:00Z',
      '2026-06-10T12:30:00Z',
    ]);
    expect(periods.map((p) => p.key)).toEqual([
      'every-6h:2026-06-10T00',
      'every-6h:2026-06-10T06',
      'every-6h:2026-06-10T12',
      'every-6h:2026-06-10T18',
    ]);
  });

  it('gives the same periods whenever it is asked (stable across restarts)', () => {
    const reference = periodsBetween(
      every(8),
      'Europe/Helsinki',
      at('2026-06-01T00:00:00Z'),
      at('2026-06-05T00:00:00Z'),
    );
    for (const offset of [0, 7 * MIN, 3 * H + 1, 13 * H]) {
      const from = at('2026-06-02T00:00:00Z') + offset;
      const again = periodsBetween(every(8), 'Europe/Helsinki', from, at('2026-06-05T00:00:00Z'));
      expect(again).toEqual(reference.filter((p) => p.start >= from));
    }
  });

  it('Helsinki spring forward: every hour has 23 runs on 29 March, none named after the missing 03:00', () => {
    const runs = runsAwake(every(1), 'Europe/Helsinki', '2026-03-28T22:00:00Z', 23 * H - 1, 10 * MIN);
    expect(runs).toHaveLength(23);
    expect(runs.map((r) => r.period.key)).not.toContain('every-1h:2026-03-29T03');
    expect(runs.find((r) => r.period.key === 'every-1h:2026-03-29T04')?.at).toBe(at('2026-03-29T01:00:00Z'));
    expect(new Set(runs.map((r) => r.period.key)).size).toBe(23);
  });

  it('Helsinki fall back: every hour has 24 runs in the 25-hour 25 October; the repeated 03:00 hour runs once', () => {
    const runs = runsAwake(every(1), 'Europe/Helsinki', '2026-10-24T21:00:00Z', 25 * H - 1, 10 * MIN);
    expect(runs).toHaveLength(24);
    const three = runs.filter((r) => r.period.key === 'every-1h:2026-10-25T03');
    expect(three.map((r) => isoOf(r.at))).toEqual(['2026-10-25T00:00:00Z']);
    expect(runs.find((r) => r.period.key === 'every-1h:2026-10-25T04')?.at).toBe(at('2026-10-25T02:00:00Z'));
  });

  it('New York spring forward: every 6 hours keeps its local slots (a 5-hour period that night)', () => {
    const runs = runsAwake(every(6), 'America/New_York', '2026-03-08T04:00:00Z', DAY - 1);
    expect(runs.map((r) => isoOf(r.at))).toEqual([
      '2026-03-08T05:00:00Z', // 00:00 EST
      '2026-03-08T10:00:00Z', // 06:00 EDT
      '2026-03-08T16:00:00Z',
      '2026-03-08T22:00:00Z',
    ]);
  });

  it('Lord Howe spring forward: every hour runs at 02:30 LHDT (the missing 02:00) and again at 03:00', () => {
    const runs = runsAwake(every(1), 'Australia/Lord_Howe', '2026-10-03T14:00:00Z', 3 * H, 5 * MIN);
    expect(runs.map((r) => [isoOf(r.at), r.period.key])).toEqual([
      ['2026-10-03T14:30:00Z', 'every-1h:2026-10-04T01'],
      ['2026-10-03T15:30:00Z', 'every-1h:2026-10-04T02'],
      ['2026-10-03T16:00:00Z', 'every-1h:2026-10-04T03'],
      ['2026-10-03T17:00:00Z', 'every-1h:2026-10-04T04'],
    ]);
  });
});

describe('sleep, wake and catch-up', () => {
  const zone = 'Europe/Helsinki';

  it('days asleep give one run on waking, not one per missed day, then the normal slot', () => {
    const segments: Segment[] = [
      { awake: true, ms: 12 * H }, // until 2026-06-10 11:00Z: the 03:00 local run (00:00Z) happens
      { awake: false, ms: 4 * DAY }, // asleep until 2026-06-14 11:00Z
      { awake: true, ms: DAY },
    ];
    const runs = live(nextRun, daily('03:00'), zone, at('2026-06-09T23:00:00Z'), segments).runs;
    expect(runs.map((r) => [isoOf(r.at), r.period.key])).toEqual([
      ['2026-06-10T00:00:00Z', 'daily:2026-06-10'],
      ['2026-06-14T11:00:00Z', 'daily:2026-06-14'], // on waking: one catch-up
      ['2026-06-15T00:00:00Z', 'daily:2026-06-15'],
    ]);
  });

  it('hours asleep across two slots of "every 2 hours" give one run on waking', () => {
    const segments: Segment[] = [
      { awake: true, ms: 30 * MIN },
      { awake: false, ms: 5 * H }, // 01:20Z .. 06:20Z: the 02, 04 and 06 slots pass
      { awake: true, ms: 2 * H },
    ];
    const runs = live(nextRun, every(2), 'UTC', at('2026-06-10T00:50:00Z'), segments).runs;
    expect(runs.map((r) => [isoOf(r.at), r.period.key])).toEqual([
      ['2026-06-10T06:20:00Z', 'every-2h:2026-06-10T06'],
      ['2026-06-10T08:00:00Z', 'every-2h:2026-06-10T08'],
    ]);
  });

  it('a catch-up after midnight belongs to yesterday, so tonight still runs (daily at 22:00)', () => {
    const segments: Segment[] = [
      { awake: true, ms: 2 * H }, // 2026-06-09 17:00Z .. 19:00Z: 22:00 local (19:00Z) runs
      { awake: false, ms: DAY - 3 * H }, // asleep 2026-06-09 19:00Z .. 2026-06-10 16:00Z
      { awake: true, ms: H }, // 16:00Z .. 17:00Z: nothing due yet
      { awake: false, ms: 5 * H }, // asleep over 22:00 local (19:00Z) .. 2026-06-10 22:00Z (01:00 local)
      { awake: true, ms: DAY },
    ];
    const runs = live(nextRun, daily('22:00'), zone, at('2026-06-09T17:00:00Z'), segments).runs;
    expect(runs.map((r) => [isoOf(r.at), r.period.key])).toEqual([
      ['2026-06-09T19:00:00Z', 'daily:2026-06-09'],
      ['2026-06-10T22:00:00Z', 'daily:2026-06-10'], // 01:00 local on the 11th, for the 10th
      ['2026-06-11T19:00:00Z', 'daily:2026-06-11'],
    ]);
  });

  it('weekly: off from Monday to Saturday gives one run on Saturday, and the next Monday as usual', () => {
    const monday = (time: string): Schedule => ({ kind: 'weekly', weekday: 1, at: time });
    const segments: Segment[] = [
      { awake: false, ms: 6 * DAY }, // 2026-06-07 (Sunday) 12:00Z .. 2026-06-13 (Saturday) 12:00Z
      { awake: true, ms: 3 * DAY },
    ];
    const runs = live(nextRun, monday('09:00'), 'UTC', at('2026-06-07T12:00:00Z'), segments).runs;
    expect(runs.map((r) => [isoOf(r.at), r.period.key])).toEqual([
      ['2026-06-13T12:00:00Z', 'weekly:2026-06-08'],
      ['2026-06-15T09:00:00Z', 'weekly:2026-06-15'],
    ]);
  });

  it('waking just before a slot runs the missed period, then the new one (one run per period)', () => {
    const state: ScheduleState = {
      since: 0,
      lastRun: {
        at: at('2026-06-09T00:00:00Z'),
        period: { key: 'daily:2026-06-09', start: at('2026-06-09T00:00:00Z') },
      },
    };
    const wake = at('2026-06-10T23:50:00Z'); // 02:50 local on the 11th
    const missed = nextRun(daily('03:00'), zone, state, wake);
    expect(missed).toEqual({
      period: { key: 'daily:2026-06-10', start: at('2026-06-10T00:00:00Z') },
      due: true,
    });
    if (!missed) return;
    const after = { ...state, lastRun: stampRun(missed, wake) };
    expect(nextRun(daily('03:00'), zone, after, wake + 5 * MIN)?.due).toBe(false);
    expect(nextRun(daily('03:00'), zone, after, at('2026-06-11T00:00:00Z'))).toEqual({
      period: { key: 'daily:2026-06-11', start: at('2026-06-11T00:00:00Z') },
      due: true,
    });
  });
});

describe('turning a schedule on, and the clock', () => {
  it('a schedule set after today’s slot first runs tomorrow, not at once', () => {
    const now = at('2026-06-10T10:00:00Z');
    expect(nextRun(daily('03:00'), 'Europe/Helsinki', { since: now, lastRun: null }, now)).toEqual({
      period: { key: 'daily:2026-06-11', start: at('2026-06-11T00:00:00Z') },
      due: false,
    });
  });

  it('off has no next run and no periods', () => {
    const state: ScheduleState = { since: 0, lastRun: null };
    expect(nextRun({ kind: 'off' }, 'UTC', state, Date.now())).toBeNull();
    expect(periodsBetween({ kind: 'off' }, 'UTC', 0, DAY)).toEqual([]);
    expect(periodAt({ kind: 'off' }, 'UTC', 0)).toBeNull();
    expect(nominalPeriodMs({ kind: 'off' })).toBeNull();
    expect(nominalPeriodMs(every(3))).toBe(3 * H);
    expect(nominalPeriodMs({ kind: 'weekly', weekday: 2, at: '00:00' })).toBe(7 * DAY);
  });

  it('a last run stamped days "in the future" (clock set back) neither runs again now nor stalls', () => {
    const now = at('2026-06-10T10:00:00Z');
    const future = at('2026-06-13T00:00:00Z');
    const state: ScheduleState = {
      since: future,
      lastRun: { at: future, period: { key: 'daily:2026-06-13', start: future } },
    };
    const next = nextRun(daily('03:00'), 'Europe/Helsinki', state, now);
    expect(next).toEqual({
      period: { key: 'daily:2026-06-11', start: at('2026-06-11T00:00:00Z') },
      due: false,
    });
  });

  it('an unreadable or implausible stamp still counts as a run (never a second one, never a throw)', () => {
    const now = at('2026-06-10T10:00:00Z');
    const state = { since: 0, lastRun: { at: NaN, period: { key: '?', start: NaN } } };
    expect(nextRun(daily('03:00'), 'Europe/Helsinki', state, now)?.due).toBe(false);
    expect(nextRun(daily('03:00'), 'Europe/Helsinki', { since: NaN, lastRun: null }, now)?.due).toBe(false);
    for (const odd of [-1e20, 1e20, Number.NEGATIVE_INFINITY, -1]) {
      const damaged = { since: odd, lastRun: { at: odd, period: { key: '?', start: odd } } };
      expect(nextRun(daily('03:00'), 'Europe/Helsinki', damaged, now)).toEqual({
        period: { key: 'daily:2026-06-11', start: at('2026-06-11T00:00:00Z') },
        due: false,
      });
    }
  });

  it('refuses an unknown time zone with a RangeError', () => {
    expect(isValidTimeZone('Europe/Helsinki')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => nextRun(daily('03:00'), 'Mars/Olympus_Mons', { since: 0, lastRun: null }, 0)).toThrow(
      RangeError,
    );
  });
});

describe('restarts and crashes', () => {
  const zone = 'America/New_York';

  it('a run stamped before its request is not started again after a crash, whatever the clock says next', () => {
    const schedule = every(4);
    const now = at('2026-03-08T09:10:00Z');
    const next = nextRun(schedule, zone, { since: 0, lastRun: null }, now);
    expect(next?.due).toBe(true);
    if (!next) return;
    // Persisted, then the app dies before (or after) its POST; the file is read back.
    const reloaded = JSON.parse(JSON.stringify({ since: 0, lastRun: stampRun(next, now) })) as ScheduleState;
    for (const later of [now, now + MIN, now + H, next.period.start + 4 * H - H - 1]) {
      expect(nextRun(schedule, zone, reloaded, later)?.due).toBe(false);
    }
    expect(nextRun(schedule, zone, reloaded, at('2026-03-08T12:00:00Z'))).toEqual({
      period: { key: 'every-4h:2026-03-08T08', start: at('2026-03-08T12:00:00Z') },
      due: true,
    });
  });

  it('a life with restarts (state reloaded from JSON) runs exactly as one without', () => {
    const spans = (restart: boolean): Segment[] =>
      Array.from({ length: 30 }, (_, i) => ({ awake: i % 3 !== 2, ms: (5 + ((i * 7) % 11)) * H, restart }));
    const schedule = daily('02:30');
    const from = at('2026-03-01T00:00:00Z');
    const plain = live(nextRun, schedule, zone, from, spans(false)).runs;
    const restarted = live(nextRun, schedule, zone, from, spans(true)).runs;
    expect(restarted).toEqual(plain);
    expect(plain.length).toBeGreaterThan(5);
  });
});

describe('time-zone changes between runs', () => {
  const lastAt = (iso: string, key: string): ScheduleState => ({
    since: 0,
    lastRun: { at: at(iso), period: { key, start: at(iso) } },
  });
  const next = (state: ScheduleState, zone: string, nowIso: string) =>
    nextRun(daily('03:00'), zone, state, at(nowIso));

  it('Helsinki -> London (2 h west): London’s 03:00 that day is not a second run; the next is tomorrow', () => {
    const state = lastAt('2026-06-10T00:00:00Z', 'daily:2026-06-10'); // 03:00 EEST
    expect(next(state, 'Europe/London', '2026-06-10T02:00:00Z')).toEqual({
      period: { key: 'daily:2026-06-11', start: at('2026-06-11T02:00:00Z') },
      due: false,
    });
  });

  it('Helsinki -> New York (7 h west): the next run is within one and a half days', () => {
    const state = lastAt('2026-06-10T00:00:00Z', 'daily:2026-06-10');
    expect(next(state, 'America/New_York', '2026-06-10T08:00:00Z')?.period.start).toBe(
      at('2026-06-11T07:00:00Z'),
    );
  });

  it('New York -> Helsinki (7 h east): the next run is Helsinki’s next 03:00, not skipped', () => {
    const state = lastAt('2026-06-10T07:00:00Z', 'daily:2026-06-10'); // 03:00 EDT
    expect(next(state, 'Europe/Helsinki', '2026-06-10T12:00:00Z')?.period.start).toBe(
      at('2026-06-11T00:00:00Z'),
    );
  });

  it('Kiritimati -> Pago Pago (25 h west): the 03:00 an hour later is not a second run', () => {
    const state = lastAt('2026-06-09T13:00:00Z', 'daily:2026-06-10'); // 03:00 +14
    expect(next(state, 'Pacific/Pago_Pago', '2026-06-09T14:30:00Z')).toEqual({
      period: { key: 'daily:2026-06-10', start: at('2026-06-10T14:00:00Z') },
      due: false,
    });
  });
});

describe('retry after a failed create', () => {
  const schedule = every(1);
  const run = {
    at: at('2026-06-10T10:00:00Z'),
    period: { key: 'every-1h:2026-06-10T10', start: at('2026-06-10T10:00:00Z') },
  };

  it('retries once after the delay when that is still in the same period', () => {
    const failedAt = at('2026-06-10T10:05:00Z');
    expect(retryAt(schedule, 'UTC', run, failedAt)).toBe(failedAt + RETRY_DELAY_MS);
  });

  it('does not retry when the next slot comes first, or when the schedule is off', () => {
    expect(retryAt(schedule, 'UTC', run, at('2026-06-10T10:50:00Z'))).toBeNull();
    expect(retryAt({ kind: 'off' }, 'UTC', run, at('2026-06-10T10:05:00Z'))).toBeNull();
  });
});
