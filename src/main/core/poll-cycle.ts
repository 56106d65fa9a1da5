/**
 * The polling glue: which kind of poll the timer runs, how long to wait, and one poll applied to
 * the core (data, sync view, operations). The pacing rule itself is in poll-loop.ts; the requests
 * are in refresh.ts.
 */
import { sameId, type Server } from '../../shared/domain';
import { isApiError, toAppError } from '../api/errors';
import type { CoreContext } from './core-context';
import type { Observation } from './operations';
import { VISIBLE_REFRESH_MS, nextDelay, type PollKind, type PollOutcome } from './poll-loop';
import { loadAll, loadRunning, mergeServers } from './refresh';
import { isTokenRejected } from './keychain-token';

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

/** One poll: a full refresh, or only what running operations need. */
export async function pollOnce(ctx: CoreContext, kind: PollKind): Promise<PollOutcome> {
  const client = ctx.client;
  if (client === null || ctx.stopped) return { next: 'stop' };
  const generation = ctx.generation;
  const mark = ctx.ops.mark();
  const creating = ctx.ops.creating();
  const restoring = ctx.ops.restoringIds();
  const full = kind === 'full' || (!creating && restoring.length === 0);
  if (full) ctx.update({ sync: { ...ctx.data.sync, refreshing: true } });
  try {
    const at = ctx.nowIso();
    let obs: Observation;
    if (full) {
      const loaded = await loadAll(client, ctx.abort.signal);
      if (ctx.client !== client || ctx.stopped) return { next: 'schedule' };
      const read = new Map<string, Server | 'missing'>();
      for (const id of restoring) {
        read.set(String(id), loaded.servers.find((s) => sameId(s.id, id)) ?? 'missing');
      }
      obs = { snapshots: loaded.snapshots, servers: read, at, canConcludeMissing: () => true };
      if (generation === ctx.generation) {
        ctx.data = { ...ctx.data, servers: loaded.servers, snapshots: loaded.snapshots };
      }
    } else {
      const loaded = await loadRunning(client, creating, restoring, ctx.abort.signal);
      if (ctx.client !== client || ctx.stopped) return { next: 'schedule' };
      obs = { snapshots: loaded.snapshots, servers: loaded.servers, at, canConcludeMissing: () => true };
      if (generation === ctx.generation) {
        ctx.data = {
          ...ctx.data,
          servers: mergeServers(ctx.data.servers, loaded.servers),
          snapshots: loaded.snapshots ?? ctx.data.snapshots,
        };
      }
    }
    ctx.poll.failures = 0;
    ctx.poll.retryAfterMs = null;
    if (full) ctx.poll.lastFullAt = ctx.ports.scheduler.now();
    ctx.poll.lastError = null;
    ctx.update({
      tokenInvalid: false,
      sync: {
        refreshing: false,
        lastRefreshAt: full ? at : ctx.data.sync.lastRefreshAt,
        lastError: null,
        offline: false,
      },
    });
    // An action changed things while this poll was in flight: its data is stale, and the
    // action's own refresh follows right after.
    if (generation === ctx.generation) {
      ctx.observe({ ...obs, canConcludeMissing: (op) => ctx.ops.addedBefore(op, mark) });
    }
    return { next: 'schedule' };
  } catch (error) {
    if (ctx.client !== client || ctx.stopped) return { next: 'schedule' };
    return pollFailed(ctx, error);
  }
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
