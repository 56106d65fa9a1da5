/**
 * The fault soak: drives the real AppCore through its IPC actions (as the window and the tray do)
 * against the real simulator over HTTP with faults injected (late effects included), on a simulator
 * that stops a server before restoring it and has no `GET /servers/{id}/`, through a seeded run of
 * creates (up to and past the 5-per-server limit), quick snapshots, restores, deletes, refreshes,
 * user retries after unclear answers, double clicks, app crashes in the middle of running operations
 * and crashes right between saving an operation's end and announcing it. Time is a ManualScheduler
 * shared with the simulator's clock, so minutes of simulated work pass in milliseconds. At the end,
 * with faults off and everything finished, the app's view is compared with the simulator's truth.
 * Used by test/integration/soak.test.ts and scripts/soak.ts.
 */
import { randomBytes } from 'node:crypto';
import { createActions } from '../../src/main/actions';
import { AppCore } from '../../src/main/core/app-core';
import {
  ManualScheduler,
  MemorySecretStore,
  MemorySettingsPort,
  RecordingNotifier,
  createMemoryLogger,
  createTestPorts,
} from './memory-ports';
import type { CorePorts, Publish, SettingsPort } from '../../src/main/core/ports';
import type { VpsClient } from '../../src/main/api/types';
import type { InvokeHandlers } from '../../src/shared/ipc';
import { sameId, type Id, type Operation } from '../../src/shared/domain';
import type { EventMap, EventName } from '../../src/shared/ipc';
import type { Result } from '../../src/shared/result';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { AppState, ErrorKind } from '../../src/shared/state';
import {
  startSimulator,
  type FaultConfig,
  type SimulatorHandle,
  type SimulatorOptions,
} from '../../src/simulator/index';
import { seededRandom } from './seeded-random';

/** About 20% of requests faulted, spread over every kind the simulator can inject. */
export const SOAK_FAULTS: FaultConfig = {
  serverError: 0.05,
  rateLimit: 0.04,
  retryAfterSeconds: 1,
  drop: 0.04,
  dropAfterEffect: 0.03,
  // Writes only: the answer lost or a 504, the effect some seconds later.
  lateEffect: 0.04,
  lateEffectMs: 6_000,
  malformed: 0.03,
  // A stalled body outlasts the soak's short client timeout, so it becomes a timeout.
  slowBody: 0.01,
  slowBodyMs: 600,
};

/** The API as the documentation allows it: servers stopped before restoring, no per-server read. */
export const SOAK_SIMULATOR: SoakSimulator = { restoreStopsFirstMs: 15_000, noServerRead: true };

/** Simulator modes a soak runs with. */
export type SoakSimulator = Pick<SimulatorOptions, 'restoreStopsFirstMs' | 'noServerRead'>;

/** What a soak run does. */
export interface SoakOptions {
  /** How many user actions to attempt (a double click counts as two). */
  operations: number;
  /** Seeds the action choices and the simulator's faults, for repeatable runs. */
  seed: number;
  /** Faults during the run (turned off for the final comparison). */
  faults: FaultConfig;
  /** Simulator speed: divides the documented 3-15 minute durations. */
  speed: number;
  /** Where in the run the app crashes and restarts, as fractions of `operations` (default [0.5]). */
  restartAt?: number[];
  /**
   * Where in the run the app crashes right after saving an operation's end and before announcing it
   * (at the first such save from that point on), as fractions of `operations` (default [0.3]).
   */
  saveCrashAt?: number[];
  /** Simulator modes (default SOAK_SIMULATOR). */
  simulator?: SoakSimulator;
  /** Per-request client timeout in ms (short, so stalled bodies become timeouts quickly). */
  clientTimeoutMs?: number;
  /** Token the simulator accepts (recognisable, never printed). */
  token?: string;
  /** Wraps each API client the core makes (negative controls sabotage it). */
  wrapClient?: (client: VpsClient) => VpsClient;
  /** Wraps the settings file as the core sees it (negative controls sabotage it). */
  wrapSettings?: (file: SettingsPort) => SettingsPort;
}

/** Counts for one kind of action. */
export interface ActionCounts {
  attempted: number;
  succeeded: number;
  refused: number;
  failed: number;
  /** Error kinds of the refusals and failures. */
  kinds: Record<string, number>;
}

