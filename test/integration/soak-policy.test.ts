/**
 * The policy soak: several servers with schedules, days of simulated time with sleeps and crashes,
 * faults on 20% of requests, against the real simulator over real HTTP. Checked all along:
 * - no period gets two non-failed automatic snapshots (zero duplicates);
 * - no period ends twice and no awake period goes without a run (zero doubled or lost runs);
 * - every deletion was of a recorded automatic, unpinned snapshot that was not the server's newest
 *   completed one (zero deletions of pinned, manual or newest snapshots);
 * - after a deletion, the server still has at least min(K, automatic snapshots made so far).
 * Negative controls break the runner (pins hidden, stamps lost, K ignored) and show each check fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { periodAt, periodsBetween } from '../../src/main/core/policy/schedule';
import type { Schedule } from '../../src/shared/policy';
import type { SimSnapshot } from '../../src/simulator/types';
import { PolicyWorld } from '../support/policy-world';
import { seededRandom } from '../support/seeded-random';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const DAYS = Number(process.env['POLICY_SOAK_DAYS'] ?? 8);

const SERVERS: { id: number; name: string; schedule: Schedule; keep: number; makeRoom: boolean }[] = [
  { id: 1, name: 'web-01', schedule: { kind: 'every', hours: 4 }, keep: 2, makeRoom: false },
  { id: 2, name: 'db-01', schedule: { kind: 'daily', at: '03:00' }, keep: 3, makeRoom: true },
  { id: 3, name: 'mail-01', schedule: { kind: 'every', hours: 6 }, keep: 1, makeRoom: true },
  { id: 4, name: 'ci-01', schedule: { kind: 'weekly', weekday: 2, at: '12:30' }, keep: 2, makeRoom: false },
];

interface Findings {
  duplicates: string[];
  doubled: string[];
  lost: string[];
  badDeletions: string[];
  /** Servers that rotation left with fewer automatic snapshots than min(K, runs that made one). */
  thinned: string[];
  runs: number;
  deletions: number;
  crashes: number;
}

let world: PolicyWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

/**
 * A broken runner for the negative controls: one that ignores pins, one that loses its stamps, or
 * one that keeps fewer than the user's K.
 */
type Breakage = 'none' | 'hide-pins' | 'forget-stamps' | 'keep-one';

