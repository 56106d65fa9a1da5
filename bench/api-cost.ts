/**
 * API cost, counted exactly on the simulator (not timed): the REAL core (AppCore and its actions)
 * against a real simulator over HTTP, with a ManualScheduler driving the core's timers and the
 * simulator's clock, so an hour passes in moments and every request is accounted for.
 */
import { createActions } from '../src/main/actions';
import { AppCore } from '../src/main/core/app-core';
import {
  ManualScheduler,
  MemorySecretStore,
  MemorySettingsPort,
  createTestPorts,
  type TestPorts,
} from '../test/support/memory-ports';
import type { InvokeHandlers } from '../src/shared/ipc';
import { DEFAULT_SETTINGS } from '../src/shared/settings';
import { startSimulator } from '../src/simulator/index';
import type { SimServer, SimSnapshot, SimulatorHandle } from '../src/simulator/types';
import { seededRandom } from '../test/support/seeded-random';
import { makeServers, makeSnapshots } from './fixtures';
import { info, round, underBudget, type Figure } from './report';

const TOKEN = 'vps_SECRETtest_bench_token_0123456789';
/** Page size the client asks for (the API's maximum). */
const PAGE = 100;
/** Steps of simulated time while tracking, so completion and notification times are exact to 1 s. */
const STEP_MS = 250;

/** A core wired to a simulator, both on one manual clock. */
interface Rig {
  sim: SimulatorHandle;
  core: AppCore;
  actions: InvokeHandlers;
  ports: TestPorts;
  scheduler: ManualScheduler;
  servers: SimServer[];
  /** Requests the simulator answered since the last reset. */
  total(): number;
  /** Those requests by endpoint, e.g. `GET /servers/ 10, GET /snapshots/ 50`. */
  breakdown(): string;
  close(): Promise<void>;
}

/** Starts a simulator holding `serverCount` servers and the core signed in to it (not yet started). */
async function rig(serverCount: number, snapshotsFor: (servers: SimServer[]) => Omit<SimSnapshot, 'id'>[]) {
  const scheduler = new ManualScheduler();
  const sim = await startSimulator({
    seed: 'empty',
    token: TOKEN,
    now: () => scheduler.now(),
    random: seededRandom(42),
    speed: 1,
  });
  const servers = makeServers(serverCount);
  sim.addServers(servers);
  sim.addSnapshots(snapshotsFor(servers));
  // A returning user: token in the keychain, last session signed in to this account.
  const ports = createTestPorts({
    scheduler,
    secrets: new MemorySecretStore({ initial: { [sim.url]: TOKEN } }),
    settings: new MemorySettingsPort({
      settings: { ...DEFAULT_SETTINGS, apiBaseUrl: sim.url },
      session: { mode: 'account', email: 'bench@example.com' },
    }),
  });
  const core = new AppCore(ports.ports);
  const actions = createActions(core, { openExternal: () => undefined, showServer: () => undefined });
  const total = () => Object.values(sim.requestCounts()).reduce((a, b) => a + b, 0);
  const breakdown = () =>
    Object.entries(sim.requestCounts())
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  const r: Rig = {
    sim,
    core,
    actions,
    ports,
    scheduler,
    servers,
    total,
    breakdown,
    async close() {
      await core.stop();
      await sim.stop();
    },
  };
  return r;
}

/** Starts the core and lets its first refresh finish; fails loudly when it did not load the account. */
async function startLoaded(r: Rig, servers: number, snapshots: number): Promise<void> {
  await r.core.start();
  // start() sets the first refresh going without waiting for it.
  await r.core.settled();
  await r.scheduler.advance(0);
  const state = r.core.getState();
  const got = state.servers.reduce((n, e) => n + e.snapshots.length, 0);
  if (state.servers.length !== servers || got !== snapshots) {
    throw new Error(
      `the core did not load the account: mode ${state.mode}, ${state.servers.length}/${servers} servers, ` +
        `${got}/${snapshots} snapshots, last error ${state.sync.lastError?.message ?? 'none'}`,
    );
  }
}

