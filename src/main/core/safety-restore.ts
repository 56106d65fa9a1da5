/**
 * A restore with a snapshot of the current state taken first (issue 13 §1), as one tracked flow:
 * the safety snapshot is an ordinary create operation that carries the restore it leads to
 * (`Operation.safetyRestore`), and every step of that restore is persisted BEFORE it is taken:
 *
 *   waiting  -> the safety snapshot runs; nothing else happens.
 *   sending  -> saved just before the restore request goes out.
 *   started  -> the restore is tracked as its own operation (`restoreOpId`).
 *   abandoned-> the restore was not started, and the user was told why (`abandoned`).
 *
 * So a restart at any point resumes from the file: `waiting` with the snapshot completed sends the
 * restore (once); `sending` found at start means the app stopped while sending, and since it cannot
 * tell whether the request went out it never sends it again: it watches the server instead, as for
 * a restore whose answer was lost. The restore starts only after the safety snapshot is known to be
 * complete: a create that failed, or whose request had no clear answer and never showed up (the
 * unclear-create rules in ../api/unclear-writes.ts), abandons the restore.
 */
import { sameId, type Operation, type SafetyAbandon, type Server, type Snapshot } from '../../shared/domain';
import { appError } from '../../shared/i18n/app-error';
import type { MessageKey } from '../../shared/i18n/catalogs';
import type { AppError } from '../../shared/state';
import { toAppError } from '../api/errors';
import type { CoreContext } from './core-context';
import type { Observation } from './operations';
import { restoreError } from './guards';
import { safetyAbandonedNotification } from './notifications';
import { sendRestore } from './snapshot-actions';

/** Safety snapshots whose restore request this run is sending now (by operation id). */
const sending = new WeakMap<CoreContext, Set<string>>();

function inFlight(ctx: CoreContext): Set<string> {
  let set = sending.get(ctx);
  if (set === undefined) sending.set(ctx, (set = new Set()));
  return set;
}

/**
 * Moves every safety flow of the scope in use on by what `obs` (one poll, or a create's answer)
 * showed. The restore is started only from an observation that listed the server's snapshots, so
 * the state it is guarded against is fresh (after a restart, the first full poll). Never throws.
 */
export async function advanceSafetyRestores(ctx: CoreContext, obs: Observation): Promise<void> {
  try {
    for (const op of ctx.ops.current) {
      const flow = op.safetyRestore;
      if (flow === undefined || inFlight(ctx).has(op.id)) continue;
      if (flow.step === 'sending') resumeUnknownSend(ctx, op);
      else if (flow.step === 'waiting' && op.status === 'failed') {
        abandon(
          ctx,
          op,
          UNCLEAR_OUTCOMES.has(op.outcome?.type ?? '') ? 'safetyUnclear' : 'safetyFailed',
          null,
        );
      } else if (flow.step === 'waiting' && op.status === 'succeeded' && lists(obs, op)) {
        await startAfterSafety(ctx, op);
      }
    }
  } catch (error) {
    ctx.ports.logger.error(`safety restore: ${toAppError(error).kind}`);
  }
}

/** How a create ends when its request had no clear answer and the snapshot never showed up. */
const UNCLEAR_OUTCOMES: ReadonlySet<string> = new Set(['notApplied', 'notListed']);

/** True when the observation holds every snapshot of the operation's server. */
function lists(obs: Observation, op: Operation): boolean {
  return obs.snapshots !== null && (obs.snapshotsOf === 'all' || obs.snapshotsOf.has(String(op.serverId)));
}