/** The outcome of a soak run. */
export interface SoakReport {
  seed: number;
  attempted: number;
  succeeded: number;
  /** Refused by the app or VPS.org with a plain reason (limit, name taken, not found, …). */
  refused: number;
  /** Failed with a reason (network, timeout, server error, rate limit, bad answer). */
  failed: number;
  /** Failures whose message was empty: must be 0. */
  withoutReason: number;
  /** Snapshots the simulator made twice (same server and name, two ids). */
  duplicates: number;
  /** Operations the app reported started that never reported finishing. */
  lost: number;
  /** operationFinished events or notifications beyond one per finished operation. */
  repeatedNotifications: number;
  /** Finished operations that got no notification. */
  missingNotifications: number;
  /** Unhandled rejections, uncaught exceptions and logger.error lines. */
  unhandled: number;
  /** True when the app's final servers and snapshots equal the simulator's. */
  viewsEqual: boolean;
  /** `server|name` of each duplicate, for diagnosis. */
  duplicateNames: string[];
  /** The first differences when the views differ. */
  viewDiff: string[];
  operationsStarted: number;
  operationsFinished: number;
  /** Crashes and restarts of the app, of both kinds. */
  restarts: number;
  /** Crashes right between saving an operation's end and announcing it. */
  saveCrashes: number;
  /** Creates and restores whose start VPS.org did not answer clearly (tracked as uncertain). */
  uncertainStarts: number;
  /** Operations running when the app crashed (they must still finish, once). */
  runningAtRestart: number;
  /**
   * Restores that reported a failure although VPS.org had started them (not tracked by the app).
   * The core reads the server after an unclear restore and tracks it, so this must stay 0.
   */
  unclearRestoresDone: number;
  /** Deletes that reported a failure although VPS.org had deleted the snapshot. */
  unclearDeletesDone: number;
  /** HTTP requests the simulator answered. */
  requests: number;
  byAction: Record<string, ActionCounts>;
  /** Unhandled error texts (redacted by the logger), for diagnosis. */
  errors: string[];
  durationMs: number;
}

/** Kinds that mean "not allowed / not possible", as opposed to "something broke". */
const REFUSAL_KINDS = new Set<ErrorKind>([
  'validation',
  'refused',
  'limit_reached',
  'invalid',
  'not_found',
  'not_signed_in',
]);

/** One running app: the core, its actions, and a switch that "kills" it (drops its output). */
interface Incarnation {
  core: AppCore;
  actions: InvokeHandlers;
  scheduler: ManualScheduler;
  alive: { value: boolean };
}

/** The one summary line scripts/soak.ts prints. */
export function summaryLine(r: SoakReport): string {
  return (
    `soak seed=${r.seed} attempted=${r.attempted} succeeded=${r.succeeded} refused=${r.refused} ` +
    `failed=${r.failed} duplicates=${r.duplicates} lost=${r.lost} ` +
    `repeated_notifications=${r.repeatedNotifications} unhandled=${r.unhandled} ` +
    `views_equal=${r.viewsEqual} ops_started=${r.operationsStarted} ops_finished=${r.operationsFinished} ` +
    `restarts=${r.restarts} save_crashes=${r.saveCrashes} running_at_restart=${r.runningAtRestart} ` +
    `uncertain_starts=${r.uncertainStarts} ` +
    `untracked_restores=${r.unclearRestoresDone} unclear_deletes_done=${r.unclearDeletesDone} ` +
    `requests=${r.requests} ` +
    `duration_ms=${r.durationMs}`
  );
}

/**
 * True when the run meets the bar: nothing duplicated, lost, repeated, unhandled or untracked
 * (a restore VPS.org started must be tracked); views equal.
 */
export function soakPassed(r: SoakReport): boolean {
  return (
    r.duplicates === 0 &&
    r.lost === 0 &&
    r.repeatedNotifications === 0 &&
    r.missingNotifications === 0 &&
    r.unhandled === 0 &&
    r.withoutReason === 0 &&
    r.unclearRestoresDone === 0 &&
    r.viewsEqual
  );
}

type Canon = { servers: string[]; snapshots: string[] };

function canonFromApp(state: AppState): Canon {
  const servers = state.servers.map((e) => `${String(e.server.id)}|${e.server.name}|${e.server.status}`);
  const snapshots = state.servers.flatMap((e) =>
    e.snapshots.map((s) => `${String(s.id)}|${String(s.serverId)}|${s.name}|${s.status}|${String(s.sizeMb)}`),
  );
  return { servers: servers.sort(), snapshots: snapshots.sort() };
}

function canonFromSim(sim: SimulatorHandle): Canon {
  const truth = sim.snapshot();
  return {
    servers: truth.servers.map((s) => `${String(s.id)}|${s.name}|${s.status}`).sort(),
    snapshots: truth.snapshots
      .map((s) => `${String(s.id)}|${String(s.server.id)}|${s.name}|${s.status}|${String(s.size_mb)}`)
      .sort(),
  };
}