/** Full load of 1,000 servers and 5,000 snapshots at start-up. */
async function fullLoad(): Promise<Figure[]> {
  const servers = 1000;
  const snapshots = 5000;
  const r = await rig(servers, (all) => makeSnapshots(all, 5));
  try {
    r.sim.resetRequestCounts();
    await startLoaded(r, servers, snapshots);
    const minimum = Math.ceil(servers / PAGE) + Math.ceil(snapshots / PAGE);
    return [
      underBudget(
        'api.full_load.requests',
        r.total(),
        'req',
        minimum + 2,
        true,
        `minimum ${minimum}; ${r.breakdown()}`,
      ),
    ];
  } finally {
    await r.close();
  }
}

/** What tracking a set of operations cost and how late their notifications came. */
interface Tracking {
  /** Creates and restores tracked. */
  creates: number;
  restores: number;
  /** Requests of each light poll tick in which no operation finished. */
  lightTicks: number[];
  /** Requests of each light poll tick that saw an operation finish. */
  finishingTicks: number[];
  /** Requests of each full refresh during tracking (the core does one every idle interval). */
  fullTicks: number[];
  /** Requests one tick costs when each running operation is polled on its own (measured). */
  naive: number;
  /** Per operation: notification time minus the earliest possible completion time, in ms. */
  latenciesMs: number[];
  notifications: number;
  pollMs: number;
  breakdown: string;
}

/** One operation the benchmark started, and how to tell from the simulator that it has ended. */
interface Started {
  operationId: string;
  ended: (truth: ReturnType<SimulatorHandle['snapshot']>) => boolean;
}

/**
 * One tick of naive tracking, measured on the simulator: each running operation polled on its own,
 * with the documented list it needs read whole (the snapshot list for a create, the server list for
 * a restore), as a tracker without a shared light poll would.
 */
async function naiveTick(r: Rig, creates: number, restores: number): Promise<number> {
  const client = r.ports.ports.createClient({ baseUrl: r.sim.url, token: TOKEN });
  const before = r.total();
  for (let i = 0; i < creates; i++) await client.listSnapshots();
  for (let i = 0; i < restores; i++) await client.listServers();
  return r.total() - before;
}

/**
 * Starts a snapshot from the tray's quick action on each of `creates` (and a restore from the
 * window's action on each of `restores`), then steps time until every one is notified. A tick is a
 * full refresh when it moved the state's last refresh time; every other tick with requests is light.
 */
