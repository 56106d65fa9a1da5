/**
 * The polling glue: which kind of poll the timer runs, how long to wait, and one poll applied to
 * the core (data, sync view, operations). The pacing rule itself is in poll-loop.ts; the requests
 * are in refresh.ts.
 */
import type { Id, Operation, Server } from '../../shared/domain';
import { isApiError, toAppError } from '../api/errors';
import type { VpsClient } from '../api/types';
import type { CoreContext } from './core-context';
import { applyObservation, type Observation, type ServerSeen } from './operations';
import { VISIBLE_REFRESH_MS, nextDelay, type PollKind, type PollOutcome } from './poll-loop';
import {
  loadAll,
  loadRestoring,
  loadSnapshotsOf,
  mergeServers,
  mergeSnapshots,
  snapshotListsFor,
} from './refresh';
import { isTokenRejected } from './keychain-token';
import { prunePinsAfterRefresh } from './pins';
import type { CoreData } from './state-store';

/** Poll interval while operations run in demo mode (its snapshots finish within a minute). */
export const DEMO_POLL_SECONDS = 3;

/**
 * Light polls while something runs, but a full refresh now and then (every minute with the
 * window open, every idle interval otherwise), so other servers' data does not go stale during
 * a long operation.
 */
export function pollKind(ctx: CoreContext): PollKind {
  if (!ctx.ops.anyRunning()) return 'full';
  const idle = ctx.data.settings.idleRefreshMinutes * 60_000;
  const every = ctx.windowVisible ? Math.min(VISIBLE_REFRESH_MS, idle) : idle;
  return ctx.ports.scheduler.now() - ctx.poll.lastFullAt >= every ? 'full' : 'light';
}

/** The delay before the next poll, from the settings, the mode and recent failures. */
export function pollDelay(ctx: CoreContext): number {
  const s = ctx.data.settings;
  return nextDelay({
    running: ctx.ops.anyRunning(),
    windowVisible: ctx.windowVisible,
    // The demo's snapshots take seconds, not minutes: poll it faster so it feels alive.
    pollIntervalSeconds:
      ctx.data.mode === 'demo' ? Math.min(s.pollIntervalSeconds, DEMO_POLL_SECONDS) : s.pollIntervalSeconds,
    idleRefreshMinutes: s.idleRefreshMinutes,
    failures: ctx.poll.failures,
    retryAfterMs: ctx.poll.retryAfterMs,
  });
}

/** What one poll read: the data to keep (unless an action made it stale) and what it saw. */
interface PollRead {
  data: Pick<CoreData, 'servers' | 'snapshots'>;
  seen: Omit<Observation, 'at' | 'canConcludeMissing'>;
  /** Why a part of a light poll failed (the other part is still applied), if one did. */
  failed?: unknown;
}

/** One poll: a full refresh, or only what running operations need. */
export async function pollOnce(ctx: CoreContext, kind: PollKind): Promise<PollOutcome> {
  const client = ctx.client;
  if (client === null || ctx.stopped) return { next: 'stop' };
  const generation = ctx.generation;
  const mark = ctx.ops.mark();
  const creating = ctx.ops.creatingIds();
  const restoring = ctx.ops.restoringIds();
  const full = kind === 'full' || (creating.length === 0 && restoring.length === 0);
  if (full) ctx.update({ sync: { ...ctx.data.sync, refreshing: true } });
  try {
    const at = ctx.nowIso();
    const canConcludeMissing = (op: Operation) => ctx.ops.addedBefore(op, mark);
    const read = full
      ? await readAll(client, restoring, ctx.abort.signal)
      : await readRunning(ctx, client, { creating, restoring, at, canConcludeMissing });
    if (ctx.client !== client || ctx.stopped) return { next: 'schedule' };
    // An action changed things while this poll was in flight: its data is stale, and the
    // action's own refresh follows right after.
    const fresh = generation === ctx.generation;
    if (read.failed === undefined) {
      ctx.poll.failures = 0;
      ctx.poll.retryAfterMs = null;
      if (full) ctx.poll.lastFullAt = ctx.ports.scheduler.now();
      ctx.poll.lastError = null;
      ctx.update({
        ...(fresh ? read.data : {}),
        tokenInvalid: false,
        sync: {
          refreshing: false,
          lastRefreshAt: full ? at : ctx.data.sync.lastRefreshAt,
          lastError: null,
          offline: false,
        },
      });
    } else if (fresh) ctx.update(read.data);
    if (fresh) ctx.observe({ ...read.seen, at, canConcludeMissing });
    // A complete list: pins of snapshots it no longer holds are gone for good.
    if (fresh && full && read.failed === undefined) prunePinsAfterRefresh(ctx);
    // Fresh data: due policies run, and runs in flight look at their snapshot.
    if (fresh) ctx.policies.kick();
    return read.failed === undefined ? { next: 'schedule' } : pollFailed(ctx, read.failed);
  } catch (error) {
    if (ctx.client !== client || ctx.stopped) return { next: 'schedule' };
    return pollFailed(ctx, error);
  }
}

