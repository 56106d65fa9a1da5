/**
 * The simulator's programmatic surface: how tests, demo mode and the browser preview start a
 * local VPS.org API, control its time and faults, and read its truth.
 */

/** Which data the simulator starts with. */
export type SeedName = 'demo' | 'empty';

/** Faults injected per request, each a share between 0 and 1 unless stated. */
export interface FaultConfig {
  /** Added latency in ms for every request. */
  latencyMs?: number;
  /** Share of requests answered 500, 502 or 503. */
  serverError?: number;
  /** Share answered 429 with Retry-After (seconds). */
  rateLimit?: number;
  /** Retry-After value sent with a 429, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Send Retry-After as an HTTP date instead of seconds. */
  retryAfterAsDate?: boolean;
  /** Share of connections dropped without an answer. */
  drop?: number;
  /** Share of connections dropped after the request took effect (for create: the snapshot exists). */
  dropAfterEffect?: number;
  /**
   * Share of writes (not reads) whose effect lands `lateEffectMs` after the request, while the
   * answer is lost, a 504, or an unreadable 2xx (`lateEffectAnswer`; default: lost or 504 at random).
   */
  lateEffect?: number;
  /** How long after the request a late effect lands, in ms (default 8 000). */
  lateEffectMs?: number;
  /** The answer a late-effect request gets: `drop`, `gatewayTimeout` (504) or `garbled2xx`. */
  lateEffectAnswer?: 'drop' | 'gatewayTimeout' | 'garbled2xx';
  /** Share answered 200 with a malformed JSON body. */
  malformed?: number;
  /** Share whose body is sent slowly, stalling for `slowBodyMs` mid-body. */
  slowBody?: number;
  /** How long a slow body stalls, in ms (default 30 000). */
  slowBodyMs?: number;
  /** Only inject on requests whose method and path match (e.g. `POST /snapshots/`). */
  only?: string;
}

/** Options for starting a simulator. */
export interface SimulatorOptions {
  /** 0 picks a free port. Binds to 127.0.0.1 only. */
  port?: number;
  /** The bearer token it accepts (default `vps_demo_token`). */
  token?: string;
  /** Divides the documented durations (default 1): 20 makes a 3-10 min snapshot take 9-30 s. */
  speed?: number;
  seed?: SeedName;
  /** Share of snapshots that end `failed` (default 0). */
  failureRate?: number;
  faults?: FaultConfig;
  /** Clock in ms since epoch; tests pass a controllable one. */
  now?: () => number;
  /** Random source in [0, 1); tests pass a seeded one for repeatable runs. */
  random?: () => number;
  /**
   * How long a server shows `stopped` after a restore request before it shows `restoring`, in ms
   * (default 0: `restoring` at once). The documentation says the server is stopped first.
   */
  restoreStopsFirstMs?: number;
  /**
   * Leaves out `GET /servers/{id}/`, which the documentation does not publish: every such request
   * gets 404 like an unknown path.
   */
  noServerRead?: boolean;
}

/** A server record as the simulator stores it (the wire shape). */
export interface SimServer {
  id: number | string;
  name: string;
  hostname: string;
  status: string;
  ip_address: string;
  location: string;
  plan: { id: number; name: string; vcpus: number; memory: number; storage: number };
  os: { id: number; name: string };
  created_at: string;
  updated_at: string;
}

/** A snapshot record as the simulator stores it, with its private timing. */
export interface SimSnapshot {
  id: number;
  server: { id: number | string; name: string };
  name: string;
  status: string;
  size_mb: number | null;
  created_at: string;
  description: string;
}

/** A running simulator. */
export interface SimulatorHandle {
  /** Base URL, e.g. `http://127.0.0.1:8787/api/v1/`. */
  url: string;
  port: number;
  token: string;
  /** Replaces the fault configuration (an empty object turns faults off). */
  setFaults(faults: FaultConfig): void;
  /** The current truth, with statuses brought up to date: a deep copy. */
  snapshot(): { servers: SimServer[]; snapshots: SimSnapshot[] };
  /** Adds servers and snapshots directly (for scale tests and benchmarks). */
  addServers(servers: SimServer[]): void;
  addSnapshots(snapshots: Omit<SimSnapshot, 'id'>[]): void;
  /** Requests answered so far, by `METHOD /path/` (query stripped, ids replaced by `{id}`). */
  requestCounts(): Record<string, number>;
  resetRequestCounts(): void;
  /** Stops listening and closes open connections. */
  stop(): Promise<void>;
}
