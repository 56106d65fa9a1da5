/**
 * Tracked operations as plain data: how a poll's observations finish them, how many finished ones
 * are kept, and their ids. The core persists the list after every change and notifies from the
 * `finished` list this returns, so each operation is finished (and announced) exactly once.
 */
import {
  sameId,
  type Id,
  type Operation,
  type OperationOutcome,
  type Server,
  type Snapshot,
} from '../../shared/domain';

/** Finished operations kept for the views until dismissed (running ones are always kept). */
export const FINISHED_KEEP = 20;

/** What one poll saw. `servers` holds what getServer answered, or 'missing' after a 404. */
export interface Observation {
  /** Every snapshot of the account, or null when this poll did not list them. */
  snapshots: readonly Snapshot[] | null;
  servers: ReadonlyMap<string, Server | 'missing'>;
  /** ISO time of the observation (the finish time of what it ends). */
  at: string;
  /**
   * True when the snapshot list may be used to conclude that a create's snapshot is gone (the list
   * was requested after the operation started). Others wait for the next list.
   */
  canConcludeMissing: (op: Operation) => boolean;
}

/** The result of applying an observation. */
export interface Applied {
  operations: Operation[];
  /** Operations this observation finished (in list order). */
  finished: Operation[];
  /** True when any operation changed (finished, or an uncertain one was confirmed). */
  changed: boolean;
}

/** The operation ended: its outcome as data, worded by each view in the user's language. */
function finish(
  op: Operation,
  status: 'succeeded' | 'failed',
  at: string,
  outcome: OperationOutcome,
): Operation {
  return { ...op, status, finishedAt: at, outcome, message: null };
}

function snapshotOfOperation(op: Operation, snapshots: readonly Snapshot[]): Snapshot | undefined {
  if (op.snapshotId !== null) {
    const id = op.snapshotId;
    return snapshots.find((s) => sameId(s.id, id));
  }
  return snapshots.find((s) => s.name === op.snapshotName && sameId(s.serverId, op.serverId));
}

/** The outcome of a create, from what the snapshot list says, or null while still running. */
function observeCreate(op: Operation, obs: Observation): Operation | null {
  if (obs.snapshots === null) return null;
  const snapshot = snapshotOfOperation(op, obs.snapshots);
  if (snapshot === undefined) {
    if (!obs.canConcludeMissing(op)) return null;
    if (op.uncertain === true) return finish(op, 'failed', obs.at, { type: 'notApplied' });
    return finish(op, 'failed', obs.at, { type: 'snapshotGone' });
  }
  if (snapshot.status === 'in_progress') return null;
  if (snapshot.status === 'completed')
    return finish(op, 'succeeded', obs.at, { type: 'created', sizeMb: snapshot.sizeMb });
  return finish(op, 'failed', obs.at, { type: 'snapshotFailed', status: snapshot.status });
}

/** The outcome of a restore, from the server's status, or null while still restoring. */
function observeRestore(op: Operation, obs: Observation): Operation | null {
  const seen = obs.servers.get(String(op.serverId));
  if (seen === undefined) return null;
  if (seen === 'missing') return finish(op, 'failed', obs.at, { type: 'serverGone' });
  if (seen.status === 'restoring') return null;
  if (op.uncertain === true) {
    // Never seen restoring: it may never have started, or it ran and ended between two looks.
    return finish(op, 'failed', obs.at, { type: 'restoreUnconfirmed', serverStatus: seen.status });
  }
  return finish(op, 'succeeded', obs.at, {
    type: 'restored',
    serverStatus: seen.status,
    previousStatus: op.previousServerStatus ?? null,
  });
}

/** Applies one poll's observations to the tracked operations. */
export function applyObservation(
  operations: readonly Operation[],
  obs: Observation,
  applies: (op: Operation) => boolean = () => true,
): Applied {
  const finished: Operation[] = [];
  let changed = false;
  const next = operations.map((op) => {
    if (op.status !== 'running' || !applies(op)) return op;
    const done = op.kind === 'create' ? observeCreate(op, obs) : observeRestore(op, obs);
    if (done === null) {
      const confirmed = confirmUncertain(op, obs);
      if (confirmed !== op) changed = true;
      return confirmed;
    }
    finished.push(done);
    changed = true;
    return done;
  });
  return { operations: changed ? next : [...operations], finished, changed };
}

/**
 * A running operation whose start was uncertain, once VPS.org shows it (the snapshot listed, the
 * server restoring): no longer uncertain, and a create learns its snapshot's id.
 */
function confirmUncertain(op: Operation, obs: Observation): Operation {
  if (op.uncertain !== true) return op;
  if (op.kind === 'create') {
    const snapshot = obs.snapshots === null ? undefined : snapshotOfOperation(op, obs.snapshots);
    if (snapshot === undefined) return op;
    return { ...op, uncertain: false, snapshotId: snapshot.id };
  }
  const seen = obs.servers.get(String(op.serverId));
  if (seen === undefined || seen === 'missing' || seen.status !== 'restoring') return op;
  return { ...op, uncertain: false };
}

/** Keeps every running operation and the newest FINISHED_KEEP finished ones, in list order. */
export function trimOperations(operations: readonly Operation[], keep = FINISHED_KEEP): Operation[] {
  const finished = operations
    .filter((op) => op.status !== 'running')
    .sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''));
  const kept = new Set(finished.slice(0, keep).map((op) => op.id));
  return operations.filter((op) => op.status === 'running' || kept.has(op.id));
}

/** Operations as the views show them: running (newest first), then finished (newest first). */
export function orderForView(operations: readonly Operation[]): Operation[] {
  const running = operations
    .filter((op) => op.status === 'running')
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const finished = operations
    .filter((op) => op.status !== 'running')
    .sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''));
  return [...running, ...finished];
}

/** True when any operation still runs. */
export function anyRunning(operations: readonly Operation[]): boolean {
  return operations.some((op) => op.status === 'running');
}

/** Server ids with a running restore (each once, as strings). */
export function restoringServerIds(operations: readonly Operation[]): Id[] {
  const ids = new Map<string, Id>();
  for (const op of operations) {
    if (op.kind === 'restore' && op.status === 'running') ids.set(String(op.serverId), op.serverId);
  }
  return [...ids.values()];
}

/** A local operation id, unique among `existing`, matching the IPC id pattern. */
export function newOperationId(
  now: number,
  existing: readonly Operation[],
  random: () => number = Math.random,
): string {
  const taken = new Set(existing.map((op) => op.id));
  for (;;) {
    const id = `op-${now.toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`;
    if (!taken.has(id)) return id;
  }
}
