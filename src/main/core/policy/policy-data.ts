/**
 * What the core keeps for each server's policy between runs (plain JSON, in the settings file):
 * the policy, its schedule state, the run in flight and the last result. A run is written here
 * BEFORE its create request is sent, so a crash never starts a period twice (see runner.ts).
 */
import type { Id } from '../../../shared/domain';
import type { RunResult, SnapshotPolicy } from '../../../shared/policy';
import type { AutoSnapshotRecord } from './rotation';
import type { ScheduleState } from './schedule';

/** A scheduled create in flight (persisted before each POST, attempt 1 and the retry alike). */
export interface InFlightRun {
  /** The period it belongs to (its key and slot). */
  periodKey: string;
  /** The name the app gave the snapshot (the unclear-create rules find it by this). */
  name: string;
  /** 1 for the first create, 2 for the single retry. */
  attempt: 1 | 2;
  /** When the create was sent, real time in ms (compared with VPS.org's `created_at`). */
  requestedAt: number;
  /** The server's snapshot ids before the request: none of them is the new one. */
  knownSnapshotIds: Id[];
  /** The new snapshot's id once known, else null (answer lost: resolved by name). */
  snapshotId: Id | null;
  /** Set after a failed first attempt: the schedule-clock instant of the retry. */
  retryAt: number | null;
}

/** One server's policy in one account scope, with everything its runs need. */
export interface PolicyEntry {
  /** The account scope (CoreContext.markScope), compared exactly. */
  scope: string;
  serverId: Id;
  policy: SnapshotPolicy;
  schedule: ScheduleState;
  run: InFlightRun | null;
  lastResult: RunResult | null;
}

/** Everything the runner persists. */
export interface PolicyData {
  entries: PolicyEntry[];
  /** The app's records of the automatic snapshots it made: the only proof a snapshot is automatic. */
  records: AutoSnapshotRecord[];
}

/** True when the entry is this scope's entry for this server. */
export function isEntryOf(entry: PolicyEntry, scope: string, serverId: Id): boolean {
  return entry.scope === scope && String(entry.serverId) === String(serverId);
}
