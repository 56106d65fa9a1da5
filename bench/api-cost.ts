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
} from '../src/main/core/memory-ports';
import type { InvokeHandlers } from '../src/main/electron/ipc';
import { DEFAULT_SETTINGS } from '../src/shared/settings';
import { startSimulator } from '../src/simulator/index';
import type { SimServer, SimulatorHandle } from '../src/simulator/types';
import { makeServers, makeSnapshots, seededRandom } from './fixtures';
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
  /** Requests of each poll tick in which nothing finished. */
  plainTicks: number[];
  /** Requests of each tick in which at least one operation was seen to finish. */
  finishTicks: number[];
  /** Per operation: notification time minus the earliest possible completion time, in ms. */
  latenciesMs: number[];
  notifications: number;
  pollMs: number;
  breakdown: string;
}

/** Starts N snapshots from the tray's quick action, then steps time until every one is notified. */
async function track(n: number): Promise<Tracking> {
  // 60 servers, 40 of them with one snapshot: with N <= 50 the snapshot list stays one page, so
  // every N is compared on the same footing.
  const r = await rig(60, (all) => all.slice(0, 40));
  try {
    await startLoaded(r, 60, 40);
    r.core.setWindowVisible(false);
    const ids: string[] = [];
    for (const server of r.servers.slice(0, n)) {
      const result = await r.actions.quickSnapshot({ serverId: server.id });
      if (!result.ok) throw new Error(`quickSnapshot failed: ${result.error.message}`);
      if (result.value.snapshotId === null) throw new Error('quickSnapshot gave no snapshot id');
      ids.push(String(result.value.snapshotId));
    }
    await r.core.settled();
    await r.scheduler.advance(0);
    const pollMs = r.core.getState().settings.pollIntervalSeconds * 1000;
    r.sim.resetRequestCounts();

    const completedAfter = new Map<string, number>();
    const notifiedAt = new Map<string, number>();
    const plainTicks: number[] = [];
    const finishTicks: number[] = [];
    const limit = r.scheduler.now() + 30 * 60_000;
    while (notifiedAt.size < n && r.scheduler.now() < limit) {
      const before = r.total();
      const stepStart = r.scheduler.now();
      const seenBefore = notifiedAt.size;
      await r.scheduler.advance(STEP_MS);
      const now = r.scheduler.now();
      // The simulator brings statuses up to date with its clock: a snapshot first seen finished
      // now finished after the previous step (the earliest moment it could have).
      for (const snap of r.sim.snapshot().snapshots) {
        const id = String(snap.id);
        if (ids.includes(id) && snap.status !== 'in_progress' && !completedAfter.has(id)) {
          completedAfter.set(id, stepStart);
        }
      }
      for (const event of r.ports.published) {
        if (event.event !== 'operationFinished') continue;
        const id = String(event.payload.operation.snapshotId);
        if (ids.includes(id) && !notifiedAt.has(id)) notifiedAt.set(id, now);
      }
      const delta = r.total() - before;
      if (delta > 0) (notifiedAt.size > seenBefore ? finishTicks : plainTicks).push(delta);
    }
    if (notifiedAt.size < n) throw new Error(`only ${notifiedAt.size} of ${n} operations were notified`);
    const latenciesMs = ids.map((id) => (notifiedAt.get(id) ?? 0) - (completedAfter.get(id) ?? 0));
    const notifications = r.ports.notifier.shown.length;
    return { n, plainTicks, finishTicks, latenciesMs, notifications, pollMs, breakdown: r.breakdown() };
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
  const reference = max(runs[0]?.plainTicks ?? []);
  for (const t of runs) {
    const perTick = max(t.plainTicks);
    figures.push({
      name: `api.track.n${t.n}.per_tick`,
      value: perTick,
      unit: 'req/tick',
      budget: `= n1 (${reference})`,
      pass: perTick === reference && t.plainTicks.length > 0,
      note:
        `${t.plainTicks.length} plain ticks, max ${perTick}; ${t.finishTicks.length} tick(s) that saw an ` +
        `operation finish, max ${max(t.finishTicks)}; ${t.notifications} notification(s); ${t.breakdown}`,
    });
    figures.push(
      info(`api.track.n${t.n}.naive`, t.n, 'req/tick', 'one request per running operation per tick'),
    );
  }
  for (const t of runs) {
    if (t.notifications !== t.n) {
      figures.push({
        name: `api.track.n${t.n}.notified_once`,
        value: t.notifications,
        unit: 'notifications',
        budget: `= ${t.n}`,
        pass: false,
      });
    }
  }
  const worst = max(runs.flatMap((t) => t.latenciesMs.map((ms) => ms / t.pollMs)));
  figures.push(
    underBudget(
      'api.notify_latency.max',
      round(worst),
      'intervals',
      1,
      true,
      `worst over ${runs.reduce((a, t) => a + t.n, 0)} operations, measured from the step before the ` +
        `simulator first reported each one finished (${STEP_MS} ms steps, poll interval ${runs[0]?.pollMs ?? 0} ms)`,
    ),
  );

  const all = runs.flatMap((t) => t.latenciesMs.map((ms) => ms / t.pollMs));
  figures.push(
    info('api.notify_latency.mean', all.reduce((a, b) => a + b, 0) / Math.max(all.length, 1), 'intervals'),
  );

  const hidden = await idleHour(false);
  figures.push(underBudget('api.idle_hour.hidden', hidden.requests, 'req', 12, true, hidden.breakdown));
  const shown = await idleHour(true);
  figures.push(info('api.idle_hour.window_open', shown.requests, 'req', shown.breakdown));
  return figures;
}
