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
import type { SimServer, SimulatorHandle } from '../src/simulator/types';
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
async function rig(serverCount: number, snapshotsFor: (servers: SimServer[]) => SimServer[], perServer = 1) {
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
  sim.addSnapshots(makeSnapshots(snapshotsFor(servers), perServer));
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
  const r = await rig(servers, (all) => all, 5);
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

/** What tracking N operations cost and how late their notifications came. */
interface Tracking {
  n: number;
  /** Requests of each light poll tick (one that did not list the servers). */
  lightTicks: number[];
  /** How many of those saw an operation finish. */
  finishingTicks: number;
  /** Requests of each full refresh during tracking (the core does one every idle interval). */
  fullTicks: number[];
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
 * Starts N snapshots from the tray's quick action (and `restores` restores from the window's
 * action), then steps time until every one is notified.
 */
async function track(n: number, restores = 0): Promise<Tracking> {
  // 60 servers, 40 of them with one snapshot: with N <= 50 the snapshot list stays one page, so
  // every N is compared on the same footing. Restores use servers 31 and up (no creation there).
  const r = await rig(60, (all) => all.slice(0, 40));
  try {
    await startLoaded(r, 60, 40);
    r.core.setWindowVisible(false);
    const ops: Started[] = [];
    for (const server of r.servers.slice(0, n)) {
      const result = await r.actions.quickSnapshot({ serverId: server.id });
      if (!result.ok) throw new Error(`quickSnapshot failed: ${result.error.message}`);
      const snapshotId = String(result.value.snapshotId);
      ops.push({
        operationId: result.value.id,
        ended: (truth) =>
          truth.snapshots.some((s) => String(s.id) === snapshotId && s.status !== 'in_progress'),
      });
    }
    for (const server of r.servers.slice(30, 30 + restores)) {
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
    r.sim.resetRequestCounts();

    const endedAfter = new Map<string, number>();
    const notifiedAt = new Map<string, number>();
    const lightTicks: number[] = [];
    const fullTicks: number[] = [];
    let finishingTicks = 0;
    const limit = r.scheduler.now() + 30 * 60_000;
    while (notifiedAt.size < ops.length && r.scheduler.now() < limit) {
      const before = r.total();
      const serverListsBefore = r.sim.requestCounts()['GET /servers/'] ?? 0;
      const stepStart = r.scheduler.now();
      const seenBefore = notifiedAt.size;
      await r.scheduler.advance(STEP_MS);
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
      // A tick that lists the servers is a full refresh (the core does one every idle interval even
      // while operations run, so other servers' data stays fresh): its cost does not depend on N.
      if ((r.sim.requestCounts()['GET /servers/'] ?? 0) > serverListsBefore) fullTicks.push(delta);
      else {
        lightTicks.push(delta);
        if (notifiedAt.size > seenBefore) finishingTicks++;
      }
    }
    if (notifiedAt.size < ops.length) {
      throw new Error(`only ${notifiedAt.size} of ${ops.length} operations were notified`);
    }
    const latenciesMs = ops.map(
      (op) => (notifiedAt.get(op.operationId) ?? 0) - (endedAfter.get(op.operationId) ?? Number.NaN),
    );
    const notifications = r.ports.notifier.shown.length;
    return {
      n,
      lightTicks,
      finishingTicks,
      fullTicks,
      latenciesMs,
      notifications,
      pollMs,
      breakdown: r.breakdown(),
    };
  } finally {
    await r.close();
  }
}

/** An hour with nothing running and the window hidden (and, for comparison, shown). */
async function idleHour(visible: boolean): Promise<{ requests: number; breakdown: string }> {
  const r = await rig(20, (all) => all, 2);
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
  for (const n of [1, 10, 50]) runs.push(await track(n));
  const reference = max(runs[0]?.lightTicks ?? []);
  for (const t of runs) {
    const perTick = max(t.lightTicks);
    figures.push({
      name: `api.track.n${t.n}.per_tick`,
      value: perTick,
      unit: 'req/tick',
      budget: `= n1 (${reference})`,
      pass: perTick === reference && t.lightTicks.length > 0,
      note:
        `${t.lightTicks.length} light ticks (${t.finishingTicks} saw an operation finish), max ${perTick}; ` +
        `${t.fullTicks.length} full refresh(es) of ${t.fullTicks.join('+') || '0'} req; ` +
        `${t.notifications} notification(s); ${t.breakdown}`,
    });
    figures.push(
      info(
        `api.track.n${t.n}.naive`,
        t.n,
        'req/tick',
        t.n === 1 ? 'naive polling, for comparison: one request per running operation per tick' : undefined,
      ),
    );
  }
  const withRestores = await track(10, 2);
  figures.push(
    info(
      'api.track.n10_restore2.per_tick',
      max(withRestores.lightTicks),
      'req/tick',
      `10 creations and 2 restores: one snapshot list plus one server read per restore; ${withRestores.breakdown}`,
    ),
  );
  for (const t of [...runs, withRestores]) {
    const expected = t === withRestores ? t.n + 2 : t.n;
    if (t.notifications !== expected) {
      figures.push({
        name: `api.track.n${t.n}.notified_once`,
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
