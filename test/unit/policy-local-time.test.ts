/**
 * Wall-clock arithmetic: the first instant a local time is reached, in zones with ordinary DST,
 * half-hour DST (Lord Howe), 45-minute offsets (Chatham), midnight transitions (Havana, Beirut),
 * and Samoa's skipped day in 2011. The oracle reads clocks through a different Intl path
 * (`format` in the sv-SE locale) and finds transitions by its own scan.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstInstantAtLocal, wallClock } from '../../src/main/core/policy/local-time';

const SEC = 1000;
const MIN = 60 * SEC;
const H = 60 * MIN;

const oracleFormats = new Map<string, Intl.DateTimeFormat>();
/** The wall clock at `u` read as "YYYY-MM-DD HH:MM:SS" (seconds precision), as a local value. */
function clockOf(zone: string, u: number): number {
  let f = oracleFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    oracleFormats.set(zone, f);
  }
  return Date.parse(`${f.format(u).replace(' ', 'T')}Z`);
}
const offsetOf = (zone: string, u: number): number => clockOf(zone, u) - Math.floor(u / SEC) * SEC;

/** Offset changes between `from` and `to` (at least a week apart), each as the first second of the new offset. */
function transitions(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  const step = 2 * 24 * H;
  let before = offsetOf(zone, from);
  for (let u = from; u < to; u += step) {
    const after = offsetOf(zone, u + step);
    if (after !== before) {
      let [lo, hi] = [u, u + step];
      while (hi - lo > SEC) {
        const mid = Math.floor((lo + hi) / 2 / SEC) * SEC;
        if (offsetOf(zone, mid) === before) lo = mid;
        else hi = mid;
      }
      found.push(hi);
    }
    before = after;
  }
  return found;
}

/** Checks the answer for `local` against the oracle; `jump` is a nearby transition instant. */
function checkFirstInstant(zone: string, local: number, jump: number): void {
  const s = firstInstantAtLocal(local, zone);
  const context = `${zone} local ${new Date(local).toISOString()} -> ${new Date(s).toISOString()}`;
  expect(clockOf(zone, s), context).toBeGreaterThanOrEqual(local);
  expect(clockOf(zone, s - SEC), context).toBeLessThan(local);
  // Before a backward jump the clock peaked just under it: if that peak reached `local`, the
  // first occurrence was then, not at s.
  if (jump <= s) expect(clockOf(zone, jump - SEC), context).toBeLessThan(local);
}

const Y2020 = Date.parse('2020-01-01T00:00:00Z');
const Y2028 = Date.parse('2028-01-01T00:00:00Z');

describe('firstInstantAtLocal', () => {
  it('maps known gap and fold times to the first valid instant', () => {
    const cases: [string, string, string][] = [
      ['Europe/Helsinki', '2026-03-29T03:30:00Z', '2026-03-29T01:00:00Z'], // gap -> 04:00 EEST
      ['Europe/Helsinki', '2026-10-25T03:30:00Z', '2026-10-25T00:30:00Z'], // fold -> first (EEST)
      ['America/New_York', '2026-03-08T02:00:00Z', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T01:00:00Z', '2026-11-01T05:00:00Z'],
      ['Australia/Lord_Howe', '2026-10-04T02:00:00Z', '2026-10-03T15:30:00Z'],
      ['Australia/Lord_Howe', '2026-04-05T01:30:00Z', '2026-04-04T14:30:00Z'],
      ['Australia/Sydney', '2026-10-04T02:59:00Z', '2026-10-03T16:00:00Z'],
      ['Asia/Kolkata', '2026-06-10T00:00:00Z', '2026-06-09T18:30:00Z'],
      ['Pacific/Apia', '2011-12-30T12:00:00Z', '2011-12-30T10:00:00Z'], // the skipped day
      ['UTC', '2026-06-10T12:34:00Z', '2026-06-10T12:34:00Z'],
    ];
    for (const [zone, local, expected] of cases) {
      expect(new Date(firstInstantAtLocal(Date.parse(local), zone)).toISOString(), `${zone} ${local}`).toBe(
        new Date(expected).toISOString(),
      );
    }
  });

  it('is right around every transition of 2020-2027 in zones with odd DST rules', () => {
    const zones = [
      'Europe/Helsinki',
      'America/New_York',
      'Australia/Lord_Howe',
      'Australia/Sydney',
      'Pacific/Chatham',
      'America/Santiago',
      'America/Havana',
      'Asia/Beirut',
      'Africa/Casablanca',
      'America/Asuncion',
    ];
    let jumps = 0;
    for (const zone of zones) {
      for (const jump of transitions(zone, Y2020, Y2028)) {
        jumps++;
        for (const offset of [offsetOf(zone, jump - SEC), offsetOf(zone, jump)]) {
          const clock = jump + offset;
          for (let d = -120 * MIN; d <= 120 * MIN; d += 15 * MIN) {
            checkFirstInstant(zone, Math.floor((clock + d) / MIN) * MIN, jump);
          }
        }
      }
    }
    // Some of these zones dropped DST in those years; most did not.
    expect(jumps).toBeGreaterThan(60);
  });

  it('Samoa 2011: every time of the skipped 30 December runs when the clock jumps to the 31st', () => {
    const [jump] = transitions(
      'Pacific/Apia',
      Date.parse('2011-12-29T00:00:00Z'),
      Date.parse('2011-12-31T00:00:00Z'),
    );
    expect(jump).toBeDefined();
    for (let h = 0; h < 24; h += 3) {
      expect(firstInstantAtLocal(Date.UTC(2011, 11, 30, h), 'Pacific/Apia')).toBe(jump);
    }
  });

  it('round-trips every wall clock reading and never goes backwards (property)', () => {
    const zones = [
      'Europe/Helsinki',
      'America/New_York',
      'Australia/Lord_Howe',
      'Australia/Sydney',
      'Asia/Kathmandu',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('1995-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }),
        fc.integer({ min: 0, max: 3 * H }),
        (zone, u, step) => {
          const local = wallClock(u, zone);
          const s = firstInstantAtLocal(local, zone);
          expect(s).toBeLessThanOrEqual(u);
          expect(wallClock(s, zone)).toBe(local);
          expect(firstInstantAtLocal(local + step, zone)).toBeGreaterThanOrEqual(s);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads the same wall clock as the oracle, to the millisecond', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Helsinki', 'Pacific/Chatham', 'America/St_Johns', 'UTC'),
        fc.integer({ min: Date.parse('1995-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }),
        (zone, u) => {
          expect(wallClock(u, zone)).toBe(clockOf(zone, u) + (u % SEC));
        },
      ),
      { numRuns: 300 },
    );
  });
});