/** A full refresh: every server and snapshot; a restoring server absent from the list is missing. */
async function readAll(client: VpsClient, restoring: readonly Id[], signal: AbortSignal): Promise<PollRead> {
  const loaded = await loadAll(client, signal);
  return {
    data: loaded,
    seen: {
      snapshots: loaded.snapshots,
      snapshotsOf: 'all',
      servers: serversSeen(restoring, loaded.servers, 'missing'),
    },
  };
}

/**
 * A light poll: the snapshots of servers with running creates, and which servers are restoring. When
 * that would end a restore (its server left the restoring list), the server list is read once more
 * in full, so the restore's end names the status the server came back with.
 */
async function readRunning(
  ctx: CoreContext,
  client: VpsClient,
  running: {
    creating: readonly Id[];
    restoring: readonly Id[];
    at: string;
    canConcludeMissing: (op: Operation) => boolean;
  },
): Promise<PollRead> {
  const signal = ctx.abort.signal;
  const lists =
    running.creating.length > 0 ? snapshotListsFor(running.creating, ctx.data.snapshots.length) : null;
  // Each part on its own: a failing server list must not stop creates from being tracked, or back.
  const [snapshotsPart, restoringPart] = await Promise.allSettled([
    lists === null ? null : loadSnapshotsOf(client, lists, signal),
    running.restoring.length > 0 ? loadRestoring(client, signal) : null,
  ]);
  if (snapshotsPart.status === 'rejected' && restoringPart.status === 'rejected') throw snapshotsPart.reason;
  const snapshots = snapshotsPart.status === 'fulfilled' ? snapshotsPart.value : null;
  const restoringNow = restoringPart.status === 'fulfilled' ? restoringPart.value : null;
  const seen: PollRead['seen'] = {
    snapshots: snapshots?.snapshots ?? null,
    snapshotsOf: snapshots?.of ?? new Set(),
    servers:
      restoringNow === null ? new Map() : serversSeen(running.restoring, restoringNow, 'not-restoring'),
  };
  const endsRestore = applyObservation(ctx.ops.current, {
    ...seen,
    at: running.at,
    canConcludeMissing: running.canConcludeMissing,
  }).finished.some((op) => op.kind === 'restore');
  let servers = mergeServers(ctx.data.servers, restoringNow ?? []);
  if (endsRestore) {
    servers = await client.listServers({}, signal);
    seen.servers = serversSeen(running.restoring, servers, 'missing');
  }
  const failed = [snapshotsPart, restoringPart].find((part) => part.status === 'rejected');
  return {
    data: {
      servers,
      snapshots: snapshots === null ? ctx.data.snapshots : mergeSnapshots(ctx.data.snapshots, snapshots),
    },
    seen,
    ...(failed !== undefined ? { failed: failed.reason } : {}),
  };
}

/** What a list of servers says about each restoring server; `absent` is what its absence means. */
function serversSeen(
  restoring: readonly Id[],
  listed: readonly Server[],
  absent: 'missing' | 'not-restoring',
): Map<string, ServerSeen> {
  const byId = new Map(listed.map((s) => [String(s.id), s]));
  return new Map(restoring.map((id) => [String(id), byId.get(String(id)) ?? absent]));
}

/** A failed poll: a 401 stops the loop; anything else backs off and shows in the sync view. */
function pollFailed(ctx: CoreContext, error: unknown): PollOutcome {
  const appError = toAppError(error);
  ctx.poll.lastError = appError;
  if (isTokenRejected(error)) {
    ctx.markTokenInvalid();
    return { next: 'stop' };
  }
  ctx.poll.failures++;
  ctx.poll.retryAfterMs = isApiError(error) ? error.retryAfterMs : null;
  const offline = appError.kind === 'network' || appError.kind === 'timeout';
  ctx.ports.logger.warn(`poll: failed (${appError.kind}), attempt ${ctx.poll.failures}`);
  ctx.update({ sync: { ...ctx.data.sync, refreshing: false, lastError: appError, offline } });
  return { next: 'schedule' };
}
