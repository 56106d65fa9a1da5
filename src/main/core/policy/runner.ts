/**
 * Runs the snapshot policies of the account in use: when a period is due, checks for a free slot,
 * creates the automatic snapshot, waits for it, then rotates. No Electron, no timers: the core
 * calls `tick()` (on a timer, after each poll, at start and on wake) and every clock is a port,
 * so tests drive it with a manual clock against the simulator.
 *
 * Safety, in order of the steps:
 * - One run per period: the period's stamp and the in-flight run are persisted in one write BEFORE
 *   the create request. After a crash the stamp covers the period and the run is resolved by name
 *   with the unclear-create rules (snapshotOfCreate; absent after UNCLEAR_CREATE_GRACE_MS: failed).
 * - The new snapshot is recorded as automatic as soon as its id is known, before anything else.
 * - Rotation runs only after the new snapshot is listed `completed` (planRotation refuses
 *   otherwise); pins are read again just before each delete.
 * - A failed create is tried once more (retryAt, same period), then reported; no rotation.
 */
import { sameId, type Id, type Snapshot } from '../../../shared/domain';
import { autoSnapshotName, type RunResult } from '../../../shared/policy';
import { snapshotOfCreate, writeOutcome } from '../../api/unclear-writes';
import type { VpsClient } from '../../api/types';
import { UNCLEAR_CREATE_GRACE_MS } from '../operations';
import type { Logger } from '../ports';
import { isEntryOf, type InFlightRun, type PolicyData, type PolicyEntry } from './policy-data';
import { planCreate, planRotation, pruneRecords, type ServerSnapshots } from './rotation';
import { nextRun, retryAt, stampRun, type RunStamp } from './schedule';

/** A run that ended, for notifications and logs. */
export interface RunReport {
  scope: string;
  serverId: Id;
  serverName: string;
  result: RunResult;
  /** The entry's notification mode (failures and skips always notify). */
  notify: PolicyEntry['policy']['notify'];
}

/** What the runner needs from the app. */
export interface RunnerPorts {
  /** Real time in ms: request stamps and the unclear-create grace (VPS.org's clock runs in it). */
  now(): number;
  /** The schedules' time in ms: `now` in production, faster in demo mode (the simulator's speed). */
  scheduleNow(): number;
  /** The computer's IANA time zone now (read every time: it can change). */
  zone(): string;
  /** The API client of the account in use, or null when signed out. */
  client(): VpsClient | null;
  /** The account scope in use, or null when signed out. */
  scope(): string | null;
  /** The persisted data, as last saved. */
  load(): PolicyData;
  /** Persists the data (synchronously: it must be on disk before the next request). */
  save(data: PolicyData): void;
  /** Pinned snapshot ids of a scope, read fresh. */
  pinnedIds(scope: string): readonly Id[];
  /** The name of a server of the account in use, or null when the app does not list it. */
  serverName(serverId: Id): string | null;
  /** The naming template of the settings. */
  nameTemplate(): string;
  /** True while a manual create or restore of this server is on its way (the runner waits). */
  isBusy(serverId: Id): boolean;
  /** A run ended (succeeded, failed or skipped). */
  report(report: RunReport): void;
  logger: Logger;
}

/** Runs the due policies; one `tick` at a time. */
export class PolicyRunner {
  private running: Promise<void> | null = null;

  constructor(private readonly ports: RunnerPorts) {}

