/**
 * In-memory ports for tests, the browser preview, the soak driver and benchmarks: a secret store
 * that can pretend the keychain is missing, a settings port that keeps data in an object, a
 * notifier that records, a scheduler whose time moves only when told, and a logger that collects
 * lines. No Electron, no disk. Keep this API stable: other helpers build on it.
 */
import { createVpsClient } from '../../src/main/api/client';
import type { ClientOptions, VpsClient } from '../../src/main/api/types';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { EventMap, EventName } from '../../src/shared/ipc';
import type { CatalogMessage } from '../../src/shared/state';
import { escapeControls } from '../../src/main/logging/log-line';
import { redactSecrets } from '../../src/main/redact';
import type { SimulatorOptions } from '../../src/simulator/types';
import {
  KeychainUnavailableError,
  type CorePorts,
  type DemoServer,
  type Logger,
  type NotificationRequest,
  type Notifier,
  type PersistedData,
  type Publish,
  type Scheduler,
  type SecretStore,
  type SettingsPort,
} from '../../src/main/core/ports';

/** Options for MemorySecretStore. */
export interface MemorySecretStoreOptions {
  /** When set, every call throws KeychainUnavailableError with this reason. */
  unavailableReason?: string | null;
  /** Secrets present from the start, by account (API base URL). */
  initial?: Record<string, string>;
}

/** A keychain in a Map. Set `unavailableReason` at any time to make every call fail like keytar does. */
export class MemorySecretStore implements SecretStore {
  /** The stored secrets by account; tests may read it (never log it). */
  readonly entries = new Map<string, string>();
  /** Non-null: the keychain is "unavailable" and every call throws with this reason. */
  unavailableReason: string | null;
  /** How many calls were made, by method (to assert the keychain was or was not touched). */
  readonly calls = { get: 0, set: 0, delete: 0, accounts: 0 };

  constructor(options: MemorySecretStoreOptions = {}) {
    this.unavailableReason = options.unavailableReason ?? null;
    for (const [account, secret] of Object.entries(options.initial ?? {})) this.entries.set(account, secret);
  }

  async get(account: string): Promise<string | null> {
    this.calls.get++;
    this.check();
    return this.entries.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.calls.set++;
    this.check();
    this.entries.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.calls.delete++;
    this.check();
    return this.entries.delete(account);
  }

  async accounts(): Promise<string[]> {
    this.calls.accounts++;
    this.check();
    return [...this.entries.keys()];
  }

  private check(): void {
    if (this.unavailableReason !== null) throw new KeychainUnavailableError(this.unavailableReason);
  }
}

/** A fresh copy of the defaults a first run has. */
export function defaultPersistedData(): PersistedData {
  return {
    settings: { ...DEFAULT_SETTINGS },
    operations: [],
    session: { mode: 'signed-out', email: null },
    pins: [],
    policies: [],
    autoSnapshots: [],
    history: [],
  };
}

/**
 * Persisted data in an object. Share one instance between two cores to simulate a restart.
 * `data` is the current content (deep copies go in and out, like a file).
 */
export class MemorySettingsPort implements SettingsPort {
  /** What is "on disk" now. */
  data: PersistedData;
  /** What read() reports as wrong with the file (null: nothing). */
  problem: CatalogMessage[] | null;
  /** Every patch written, in order (copies). */
  readonly writes: Partial<PersistedData>[] = [];

  constructor(initial?: Partial<PersistedData>, problem: CatalogMessage[] | null = null) {
    const base = defaultPersistedData();
    this.data = structuredClone({
      settings: { ...base.settings, ...(initial?.settings ?? {}) },
      operations: initial?.operations ?? base.operations,
      session: initial?.session ?? base.session,
      pins: initial?.pins ?? base.pins,
      policies: initial?.policies ?? base.policies,
      autoSnapshots: initial?.autoSnapshots ?? base.autoSnapshots,
      history: initial?.history ?? base.history,
    });
    this.problem = problem;
  }

  read(): { data: PersistedData; problem: CatalogMessage[] | null } {
    return { data: structuredClone(this.data), problem: this.problem };
  }

  write(patch: Partial<PersistedData>): void {
    const copy = structuredClone(patch);
    this.writes.push(copy);
    this.data = { ...this.data, ...copy };
  }
}

/** Records every notification instead of showing it. */
export class RecordingNotifier implements Notifier {
  /** Every notification shown, in order. */
  readonly shown: NotificationRequest[] = [];

  show(n: NotificationRequest): void {
    this.shown.push({ ...n });
  }
}

/** The longest delay Node's and Electron's timers honour. */
const NODE_TIMER_MAX_MS = 2 ** 31 - 1;

interface Timer {
  id: number;
  due: number;
  fn: () => void;
}

/** Lets pending promise callbacks (and already-finished I/O callbacks) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Time that moves only when told, with Node's timer rules (an over-long delay fires after 1 ms).
 * `advance(ms)` runs every timer that falls due, in due order
 * (ties in the order they were set), moving `now()` to each timer's due time first. When a timer
 * callback returns a promise (the core's poll ticks do, although the port's type says void), it is
 * awaited before the next timer runs, so a test sees the whole tick, real HTTP included.
 */
export class ManualScheduler implements Scheduler {
  private current: number;
  private timers: Timer[] = [];
  private nextId = 1;

