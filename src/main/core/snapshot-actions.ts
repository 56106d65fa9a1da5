/**
 * The snapshot side of the core: create (named or from the template), restore and delete, each
 * after the guard rails, each started operation tracked. Each action body may throw; AppCore
 * wraps it into a Result.
 */
import { sameId, type Id, type Operation, type Server, type Snapshot } from '../../shared/domain';
import { appError } from '../../shared/i18n/app-error';
import { fail, ok, type Result } from '../../shared/result';
import { renderNameTemplate, uniqueSnapshotName } from '../../shared/snapshot-name';
import type { AppError } from '../../shared/state';
import { isApiError, toAppError, type ApiError } from '../api/errors';
import type { VpsClient } from '../api/types';
import type { CoreContext } from './core-context';
import {
  NOT_SIGNED_IN,
  SERVER_NOT_FOUND,
  SNAPSHOT_NOT_FOUND,
  createError,
  deleteError,
  descriptionError,
  restoreError,
} from './guards';
import { snapshotsOf } from './refresh';

/** Input of createSnapshot. */
export interface CreateInput {
  serverId: Id;
  name: string;
  description: string;
}

/** Input of restoreSnapshot. */
export interface RestoreInput {
  serverId: Id;
  snapshotId: Id;
  confirmServerName: string;
}

/** Failures after which a write may have taken effect at VPS.org although no clean answer came. */
const UNCLEAR_WRITE_KINDS = new Set<string>(['network', 'timeout', 'server', 'bad_response']);

/** Starts a snapshot and tracks it; refuses names, a 6th snapshot, and servers being restored. */
export async function createSnapshot(ctx: CoreContext, input: CreateInput): Promise<Result<Operation>> {
  const client = ctx.client;
  if (client === null) return fail(NOT_SIGNED_IN);
  const server = await serverById(ctx, input.serverId);
  if (server === null) return fail(SERVER_NOT_FOUND);
  const name = input.name.trim();
  const badDescription = descriptionError(input.description);
  if (badDescription) return fail(badDescription);
  const refusal = await createRefusal(ctx, server, () => name);
  if (refusal) return fail(refusal);
  return exclusive(ctx, server, () => startCreate(ctx, client, server, name, input.description.trim()));
}

/** Starts a snapshot named from the template (made unique among the server's snapshots). */
export async function quickSnapshot(ctx: CoreContext, input: { serverId: Id }): Promise<Result<Operation>> {
  const client = ctx.client;
  if (client === null) return fail(NOT_SIGNED_IN);
  const server = await serverById(ctx, input.serverId);
  if (server === null) return fail(SERVER_NOT_FOUND);
  const base = renderNameTemplate(ctx.data.settings.nameTemplate, {
    server: { name: server.name, id: server.id },
    at: new Date(ctx.ports.scheduler.now()),
  });
  const nameFor = () =>
    uniqueSnapshotName(
      base,
      snapshotsOf(ctx.data.snapshots, server.id).map((s) => s.name),
    );
  const refusal = await createRefusal(ctx, server, nameFor);
  if (refusal) return fail(refusal);
  return exclusive(ctx, server, () => startCreate(ctx, client, server, nameFor(), ''));
}

/** Starts a restore after the guard rails (exact server name, states) and tracks it. */
export async function restoreSnapshot(ctx: CoreContext, input: RestoreInput): Promise<Result<Operation>> {
  const client = ctx.client;
  if (client === null) return fail(NOT_SIGNED_IN);
  const server = await serverById(ctx, input.serverId);
  if (server === null) return fail(SERVER_NOT_FOUND);
  const snapshot = await snapshotById(ctx, input.snapshotId);
  if (snapshot === null) return fail(SNAPSHOT_NOT_FOUND);
  const refusal = restoreError(server, snapshot, input.confirmServerName, ctx.ops.current);
  if (refusal) return fail(refusal);
  return exclusive(ctx, server, () => startRestore(ctx, client, server, snapshot));
}

