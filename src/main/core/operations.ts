/**
 * Tracked operations as plain data: how a poll's observations finish them, how many finished ones
 * are kept, and their ids. The core persists the list after every change and notifies from the
 * `finished` list this returns, so each operation is finished (and announced) exactly once.
 */
import {
  RESTORE_MINUTES,
  sameId,
  type Id,
  type Operation,
  type Server,
  type Snapshot,
} from '../../shared/domain';
import { snapshotOfCreate, type CreateRequest } from '../api/unclear-writes';
import { formatSizeMb } from './format';

/** Finished operations kept for the views until dismissed (running ones are always kept). */
export const FINISHED_KEEP = 20;

/**
 * How long a create whose start was unclear is watched for before it is reported as not made (and
 * the user told it is safe to try again). A request whose answer was lost can take effect late; a
 * gateway's 504 usually means "later", not "never". Snapshots are listed as soon as they start, so
 * five minutes of lists without it is a clear sign.
 */
export const UNCLEAR_CREATE_GRACE_MS = 5 * 60_000;

/**
 * How long a restore that VPS.org never showed `restoring` is watched: the documented 5-15 minutes
 * plus a margin. The server is stopped first, so `stopped` right after the request means nothing.
 */
export const RESTORE_CONFIRM_MS = (RESTORE_MINUTES.max + 5) * 60_000;

/**
 * What a poll saw of a server being restored: the server itself (its status known), `not-restoring`
 * (absent from a list of the servers that are restoring, so its status is unknown), or `missing`
 * (absent from the full server list).
 */
export type ServerSeen = Server | 'not-restoring' | 'missing';

/** What one poll saw. */
export interface Observation {
  /** Snapshots of the servers in `snapshotsOf`, or null when this poll did not list them. */
  snapshots: readonly Snapshot[] | null;
  /** Whose snapshots `snapshots` holds in full: every server, or these (ids as text). */
  snapshotsOf: 'all' | ReadonlySet<string>;
  /** Servers of running restores, by id as text. */
  servers: ReadonlyMap<string, ServerSeen>;
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
  /** True when any operation changed (finished, or VPS.org showed it for the first time). */
  changed: boolean;
}

function finish(op: Operation, status: 'succeeded' | 'failed', at: string, message: string): Operation {
  return { ...op, status, finishedAt: at, message };
}

/** Milliseconds from an operation's start to `at` (unreadable times count as long ago). */
function sinceStart(op: Operation, at: string): number {
  const ms = Date.parse(at) - Date.parse(op.startedAt);
  return Number.isFinite(ms) ? ms : Infinity;
}

function minutes(ms: number): number {
  return Math.round(ms / 60_000);
}

/** The create request an operation tracked by name stands for (see snapshotOfCreate). */
function createRequestOf(op: Operation): CreateRequest {
  const requestedAt = Date.parse(op.startedAt);
  return {
    serverId: op.serverId,
    name: op.snapshotName,
    requestedAt: Number.isFinite(requestedAt) ? requestedAt : -Infinity,
    knownSnapshotIds: op.knownSnapshotIds ?? [],
  };
}

function snapshotOfOperation(op: Operation, snapshots: readonly Snapshot[]): Snapshot | undefined {
  if (op.snapshotId !== null) {
    const id = op.snapshotId;
    return snapshots.find((s) => sameId(s.id, id));
  }
  return snapshotOfCreate(snapshots, createRequestOf(op)) ?? undefined;
}

/** True when the observation holds every snapshot of this server. */
function listsServer(obs: Observation, serverId: Id): boolean {
  return obs.snapshots !== null && (obs.snapshotsOf === 'all' || obs.snapshotsOf.has(String(serverId)));
}

/** The outcome of a create, from what the snapshot list says, or null while still running. */
function observeCreate(op: Operation, obs: Observation): Operation | null {
  if (obs.snapshots === null || !listsServer(obs, op.serverId)) return null;
  const snapshot = snapshotOfOperation(op, obs.snapshots);
  if (snapshot === undefined) {
    if (!obs.canConcludeMissing(op)) return null;
    if (op.snapshotId !== null) {
      return finish(op, 'failed', obs.at, 'It is no longer listed at VPS.org: it failed or was deleted.');
    }
    // Tracked by name: its request's effect may still land, so only a long absence says it never will.
    if (sinceStart(op, obs.at) < UNCLEAR_CREATE_GRACE_MS) return null;
    const waited = minutes(UNCLEAR_CREATE_GRACE_MS);
    if (op.uncertain === true) {
      return finish(
        op,
        'failed',
        obs.at,
        `VPS.org has not listed it in the ${waited} minutes since the request, so the request did not take effect. It is now safe to take the snapshot again.`,
      );
    }
    return finish(
      op,
      'failed',
      obs.at,
      `VPS.org accepted the request but has not listed the snapshot in the ${waited} minutes since. Check the server's snapshots at VPS.org before taking another.`,
    );
  }
  if (snapshot.status === 'in_progress') return null;
  if (snapshot.status === 'completed')
    return finish(op, 'succeeded', obs.at, `Size: ${formatSizeMb(snapshot.sizeMb)}.`);
  return finish(op, 'failed', obs.at, `VPS.org reports its status as "${snapshot.status}".`);
}

