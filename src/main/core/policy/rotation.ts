/**
 * Which automatic snapshots a policy may delete, and whether a scheduled create has room. Pure:
 * every answer is data (codes and counts) for the core to act on and the window to word.
 *
 * The rules, in one place (`judge`):
 * - Automatic means recorded: the app keeps a record (account scope, server, snapshot id and the
 *   name it gave) of every snapshot it made under a policy. Anything else is manual, whatever its
 *   name says; a record whose snapshot now has another name does not count.
 * - Never deleted: a pinned snapshot, a manual one, the newest completed snapshot of the server,
 *   one still in progress, one in a status we do not know.
 * - Rotation keeps the newest K completed automatic, unpinned snapshots (pinned ones stand outside
 *   rotation and do not count towards K) and deletes the older ones, and any failed automatic one
 *   (it cannot be restored and holds one of the five slots).
 * - If any completed snapshot's date cannot be read, "oldest" and "newest" are unknown and nothing
 *   is deleted.
 */
import { SNAPSHOT_LIMIT, sameId, type Id, type Snapshot } from '../../../shared/domain';
import { KEEP_BOUNDS } from '../../../shared/policy';

/** What rotation needs to know of a snapshot. */
export type RotationSnapshot = Pick<Snapshot, 'id' | 'name' | 'status' | 'createdAt'>;

/** The app's record that it made a snapshot under a policy: the only proof a snapshot is automatic. */
export interface AutoSnapshotRecord {
  /** The account scope it was made in (`scopeText` of src/main/core/scope.ts); compared exactly. */
  scope: string;
  serverId: Id;
  snapshotId: Id;
  /** The name the app gave it. */
  name: string;
}

/** One server's snapshots and what the app knows about them. */
export interface ServerSnapshots {
  scope: string;
  serverId: Id;
  /** The server's current, complete snapshot list. */
  snapshots: readonly RotationSnapshot[];
  /** The app's records (any scope or server: only matching ones count). */
  records: readonly AutoSnapshotRecord[];
  /** Snapshot ids the user pinned in this account. */
  pinnedIds: readonly Id[];
}

/** Why a snapshot stays (codes for the window's catalog). */
export type KeepReason =
  | 'pinned'
  | 'manual'
  | 'newest-completed'
  | 'in-progress'
  | 'unknown-status'
  | 'within-keep'
  | 'rotation-blocked';

/** What rotation would do with one snapshot. */
export type Verdict =
  | { snapshot: RotationSnapshot; automatic: boolean; action: 'delete' }
  | { snapshot: RotationSnapshot; automatic: boolean; action: 'keep'; reasons: KeepReason[] };

/** Why rotation may delete nothing at all. */
export type RotationBlock =
  'invalid-keep' | 'unreadable-date' | 'new-snapshot-not-completed' | 'new-snapshot-not-recorded';

/** A rotation plan. */
export interface RotationPlan {
  /** What to delete, oldest first; empty when blocked. */
  remove: RotationSnapshot[];
  /** Every snapshot of the server with its verdict, newest first (unreadable dates last). */
  verdicts: Verdict[];
  blocked: RotationBlock | null;
}

/** How the server's slots are used (in-progress and failed snapshots hold a slot too). */
export interface SlotUsage {
  limit: number;
  used: number;
  automatic: number;
  manual: number;
  pinned: number;
  inProgress: number;
}

/** What the user can do about a full server. */
export type FullServerHint = 'turn-on-make-room' | 'delete-a-snapshot';

/** Why a scheduled run did not create a snapshot (codes and numbers, worded by the catalogs). */
export interface SkipReason {
  code: 'no-free-slot';
  params: SlotUsage & { makeRoom: boolean; hint: FullServerHint };
}

/** What a scheduled run does before its create. */
export type CreatePlan =
  | { action: 'create'; usage: SlotUsage }
  /** Delete `remove` first (the user allowed it), then create once VPS.org no longer lists it. */
  | { action: 'make-room'; remove: RotationSnapshot; usage: SlotUsage }
  | { action: 'skip'; reason: SkipReason };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A snapshot's creation time in ms, or null when it is not a plain ISO-8601 instant. */
