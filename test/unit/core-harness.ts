/**
 * Shared set-up for the core tests: the real simulator over real HTTP whose clock is the test's
 * ManualScheduler, the real client, and the in-memory ports. Nothing here waits on real time.
 * (Not a test file itself: vitest only runs *.test.ts.)
 */
import { AppCore } from '../../src/main/core/app-core';
import {
  MemorySecretStore,
  MemorySettingsPort,
  ManualScheduler,
  createTestPorts,
  type TestPorts,
  type TestPortsOverrides,
} from '../support/memory-ports';
import type { PersistedData } from '../../src/main/core/ports';
import { DEFAULT_SETTINGS, type UserSettings } from '../../src/shared/settings';
import { startSimulator } from '../../src/simulator/index';
import type { SimulatorHandle, SimulatorOptions } from '../../src/simulator/types';
import { seededRandom } from '../support/seeded-random';

/** A recognisable test token (never a real one). */
export const TEST_TOKEN = 'vps_SECRETtest_core_0123456789';

/** Everything a core test touches. */
export interface Harness extends TestPorts {
  sim: SimulatorHandle;
  core: AppCore;
  /** Builds another core over the same ports (a restart); the old one should be stopped first. */
  restart(): AppCore;
  cleanup(): Promise<void>;
}

/** Options for a harness. */
export interface HarnessOptions {
  simulator?: Omit<SimulatorOptions, 'now' | 'token'>;
  /** Whether the keychain already holds the token for the simulator's URL (default true). */
  storedToken?: boolean;
  persisted?: Partial<Omit<PersistedData, 'settings'>>;
  /** Settings other than the API address (which is the simulator's). */
  settings?: Partial<UserSettings>;
  keychainUnavailable?: string;
  /** Client overrides for fault injection (see createTestPorts). */
  client?: Pick<TestPortsOverrides, 'createClient' | 'clientOptions'>;
}

/** Starts a simulator and a core (not started: call `core.start()`). */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const scheduler = new ManualScheduler(Date.parse('2026-03-02T09:00:00Z'));
  const sim = await startSimulator({
    // Seeded, so simulator durations repeat from run to run.
    random: seededRandom(42),
    ...options.simulator,
    token: TEST_TOKEN,
    now: () => scheduler.now(),
  });
  const persisted = options.persisted ?? {};
  const settings = new MemorySettingsPort({
    ...persisted,
    settings: { ...DEFAULT_SETTINGS, ...options.settings, apiBaseUrl: sim.url },
    session: persisted.session ?? { mode: 'account', email: 'ada@example.com' },
  });
  const secrets = new MemorySecretStore({
    initial: options.storedToken === false ? {} : { [sim.url]: TEST_TOKEN },
    unavailableReason: options.keychainUnavailable ?? null,
  });
  const ports = createTestPorts({ scheduler, settings, secrets, ...options.client });
  const cores: AppCore[] = [new AppCore(ports.ports)];
  const harness: Harness = {
    ...ports,
    sim,
    core: cores[0] as AppCore,
    restart() {
      const next = new AppCore(ports.ports);
      cores.push(next);
      harness.core = next;
      return next;
    },
    async cleanup() {
      for (const core of cores) await core.stop();
      await sim.stop();
    },
  };
  return harness;
}

/** Requests the simulator answered since the last reset, summed. */
export function totalRequests(sim: SimulatorHandle): number {
  return Object.values(sim.requestCounts()).reduce((a, b) => a + b, 0);
}
