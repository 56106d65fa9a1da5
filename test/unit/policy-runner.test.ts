/**
 * The policy runner against the real simulator over real HTTP with a manual clock: every schedule
 * kind (across DST where it matters), sleep gaps, restarts mid-run, a full server, failed creates,
 * pins and K changes. Each safety check has a negative control that shows the check can fail.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PolicyWorld, WORLD_SCOPE } from '../support/policy-world';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let world: PolicyWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

async function make(options: Parameters<typeof PolicyWorld.create>[0]): Promise<PolicyWorld> {
  world = await PolicyWorld.create(options);
  return world;
}

/** Period keys of the runs the runner stamped, in order (one per report of a created run). */
function createdPeriods(w: PolicyWorld): string[] {
  return w.reports.filter((r) => r.result.code === 'created').map((r) => r.result.periodKey);
}

/** Names made more than once for one period: the duplicate check the soak uses too. */
function duplicates(w: PolicyWorld, serverId: number): string[] {
  const names = w.snapshots(serverId).map((s) => s.name);
  return names.filter((n, i) => names.indexOf(n) !== i);
}

describe('policy runner: scheduled create and rotation', () => {
  it('daily: one automatic snapshot per day, named auto-…, recorded; rotation keeps K and never manual/pinned/newest', async () => {
    const w = await make({ start: '2026-03-02T00:30:00Z' });
    const manual = w.addManual(1, 'before-upgrade', '2026-03-01T10:00:00Z');
    w.setPolicy(1, { schedule: { kind: 'daily', at: '03:00' }, keep: 2 });
    await w.run(DAY);
    expect(createdPeriods(w)).toEqual(['daily:2026-03-02']);
    const first = w.automatic(1);
    expect(first).toHaveLength(1);
    expect(first[0]?.name).toMatch(/^auto-web-01-20260302-03\d\d$/);
    // The user pins the first automatic one: it stands outside rotation from now on.
    w.pins = [first[0]?.id ?? -1];
    await w.run(4 * DAY);
    expect(createdPeriods(w)).toEqual([
      'daily:2026-03-02',
      'daily:2026-03-03',
      'daily:2026-03-04',
      'daily:2026-03-05',
      'daily:2026-03-06',
    ]);
    const names = w.snapshots(1).map((s) => s.name);
    expect(names).toContain(manual.name);
    expect(names).toContain(first[0]?.name);
    // K=2 unpinned automatic + the pinned one + the manual one.
    expect(
      w
        .automatic(1)
        .map((s) => s.name)
        .sort(),
    ).toEqual([first[0]?.name, 'auto-web-01-20260305-0300', 'auto-web-01-20260306-0300'].sort());
    expect(w.reports.at(-1)?.result.removed).toEqual(['auto-web-01-20260304-0300']);
    expect(duplicates(w, 1)).toEqual([]);
  });

  it('rotation waits for the new snapshot to complete: while it runs, nothing is deleted', async () => {
    const w = await make({ start: '2026-03-02T00:00:00Z' });
    w.setPolicy(1, { schedule: { kind: 'every', hours: 1 }, keep: 1 });
    await w.run(70 * MIN);
    expect(w.automatic(1)).toHaveLength(1);
    // The next slot: create sent, snapshot in progress for 3-10 minutes; the old one stays meanwhile.
    await w.run(51 * MIN);
    const during = w.snapshots(1);
    expect(during).toHaveLength(2);
    expect(during.some((s) => s.status === 'in_progress')).toBe(true);
    await w.run(15 * MIN);
    expect(w.snapshots(1)).toHaveLength(1);
    expect(w.snapshots(1)[0]?.status).toBe('completed');
  });

  it('every N hours: one run per slot, anchored at local midnight; across the fall-back hour no period runs twice', async () => {
    const w = await make({ start: '2026-11-01T03:30:00Z', zone: 'America/New_York' });
    w.setPolicy(1, { schedule: { kind: 'every', hours: 1 }, keep: 4 });
    // 1 November 2026: 01:00-02:00 local happens twice in New York.
    await w.run(10 * HOUR);
    const periods = createdPeriods(w);
    expect(new Set(periods).size).toBe(periods.length);
    expect(periods.filter((p) => p.startsWith('every-1h:2026-11-01T01'))).toHaveLength(1);
    expect(duplicates(w, 1)).toEqual([]);
  });

  it('daily at a time DST skips runs once that day, at the first valid instant', async () => {
    const w = await make({ start: '2026-03-07T12:00:00Z', zone: 'America/New_York' });
    w.setPolicy(1, { schedule: { kind: 'daily', at: '02:30' }, keep: 4 });
    await w.run(3 * DAY, 5 * MIN);
    expect(createdPeriods(w)).toEqual(['daily:2026-03-08', 'daily:2026-03-09', 'daily:2026-03-10']);
  });

  it('weekly: one run on the chosen day, none on the others', async () => {
    const w = await make({ start: '2026-03-02T00:00:00Z' });
    w.setPolicy(1, { schedule: { kind: 'weekly', weekday: 3, at: '12:00' }, keep: 2 });
    await w.run(15 * DAY, 10 * MIN);
    expect(createdPeriods(w)).toEqual(['weekly:2026-03-04', 'weekly:2026-03-11']);
  });
});