function createdMs(s: RotationSnapshot): number | null {
  if (!ISO_INSTANT.test(s.createdAt)) return null;
  const ms = Date.parse(s.createdAt);
  return Number.isFinite(ms) ? ms : null;
}

/** True when the app's records say it made this snapshot of this server in this scope. */
export function isAutomatic(
  records: readonly AutoSnapshotRecord[],
  scope: string,
  serverId: Id,
  snapshot: Pick<Snapshot, 'id' | 'name'>,
): boolean {
  return records.some(
    (r) =>
      r.scope === scope &&
      sameId(r.serverId, serverId) &&
      sameId(r.snapshotId, snapshot.id) &&
      r.name === snapshot.name,
  );
}

interface Entry {
  snapshot: RotationSnapshot;
  time: number | null;
  automatic: boolean;
  pinned: boolean;
  /** The not yet existing next automatic snapshot of a preview. */
  upcoming: boolean;
}

function entriesOf(input: ServerSnapshots): Entry[] {
  // One pass over all records, then a few per snapshot (the app may hold thousands).
  const mine = input.records.filter((r) => r.scope === input.scope && sameId(r.serverId, input.serverId));
  return input.snapshots.map((snapshot) => ({
    snapshot,
    time: createdMs(snapshot),
    automatic: isAutomatic(mine, input.scope, input.serverId, snapshot),
    pinned: input.pinnedIds.some((id) => sameId(id, snapshot.id)),
    upcoming: false,
  }));
}

function validKeep(keep: number): boolean {
  return Number.isInteger(keep) && keep >= KEEP_BOUNDS.min && keep <= KEEP_BOUNDS.max;
}

/** Newest first; unreadable dates last; ties by id text so the order never depends on list order. */
function newestFirst(a: Entry, b: Entry): number {
  if (a.time !== b.time) return (b.time ?? -Infinity) - (a.time ?? -Infinity);
  const [x, y] = [String(a.snapshot.id), String(b.snapshot.id)];
  return x === y ? 0 : x < y ? 1 : -1;
}

/** The one place the rules are applied (see the file comment). */
function judge(entries: Entry[], keep: number, blocked: RotationBlock | null): RotationPlan {
  const sorted = [...entries].sort(newestFirst);
  const completed = sorted.filter((e) => e.snapshot.status === 'completed');
  if (blocked === null && !validKeep(keep)) blocked = 'invalid-keep';
  if (blocked === null && completed.some((e) => e.time === null)) blocked = 'unreadable-date';
  const newestTime = completed[0]?.time ?? null;
  const verdicts: Verdict[] = [];
  const remove: RotationSnapshot[] = [];
  let rotating = 0;
  for (const e of sorted) {
    const reasons: KeepReason[] = [];
    if (e.pinned) reasons.push('pinned');
    if (!e.automatic) reasons.push('manual');
    // Every snapshot sharing the newest time counts as newest: ties never decide a deletion.
    if (e.snapshot.status === 'completed' && e.time !== null && e.time === newestTime) {
      reasons.push('newest-completed');
    }
    if (e.snapshot.status === 'in_progress') reasons.push('in-progress');
    else if (e.snapshot.status !== 'completed' && e.snapshot.status !== 'failed')
      reasons.push('unknown-status');
    if (e.automatic && !e.pinned && e.snapshot.status === 'completed') {
      rotating++;
      if (rotating <= keep) reasons.push('within-keep');
    }
    if (reasons.length === 0 && blocked !== null) reasons.push('rotation-blocked');
    if (e.upcoming) continue;
    if (reasons.length > 0) {
      verdicts.push({ snapshot: e.snapshot, automatic: e.automatic, action: 'keep', reasons });
    } else {
      verdicts.push({ snapshot: e.snapshot, automatic: e.automatic, action: 'delete' });
      remove.unshift(e.snapshot);
    }
  }
  return { remove, verdicts, blocked };
}

/**
 * What to delete after the automatic snapshot `completedId` has completed: automatic snapshots
 * beyond the newest `keep`, oldest first. Blocked (deletes nothing) unless `completedId` is listed
 * as completed and recorded as automatic: rotation never runs after a failed or unfinished create.
 */