/** Runs the soak, with the runner broken as `breakage` says (the negative controls). */
async function soak(seed: number, breakage: Breakage = 'none'): Promise<Findings> {
  const random = seededRandom(seed);
  const w = await PolicyWorld.create({
    start: '2026-03-25T00:00:00Z',
    zone: 'Europe/Helsinki',
    servers: SERVERS.map(({ id, name }) => ({ id, name })),
    simulator: { random: seededRandom(seed + 1) },
  });
  world = w;
  // Manual snapshots and one pinned automatic-looking one per server: none of these may go.
  for (const s of SERVERS) w.addManual(s.id, `manual-${s.name}`, '2026-03-20T10:00:00Z');
  for (const s of SERVERS) {
    const keep = breakage === 'keep-one' ? 1 : s.keep;
    w.setPolicy(s.id, { schedule: s.schedule, keep, makeRoom: s.makeRoom });
  }
  const truePins = new Set<string>();
  const hidePins = breakage === 'hide-pins';
  const realPins = () => [...truePins];
  // The runner reads w.pins; the checker reads truePins.
  const syncPins = () => {
    w.pins = hidePins ? [] : realPins().map(Number);
  };

  const seen = new Map<string, SimSnapshot>();
  const everRecorded = new Set<string>();
  /** Automatic snapshots seen completed, by server: the runs that made one so far. */
  const completedAuto = new Map<number, Set<string>>();
  const awake: number[] = [];
  const findings: Findings = {
    duplicates: [],
    doubled: [],
    lost: [],
    badDeletions: [],
    thinned: [],
    runs: 0,
    deletions: 0,
    crashes: 0,
  };

  const observe = () => {
    for (const r of w.disk.records) everRecorded.add(String(r.snapshotId));
    const now = w.sim.snapshot().snapshots;
    const ids = new Set(now.map((s) => String(s.id)));
    for (const s of now) {
      if (s.status !== 'completed' || !everRecorded.has(String(s.id))) continue;
      const made = completedAuto.get(Number(s.server.id)) ?? new Set<string>();
      completedAuto.set(Number(s.server.id), made.add(String(s.id)));
    }
    const deletedOn = new Set<number>();
    for (const [id, before] of seen) {
      if (ids.has(id)) continue;
      findings.deletions++;
      const server = before.server.id;
      deletedOn.add(Number(server));
      // It was the newest completed one if nothing completed that is still listed is as new.
      const newer = now.some(
        (s) => s.server.id === server && s.status === 'completed' && s.created_at >= before.created_at,
      );
      const why: string[] = [];
      if (truePins.has(id)) why.push('pinned');
      if (!everRecorded.has(id)) why.push('manual');
      if (before.status === 'completed' && !newer) why.push('newest');
      if (why.length > 0) findings.badDeletions.push(`${before.name} (${why.join(', ')})`);
      seen.delete(id);
    }
    for (const s of now) seen.set(String(s.id), s);
    // After a deletion, the server keeps at least min(K, automatic snapshots made so far).
    for (const server of SERVERS.filter((x) => deletedOn.has(x.id))) {
      const left = now.filter(
        (x) =>
          Number(x.server.id) === server.id && x.status === 'completed' && everRecorded.has(String(x.id)),
      ).length;
      const floor = Math.min(server.keep, completedAuto.get(server.id)?.size ?? 0);
      if (left < floor) findings.thinned.push(`${server.name}: ${left} left of at least ${floor}`);
    }
    // Pin the first automatic snapshot of each server once it completed.
    for (const s of SERVERS) {
      const auto = w.automatic(s.id).find((x) => x.status === 'completed');
      if (auto && ![...truePins].some((p) => w.snapshots(s.id).some((x) => String(x.id) === p))) {
        truePins.add(String(auto.id));
      }
    }
    syncPins();
  };

  const faults = {
    serverError: 0.08,
    drop: 0.04,
    dropAfterEffect: 0.04,
    lateEffect: 0.04,
    lateEffectMs: 60_000,
  };
  w.sim.setFaults(faults);
  const end = w.now + DAYS * DAY;
  while (w.now < end) {
    const roll = random();
    if (roll < 0.004) {
      // Asleep or off for 1-30 hours.
      w.sleep(HOUR + Math.floor(random() * 29 * HOUR));
      continue;
    }
    if (roll < 0.01) {
      // A crash: right after the next write, or now.
      findings.crashes++;
      if (random() < 0.5) {
        w.afterSave = () => {
          w.afterSave = null;
          throw new Error('crash');
        };
        await w.run(5 * MIN).catch(() => undefined);
      }
      w.afterSave = null;
      w.restart();
    }
    await w.run(5 * MIN, 5 * MIN);
    if (breakage === 'forget-stamps') {
      w.disk.entries = w.disk.entries.map((e) =>
        e.run === null ? { ...e, schedule: { ...e.schedule, lastRun: null } } : e,
      );
    }
    awake.push(w.now);
    observe();
  }
  // Let runs in flight end, without faults.
  w.sim.setFaults({});
  await w.run(HOUR, 5 * MIN);
  observe();

  for (const s of SERVERS) {
    const reports = w.reports.filter((r) => r.serverId === s.id);
    findings.runs += reports.length;
    const byPeriod = new Map<string, number>();
    for (const r of reports) byPeriod.set(r.result.periodKey, (byPeriod.get(r.result.periodKey) ?? 0) + 1);
    for (const [key, n] of byPeriod) if (n > 1) findings.doubled.push(`${s.name} ${key} x${n}`);
    // Lost: a period in which the app was awake for at least two hours after its slot, with no run.
    const start = Date.parse('2026-03-25T00:00:00Z');
    for (const p of periodsBetween(s.schedule, w.zone, start, w.now - 3 * HOUR)) {
      const next = periodsBetween(s.schedule, w.zone, p.start + 1, w.now + 8 * DAY, 1)[0];
      const until = Math.min(next?.start ?? Infinity, p.start + 2 * HOUR);
      const awakeAll = awake.filter((t) => t >= p.start && t <= until).length >= 2 * 12 - 1;
      if (
        awakeAll &&
        p.start >= start &&
        !byPeriod.has(p.key) &&
        p.start > (w.entry(s.id)?.schedule.since ?? 0)
      )
        findings.lost.push(`${s.name} ${p.key}`);
    }
    // Duplicates: two non-failed automatic snapshots made in one period.
    const madeIn = new Map<string, string[]>();
    for (const snap of [...seen.values(), ...w.snapshots(s.id)]) {
      if (String(snap.server.id) !== String(s.id) || !everRecorded.has(String(snap.id))) continue;
      if (snap.status === 'failed') continue;
      const period = periodAt(s.schedule, w.zone, Date.parse(snap.created_at));
      const list = madeIn.get(period?.key ?? '?') ?? [];
      if (!list.includes(String(snap.id))) list.push(String(snap.id));
      madeIn.set(period?.key ?? '?', list);
    }
    for (const [key, ids] of madeIn)
      if (ids.length > 1) findings.duplicates.push(`${s.name} ${key}: ${ids.join(',')}`);
  }
  return findings;
}

describe('policy soak', () => {
  it(`${DAYS} days, 4 servers, 20% faults, sleeps and crashes: no duplicate, no doubled or lost run, no bad deletion, none thinned below min(K, runs)`, async () => {
    const f = await soak(11);
    console.log(
      `policy soak: ${DAYS} days, ${f.runs} runs, ${f.deletions} deletions, ${f.crashes} crashes; ` +
        `duplicates ${f.duplicates.length}, doubled ${f.doubled.length}, lost ${f.lost.length}, ` +
        `bad deletions ${f.badDeletions.length}, thinned ${f.thinned.length}`,
    );
    expect(f.runs).toBeGreaterThan(DAYS * 6);
    expect(f.deletions).toBeGreaterThan(DAYS);
    expect(f.crashes).toBeGreaterThan(0);
    expect(f).toMatchObject({ duplicates: [], doubled: [], lost: [], badDeletions: [], thinned: [] });
  }, 300_000);

  it('negative control: a runner that does not see the pins deletes a pinned snapshot, and the check says so', async () => {
    const f = await soak(11, 'hide-pins');
    expect(f.badDeletions.some((d) => d.includes('(pinned'))).toBe(true);
  }, 300_000);

  it('negative control: a runner that loses its stamps runs periods twice, and the checks say so', async () => {
    const f = await soak(11, 'forget-stamps');
    expect(f.doubled.length).toBeGreaterThan(0);
    expect(f.duplicates.length).toBeGreaterThan(0);
  }, 300_000);

  it('negative control: a runner that keeps one instead of the chosen K thins the servers, and the check says so', async () => {
    const f = await soak(11, 'keep-one');
    expect(f.thinned.length).toBeGreaterThan(0);
    expect(f.badDeletions).toEqual([]);
  }, 300_000);
});