async function track(
  r: Rig,
  creates: SimServer[],
  restores: SimServer[],
  stepMs = STEP_MS,
): Promise<Tracking> {
  r.core.setWindowVisible(false);
  const ops: Started[] = [];
  for (const server of creates) {
    const result = await r.actions.quickSnapshot({ serverId: server.id });
    if (!result.ok) throw new Error(`quickSnapshot failed: ${result.error.message}`);
    const snapshotId = String(result.value.snapshotId);
    ops.push({
      operationId: result.value.id,
      ended: (truth) =>
        truth.snapshots.some((s) => String(s.id) === snapshotId && s.status !== 'in_progress'),
    });
  }
  for (const server of restores) {
    const snapshot = r.core.getState().servers.find((e) => e.server.id === server.id)?.snapshots[0];
    if (!snapshot) throw new Error(`server ${server.name} has no snapshot to restore`);
    const result = await r.actions.restoreSnapshot({
      serverId: server.id,
      snapshotId: snapshot.id,
      confirmServerName: server.name,
    });
    if (!result.ok) throw new Error(`restoreSnapshot failed: ${result.error.message}`);
    const serverId = String(server.id);
    ops.push({
      operationId: result.value.id,
      ended: (truth) => truth.servers.some((s) => String(s.id) === serverId && s.status !== 'restoring'),
    });
  }
  await r.core.settled();
  await r.scheduler.advance(0);
  const pollMs = r.core.getState().settings.pollIntervalSeconds * 1000;
  const naive = await naiveTick(r, creates.length, restores.length);
  r.sim.resetRequestCounts();

  const endedAfter = new Map<string, number>();
  const notifiedAt = new Map<string, number>();
  const lightTicks: number[] = [];
  const finishingTicks: number[] = [];
  const fullTicks: number[] = [];
  const limit = r.scheduler.now() + 30 * 60_000;
  while (notifiedAt.size < ops.length && r.scheduler.now() < limit) {
    const before = r.total();
    const refreshedBefore = r.core.getState().sync.lastRefreshAt;
    const stepStart = r.scheduler.now();
    const seenBefore = notifiedAt.size;
    await r.scheduler.advance(stepMs);
    const now = r.scheduler.now();
    // The simulator brings statuses up to date with its clock: an operation first seen ended now
    // ended after the previous step (the earliest moment it could have).
    const truth = r.sim.snapshot();
    for (const op of ops) {
      if (!endedAfter.has(op.operationId) && op.ended(truth)) endedAfter.set(op.operationId, stepStart);
    }
    for (const event of r.ports.published) {
      if (event.event !== 'operationFinished') continue;
      const id = event.payload.operation.id;
      if (ops.some((op) => op.operationId === id) && !notifiedAt.has(id)) notifiedAt.set(id, now);
    }
    const delta = r.total() - before;
    if (delta === 0) continue;
    // A full refresh happens every idle interval even while operations run, so other servers' data
    // stays fresh: its cost is the account's size, not the operations'.
    if (r.core.getState().sync.lastRefreshAt !== refreshedBefore) fullTicks.push(delta);
    else if (notifiedAt.size > seenBefore) finishingTicks.push(delta);
    else lightTicks.push(delta);
  }
  if (notifiedAt.size < ops.length) {
    throw new Error(`only ${notifiedAt.size} of ${ops.length} operations were notified`);
  }
  const latenciesMs = ops.map(
    (op) => (notifiedAt.get(op.operationId) ?? 0) - (endedAfter.get(op.operationId) ?? Number.NaN),
  );
  return {
    creates: creates.length,
    restores: restores.length,
    lightTicks,
    finishingTicks,
    fullTicks,
    naive,
    latenciesMs,
    notifications: r.ports.notifier.shown.length,
    pollMs,
    breakdown: r.breakdown(),
  };
}

/**
 * Tracking on a small account: 60 servers, 40 of them with one snapshot, so the snapshot list is
 * one page for every N and N is compared on the same footing. Restores use servers 31 and up.
 */
async function trackSmall(n: number, restores = 0): Promise<Tracking> {
  const r = await rig(60, (all) => makeSnapshots(all.slice(0, 40), 1));
  try {
    await startLoaded(r, 60, 40);
    return await track(r, r.servers.slice(0, n), r.servers.slice(30, 30 + restores));
  } finally {
    await r.close();
  }
}

/** Servers with a free slot on the large account (each takes one create). */
const LARGE_ROOM = 10;

/**
 * Tracking on the large account: 1,000 servers and 5,000 snapshots in 100-item pages (50 pages).
 * Every server is full but the first ten, which hold four each (4,990 listed before the creates,
 * 5,000 once they run). Restores use server 500. Steps of 1 s (latency is measured on the small one).
 */
async function trackLarge(creates: number, restores: number): Promise<Tracking> {
  const r = await rig(1000, (all) => [
    ...makeSnapshots(all.slice(0, LARGE_ROOM), 4),
    ...makeSnapshots(all.slice(LARGE_ROOM), 5),
  ]);
  try {
    await startLoaded(r, 1000, 5000 - LARGE_ROOM);
    return await track(r, r.servers.slice(0, creates), r.servers.slice(500, 500 + restores), 1000);
  } finally {
    await r.close();
  }
}

/** Where one tracking run's requests went. */
function trackingNote(t: Tracking): string {
  return (
    `${t.lightTicks.length} light ticks while nothing finished, ${t.finishingTicks.length} that saw an operation ` +
    `finish (max ${max(t.finishingTicks)} req); ${t.fullTicks.length} full refresh(es) of ` +
    `${t.fullTicks.join('+') || '0'} req; ${t.notifications} notification(s); ${t.breakdown}`
  );
}