describe('policy runner: time away, crashes and restarts', () => {
  it('after days asleep, one catch-up run on waking, not one per missed day', async () => {
    const w = await make({ start: '2026-03-02T00:00:00Z' });
    w.setPolicy(1, { schedule: { kind: 'daily', at: '03:00' }, keep: 3 });
    await w.run(DAY);
    w.sleep(3 * DAY + 6 * HOUR);
    await w.run(HOUR);
    expect(createdPeriods(w)).toEqual(['daily:2026-03-02', 'daily:2026-03-06']);
    // Negative control: had the stamp not been kept, a second tick in the same period would run again.
    const before = w.sim.requestCounts()['POST /snapshots/'] ?? 0;
    await w.run(HOUR);
    expect(w.sim.requestCounts()['POST /snapshots/'] ?? 0).toBe(before);
  });

  it('a crash right after the run is saved (before the POST) never starts the period twice', async () => {
    const w = await make({ start: '2026-03-02T02:59:00Z' });
    w.setPolicy(1, { schedule: { kind: 'daily', at: '03:00' }, keep: 3 });
    // The app dies right after writing the run: the POST is never sent.
    w.afterSave = (data) => {
      if (data.entries[0]?.run?.snapshotId === null) throw new Error('crash');
    };
    await w.run(MIN);
    w.afterSave = null;
    expect(w.entry(1)?.run?.snapshotId).toBeNull();
    expect(w.snapshots(1)).toHaveLength(0);
    w.restart();
    // Within the grace nothing is sent; after it, the lost create counts as failed and is retried once.
    await w.run(4 * MIN);
    expect(w.snapshots(1)).toHaveLength(0);
    await w.run(40 * MIN);
    expect(w.snapshots(1)).toHaveLength(1);
    expect(createdPeriods(w)).toEqual(['daily:2026-03-02']);
    expect(w.entry(1)?.lastResult?.code).toBe('created');
  });

  it('a crash after the POST whose answer was lost: the restarted runner finds the snapshot by name, no second create', async () => {
    const w = await make({
      start: '2026-03-02T02:59:00Z',
      simulator: { faults: { dropAfterEffect: 1, only: 'POST /snapshots/' } },
    });
    w.setPolicy(1, { schedule: { kind: 'daily', at: '03:00' }, keep: 3 });
    await w.run(MIN);
    w.sim.setFaults({});
    w.restart();
    await w.run(30 * MIN);
    expect(w.snapshots(1)).toHaveLength(1);
    expect(w.automatic(1)).toHaveLength(1);
    expect(w.sim.requestCounts()['POST /snapshots/']).toBe(1);
    expect(createdPeriods(w)).toEqual(['daily:2026-03-02']);
  });

  it('negative control: a runner that forgot its stamp (not saved before the POST) makes a duplicate', async () => {
    const w = await make({
      start: '2026-03-02T02:59:00Z',
      simulator: { faults: { dropAfterEffect: 1, only: 'POST /snapshots/' } },
    });
    w.setPolicy(1, { schedule: { kind: 'daily', at: '03:00' }, keep: 3 });
    await w.run(MIN);
    w.sim.setFaults({});
    // What a runner that saved only after the answer would have on disk.
    const entry = w.entry(1);
    if (entry === undefined) throw new Error('no entry');
    w.disk = {
      ...w.disk,
      entries: [{ ...entry, run: null, schedule: { ...entry.schedule, lastRun: null } }],
    };
    w.restart();
    await w.run(30 * MIN);
    expect(w.snapshots(1)).toHaveLength(2);
  });
});

