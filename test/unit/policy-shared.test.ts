/**
 * The shared policy contract: the schema accepts exactly the four schedule kinds within bounds and
 * refuses anything else; automatic names; which run outcomes notify.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSnapshotName, SNAPSHOT_NAME_MAX } from '../../src/shared/snapshot-name';
import {
  AUTO_NAME_PREFIX,
  autoSnapshotName,
  DEFAULT_POLICY,
  KEEP_BOUNDS,
  notifiesRun,
  parsePolicy,
  splitLocalTime,
  type SnapshotPolicy,
} from '../../src/shared/policy';

const valid: SnapshotPolicy[] = [
  DEFAULT_POLICY,
  { schedule: { kind: 'every', hours: 1 }, keep: 1, makeRoom: false, notify: 'each-run' },
  { schedule: { kind: 'every', hours: 12 }, keep: 4, makeRoom: true, notify: 'failures-only' },
  { schedule: { kind: 'daily', at: '00:00' }, keep: 3, makeRoom: false, notify: 'each-run' },
  { schedule: { kind: 'daily', at: '23:59' }, keep: 2, makeRoom: true, notify: 'each-run' },
  {
    schedule: { kind: 'weekly', weekday: 1, at: '03:30' },
    keep: 3,
    makeRoom: false,
    notify: 'failures-only',
  },
  { schedule: { kind: 'weekly', weekday: 7, at: '12:00' }, keep: 3, makeRoom: false, notify: 'each-run' },
];

describe('PolicySchema', () => {
  it('accepts every valid policy as it is', () => {
    for (const policy of valid) expect(parsePolicy(JSON.parse(JSON.stringify(policy)))).toEqual(policy);
  });

  it('defaults to no schedule, keep 3 (one of the five slots free), no deleting to make room', () => {
    expect(DEFAULT_POLICY).toEqual({
      schedule: { kind: 'off' },
      keep: 3,
      makeRoom: false,
      notify: 'each-run',
    });
    expect(KEEP_BOUNDS).toEqual({ min: 1, max: 4, default: 3 });
  });

  it('refuses anything else', () => {
    const base = valid[1]!;
    const bad: unknown[] = [
      null,
      'daily',
      {},
      { ...base, keep: 0 },
      { ...base, keep: 5 },
      { ...base, keep: 2.5 },
      { ...base, keep: '3' },
      { ...base, keep: Number.NaN },
      { ...base, keep: Number.POSITIVE_INFINITY },
      { ...base, makeRoom: 'yes' },
      { ...base, notify: 'never' },
      { ...base, extra: true },
      { ...base, schedule: { kind: 'every', hours: 5 } },
      { ...base, schedule: { kind: 'every', hours: 24 } },
      { ...base, schedule: { kind: 'every', hours: 2, at: '03:00' } },
      { ...base, schedule: { kind: 'daily', at: '24:00' } },
      { ...base, schedule: { kind: 'daily', at: '3:00' } },
      { ...base, schedule: { kind: 'daily', at: '03:60' } },
      { ...base, schedule: { kind: 'daily', at: '03:00:00' } },
      { ...base, schedule: { kind: 'daily', at: ' 03:00' } },
      { ...base, schedule: { kind: 'daily', at: '03:00\n' } },
      { ...base, schedule: { kind: 'daily' } },
      { ...base, schedule: { kind: 'weekly', weekday: 0, at: '03:00' } },
      { ...base, schedule: { kind: 'weekly', weekday: 8, at: '03:00' } },
      { ...base, schedule: { kind: 'weekly', weekday: '1', at: '03:00' } },
      { ...base, schedule: { kind: 'monthly', day: 1, at: '03:00' } },
      { ...base, schedule: { kind: 'off', hours: 1 } },
      { ...base, schedule: { kind: 'off' }, keep: undefined },
    ];
    for (const raw of bad) expect(parsePolicy(raw), JSON.stringify(raw)).toBeNull();
  });
});

describe('splitLocalTime', () => {
  it('reads HH:MM and refuses anything else', () => {
    expect(splitLocalTime('07:05')).toEqual({ hour: 7, minute: 5 });
    expect(() => splitLocalTime('7:05')).toThrow(RangeError);
  });
});

describe('autoSnapshotName', () => {
  const input = { server: { name: 'web server 01', id: 12345 }, at: new Date('2026-12-01T03:00:00Z') };

  it('puts the marker in front of the naming template, once', () => {
    expect(autoSnapshotName('{server}-{yyyyMMdd-HHmm}', input, [])).toBe('auto-web-server-01-20261201-0300');
    expect(autoSnapshotName('auto-{server}', input, [])).toBe('auto-web-server-01');
  });

  it('stays unique and within the name rule, keeping the marker', () => {
    const first = autoSnapshotName('{server}-{yyyyMMdd}', input, []);
    expect(autoSnapshotName('{server}-{yyyyMMdd}', input, [first])).toBe(`${first}-2`);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.string({ maxLength: 70 }), { maxLength: 5 }),
        (template, taken) => {
          const name = autoSnapshotName(template, input, taken);
          expect(checkSnapshotName(name)).toBeNull();
          expect(name.length).toBeLessThanOrEqual(SNAPSHOT_NAME_MAX);
          expect(name.startsWith(AUTO_NAME_PREFIX)).toBe(true);
          expect(taken).not.toContain(name);
        },
      ),
    );
  });
});

describe('notifiesRun', () => {
  it('always notifies failures and skips; successes only with "each-run"', () => {
    expect(notifiesRun('each-run', 'succeeded')).toBe(true);
    expect(notifiesRun('failures-only', 'succeeded')).toBe(false);
    for (const mode of ['each-run', 'failures-only'] as const) {
      expect(notifiesRun(mode, 'failed')).toBe(true);
      expect(notifiesRun(mode, 'skipped')).toBe(true);
    }
  });
});