  /** Starts at `start` ms since the epoch (default 2026-01-01T12:00:00Z). */
  constructor(start: number = Date.parse('2026-01-01T12:00:00Z')) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    // As Node and Electron do: a delay over 2^31-1 ms (or NaN) fires after 1 ms. Without this a
    // test would wait politely where the real app hammers the API.
    const delay = ms > NODE_TIMER_MAX_MS || Number.isNaN(ms) ? 1 : Math.max(0, ms);
    const timer: Timer = { id: this.nextId++, due: this.current + delay, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** How many timers are waiting. */
  pendingCount(): number {
    return this.timers.length;
  }

  /** Due times (ms from now) of the waiting timers, soonest first. */
  pendingDelays(): number[] {
    return this.timers.map((t) => t.due - this.current).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms);
    await settle();
    for (;;) {
      const due = this.timers.filter((t) => t.due <= target).sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.due);
      const result: unknown = due.fn();
      if (result instanceof Promise) await result.catch(() => undefined);
      await settle();
    }
    this.current = target;
    await settle();
  }

  /**
   * Moves time forward by `ms` without running a timer on the way (the machine slept: timers do not
   * count suspended time on every OS); timers then fall due on the next advance.
   */
  jump(ms: number): void {
    this.current += Math.max(0, ms);
  }

  /** Moves time to the next timer and runs it (and any due at the same moment); false if none. */
  async runNext(): Promise<boolean> {
    const next = this.timers.reduce<Timer | null>((a, t) => (a === null || t.due < a.due ? t : a), null);
    if (next === null) return false;
    await this.advance(next.due - this.current);
    return true;
  }
}

/**
 * A `startDemo` port that starts the real simulator in-process (loaded on first use), for the
 * browser preview and tests of demo mode. `options` go to startSimulator (default: demo seed,
 * speed 20, token `vps_demo_token`, a free port).
 */
export function simulatorDemo(options: SimulatorOptions = {}): () => Promise<DemoServer> {
  return async () => {
    const { startSimulator } = await import('../../src/simulator/index');
    const sim = await startSimulator({
      seed: 'demo',
      speed: 20,
      token: 'vps_demo_token',
      port: 0,
      ...options,
    });
    return { url: sim.url, token: sim.token, speed: options.speed ?? 20, stop: () => sim.stop() };
  };
}

/** A logger that keeps lines in memory as production writes them (`lines`, each prefixed with its level). */
export function createMemoryLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string) =>
    void lines.push(`${level} ${escapeControls(redactSecrets(message))}`);
  return { logger: { info: push('info'), warn: push('warn'), error: push('error') }, lines };
}

/** One published event, as recorded by createTestPorts. */
export type PublishedEvent = { [E in EventName]: { event: E; payload: EventMap[E] } }[EventName];

/** What createTestPorts can be given. */
export interface TestPortsOverrides {
  secrets?: MemorySecretStore;
  settings?: MemorySettingsPort;
  notifier?: RecordingNotifier;
  scheduler?: ManualScheduler;
  /** Replaces the default client factory (the real client with no retry waits). */
  createClient?: CorePorts['createClient'];
  /** Extra client options for the default factory (e.g. maxRetries). */
  clientOptions?: Partial<Omit<ClientOptions, 'baseUrl' | 'token'>>;
  startDemo?: () => Promise<DemoServer>;
  keychainProblem?: string | null;
}

/** Full CorePorts plus the handles a test inspects. */
export interface TestPorts {
  ports: CorePorts;
  secrets: MemorySecretStore;
  settings: MemorySettingsPort;
  notifier: RecordingNotifier;
  scheduler: ManualScheduler;
  /** Every event published, in order. */
  published: PublishedEvent[];
  /** Every HTTP request the default client factory's clients made (method and path). */
  requests: { method: string; path: string }[];
  /** Log lines (redacted). */
  logs: string[];
}

/**
 * Builds CorePorts from in-memory parts. The default client is the real VPS.org client with
 * retry waits removed (backoff sleeps resolve at once), the scheduler's clock, and every request
 * recorded in `requests`.
 * `startDemo` defaults to a function that rejects: pass one (e.g. starting the simulator) to use
 * demo mode.
 */
export function createTestPorts(overrides: TestPortsOverrides = {}): TestPorts {
  const secrets = overrides.secrets ?? new MemorySecretStore();
  const settings = overrides.settings ?? new MemorySettingsPort();
  const notifier = overrides.notifier ?? new RecordingNotifier();
  const scheduler = overrides.scheduler ?? new ManualScheduler();
  const published: PublishedEvent[] = [];
  const requests: { method: string; path: string }[] = [];
  const { logger, lines } = createMemoryLogger();
  const publish: Publish = (event, payload) => {
    published.push({ event, payload } as PublishedEvent);
  };
  const createClient =
    overrides.createClient ??
    ((options: Pick<ClientOptions, 'baseUrl' | 'token'>): VpsClient =>
      createVpsClient({
        sleep: async () => undefined,
        backoffMs: 1,
        // The test's clock, which the simulator's records are stamped with too.
        now: () => scheduler.now(),
        ...overrides.clientOptions,
        ...options,
        onRequest: (info) => {
          requests.push(info);
          overrides.clientOptions?.onRequest?.(info);
        },
      }));
  const startDemo =
    overrides.startDemo ??
    (() => Promise.reject(new Error('Demo mode is not available in these test ports.')));
  const ports: CorePorts = {
    secrets,
    settings,
    notifier,
    scheduler,
    publish,
    createClient,
    startDemo,
    logger,
    keychainProblem: overrides.keychainProblem ?? null,
  };
  return { ports, secrets, settings, notifier, scheduler, published, requests, logs: lines };
}