function diff(a: string[], b: string[], label: string): string[] {
  const inA = a.filter((x) => !b.includes(x)).map((x) => `${label} only in app: ${x}`);
  const inB = b.filter((x) => !a.includes(x)).map((x) => `${label} only in simulator: ${x}`);
  return [...inA, ...inB];
}

/** Runs one soak. Never throws for what it measures; it reports it. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const token = options.token ?? `vps_SECRETsoak_${randomBytes(8).toString('hex')}`;
  const pick = seededRandom(options.seed);
  const simRandom = seededRandom(options.seed ^ 0x5eed);
  const between = (lo: number, hi: number) => lo + Math.floor(pick() * (hi - lo + 1));
  const choose = <T>(items: readonly T[]): T | undefined => items[Math.floor(pick() * items.length)];

  // ---- what we watch ----
  const errors: string[] = [];
  const onRejection = (reason: unknown) =>
    errors.push(`unhandledRejection: ${reason instanceof Error ? reason.message : String(reason)}`);
  const onException = (error: Error) => errors.push(`uncaughtException: ${error.message}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);

  let scheduler = new ManualScheduler(Date.parse('2026-03-01T09:00:00Z'));
  const sim = await startSimulator({
    ...(options.simulator ?? SOAK_SIMULATOR),
    token,
    speed: options.speed,
    seed: 'demo',
    now: () => scheduler.now(),
    random: simRandom,
  });

  const settingsFile = new MemorySettingsPort({
    settings: { ...DEFAULT_SETTINGS, apiBaseUrl: sim.url, pollIntervalSeconds: 5, notifications: true },
  });
  const disk = options.wrapSettings ? options.wrapSettings(settingsFile) : settingsFile;
  /** Armed: the next save of an operation's end is the last thing the running app does. */
  let saveCrashArmed = false;
  let saveCrashes = 0;
  const secrets = new MemorySecretStore();
  const notifier = new RecordingNotifier();
  const { logger, lines } = createMemoryLogger();
  const finishedEvents = new Map<string, number>();
  const startedOps = new Map<string, Operation>();
  const byAction: Record<string, ActionCounts> = {};
  const totals = {
    attempted: 0,
    succeeded: 0,
    refused: 0,
    failed: 0,
    withoutReason: 0,
    unclearRestoresDone: 0,
    unclearDeletesDone: 0,
    uncertainStarts: 0,
  };
  /** Ids of snapshots that existed alongside an older one of the same server and name. */
  const duplicateIds = new Set<number>();
  const duplicateNames: string[] = [];
  const recordTruth = () => {
    const byKey = new Map<string, number[]>();
    for (const s of sim.snapshot().snapshots) {
      const key = `${String(s.server.id)}|${s.name}`;
      byKey.set(key, [...(byKey.get(key) ?? []), s.id]);
    }
    for (const [key, ids] of byKey) {
      ids.sort((a, b) => a - b);
      for (const id of ids.slice(1)) {
        if (!duplicateIds.has(id)) duplicateNames.push(key);
        duplicateIds.add(id);
      }
    }
  };

  function boot(at: ManualScheduler): Incarnation {
    const alive = { value: true };
    const base = createTestPorts({
      secrets,
      scheduler: at,
      clientOptions: { timeoutMs: options.clientTimeoutMs ?? 400, backoffMs: 1, maxRetries: 3 },
    });
    // A dead process writes nothing, shows nothing and publishes nothing.
    const settings: SettingsPort = {
      read: () => disk.read(),
      write: (patch) => {
        if (!alive.value) return;
        const ends = saveCrashArmed && endsAnOperation(settingsFile.data.operations, patch.operations);
        disk.write(patch);
        if (ends) {
          // The process dies right after the save, before it can announce what it saved.
          alive.value = false;
          saveCrashArmed = false;
          saveCrashes++;
        }
      },
    };
    const publish: Publish = <E extends EventName>(event: E, payload: EventMap[E]) => {
      if (!alive.value || event !== 'operationFinished') return;
      const id = (payload as EventMap['operationFinished']).operation.id;
      finishedEvents.set(id, (finishedEvents.get(id) ?? 0) + 1);
    };
    const wrap = options.wrapClient;
    const ports: CorePorts = {
      ...base.ports,
      createClient: wrap ? (o) => wrap(base.ports.createClient(o)) : base.ports.createClient,
      settings,
      publish,
      logger,
      notifier: { show: (n) => (alive.value ? notifier.show(n) : undefined) },
    };
    const core = new AppCore(ports);
    const actions = createActions(core, { openExternal: () => undefined, showServer: () => undefined });
    return { core, actions, scheduler: at, alive };
  }

  let app = boot(scheduler);
  await app.core.start();
  app.core.setWindowVisible(true);
  // Sign in with faults off (a failed sign-in is not what this run measures).
  const signIn = await app.actions.setToken({ token, sessionOnly: false });
  if (!signIn.ok) throw new Error(`soak: sign-in failed: ${signIn.error.kind}`);
  await scheduler.advance(0);
  sim.setFaults(options.faults);

  /** Creates whose start VPS.org did not confirm, or that failed: the user tries again with the same name. */
  const retries: { serverId: Id; name: string }[] = [];
  const count = (name: string, result: Result<unknown>, extra?: () => void) => {
    const c = (byAction[name] ??= { attempted: 0, succeeded: 0, refused: 0, failed: 0, kinds: {} });
    c.attempted++;
    totals.attempted++;
    if (result.ok) {
      c.succeeded++;
      totals.succeeded++;
      const value = result.value as Operation | null;
      // An answer a dead process gave never reached the user.
      if (
        value !== null &&
        typeof value === 'object' &&
        'kind' in value &&
        'status' in value &&
        app.alive.value
      ) {
        startedOps.set(value.id, value);
        if (value.uncertain === true) totals.uncertainStarts++;
        if (value.kind === 'create' && value.uncertain === true) {
          retries.push({ serverId: value.serverId, name: value.snapshotName });
        }
      }
      return;
    }
    if (result.error.message.trim() === '') totals.withoutReason++;
    c.kinds[result.error.kind] = (c.kinds[result.error.kind] ?? 0) + 1;
    if (REFUSAL_KINDS.has(result.error.kind)) {
      c.refused++;
      totals.refused++;
    } else {
      c.failed++;
      totals.failed++;
      extra?.();
    }
  };

  // Each crash happens at the first step from its point on with an operation running (or 50 later).
  const stepsAt = (fractions: number[]) =>
    fractions.map((f) => Math.max(1, Math.floor(f * options.operations))).sort((a, b) => a - b);
  const restartSteps = stepsAt(options.restartAt ?? [0.5]);
  const saveCrashSteps = stepsAt(options.saveCrashAt ?? [0.3]);
  let restarts = 0;
  let runningAtRestart = 0;
  let step = 0;

  const servers = () => app.core.getState().servers;
  const usable = () => servers().filter((e) => e.server.status !== 'suspended');

  /** The old process stops existing mid-flight; a new one starts from what was saved. */
  const restart = async () => {
    runningAtRestart += app.core.getState().operations.filter((o) => o.status === 'running').length;
    app.alive.value = false;
    void app.core.stop();
    scheduler = new ManualScheduler(scheduler.now());
    app = boot(scheduler);
    await app.core.start();
    app.core.setWindowVisible(true);
    restarts++;
  };

  while (totals.attempted < options.operations) {
    step++;
    // A crash between a save and its announcement has already happened: start again.
    if (!app.alive.value) await restart();
    if (saveCrashSteps[0] !== undefined && step >= saveCrashSteps[0]) {
      saveCrashSteps.shift();
      saveCrashArmed = true;
    }
    const due = restartSteps[0];
    const running = app.core.getState().operations.some((o) => o.status === 'running');
    if (due !== undefined && step >= due && (running || step >= due + 50)) {
      restartSteps.shift();
      await restart();
    }
    const roll = pick();
    const entry = choose(usable()) ?? choose(servers());
    if (entry === undefined) {
      count('refresh', await app.actions.refresh(undefined));
    } else if (roll < 0.3) {
      const name = `soak-${options.seed}-${step}`;
      const description = pick() < 0.3 ? 'Avant la mise à jour — 更新前 <b>x</b>' : '';
      const res = await app.actions.createSnapshot({ serverId: entry.server.id, name, description });
      count('create', res, () => retries.push({ serverId: entry.server.id, name }));
    } else if (roll < 0.38) {
      const again = retries.shift();
      if (again) {
        const res = await app.actions.createSnapshot({ ...again, description: '' });
        count('retryCreate', res);
      } else {
        count('refresh', await app.actions.refresh(undefined));
      }
    } else if (roll < 0.48) {
      count('quickSnapshot', await app.actions.quickSnapshot({ serverId: entry.server.id }));
    } else if (roll < 0.53) {
      // A double click on the tray's quick snapshot: two calls before the first answers.
      const [a, b] = await Promise.all([
        app.actions.quickSnapshot({ serverId: entry.server.id }),
        app.actions.quickSnapshot({ serverId: entry.server.id }),
      ]);
      count('doubleQuickSnapshot', a);
      count('doubleQuickSnapshot', b);
    } else if (roll < 0.63) {
      const snapshot = choose(entry.snapshots.filter((s) => s.status === 'completed'));
      if (snapshot) {
        const confirm = pick() < 0.1 ? entry.server.name.toUpperCase() : entry.server.name;
        const res = await app.actions.restoreSnapshot({
          serverId: entry.server.id,
          snapshotId: snapshot.id,
          confirmServerName: confirm,
        });
        count('restore', res, () => {
          const truth = sim.snapshot().servers.find((s) => sameId(s.id, entry.server.id));
          if (truth?.status === 'restoring' && entry.server.status !== 'restoring')
            totals.unclearRestoresDone++;
        });
      } else {
        count('refresh', await app.actions.refresh(undefined));
      }
    } else if (roll < 0.83) {
      const snapshot = choose(entry.snapshots);
      if (snapshot) {
        const res = await app.actions.deleteSnapshot({ serverId: entry.server.id, snapshotId: snapshot.id });
        count('delete', res, () => {
          if (!sim.snapshot().snapshots.some((s) => sameId(s.id, snapshot.id))) totals.unclearDeletesDone++;
        });
      } else {
        count('refresh', await app.actions.refresh(undefined));
      }
    } else {
      count('refresh', await app.actions.refresh(undefined));
    }
    recordTruth();
    await scheduler.advance(between(1_000, 12_000));
    recordTruth();
  }

  // ---- drain: faults off, let everything finish, then one clean refresh ----
  sim.setFaults({});
  saveCrashArmed = false;
  for (let i = 0; i < 400; i++) {
    if (!app.alive.value) await restart();
    const truth = sim.snapshot();
    const busy =
      app.core.getState().operations.some((o) => o.status === 'running') ||
      truth.snapshots.some((s) => s.status === 'in_progress') ||
      truth.servers.some((s) => s.status === 'restoring');
    if (!busy) break;
    await scheduler.advance(30_000);
  }
  await app.actions.refresh(undefined);
  await app.core.settled();
  recordTruth();

  const appView = canonFromApp(app.core.getState());
  const simView = canonFromSim(sim);
  const viewDiff = [
    ...diff(appView.servers, simView.servers, 'server'),
    ...diff(appView.snapshots, simView.snapshots, 'snapshot'),
  ];

  // ---- the figures ----
  const duplicates = duplicateIds.size;
  const finishedIds = new Set(finishedEvents.keys());
  const lost = [...startedOps.keys()].filter((id) => !finishedIds.has(id)).length;
  const repeatedEvents = [...finishedEvents.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const opTitles = /^(Snapshot completed|Snapshot failed|Restore finished|Restore ended with a problem)/;
  const opNotifications = notifier.shown.filter((n) => opTitles.test(n.title)).length;
  const repeatedNotifications = repeatedEvents + Math.max(0, opNotifications - finishedIds.size);
  const missingNotifications = Math.max(0, finishedIds.size - opNotifications);
  const errorLines = lines.filter((l) => l.startsWith('error '));
  const requests = Object.values(sim.requestCounts()).reduce((sum, n) => sum + n, 0);

  app.alive.value = false;
  await app.core.stop();
  await sim.stop();
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);

  return {
    seed: options.seed,
    attempted: totals.attempted,
    succeeded: totals.succeeded,
    refused: totals.refused,
    failed: totals.failed,
    withoutReason: totals.withoutReason,
    duplicates,
    duplicateNames: duplicateNames.slice(0, 10),
    lost,
    repeatedNotifications,
    missingNotifications,
    unhandled: errors.length + errorLines.length,
    viewsEqual: viewDiff.length === 0,
    viewDiff: viewDiff.slice(0, 10),
    operationsStarted: startedOps.size,
    operationsFinished: finishedIds.size,
    restarts,
    saveCrashes,
    uncertainStarts: totals.uncertainStarts,
    runningAtRestart,
    unclearRestoresDone: totals.unclearRestoresDone,
    unclearDeletesDone: totals.unclearDeletesDone,
    requests,
    byAction,
    errors: [...errors, ...errorLines].slice(0, 10),
    durationMs: Date.now() - started,
  };
}

/** True when this save ends an operation that was running in the last one. */
function endsAnOperation(before: readonly Operation[], after: readonly Operation[] | undefined): boolean {
  const wasRunning = new Set(before.filter((o) => o.status === 'running').map((o) => o.id));
  return (after ?? []).some((o) => o.status !== 'running' && wasRunning.has(o.id));
}
