/**
 * The simulator's state and rules. Time is never driven by timers: every read first brings the
 * records up to date from `now()` (snapshots finish, restores end), so a test that moves its clock
 * sees exactly the statuses that clock implies, and nothing runs between requests.
 */
import { checkDescription, checkSnapshotName } from '../shared/snapshot-name';
import { HttpProblem } from './problem';
import type { SeedData } from './seed';
import type { SimServer, SimSnapshot } from './types';

/** Documented snapshot duration, 3-10 minutes, in ms (before the speed factor). */
export const SNAPSHOT_MS = { min: 3 * 60_000, max: 10 * 60_000 } as const;
/** Documented restore duration, 5-15 minutes, in ms (before the speed factor). */
export const RESTORE_MS = { min: 5 * 60_000, max: 15 * 60_000 } as const;
/** Documented limit of snapshots per server (in-progress and failed ones count too). */
export const SNAPSHOT_LIMIT = 5;

/** How the store reads time and chance. */
export interface StoreOptions {
  speed: number;
  failureRate: number;
  now: () => number;
  random: () => number;
  /** How long a server shows `stopped` after a restore request before it shows `restoring` (ms, default 0). */
  restoreStopsFirstMs?: number;
}

/** A validated create request. */
export interface CreateInput {
  serverId: number | string;
  name: string;
  description: string;
}

/** The documented 200 answer to a restore. */
export interface RestoreAnswer {
  status: 'success';
  message: string;
  snapshot: { id: number; name: string; created_at: string };
  server: { id: number | string; name: string; status: string };
}

/** When an in-progress snapshot finishes and how. */
interface PendingSnapshot {
  doneAt: number;
  outcome: 'completed' | 'failed';
  sizeMb: number;
}

/** When a restore begins (after the server was stopped) and ends, and which status the server gets back. */
interface PendingRestore {
  beginAt: number;
  doneAt: number;
  former: string;
}

/** A request whose effect lands later than its answer (the late-effect fault). */
interface DeferredEffect {
  at: number;
  apply: () => void;
}

/** ISO-8601 UTC without milliseconds, as in the documentation (`2025-01-15T18:30:00Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function key(id: number | string): string {
  return String(id);
}

/** The simulator's records and the rules that change them. */
export class SimStore {
  private readonly servers: SimServer[];
  private readonly snapshots: SimSnapshot[];
  private readonly pendingSnapshots = new Map<number, PendingSnapshot>();
  private readonly pendingRestores = new Map<string, PendingRestore>();
  private deferred: DeferredEffect[] = [];
  /** The time a deferred effect is applied at (while it is), so its records carry that time. */
  private applyingAt: number | null = null;
  private nextId: number;

  constructor(
    seed: SeedData,
    private readonly options: StoreOptions,
  ) {
    this.servers = structuredClone(seed.servers);
    this.snapshots = [];
    this.nextId = seed.nextSnapshotId;
    // Seeded snapshots in progress get a finish time like new ones.
    for (const s of seed.snapshots) this.insertSnapshot(structuredClone(s));
  }

  /** The store's clock: the moment a deferred effect lands while it is applied, else now. */
  private now(): number {
    return this.applyingAt ?? this.options.now();
  }

  /**
   * Applies `apply` (a request's effect) `delayMs` from now instead of at once, as a back end behind
   * a gateway that already answered (or dropped the answer) would. Records it makes carry that time.
   */
  defer(delayMs: number, apply: () => void): void {
    this.deferred.push({ at: this.now() + Math.max(0, delayMs), apply });
  }

