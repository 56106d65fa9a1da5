/**
 * The local VPS.org API simulator, for tests, demo mode and the browser preview. It behaves as
 * shared/vps-api.md describes (documented and assumed lines alike); see store.ts for the rules,
 * paging.ts for paging decisions and faults.ts for fault injection.
 */
import { FAULT_NUMBER_KEYS, FAULT_SHARE_KEYS } from './faults';
import { makeSeed } from './seed';
import { listen } from './server';
import { SimStore } from './store';
import type { FaultConfig, SimulatorHandle, SimulatorOptions } from './types';

export type {
  FaultConfig,
  SeedName,
  SimServer,
  SimSnapshot,
  SimulatorHandle,
  SimulatorOptions,
} from './types';

/** The token the simulator accepts unless told otherwise. */
export const DEMO_TOKEN = 'vps_demo_token';

function checkShare(name: string, value: number | undefined): void {
  if (value !== undefined && !(value >= 0 && value <= 1))
    throw new RangeError(`${name} must be between 0 and 1`);
}

/** Refuses fault settings that cannot mean anything (a share outside 0-1, a negative time). */
export function checkFaults(faults: FaultConfig): void {
  for (const name of FAULT_SHARE_KEYS) checkShare(name, faults[name]);
  for (const name of FAULT_NUMBER_KEYS) {
    const value = faults[name];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`${name} must be a number of at least 0`);
    }
  }
}

/** Starts a simulator on 127.0.0.1 (port 0 picks a free one) and resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const token = options.token ?? DEMO_TOKEN;
  const speed = options.speed ?? 1;
  if (!(Number.isFinite(speed) && speed > 0)) throw new RangeError('speed must be a number above 0');
  const failureRate = options.failureRate ?? 0;
  checkShare('failureRate', failureRate);
  let faults: FaultConfig = { ...(options.faults ?? {}) };
  checkFaults(faults);
  const random = options.random ?? Math.random;
  const stopsFirst = options.restoreStopsFirstMs ?? 0;
  if (!(Number.isFinite(stopsFirst) && stopsFirst >= 0))
    throw new RangeError('restoreStopsFirstMs must be a number of at least 0');
  const now = options.now ?? Date.now;
  const store = new SimStore(makeSeed(options.seed ?? 'demo', now()), {
    speed,
    failureRate,
    now,
    random,
    restoreStopsFirstMs: stopsFirst,
  });
  const counts = new Map<string, number>();
  const http = await listen(
    {
      store,
      token,
      faults: () => faults,
      random,
      count: (key) => counts.set(key, (counts.get(key) ?? 0) + 1),
      hiddenRoutes: new Set(options.noServerRead === true ? ['/servers/{id}/'] : []),
    },
    options.port ?? 0,
  );
  let stopped: Promise<void> | null = null;

  return {
    url: `http://127.0.0.1:${http.port}/api/v1/`,
    port: http.port,
    token,
    setFaults(next) {
      checkFaults(next);
      faults = { ...next };
    },
    snapshot: () => store.dump(),
    addServers: (servers) => store.addServers(servers),
    addSnapshots: (snapshots) => store.addSnapshots(snapshots),
    requestCounts: () => Object.fromEntries(counts),
    resetRequestCounts: () => counts.clear(),
    stop() {
      stopped ??= http.close();
      return stopped;
    },
  };
}