/** An hour with nothing running and the window hidden (and, for comparison, shown). */
async function idleHour(visible: boolean): Promise<{ requests: number; breakdown: string }> {
  const r = await rig(20, (all) => makeSnapshots(all, 2));
  try {
    await startLoaded(r, 20, 40);
    r.core.setWindowVisible(visible);
    await r.core.settled();
    await r.scheduler.advance(0);
    r.sim.resetRequestCounts();
    await r.scheduler.advance(60 * 60_000);
    return { requests: r.total(), breakdown: r.breakdown() };
  } finally {
    await r.close();
  }
}

const max = (values: readonly number[]) => (values.length > 0 ? Math.max(...values) : 0);

/** Runs every API cost scenario. */
export async function apiCostBenchmark(): Promise<Figure[]> {
  const figures: Figure[] = [];
  figures.push(...(await fullLoad()));

  const runs: Tracking[] = [];
  for (const n of [1, 10, 50]) runs.push(await trackSmall(n));
  const reference = max(runs[0]?.lightTicks ?? []);
  for (const t of runs) {
    const perTick = max(t.lightTicks);
    figures.push({
      name: `api.track.n${t.creates}.per_tick`,
      value: perTick,
      unit: 'req/tick',
      budget: `= n1 (${reference})`,
      pass: perTick === reference && t.lightTicks.length > 0,
      note: trackingNote(t),
    });
    figures.push(
      info(
        `api.track.n${t.creates}.naive`,
        t.naive,
        'req/tick',
        t.creates === 1
          ? 'measured: each running operation polled on its own (see the .large figures)'
          : undefined,
      ),
    );
  }
  const withRestores = await trackSmall(10, 2);
  figures.push(
    info(
      'api.track.n10_restore2.per_tick',
      max(withRestores.lightTicks),
      'req/tick',
      `10 creations and 2 restores: one snapshot list plus one list of the restoring servers; ${trackingNote(withRestores)}`,
    ),
  );

  const large: [string, Tracking, number][] = [
    ['n1', await trackLarge(1, 0), 1],
    ['n10', await trackLarge(10, 0), 10],
    ['restore1', await trackLarge(0, 1), 1],
  ];
  for (const [name, t, budget] of large) {
    const perTick = max(t.lightTicks);
    figures.push({
      ...underBudget(`api.track.large.${name}.per_tick`, perTick, 'req/tick', budget, true, trackingNote(t)),
      pass: perTick <= budget && t.lightTicks.length > 0,
    });
    figures.push(
      info(
        `api.track.large.${name}.naive`,
        t.naive,
        'req/tick',
        name === 'n1'
          ? 'measured on the simulator: one tick of polling each running operation on its own, reading the ' +
              'whole documented list it needs (snapshots for a create, servers for a restore)'
          : undefined,
      ),
    );
  }

  const tracked = [...runs, withRestores, ...large.map(([, t]) => t)];
  for (const t of tracked) {
    const expected = t.creates + t.restores;
    if (t.notifications !== expected) {
      figures.push({
        name: `api.track.c${t.creates}_r${t.restores}.notified_once`,
        value: t.notifications,
        unit: 'notifications',
        budget: `= ${expected}`,
        pass: false,
      });
    }
  }
  const latencyRuns = [...runs, withRestores];
  const worst = max(latencyRuns.flatMap((t) => t.latenciesMs.map((ms) => ms / t.pollMs)));
  figures.push(
    underBudget(
      'api.notify_latency.max',
      round(worst),
      'intervals',
      1,
      true,
      `worst over ${latencyRuns.reduce((a, t) => a + t.latenciesMs.length, 0)} operations, measured from the step before the ` +
        `simulator first reported each one finished (${STEP_MS} ms steps, poll interval ${runs[0]?.pollMs ?? 0} ms)`,
    ),
  );

  const all = latencyRuns.flatMap((t) => t.latenciesMs.map((ms) => ms / t.pollMs));
  figures.push(
    info('api.notify_latency.mean', all.reduce((a, b) => a + b, 0) / Math.max(all.length, 1), 'intervals'),
  );

  const hidden = await idleHour(false);
  figures.push(underBudget('api.idle_hour.hidden', hidden.requests, 'req', 12, true, hidden.breakdown));
  const shown = await idleHour(true);
  figures.push(info('api.idle_hour.window_open', shown.requests, 'req', shown.breakdown));
  return figures;
}