export function planRotation(input: ServerSnapshots, keep: number, completedId: Id): RotationPlan {
  const entries = entriesOf(input);
  const fresh = entries.find((e) => sameId(e.snapshot.id, completedId));
  let blocked: RotationBlock | null = null;
  if (fresh === undefined || fresh.snapshot.status !== 'completed') blocked = 'new-snapshot-not-completed';
  else if (!fresh.automatic) blocked = 'new-snapshot-not-recorded';
  return judge(entries, keep, blocked);
}

/** What the policy editor shows for a chosen K. */
export interface RotationPreview {
  /** If rotation ran now with this K. */
  now: RotationPlan;
  /** What the next rotation removes once the next automatic snapshot has completed, oldest first. */
  afterNextRun: RotationSnapshot[];
}

/**
 * A dry run for the policy editor and the window: what `keep` would keep and delete today, and
 * which snapshots the next scheduled run's rotation will remove ("next rotation removes ...").
 */
export function previewRotation(input: ServerSnapshots, keep: number): RotationPreview {
  const entries = entriesOf(input);
  const latest = Math.max(0, ...entries.map((e) => e.time ?? 0));
  const upcoming: Entry = {
    snapshot: { id: '', name: '', status: 'completed', createdAt: '' },
    time: latest + 1,
    automatic: true,
    pinned: false,
    upcoming: true,
  };
  return {
    now: judge(entries, keep, null),
    afterNextRun: judge([...entries, upcoming], keep, null).remove,
  };
}

function usageOf(entries: Entry[]): SlotUsage {
  const usage = {
    limit: SNAPSHOT_LIMIT,
    used: entries.length,
    automatic: 0,
    manual: 0,
    pinned: 0,
    inProgress: 0,
  };
  for (const e of entries) {
    if (e.automatic) usage.automatic++;
    else usage.manual++;
    if (e.pinned) usage.pinned++;
    if (e.snapshot.status === 'in_progress') usage.inProgress++;
  }
  return usage;
}

/**
 * Whether a scheduled run may create now. With a free slot: create. On a full server: when the
 * user turned on "make room", delete the oldest snapshot rotation would delete with K=1 (so never
 * the newest completed automatic one, a pinned, manual or running one) and create once it is
 * gone; else skip, with the numbers and what the user can do.
 */
export function planCreate(input: ServerSnapshots, makeRoom: boolean): CreatePlan {
  const entries = entriesOf(input);
  const usage = usageOf(entries);
  if (usage.used < SNAPSHOT_LIMIT) return { action: 'create', usage };
  // The room a run may make is what rotation with K=1 would delete, so the newest completed
  // automatic snapshot always survives, whatever the create then does.
  const oldest = judge(entries, KEEP_BOUNDS.min, null).remove[0];
  if (makeRoom && oldest !== undefined) return { action: 'make-room', remove: oldest, usage };
  const hint: FullServerHint = oldest !== undefined ? 'turn-on-make-room' : 'delete-a-snapshot';
  return { action: 'skip', reason: { code: 'no-free-slot', params: { ...usage, makeRoom, hint } } };
}

/**
 * The records of one scope grouped by server id (as text), so a pass over 1,000 servers can hand
 * each plan only its server's records instead of all of them.
 */
export function groupRecords(
  records: readonly AutoSnapshotRecord[],
  scope: string,
): Map<string, AutoSnapshotRecord[]> {
  const groups = new Map<string, AutoSnapshotRecord[]>();
  for (const r of records) {
    if (r.scope !== scope) continue;
    const key = String(r.serverId);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/**
 * The records still worth keeping: those of this scope and server whose snapshot VPS.org no longer
 * lists are dropped (the list must be complete). Records of other scopes or servers are kept as
 * they are.
 */
export function pruneRecords(
  records: readonly AutoSnapshotRecord[],
  scope: string,
  serverId: Id,
  snapshots: readonly Pick<Snapshot, 'id'>[],
): AutoSnapshotRecord[] {
  return records.filter(
    (r) =>
      r.scope !== scope || !sameId(r.serverId, serverId) || snapshots.some((s) => sameId(s.id, r.snapshotId)),
  );
}
