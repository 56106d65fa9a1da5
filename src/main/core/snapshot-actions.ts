/**
 * The snapshot side of the core: create (named or from the template), restore and delete, each
 * after the guard rails, each started operation tracked. Each action body may throw; AppCore
 * wraps it into a Result.
 */
import { sameId, type Id, type Operation, type Server, type Snapshot } from '../../shared/domain';
import { fail, ok, type Result } from '../../shared/ipc';
import { renderNameTemplate, uniqueSnapshotName } from '../../shared/snapshot-name';
import type { AppError } from '../../shared/state';
import { isApiError, toAppError } from '../api/errors';
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
  const server = await findServer(ctx, input.serverId);
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
  const server = await findServer(ctx, input.serverId);
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
  const server = await findServer(ctx, input.serverId);
  if (server === null) return fail(SERVER_NOT_FOUND);
  const snapshot = await findSnapshot(ctx, input.snapshotId);
  if (snapshot === null) return fail(SNAPSHOT_NOT_FOUND);
  const refusal = restoreError(server, snapshot, input.confirmServerName, ctx.ops.all);
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
  const snapshot = await findSnapshot(ctx, input.snapshotId);
  if (snapshot === null || !sameId(snapshot.serverId, input.serverId)) return fail(SNAPSHOT_NOT_FOUND);
  const refusal = deleteError(snapshot, ctx.ops.all);
  if (refusal) return fail(refusal);
  await client.deleteSnapshot(snapshot.id);
  ctx.generation++;
  ctx.update({ snapshots: ctx.data.snapshots.filter((s) => !sameId(s.id, snapshot.id)) });
  ctx.ports.logger.info(`delete: snapshot ${String(snapshot.id)} deleted`);
  void ctx.loop.kick();
  return ok(null);
}

/** A just-started operation on this server's snapshot, stamped now. */
function runningOperation(
  ctx: CoreContext,
  kind: Operation['kind'],
  server: Server,
  snapshot: Snapshot,
): Operation {
  return {
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
  try {
    const started = await client.restoreSnapshot(snapshot.id);
    status = started.server.status || 'restoring';
  } catch (error) {
    // The answer was lost, but VPS.org may have started the restore: look before saying it failed,
    // or the user would retry (refused) and never hear when it ends.
    if (!(await restoreTookEffect(ctx, client, server, error))) throw error;
    status = 'restoring';
  }
  ctx.generation++;
  const op: Operation = {
    ...runningOperation(ctx, 'restore', server, snapshot),
    previousServerStatus: server.status,
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
 * After a restore request failed without a clear answer (timeout, dropped connection, 5xx, an
 * unreadable answer): true when the server now shows `restoring`, i.e. the restore did start.
 * A clear refusal (4xx) or a server that cannot be read counts as not started.
 */
async function restoreTookEffect(
  ctx: CoreContext,
  client: VpsClient,
  server: Server,
  error: unknown,
): Promise<boolean> {
  if (!isApiError(error) || !UNCLEAR_WRITE_KINDS.has(error.kind)) return false;
  let now: Server;
  try {
    now = await client.getServer(server.id, ctx.abort.signal);
  } catch (readError) {
    ctx.ports.logger.warn(
      `restore: answer lost (${error.kind}) and the server could not be read (${toAppError(readError).kind})`,
    );
    return false;
  }
  if (now.status !== 'restoring') return false;
  ctx.ports.logger.info(
    `restore: answer lost (${error.kind}), but server ${String(server.id)} is restoring: tracking it`,
  );
  return true;
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
    return fail({
      kind: 'refused',
      message: `A request for ${server.name} is already on its way. Wait a moment and look at the operations list.`,
    });
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
  const snapshot = await client.createSnapshot({
    serverId: server.id,
    name,
    ...(description !== '' ? { description } : {}),
  });
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

/** The server from the state, refreshing once if it is not there yet. */
async function findServer(ctx: CoreContext, serverId: Id): Promise<Server | null> {
  const find = () => ctx.data.servers.find((s) => sameId(s.id, serverId)) ?? null;
  const found = find();
  if (found !== null || !ctx.loop.started) return found;
  await ctx.loop.kick();
  return find();
}

/** The snapshot from the state, refreshing once if it is not there yet. */
async function findSnapshot(ctx: CoreContext, snapshotId: Id): Promise<Snapshot | null> {
  const find = () => ctx.data.snapshots.find((s) => sameId(s.id, snapshotId)) ?? null;
  const found = find();
  if (found !== null || !ctx.loop.started) return found;
  await ctx.loop.kick();
  return find();
}
