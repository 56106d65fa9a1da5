/**
 * A policy runner against the real simulator over real HTTP, with one manual clock for both and
 * an in-memory "disk" that a crash keeps (a new runner over the same disk is a restart). Used by
 * the runner tests and the policy soak. (Not a test file itself.)
 */
import { createVpsClient } from '../../src/main/api/client';
import type { VpsClient } from '../../src/main/api/types';
import type { PolicyData, PolicyEntry } from '../../src/main/core/policy/policy-data';
import { PolicyRunner, type RunReport, type RunnerPorts } from '../../src/main/core/policy/runner';
import type { AutoSnapshotRecord } from '../../src/main/core/policy/rotation';
import type { Id } from '../../src/shared/domain';
import { DEFAULT_POLICY, type SnapshotPolicy } from '../../src/shared/policy';
import { DEFAULT_NAME_TEMPLATE } from '../../src/shared/snapshot-name';
import { startSimulator } from '../../src/simulator/index';
import type { SimServer, SimSnapshot, SimulatorHandle, SimulatorOptions } from '../../src/simulator/types';
import { seededRandom } from './seeded-random';

/** The account scope of the world's runner. */
export const WORLD_SCOPE = '["http://sim","ada@example.com"]';
const TOKEN = 'vps_policy_world_token_0123456789';

/** A server record for the simulator. */
export function simServer(id: number, name: string): SimServer {
  return {
    id,
    name,
    hostname: `${name}.example.com`,
    status: 'running',
    ip_address: '203.0.113.9',
    location: 'us-west',
    plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80 },
    os: { id: 5, name: 'Ubuntu 22.04 LTS' },
    created_at: '2025-01-10T14:30:00Z',
    updated_at: '2025-01-10T14:30:00Z',
  };
}

/** Options of a world. */
export interface WorldOptions {
  start: string;
  zone?: string;
  servers?: { id: number; name: string }[];
  simulator?: Omit<SimulatorOptions, 'now' | 'token' | 'seed'>;
  nameTemplate?: string;
}

/** A runner, its simulator, its clock and its disk. */
export class PolicyWorld {
  now: number;
  zone: string;
  /** What is on "disk": survives a crash. */
  disk: PolicyData = { entries: [], records: [] };
  pins: Id[] = [];
  reports: RunReport[] = [];
  busy = new Set<string>();
  runner: PolicyRunner;
  client: VpsClient;
  /** Called after each save (a test may throw here to crash right after a write). */
  afterSave: ((data: PolicyData) => void) | null = null;

  private constructor(
    readonly sim: SimulatorHandle,
    private readonly options: WorldOptions,
  ) {
    this.now = Date.parse(options.start);
    this.zone = options.zone ?? 'UTC';
    this.client = this.makeClient();
    this.runner = new PolicyRunner(this.ports());
  }

  /** Starts a simulator (empty seed plus the given servers) and a runner. */
  static async create(options: WorldOptions): Promise<PolicyWorld> {
    let world: PolicyWorld | null = null;
    const sim = await startSimulator({
      seed: 'empty',
      random: seededRandom(7),
      ...options.simulator,
      token: TOKEN,
      now: () => world?.now ?? Date.parse(options.start),
    });
    sim.addServers((options.servers ?? [{ id: 1, name: 'web-01' }]).map((s) => simServer(s.id, s.name)));
    world = new PolicyWorld(sim, options);
    return world;
  }

  private makeClient(): VpsClient {
    return createVpsClient({
      baseUrl: this.sim.url,
      token: TOKEN,
      now: () => this.now,
      sleep: async () => undefined,
      backoffMs: 1,
      maxRetries: 1,
    });
  }

  private ports(): RunnerPorts {
    return {
      now: () => this.now,
      scheduleNow: () => this.now,
      zone: () => this.zone,
      client: () => this.client,
      scope: () => WORLD_SCOPE,
      load: () => structuredClone(this.disk),
      save: (data) => {
        this.disk = structuredClone(data);
        this.afterSave?.(this.disk);
      },
      pinnedIds: () => [...this.pins],
      serverName: (id) => this.sim.snapshot().servers.find((s) => String(s.id) === String(id))?.name ?? null,
      nameTemplate: () => this.options.nameTemplate ?? DEFAULT_NAME_TEMPLATE,
      isBusy: (id) => this.busy.has(String(id)),
      report: (r) => this.reports.push(r),
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    };
  }

  /** A crash and restart: a new runner over what is on disk (memory is lost). */
  restart(): void {
    this.runner = new PolicyRunner(this.ports());
  }

  /** Sets a server's policy as the core does: a new schedule starts `since` now. */
  setPolicy(serverId: number, policy: Partial<SnapshotPolicy>): void {
    const full = { ...DEFAULT_POLICY, ...policy };
    const existing = this.entry(serverId);
    const sameSchedule =
      existing !== undefined && JSON.stringify(existing.policy.schedule) === JSON.stringify(full.schedule);
    const entry: PolicyEntry = {
      scope: WORLD_SCOPE,
      serverId,
      policy: full,
      schedule: sameSchedule
        ? existing.schedule
        : { since: this.now, lastRun: existing?.schedule.lastRun ?? null },
      run: existing?.run ?? null,
      lastResult: existing?.lastResult ?? null,
    };
    this.disk = {
      ...this.disk,
      entries: [...this.disk.entries.filter((e) => String(e.serverId) !== String(serverId)), entry],
    };
  }

  entry(serverId: number): PolicyEntry | undefined {
    return this.disk.entries.find((e) => String(e.serverId) === String(serverId));
  }

  /** Adds snapshots made by someone else (manual ones). */
  addManual(serverId: number, name: string, createdAt: string, status = 'completed'): SimSnapshot {
    const server = this.sim.snapshot().servers.find((s) => String(s.id) === String(serverId));
    if (server === undefined) throw new Error(`no server ${serverId}`);
    this.sim.addSnapshots([
      {
        server: { id: server.id, name: server.name },
        name,
        status,
        size_mb: 100,
        created_at: createdAt,
        description: '',
      },
    ]);
    const made = this.snapshots(serverId).find((s) => s.name === name);
    if (made === undefined) throw new Error('snapshot not added');
    return made;
  }

  /** The server's snapshots as the simulator holds them now. */
  snapshots(serverId: number): SimSnapshot[] {
    return this.sim.snapshot().snapshots.filter((s) => String(s.server.id) === String(serverId));
  }

  /** Snapshots the runner recorded as automatic (and the simulator still lists). */
  automatic(serverId: number): SimSnapshot[] {
    const mine = (r: AutoSnapshotRecord) => String(r.serverId) === String(serverId);
    const ids = new Set(this.disk.records.filter(mine).map((r) => String(r.snapshotId)));
    return this.snapshots(serverId).filter((s) => ids.has(String(s.id)));
  }

  /** Moves the clock by `ms` in steps of `stepMs`, ticking after each step (an awake app). */
  async run(ms: number, stepMs = 60_000): Promise<void> {
    const end = this.now + ms;
    while (this.now < end) {
      this.now = Math.min(end, this.now + stepMs);
      await this.runner.tick();
    }
  }

  /** Moves the clock without ticking (the machine sleeps or the app is off). */
  sleep(ms: number): void {
    this.now += ms;
  }

  async stop(): Promise<void> {
    await this.sim.stop();
  }
}
