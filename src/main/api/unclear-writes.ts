/**
 * What the app may conclude after a write (create, restore) that got no clean answer, and the one
 * rule that says which snapshot a create made. The client and the core both decide by these, so
 * "did it happen?" has one answer everywhere.
 */
import { sameId, type Id, type Snapshot } from '../../shared/domain';
import { isApiError, type ApiError, type ApiErrorKind } from './errors';

/**
 * Failures after which a write may have taken effect at VPS.org although no clean answer came: a
 * lost connection, a timeout, a 5xx (a gateway's 504 is the common case), an unreadable answer.
 */
export const UNCLEAR_WRITE_KINDS = [
  'network',
  'timeout',
  'server',
  'bad_response',
] as const satisfies readonly ApiErrorKind[];

/** One kind of failure after which a write may have taken effect. */
export type UnclearWriteKind = (typeof UNCLEAR_WRITE_KINDS)[number];

/**
 * What a failed write tells: `applied` (a 2xx came, so it happened even though the body could not
 * be read), `unclear` (it may or may not have happened), `refused` (a clear answer: it did not).
 */
export type WriteOutcome = 'applied' | 'unclear' | 'refused';

/** True for an ApiError after which a write may have taken effect (see UNCLEAR_WRITE_KINDS). */
export function isUnclearWriteError(error: unknown): error is ApiError {
  return isApiError(error) && (UNCLEAR_WRITE_KINDS as readonly ApiErrorKind[]).includes(error.kind);
}

/** Classifies the error a write threw (see WriteOutcome). */
export function writeOutcome(error: unknown): WriteOutcome {
  if (!isUnclearWriteError(error)) return 'refused';
  // A 2xx is VPS.org saying it did it, whatever its body looks like.
  const status = error.status;
  return status !== null && status >= 200 && status < 300 ? 'applied' : 'unclear';
}

/**
 * How much earlier than our request's start a snapshot's `created_at` may be and still count as made
 * by that request. The server stamps its own clock (to whole seconds) and the two clocks are rarely
 * exactly in step; two minutes covers ordinary skew while an older same-name snapshot (made by
 * someone else earlier) is never mistaken for ours.
 */
export const CREATE_CLOCK_SKEW_MS = 2 * 60_000;

/** A create request as the matching rule needs it. */
export interface CreateRequest {
  serverId: Id;
  name: string;
  /** When the request was sent (ms since the epoch, the sender's clock). */
  requestedAt: number;
  /** Ids of the server's snapshots known before the request: none of them can be the new one. */
  knownSnapshotIds: readonly Id[];
}

/**
 * True when `snapshot` can be the one this create made: same server, same name, not among the ids
 * known before the request, created no earlier than the request less the clock-skew allowance. An
 * unreadable date cannot show the snapshot is new, so it is not taken as ours.
 */
export function isSnapshotOfCreate(snapshot: Snapshot, request: CreateRequest): boolean {
  return (
    snapshot.name === request.name &&
    sameId(snapshot.serverId, request.serverId) &&
    !request.knownSnapshotIds.some((id) => sameId(id, snapshot.id)) &&
    Date.parse(snapshot.createdAt) >= request.requestedAt - CREATE_CLOCK_SKEW_MS
  );
}

/** The snapshot this create made, if listed: the newest match (an older one was someone else's). */
export function snapshotOfCreate(snapshots: readonly Snapshot[], request: CreateRequest): Snapshot | null {
  let best: Snapshot | null = null;
  for (const s of snapshots) {
    if (!isSnapshotOfCreate(s, request)) continue;
    if (best === null || Date.parse(s.createdAt) > Date.parse(best.createdAt)) best = s;
  }
  return best;
}