/**
 * The outcome of a restore, from the server's status, or null while it may still run: it is over
 * once the server was seen `restoring` and then not, or when it was never seen restoring within
 * RESTORE_CONFIRM_MS (then nobody knows whether it ran).
 */
function observeRestore(op: Operation, obs: Observation): Operation | null {
  const seen = obs.servers.get(String(op.serverId));
  if (seen === undefined) return null;
  if (seen === 'missing') return finish(op, 'failed', obs.at, 'The server is no longer listed at VPS.org.');
  const server = seen === 'not-restoring' ? null : seen;
  if (server?.status === 'restoring') return null;
  const name = server?.name ?? op.serverName;
  if (op.seenRestoring === true) {
    if (server === null) return finish(op, 'succeeded', obs.at, `${name} is no longer being restored.`);
    const back =
      op.previousServerStatus === undefined ||
      op.previousServerStatus === null ||
      op.previousServerStatus === server.status;
    return finish(
      op,
      'succeeded',
      obs.at,
      back ? `${name} is ${server.status} again.` : `${name} is now ${server.status}.`,
    );
  }
  if (sinceStart(op, obs.at) < RESTORE_CONFIRM_MS) return null;
  // Never seen restoring: it may never have started, or it ran and ended between two looks.
  const now = server === null ? '' : `, and it is ${server.status} now`;
  return finish(
    op,
    'failed',
    obs.at,
    `The app could not confirm the outcome: VPS.org never showed ${name} restoring in the ${minutes(RESTORE_CONFIRM_MS)} minutes since the restore was asked for${now}. Check the server and its data before restoring again.`,
  );
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
    const seen = noteShown(op, obs);
    const done = seen.kind === 'create' ? observeCreate(seen, obs) : observeRestore(seen, obs);
    if (done === null) {
      if (seen !== op) changed = true;
      return seen;
    }
    finished.push(done);
    changed = true;
    return done;
  });
  return { operations: changed ? next : [...operations], finished, changed };
}

/**
 * A running operation once VPS.org shows it for the first time (a create's snapshot listed, the
 * server restoring): no longer uncertain, a create learns its snapshot's id, a restore is marked
 * seen running.
 */
function noteShown(op: Operation, obs: Observation): Operation {
  const confirmed = op.uncertain === true ? { uncertain: false, message: null } : {};
  if (op.kind === 'create') {
    if (op.snapshotId !== null || obs.snapshots === null || !listsServer(obs, op.serverId)) return op;
    const snapshot = snapshotOfOperation(op, obs.snapshots);
    if (snapshot === undefined) return op;
    const { knownSnapshotIds: _known, ...rest } = op;
    return { ...rest, ...confirmed, snapshotId: snapshot.id };
  }
  const seen = obs.servers.get(String(op.serverId));
  if (op.seenRestoring === true || seen === undefined || seen === 'missing' || seen === 'not-restoring')
    return op;
  if (seen.status !== 'restoring') return op;
  return { ...op, ...confirmed, seenRestoring: true };
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

/** Server ids with a running operation of this kind (each once). */
export function runningServerIds(operations: readonly Operation[], kind: Operation['kind']): Id[] {
  const ids = new Map<string, Id>();
  for (const op of operations) {
    if (op.kind === kind && op.status === 'running') ids.set(String(op.serverId), op.serverId);
  }
  return [...ids.values()];
}

/** Server ids with a running restore (each once). */
export function restoringServerIds(operations: readonly Operation[]): Id[] {
  return runningServerIds(operations, 'restore');
}

/**
 * Running creates on this server that are tracked by name: VPS.org has not listed them (yet), but
 * each may hold one of the server's five slots, so the limit counts them.
 */
export function unlistedCreates(operations: readonly Operation[], serverId: Id): Operation[] {
  return operations.filter(
    (op) =>
      op.kind === 'create' &&
      op.status === 'running' &&
      op.snapshotId === null &&
      sameId(op.serverId, serverId),
  );
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