/** The restore, now that its safety snapshot is complete: guarded again, then sent once. */
async function startAfterSafety(ctx: CoreContext, safety: Operation): Promise<void> {
  const flow = safety.safetyRestore;
  const client = ctx.client;
  if (flow === undefined || client === null) return;
  const server = ctx.data.servers.find((s) => sameId(s.id, safety.serverId));
  const snapshot = ctx.data.snapshots.find((s) => sameId(s.id, flow.snapshotId));
  if (server === undefined || snapshot === undefined) {
    abandon(ctx, safety, 'restoreRefused', appError('not_found', 'core.snapshotNotFound'));
    return;
  }
  // What changed while the safety snapshot ran (another restore, a suspended server) still refuses.
  const refusal = restoreError(server, snapshot, server.name, ctx.ops.current);
  if (refusal !== null) {
    abandon(ctx, safety, 'restoreRefused', refusal);
    return;
  }
  // A restore or create of this server is on its way right now: the next poll tries again.
  if (ctx.busyServers.has(String(server.id))) return;
  const busy = inFlight(ctx);
  busy.add(safety.id);
  ctx.busyServers.add(String(server.id));
  // Saved before the request: a crash from here on never sends it again.
  ctx.ops.replace({ ...safety, safetyRestore: { ...flow, step: 'sending' } });
  try {
    const restore = await sendRestore(ctx, client, server, snapshot, {
      source: safety.source ?? 'window',
      flow: 'safety-restore',
    });
    const current = ctx.ops.all.find((o) => o.id === safety.id) ?? safety;
    ctx.ops.replace({ ...current, safetyRestore: { ...flow, step: 'started', restoreOpId: restore.id } });
  } catch (error) {
    abandon(ctx, safety, 'restoreRefused', toAppError(error));
  } finally {
    busy.delete(safety.id);
    ctx.busyServers.delete(String(server.id));
  }
}

/**
 * Found `sending` at start: the app stopped while sending the restore. Whether it went out cannot
 * be known, so it is never sent again: the server is watched as for a restore whose answer was lost.
 */
function resumeUnknownSend(ctx: CoreContext, safety: Operation): void {
  const flow = safety.safetyRestore;
  if (flow === undefined) return;
  const server = ctx.data.servers.find((s) => sameId(s.id, safety.serverId));
  const snapshot: Pick<Snapshot, 'id' | 'name'> = { id: flow.snapshotId, name: flow.snapshotName };
  const restore = trackUnknownRestore(ctx, safety, server, snapshot);
  ctx.ops.replace({ ...safety, safetyRestore: { ...flow, step: 'started', restoreOpId: restore.id } });
  ctx.ports.logger.warn(
    `safety restore: the app stopped while sending the restore of server ${String(safety.serverId)}: not sent again, watching the server`,
  );
}

function trackUnknownRestore(
  ctx: CoreContext,
  safety: Operation,
  server: Server | undefined,
  snapshot: Pick<Snapshot, 'id' | 'name'>,
): Operation {
  const scope = safety.scope;
  const op: Operation = {
    ...(scope !== undefined ? { scope } : {}),
    id: ctx.ops.newId(ctx.ports.scheduler.now()),
    source: safety.source ?? 'window',
    flow: 'safety-restore',
    kind: 'restore',
    serverId: safety.serverId,
    serverName: server?.name ?? safety.serverName,
    snapshotId: snapshot.id,
    snapshotName: snapshot.name,
    startedAt: safety.finishedAt ?? ctx.nowIso(),
    status: 'running',
    finishedAt: null,
    message: null,
    previousServerStatus: server?.status ?? null,
    uncertain: true,
  };
  ctx.ops.add(op);
  void ctx.loop.kick();
  return op;
}

/** The restore will not start: saved with the reason, recorded, and the user told. */
function abandon(ctx: CoreContext, safety: Operation, reason: SafetyAbandon, error: AppError | null): void {
  const flow = safety.safetyRestore;
  if (flow === undefined) return;
  const current = ctx.ops.all.find((o) => o.id === safety.id) ?? safety;
  ctx.ops.replace({
    ...current,
    safetyRestore: { ...flow, step: 'abandoned', abandoned: reason },
  });
  ctx.ports.logger.warn(
    `safety restore: restore of server ${String(safety.serverId)} not started (${reason})`,
  );
  ctx.recordAction(
    ctx.subjectOf({
      kind: 'restore',
      source: safety.source ?? 'window',
      serverId: safety.serverId,
      snapshotId: flow.snapshotId,
      snapshotName: flow.snapshotName,
      flow: 'safety-restore',
    }),
    error ?? appError('refused', ABANDON_CODES[reason]),
  );
  if (ctx.data.settings.notifications) {
    ctx.safely('notification', () =>
      ctx.ports.notifier.show(
        safetyAbandonedNotification(safety, reason, ctx.translator(), ctx.data.mode === 'demo'),
      ),
    );
  }
}

/** Why the restore was not started, as the history words it. */
const ABANDON_CODES = {
  safetyFailed: 'safety.abandoned.safetyFailed',
  safetyUnclear: 'safety.abandoned.safetyUnclear',
  restoreRefused: 'safety.abandoned.restoreRefused',
} as const satisfies Record<SafetyAbandon, MessageKey>;