/** Deletes a snapshot (refused while it is still being created). */
export async function deleteSnapshot(
  ctx: CoreContext,
  input: { serverId: Id; snapshotId: Id },
): Promise<Result<null>> {
  const client = ctx.client;
  if (client === null) return fail(NOT_SIGNED_IN);
  const snapshot = await snapshotById(ctx, input.snapshotId);
  if (snapshot === null || !sameId(snapshot.serverId, input.serverId)) return fail(SNAPSHOT_NOT_FOUND);
  const refusal = deleteError(snapshot, ctx.ops.current);
  if (refusal) return fail(refusal);
  await client.deleteSnapshot(snapshot.id);
  ctx.generation++;
  ctx.update({ snapshots: ctx.data.snapshots.filter((s) => !sameId(s.id, snapshot.id)) });
  ctx.ports.logger.info(`delete: snapshot ${String(snapshot.id)} deleted`);
  void ctx.loop.kick();
  return ok(null);
}

/** A just-started operation on this server's snapshot, stamped now and with the API and account in use. */
function runningOperation(
  ctx: CoreContext,
  kind: Operation['kind'],
  server: Server,
  snapshot: Pick<Snapshot, 'id' | 'name'> | { id: null; name: string },
): Operation {
  const scope = ctx.scopeText();
  return {
    ...(scope !== undefined ? { scope } : {}),
    id: ctx.ops.newId(ctx.ports.scheduler.now()),
    kind,
    serverId: server.id,
    serverName: server.name,
    snapshotId: snapshot.id,
    snapshotName: snapshot.name,
    startedAt: ctx.nowIso(),
    status: 'running',
    finishedAt: null,
    message: null,
  };
}

/** Sends the restore and starts tracking it (the guards have passed). */
async function startRestore(
  ctx: CoreContext,
  client: VpsClient,
  server: Server,
  snapshot: Snapshot,
): Promise<Operation> {
  let status: string;
  let uncertain = false;
  try {
    const started = await client.restoreSnapshot(snapshot.id);
    status = started.server.status || 'restoring';
  } catch (error) {
    // The answer was lost, but VPS.org may have started the restore: look before saying it failed,
    // or the user would retry (refused) and never hear when it ends.
    const effect = await restoreTookEffect(ctx, client, server, error);
    if (effect === 'no') throw error;
    // 'unknown': a destructive action whose outcome nobody knows is watched, never "try again".
    uncertain = effect === 'unknown';
    status = 'restoring';
  }
  ctx.generation++;
  const op: Operation = {
    ...runningOperation(ctx, 'restore', server, snapshot),
    previousServerStatus: server.status,
    ...(uncertain ? { uncertain: true } : {}),
  };
  ctx.data = {
    ...ctx.data,
    servers: ctx.data.servers.map((s) => (sameId(s.id, server.id) ? { ...s, status } : s)),
  };
  ctx.ops.add(op);
  ctx.ports.logger.info(`restore: started for server ${String(server.id)}`);
  void ctx.loop.kick();
  return op;
}

/**
 * After a restore request failed: 'yes' when the answer was unclear (timeout, dropped connection,
 * 5xx, an unreadable answer) and the server now shows `restoring`; 'no' after a clear refusal
 * (4xx) or when the server reads as not restoring; 'unknown' when the server cannot be read.
 */
async function restoreTookEffect(
  ctx: CoreContext,
  client: VpsClient,
  server: Server,
  error: unknown,
): Promise<'yes' | 'no' | 'unknown'> {
  if (!isUnclearWriteError(error)) return 'no';
  let now: Server;
  try {
    now = await client.getServer(server.id, ctx.abort.signal);
  } catch (readError) {
    ctx.ports.logger.warn(
      `restore: answer lost (${error.kind}) and the server could not be read (${toAppError(readError).kind}): tracking it as uncertain`,
    );
    return 'unknown';
  }
  if (now.status !== 'restoring') return 'no';
  ctx.ports.logger.info(
    `restore: answer lost (${error.kind}), but server ${String(server.id)} is restoring: tracking it`,
  );
  return 'yes';
}

/** True for a failure after which the write may have taken effect although no clean answer came. */
function isUnclearWriteError(error: unknown): error is ApiError {
  return isApiError(error) && UNCLEAR_WRITE_KINDS.has(error.kind) && !error.notApplied;
}

/**
 * Runs a create or restore request for a server unless one is already on its way for it (a
 * double click in the tray must not make two snapshots: there are only five slots).
 */