  /** Advances every policy of the account in use; a call while one runs waits for that one. */
  tick(): Promise<void> {
    this.running ??= this.tickOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * The earliest schedule-clock instant at which a tick has work (a slot or a retry), or null.
   * Runs waiting on VPS.org are advanced by the ticks after each poll.
   */
  nextWake(): number | null {
    const scope = this.ports.scope();
    if (scope === null) return null;
    let zone: string;
    try {
      zone = this.ports.zone();
    } catch {
      return null;
    }
    const now = this.ports.scheduleNow();
    let wake: number | null = null;
    for (const entry of this.ports.load().entries) {
      if (entry.scope !== scope) continue;
      const at =
        entry.run?.retryAt ?? nextRun(entry.policy.schedule, zone, entry.schedule, now)?.period.start;
      if (at !== undefined && at !== null && (wake === null || at < wake)) wake = at;
    }
    return wake;
  }

  /** True when a run of the account in use waits on VPS.org (its snapshot, or an unclear create). */
  following(): boolean {
    const scope = this.ports.scope();
    return this.ports
      .load()
      .entries.some((e) => e.scope === scope && e.run !== null && e.run.retryAt === null);
  }

  private async tickOnce(): Promise<void> {
    const scope = this.ports.scope();
    if (scope === null || this.ports.client() === null) return;
    const keys = this.ports
      .load()
      .entries.filter((e) => e.scope === scope)
      .map((e) => e.serverId);
    for (const serverId of keys) {
      try {
        await this.step(scope, serverId);
      } catch (error) {
        // One server's trouble never stops another's run; the next tick tries again.
        this.ports.logger.warn(
          `policy: server ${String(serverId)}: ${error instanceof Error ? error.message : 'unknown error'}`,
        );
      }
    }
  }

  /** The entry as stored now (every step reads it fresh: a save may have happened meanwhile). */
  private entry(scope: string, serverId: Id): PolicyEntry | null {
    return this.ports.load().entries.find((e) => isEntryOf(e, scope, serverId)) ?? null;
  }

  /** Saves a changed entry (and, when given, the records) in one write. */
  private put(entry: PolicyEntry, records?: PolicyData['records']): void {
    const data = this.ports.load();
    this.ports.save({
      entries: data.entries.map((e) => (isEntryOf(e, entry.scope, entry.serverId) ? entry : e)),
      records: records ?? data.records,
    });
  }

  private async step(scope: string, serverId: Id): Promise<void> {
    const entry = this.entry(scope, serverId);
    if (entry === null) return;
    if (entry.run !== null) return this.advance(entry, entry.run);
    const next = nextRun(entry.policy.schedule, this.ports.zone(), entry.schedule, this.ports.scheduleNow());
    if (next === null || !next.due || this.ports.isBusy(serverId)) return;
    const stamp = stampRun(next, this.ports.scheduleNow());
    // A server the app does not list (not loaded yet, or gone) waits: nothing is stamped.
    const serverName = this.ports.serverName(serverId);
    if (serverName === null) return;
    const list = await this.list(entry);
    const plan = planCreate(this.input(entry, list), entry.policy.makeRoom);
    if (plan.action === 'skip') {
      this.finish({ ...entry, schedule: { ...entry.schedule, lastRun: stamp } }, stamp.period.key, {
        outcome: 'skipped',
        code: 'no-free-slot',
      });
      return;
    }
    let current = list;
    const removed: string[] = [];
    if (plan.action === 'make-room') {
      // The user allowed it; pins are read again right before the delete.
      const gone = await this.remove(entry, [plan.remove]);
      removed.push(...gone);
      current = gone.length === 1 ? await this.list(entry) : current;
      if (gone.length !== 1 || planCreate(this.input(entry, current), false).action !== 'create') {
        this.finish({ ...entry, schedule: { ...entry.schedule, lastRun: stamp } }, stamp.period.key, {
          outcome: 'failed',
          code: 'make-room-failed',
          removed,
        });
        return;
      }
    }
    await this.create(entry, stamp, 1, current, serverName);
  }

  /** The server's complete snapshot list, fresh from VPS.org; prunes records of snapshots gone. */
  private async list(entry: PolicyEntry): Promise<Snapshot[]> {
    const client = this.ports.client();
    if (client === null) throw new Error('signed out');
    const list = await client.listSnapshots(entry.serverId);
    const data = this.ports.load();
    const records = pruneRecords(data.records, entry.scope, entry.serverId, list);
    if (records.length !== data.records.length) this.ports.save({ ...data, records });
    return list;
  }

  private input(entry: PolicyEntry, snapshots: readonly Snapshot[]): ServerSnapshots {
    return {
      scope: entry.scope,
      serverId: entry.serverId,
      snapshots,
      records: this.ports.load().records,
      pinnedIds: this.ports.pinnedIds(entry.scope),
    };
  }

  /**
   * Sends a scheduled create: the run (and for attempt 1 the period's stamp) is saved first, so a
   * crash during the request never starts the period again.
   */
  private async create(
    entry: PolicyEntry,
    stamp: RunStamp,
    attempt: 1 | 2,
    list: readonly Snapshot[],
    serverName: string,
  ): Promise<void> {
    const name = autoSnapshotName(
      this.ports.nameTemplate(),
      { server: { name: serverName, id: entry.serverId }, at: new Date(this.ports.scheduleNow()) },
      list.map((s) => s.name),
    );
    const run: InFlightRun = {
      periodKey: stamp.period.key,
      name,
      attempt,
      requestedAt: this.ports.now(),
      knownSnapshotIds: list.map((s) => s.id),
      snapshotId: null,
      retryAt: null,
    };
    const started: PolicyEntry = { ...entry, schedule: { ...entry.schedule, lastRun: stamp }, run };
    this.put(started);
    const client = this.ports.client();
    if (client === null) return;
    let snapshot: Snapshot;
    try {
      snapshot = await client.createSnapshot({
        serverId: entry.serverId,
        name,
        knownSnapshotIds: run.knownSnapshotIds,
      });
    } catch (error) {
      if (writeOutcome(error) === 'refused') return this.failed(started, run, 'create-refused');
      // It may have happened: the next ticks look for it by name (see advance).
      this.ports.logger.warn(`policy: server ${String(entry.serverId)}: create unclear, watching by name`);
      return;
    }
    this.recordMade(started, run, snapshot.id);
  }

  /** Records the new snapshot as automatic and its id in the run, in one write. */
  private recordMade(entry: PolicyEntry, run: InFlightRun, snapshotId: Id): PolicyEntry {
    const data = this.ports.load();
    const record = { scope: entry.scope, serverId: entry.serverId, snapshotId, name: run.name };
    const updated: PolicyEntry = { ...entry, run: { ...run, snapshotId } };
    this.put(updated, [...data.records.filter((r) => !sameId(r.snapshotId, snapshotId)), record]);
    this.ports.logger.info(
      `policy: server ${String(entry.serverId)}: snapshot ${String(snapshotId)} started`,
    );
    return updated;
  }

  /** Follows a run in flight: a retry that is due, an unclear create, the snapshot's progress. */
  private async advance(entry: PolicyEntry, run: InFlightRun): Promise<void> {
    const stamp = entry.schedule.lastRun;
    if (run.retryAt !== null) {
      if (this.ports.scheduleNow() < run.retryAt || this.ports.isBusy(entry.serverId) || stamp === null)
        return;
      const serverName = this.ports.serverName(entry.serverId);
      if (serverName === null) return;
      return this.create(entry, stamp, 2, await this.list(entry), serverName);
    }
    const list = await this.list(entry);
    let current = entry;
    let snapshotId = run.snapshotId;
    if (snapshotId === null) {
      const found = snapshotOfCreate(list, {
        serverId: entry.serverId,
        name: run.name,
        requestedAt: run.requestedAt,
        knownSnapshotIds: run.knownSnapshotIds,
      });
      if (found === null) {
        if (this.ports.now() - run.requestedAt >= UNCLEAR_CREATE_GRACE_MS) {
          return this.failed(entry, run, 'create-not-listed');
        }
        return;
      }
      current = this.recordMade(entry, run, found.id);
      snapshotId = found.id;
    }
    const snapshot = list.find((s) => sameId(s.id, snapshotId));
    if (snapshot === undefined) return this.failed(current, run, 'snapshot-vanished');
    if (snapshot.status === 'failed') return this.failed(current, run, 'snapshot-failed');
    if (snapshot.status !== 'completed') return;
    await this.rotate(current, run, snapshot, list);
  }

  /** After the new snapshot completed: deletes what rotation allows, then ends the run. */
  private async rotate(
    entry: PolicyEntry,
    run: InFlightRun,
    made: Snapshot,
    list: readonly Snapshot[],
  ): Promise<void> {
    const plan = planRotation(this.input(entry, list), entry.policy.keep, made.id);
    const removed = await this.remove(entry, plan.remove);
    const complete = removed.length === plan.remove.length;
    this.finish(entry, run.periodKey, {
      outcome: complete ? 'succeeded' : 'failed',
      code: complete ? 'created' : 'rotation-incomplete',
      snapshotName: made.name,
      removed,
    });
  }

  /**
   * Deletes snapshots one at a time, each only if still unpinned right before its request;
   * returns the names deleted. Stops at the first failure (the next run plans afresh).
   */
  private async remove(
    entry: PolicyEntry,
    targets: readonly Pick<Snapshot, 'id' | 'name'>[],
  ): Promise<string[]> {
    const client = this.ports.client();
    const removed: string[] = [];
    for (const target of targets) {
      if (client === null || this.ports.pinnedIds(entry.scope).some((id) => sameId(id, target.id))) break;
      try {
        await client.deleteSnapshot(target.id);
      } catch (error) {
        this.ports.logger.warn(
          `policy: server ${String(entry.serverId)}: delete of ${String(target.id)} failed: ${error instanceof Error ? error.message : 'unknown'}`,
        );
        break;
      }
      removed.push(target.name);
      const data = this.ports.load();
      this.ports.save({ ...data, records: data.records.filter((r) => !sameId(r.snapshotId, target.id)) });
    }
    return removed;
  }

  /** A create that failed: tried once more in the same period if there is time, else reported. */
  private failed(entry: PolicyEntry, run: InFlightRun, code: RunResult['code']): void {
    const stamp = entry.schedule.lastRun;
    const retry =
      run.attempt === 1 && stamp !== null
        ? retryAt(entry.policy.schedule, this.ports.zone(), stamp, this.ports.scheduleNow())
        : null;
    if (retry !== null) {
      this.ports.logger.warn(`policy: server ${String(entry.serverId)}: ${code}; trying once more`);
      this.put({ ...entry, run: { ...run, retryAt: retry } });
      return;
    }
    this.finish(entry, run.periodKey, { outcome: 'failed', code, snapshotName: run.name });
  }

  /** Ends a run: clears the run in flight, keeps its result, and reports it. */
  private finish(
    entry: PolicyEntry,
    periodKey: string,
    result: Pick<RunResult, 'outcome' | 'code'> & Partial<Pick<RunResult, 'snapshotName' | 'removed'>>,
  ): void {
    const lastResult: RunResult = {
      at: this.ports.scheduleNow(),
      periodKey,
      snapshotName: null,
      removed: [],
      ...result,
    };
    this.put({ ...entry, run: null, lastResult });
    this.ports.logger.info(
      `policy: server ${String(entry.serverId)}: ${periodKey} ${lastResult.outcome} (${lastResult.code})`,
    );
    this.ports.report({
      scope: entry.scope,
      serverId: entry.serverId,
      serverName: this.ports.serverName(entry.serverId) ?? String(entry.serverId),
      result: lastResult,
      notify: entry.policy.notify,
    });
  }
}