describe('policy runner: full server, failures, pins and K', () => {
  it('a full server skips with a reason and deletes nothing; with make room on, the oldest automatic goes first', async () => {
    const w = await make({ start: '2026-03-02T00:00:00Z' });
    for (let i = 1; i <= 5; i++) w.addManual(1, `manual-${i}`, `2026-03-01T0${i}:00:00Z`);
    w.setPolicy(1, { schedule: { kind: 'daily', at: '03:00' }, keep: 3, makeRoom: true });
    await w.run(DAY);
    // make room never deletes a manual snapshot: skipped.
    expect(w.reports.map((r) => [r.result.outcome, r.result.code])).toEqual([['skipped', 'no-free-slot']]);
    expect(w.snapshots(1)).toHaveLength(5);

    // Two manual ones go; two automatic runs fill the server again.
    const client = w.client;
    await client.deleteSnapshot(w.snapshots(1)[0]?.id ?? -1);
    await client.deleteSnapshot(w.snapshots(1)[0]?.id ?? -1);
    await w.run(2 * DAY);
    expect(w.automatic(1)).toHaveLength(2);
    expect(w.snapshots(1)).toHaveLength(5);
    // Make room: the oldest automatic is deleted before the create, the newest automatic stays.
    const oldest = w.automatic(1).sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
    await w.run(DAY);
    expect(w.reports.at(-1)?.result.code).toBe('created');
    expect(w.snapshots(1).some((s) => s.id === oldest?.id)).toBe(false);
    expect(w.snapshots(1).filter((s) => s.name.startsWith('manual-'))).toHaveLength(3);

    // Without make room: skipped, nothing deleted.
    w.setPolicy(1, { schedule: { kind: 'daily', at: '03:00' }, keep: 3, makeRoom: false });
    const names = w.snapshots(1).map((s) => s.name);
    await w.run(DAY);
    expect(w.reports.at(-1)?.result.code).toBe('no-free-slot');
    expect(w.snapshots(1).map((s) => s.name)).toEqual(names);
  });

  it('a failed create is retried once, then reported; rotation never runs after a failure', async () => {
    const w = await make({ start: '2026-03-02T00:00:00Z' });
    w.setPolicy(1, { schedule: { kind: 'every', hours: 2 }, keep: 1 });
    await w.run(30 * MIN);
    expect(w.automatic(1)).toHaveLength(1);
    const kept = w.automatic(1)[0];
    w.sim.setFaults({ serverError: 1, only: 'POST /snapshots/' });
    await w.run(2 * HOUR);
    const posts = w.sim.requestCounts()['POST /snapshots/'];
    // First create, its retry (15 min after the unclear one was given up), then reported once.
    expect(posts).toBe(3);
    const failed = w.reports.filter((r) => r.result.outcome === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.result.code).toBe('create-not-listed');
    expect(w.snapshots(1).map((s) => s.id)).toEqual([kept?.id]);
  });

  it('a snapshot that ends failed: retried once, then reported; the older automatic one is not rotated (control: it is when they complete)', async () => {
    for (const failureRate of [1, 0]) {
      const w = await make({ start: '2026-03-02T00:00:00Z', simulator: { failureRate } });
      const old = w.addManual(1, 'auto-web-01-20260301-0300', '2026-03-01T03:00:00Z');
      // The app made it yesterday: its record is the proof.
      w.disk.records.push({ scope: WORLD_SCOPE, serverId: 1, snapshotId: old.id, name: old.name });
      w.setPolicy(1, { schedule: { kind: 'daily', at: '03:00' }, keep: 1 });
      await w.run(DAY);
      const outcomes = w.reports.map((r) => [r.result.outcome, r.result.code]);
      if (failureRate === 1) {
        expect(outcomes).toEqual([['failed', 'snapshot-failed']]);
        expect(w.sim.requestCounts()['POST /snapshots/']).toBe(2);
        expect(w.snapshots(1).some((s) => s.id === old.id)).toBe(true);
      } else {
        expect(outcomes).toEqual([['succeeded', 'created']]);
        expect(w.snapshots(1).some((s) => s.id === old.id)).toBe(false);
      }
      await w.stop();
      world = undefined;
    }
  });

  it('a pinned automatic snapshot is never rotated, even with K=1; negative control without the pin', async () => {
    for (const pinned of [true, false]) {
      const w = await make({ start: '2026-03-02T00:00:00Z' });
      w.setPolicy(1, { schedule: { kind: 'every', hours: 1 }, keep: 1 });
      await w.run(30 * MIN);
      const first = w.automatic(1)[0];
      if (pinned) w.pins = [first?.id ?? -1];
      await w.run(2 * HOUR);
      expect(w.snapshots(1).some((s) => s.id === first?.id)).toBe(pinned);
      await w.stop();
      world = undefined;
    }
  });

  it('a manual snapshot named like an automatic one is never rotated (a name proves nothing)', async () => {
    const w = await make({ start: '2026-03-02T00:00:00Z' });
    w.addManual(1, 'auto-web-01-20260301-0300', '2026-03-01T03:00:00Z');
    w.setPolicy(1, { schedule: { kind: 'every', hours: 1 }, keep: 1 });
    await w.run(4 * HOUR + 30 * MIN);
    expect(w.snapshots(1).some((s) => s.name === 'auto-web-01-20260301-0300')).toBe(true);
    expect(w.automatic(1)).toHaveLength(1);
  });

  it('lowering K trims at the next run, raising it lets more accumulate', async () => {
    const w = await make({ start: '2026-03-02T00:00:00Z' });
    w.setPolicy(1, { schedule: { kind: 'every', hours: 1 }, keep: 4 });
    await w.run(4 * HOUR + 30 * MIN);
    expect(w.automatic(1)).toHaveLength(4);
    w.setPolicy(1, { schedule: { kind: 'every', hours: 1 }, keep: 2 });
    // Changing K alone does not delete anything until the next run has completed.
    expect(w.automatic(1)).toHaveLength(4);
    await w.run(HOUR);
    expect(w.automatic(1)).toHaveLength(2);
    w.setPolicy(1, { schedule: { kind: 'every', hours: 1 }, keep: 3 });
    await w.run(2 * HOUR);
    expect(w.automatic(1)).toHaveLength(3);
  });

  it('waits while a manual create of the server is on its way', async () => {
    const w = await make({ start: '2026-03-02T02:50:00Z' });
    w.setPolicy(1, { schedule: { kind: 'daily', at: '03:00' }, keep: 3 });
    w.busy.add('1');
    await w.run(20 * MIN);
    expect(w.snapshots(1)).toHaveLength(0);
    w.busy.clear();
    await w.run(20 * MIN);
    expect(createdPeriods(w)).toEqual(['daily:2026-03-02']);
  });
});