async function exclusive(
  ctx: CoreContext,
  server: Server,
  start: () => Promise<Operation>,
): Promise<Result<Operation>> {
  const key = String(server.id);
  if (ctx.busyServers.has(key)) {
    return fail(appError('refused', 'core.requestOnItsWay', { server: server.name }));
  }
  ctx.busyServers.add(key);
  try {
    return ok(await start());
  } finally {
    ctx.busyServers.delete(key);
  }
}

/**
 * Why a snapshot of this server cannot be made. At the limit, the list is refreshed once first:
 * a snapshot deleted elsewhere (e.g. in the dashboard) would otherwise block the user wrongly.
 */
async function createRefusal(ctx: CoreContext, server: Server, name: () => string): Promise<AppError | null> {
  // A create whose start was unclear: until it ends, another one is most likely a retry of it, and
  // would make a second snapshot (there are only five slots).
  const unsure = ctx.ops.current.find(
    (op) =>
      op.kind === 'create' &&
      op.status === 'running' &&
      op.uncertain !== undefined &&
      sameId(op.serverId, server.id),
  );
  if (unsure) {
    return appError('refused', unsure.uncertain ? 'core.createUnsure' : 'core.createUnsureSeen', {
      server: server.name,
      snapshot: unsure.snapshotName,
    });
  }
  const refusal = createError(server, snapshotsOf(ctx.data.snapshots, server.id), name());
  if (refusal?.kind !== 'limit_reached' || !ctx.loop.started) return refusal;
  await ctx.loop.kick();
  const fresh = ctx.data.servers.find((s) => sameId(s.id, server.id)) ?? server;
  return createError(fresh, snapshotsOf(ctx.data.snapshots, server.id), name());
}

/** Sends the create and starts tracking it (the guards have passed). */
async function startCreate(
  ctx: CoreContext,
  client: VpsClient,
  server: Server,
  name: string,
  description: string,
): Promise<Operation> {
  let snapshot: Snapshot;
  try {
    snapshot = await client.createSnapshot({
      serverId: server.id,
      name,
      ...(description !== '' ? { description } : {}),
    });
  } catch (error) {
    if (!isUnclearWriteError(error)) throw error;
    return trackUncertainCreate(ctx, server, name, error);
  }
  ctx.generation++;
  const op = runningOperation(ctx, 'create', server, snapshot);
  ctx.data = {
    ...ctx.data,
    snapshots: [snapshot, ...ctx.data.snapshots.filter((s) => !sameId(s.id, snapshot.id))],
  };
  ctx.ops.add(op);
  ctx.ports.logger.info(`create: snapshot ${String(snapshot.id)} started on server ${String(server.id)}`);
  // The create answer may already say it ended (a fast or failed create).
  const finished = ctx.observe({
    snapshots: [snapshot],
    servers: new Map(),
    at: ctx.nowIso(),
    canConcludeMissing: () => false,
  });
  void ctx.loop.kick();
  return finished.find((f) => f.id === op.id) ?? op;
}

/**
 * The create's answer was lost and the client could not find the snapshot either: VPS.org may have
 * made it. Tracked by name (snapshotId null) so the user hears when it ends, or that it never
 * appeared; a second create on the server is refused meanwhile (a retry would make a second one).
 */
function trackUncertainCreate(ctx: CoreContext, server: Server, name: string, error: ApiError): Operation {
  ctx.generation++;
  const op: Operation = {
    ...runningOperation(ctx, 'create', server, { id: null, name }),
    uncertain: true,
  };
  ctx.ops.add(op);
  ctx.ports.logger.warn(
    `create: answer lost (${error.kind}) on server ${String(server.id)}: watching for the snapshot by name`,
  );
  void ctx.loop.kick();
  return op;
}

/** The server from the state, refreshing once if it is not there yet. */
async function serverById(ctx: CoreContext, serverId: Id): Promise<Server | null> {
  const find = () => ctx.data.servers.find((s) => sameId(s.id, serverId)) ?? null;
  const found = find();
  if (found !== null || !ctx.loop.started) return found;
  await ctx.loop.kick();
  return find();
}

/** The snapshot from the state, refreshing once if it is not there yet. */
async function snapshotById(ctx: CoreContext, snapshotId: Id): Promise<Snapshot | null> {
  const find = () => ctx.data.snapshots.find((s) => sameId(s.id, snapshotId)) ?? null;
  const found = find();
  if (found !== null || !ctx.loop.started) return found;
  await ctx.loop.kick();
  return find();
}