  /** Applies everything the clock says has happened by now. */
  refresh(): void {
    this.applyDeferred();
    const now = this.now();
    for (const [id, pending] of this.pendingSnapshots) {
      if (pending.doneAt > now) continue;
      const snap = this.snapshots.find((s) => s.id === id);
      if (snap !== undefined && snap.status === 'in_progress') {
        snap.status = pending.outcome;
        snap.size_mb = pending.outcome === 'completed' ? pending.sizeMb : null;
      }
      this.pendingSnapshots.delete(id);
    }
    for (const [serverKey, pending] of this.pendingRestores) {
      const server = this.findServer(serverKey);
      if (pending.doneAt > now) {
        if (pending.beginAt <= now && server?.status === 'stopped') {
          server.status = 'restoring';
          server.updated_at = isoSeconds(pending.beginAt);
        }
        continue;
      }
      if (server !== undefined && (server.status === 'restoring' || server.status === 'stopped')) {
        server.status = pending.former;
        server.updated_at = isoSeconds(pending.doneAt);
      }
      this.pendingRestores.delete(serverKey);
    }
  }

  /** Applies the deferred effects that are due, oldest first, each at its own time. */
  private applyDeferred(): void {
    if (this.applyingAt !== null) return;
    const now = this.options.now();
    for (;;) {
      const due = this.deferred.filter((d) => d.at <= now).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) return;
      this.deferred = this.deferred.filter((d) => d !== due);
      this.applyingAt = due.at;
      try {
        due.apply();
      } finally {
        this.applyingAt = null;
      }
    }
  }

  /** Servers in insertion order, optionally filtered by exact status and location. */
  listServers(filter: { status?: string; location?: string }): SimServer[] {
    this.refresh();
    return this.servers
      .filter((s) => filter.status === undefined || s.status === filter.status)
      .filter((s) => filter.location === undefined || s.location === filter.location)
      .map((s) => structuredClone(s));
  }

  /** One server by its id as written in the path; 404 when unknown. */
  getServer(id: string): SimServer {
    this.refresh();
    const server = this.findServer(id);
    if (server === undefined) throw new HttpProblem(404, 'Server not found.');
    return structuredClone(server);
  }

  /** Snapshots newest first, optionally of one server (ids compared as text). */
  listSnapshots(serverId?: string): SimSnapshot[] {
    this.refresh();
    return this.snapshots
      .filter((s) => serverId === undefined || key(s.server.id) === serverId)
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
      .map((s) => structuredClone(s));
  }

  /** Starts a snapshot: 400 for a bad name or at the limit, 404 for an unknown server. */
  createSnapshot(input: CreateInput): SimSnapshot {
    this.refresh();
    const nameProblem = checkSnapshotName(input.name);
    if (nameProblem === 'empty') throw new HttpProblem(400, 'The snapshot name may not be empty.');
    if (nameProblem === 'too_long') throw new HttpProblem(400, 'The snapshot name is too long.');
    if (nameProblem !== null) {
      throw new HttpProblem(
        400,
        'The snapshot name may only contain letters, digits, hyphens and underscores.',
      );
    }
    const descriptionProblem = checkDescription(input.description);
    if (descriptionProblem === 'too_long') throw new HttpProblem(400, 'The description is too long.');
    if (descriptionProblem !== null) {
      throw new HttpProblem(400, 'The description contains control characters.');
    }
    const server = this.findServer(key(input.serverId));
    if (server === undefined) throw new HttpProblem(404, 'Server not found.');
    const taken = this.snapshots.filter((s) => key(s.server.id) === key(server.id)).length;
    if (taken >= SNAPSHOT_LIMIT) {
      throw new HttpProblem(
        400,
        `Snapshot limit reached: a server can have at most ${SNAPSHOT_LIMIT} snapshots. Delete one first.`,
      );
    }
    const snap = this.insertSnapshot({
      server: { id: server.id, name: server.name },
      name: input.name,
      status: 'in_progress',
      size_mb: null,
      created_at: isoSeconds(this.now()),
      description: input.description,
    });
    return structuredClone(snap);
  }

  /** Starts a restore: 404 unknown snapshot; 400 unless completed and the server may be restored. */
  restoreSnapshot(id: string): RestoreAnswer {
    this.refresh();
    const snap = this.findSnapshot(id);
    if (snap === undefined) throw new HttpProblem(404, 'Snapshot not found.');
    if (snap.status !== 'completed') {
      throw new HttpProblem(400, `Only a completed snapshot can be restored (this one is ${snap.status}).`);
    }
    const server = this.findServer(key(snap.server.id));
    if (server === undefined) throw new HttpProblem(404, 'The server of this snapshot no longer exists.');
    if (
      server.status === 'restoring' ||
      server.status === 'suspended' ||
      this.pendingRestores.has(key(server.id))
    ) {
      const state =
        server.status === 'restoring' || server.status === 'suspended' ? server.status : 'being restored';
      throw new HttpProblem(400, `The server is ${state} and cannot be restored now.`);
    }
    const now = this.now();
    // The documentation: the server is stopped automatically before the restore begins.
    const beginAt = now + Math.max(0, this.options.restoreStopsFirstMs ?? 0);
    this.pendingRestores.set(key(server.id), {
      beginAt,
      doneAt: beginAt + this.duration(RESTORE_MS),
      former: server.status,
    });
    server.status = beginAt > now ? 'stopped' : 'restoring';
    server.updated_at = isoSeconds(now);
    return {
      status: 'success',
      message:
        'Snapshot restore initiated. The server will be stopped and restored; this takes 5-15 minutes.',
      snapshot: { id: snap.id, name: snap.name, created_at: snap.created_at },
      // As documented, whatever the server shows at this moment.
      server: { id: server.id, name: server.name, status: 'restoring' },
    };
  }

  /** Deletes a snapshot: 404 when unknown, 400 while it is still in progress. */
  deleteSnapshot(id: string): void {
    this.refresh();
    const snap = this.findSnapshot(id);
    if (snap === undefined) throw new HttpProblem(404, 'Snapshot not found.');
    if (snap.status === 'in_progress') {
      throw new HttpProblem(400, 'A snapshot that is still in progress cannot be deleted.');
    }
    this.snapshots.splice(this.snapshots.indexOf(snap), 1);
    this.pendingSnapshots.delete(snap.id);
  }

  /** Adds servers; an id already present is refused. */
  addServers(servers: SimServer[]): void {
    for (const s of servers) {
      if (this.findServer(key(s.id)) !== undefined) throw new Error(`Server ${key(s.id)} already exists`);
      this.servers.push(structuredClone(s));
    }
  }

  /** Adds snapshots with fresh ids (in-progress ones get a finish time). */
  addSnapshots(snapshots: Omit<SimSnapshot, 'id'>[]): void {
    for (const s of snapshots) this.insertSnapshot(structuredClone(s));
  }

  /** A deep copy of everything, brought up to date. */
  dump(): { servers: SimServer[]; snapshots: SimSnapshot[] } {
    this.refresh();
    return { servers: structuredClone(this.servers), snapshots: structuredClone(this.snapshots) };
  }

  private insertSnapshot(record: Omit<SimSnapshot, 'id'> & { id?: number }): SimSnapshot {
    const id = record.id ?? this.nextId++;
    if (record.id !== undefined && record.id >= this.nextId) this.nextId = record.id + 1;
    const snap: SimSnapshot = { ...record, id };
    this.snapshots.push(snap);
    if (snap.status === 'in_progress') {
      const doneAt = this.now() + this.duration(SNAPSHOT_MS);
      const outcome = this.options.random() < this.options.failureRate ? 'failed' : 'completed';
      this.pendingSnapshots.set(id, { doneAt, outcome, sizeMb: this.sizeFor(snap) });
    }
    return snap;
  }

  /** A plausible used-disk size: 5-35 % of the plan's storage. */
  private sizeFor(snap: SimSnapshot): number {
    const storageGb = this.findServer(key(snap.server.id))?.plan.storage ?? 40;
    return Math.max(1, Math.round(storageGb * 1024 * (0.05 + 0.3 * this.options.random())));
  }

  private duration(range: { min: number; max: number }): number {
    return (range.min + (range.max - range.min) * this.options.random()) / this.options.speed;
  }

  private findServer(id: string): SimServer | undefined {
    return this.servers.find((s) => key(s.id) === id);
  }

  private findSnapshot(id: string): SimSnapshot | undefined {
    return this.snapshots.find((s) => key(s.id) === id);
  }
}
