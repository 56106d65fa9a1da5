/**
 * The snapshot side of the core: create (named or from the template), restore and delete, each
 * after the guard rails, each started operation tracked. Each action body may throw; AppCore
 * wraps it into a Result.
 */
import { sameId, type Id, type Operation, type Server, type Snapshot } from '../../shared/domain';
import type { HistoryFlow, HistorySource } from '../../shared/history';
import { appError } from '../../shared/i18n/app-error';
import { fail, ok, type Result } from '../../shared/result';
import { renderNameTemplate, uniqueSnapshotName } from '../../shared/snapshot-name';
import type { AppError } from '../../shared/state';
import { toAppError } from '../api/errors';
import type { VpsClient } from '../api/types';
import { writeOutcome } from '../api/unclear-writes';
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
import { unlistedCreates } from './operations';
import { isPinned, savePins, withPin } from './pins';
import { snapshotsOf } from './refresh';

/** Input of createSnapshot. */
export interface CreateInput {
  serverId: Id;
  name: string;
  description: string;
}

/** Input of deleteSnapshot. */
export interface DeleteInput {
  serverId: Id;
  snapshotId: Id;
  /** The user confirmed a second time that a pinned snapshot is to go. */
  confirmPinned?: boolean;
}

/** Input of restoreSnapshot. */
export interface RestoreInput {
  serverId: Id;
  snapshotId: Id;
  confirmServerName: string;
  /** Take a snapshot of the current state first (see safety-restore.ts). */
  safetySnapshot?: boolean;
}

/** Starts a snapshot and tracks it; refuses names, a 6th snapshot, and servers being restored. */
export async function createSnapshot(
  ctx: CoreContext,
  input: CreateInput,
  source: HistorySource,
): Promise<Result<Operation>> {
  const client = ctx.client;
  if (client === null) return fail(NOT_SIGNED_IN);
  const server = await serverById(ctx, input.serverId);
  if (server === null) return fail(SERVER_NOT_FOUND);
  const name = input.name.trim();
  const badDescription = descriptionError(input.description);
  if (badDescription) return fail(badDescription);
  const refusal = await createRefusal(ctx, server, () => name);
  if (refusal) return fail(refusal);
  return exclusive(ctx, server, () =>
    startCreate(ctx, client, server, { name, description: input.description.trim(), source }),
  );
}

/** Starts a snapshot named from the template (made unique among the server's snapshots). */
export async function quickSnapshot(
  ctx: CoreContext,
  input: { serverId: Id },
  source: HistorySource,
): Promise<Result<Operation>> {
  const client = ctx.client;
  if (client === null) return fail(NOT_SIGNED_IN);
  const server = await serverById(ctx, input.serverId);
  if (server === null) return fail(SERVER_NOT_FOUND);
  const nameFor = templateName(ctx, server);
  const refusal = await createRefusal(ctx, server, nameFor);
  if (refusal) return fail(refusal);
  return exclusive(ctx, server, () =>
    startCreate(ctx, client, server, { name: nameFor(), description: '', source }),
  );
}

/** The template's name for a new snapshot of this server, made unique among its snapshots when asked. */
function templateName(ctx: CoreContext, server: Server): () => string {
  const base = renderNameTemplate(ctx.data.settings.nameTemplate, {
    server: { name: server.name, id: server.id },
    at: new Date(ctx.ports.scheduler.now()),
  });
  return () =>
    uniqueSnapshotName(
      base,
      snapshotsOf(ctx.data.snapshots, server.id).map((s) => s.name),
    );
}

/** Starts a restore after the guard rails (exact server name, states) and tracks it. */
export async function restoreSnapshot(
  ctx: CoreContext,
  input: RestoreInput,
  source: HistorySource,
): Promise<Result<Operation>> {
  const client = ctx.client;
  if (client === null) return fail(NOT_SIGNED_IN);
  const server = await serverById(ctx, input.serverId);
  if (server === null) return fail(SERVER_NOT_FOUND);
  const snapshot = await snapshotById(ctx, input.snapshotId);
  if (snapshot === null) return fail(SNAPSHOT_NOT_FOUND);
  const refusal = restoreError(server, snapshot, input.confirmServerName, ctx.ops.current);
  if (refusal) return fail(refusal);
  // A restore waiting for its safety snapshot is a restore on its way.
  if (ctx.ops.current.some((op) => sameId(op.serverId, server.id) && pendingSafety(op))) {
    return fail(appError('refused', 'core.restoreAlready', { server: server.name }));
  }
  if (input.safetySnapshot !== true) {
    return exclusive(ctx, server, () => sendRestore(ctx, client, server, snapshot, { source }));
  }
  // The snapshot of the current state needs a free slot, like any other.
  const nameFor = templateName(ctx, server);
  const noSlot = await createRefusal(ctx, server, nameFor);
  if (noSlot) return fail(noSlot);
  return exclusive(ctx, server, () =>
    startCreate(ctx, client, server, {
      name: nameFor(),
      description: '',
      source,
      flow: 'safety-restore',
      safetyRestore: { snapshotId: snapshot.id, snapshotName: snapshot.name, step: 'waiting' },
    }),
  );
}

/** True while a safety snapshot's restore has not been started or given up yet. */
export function pendingSafety(op: Operation): boolean {
  const step = op.safetyRestore?.step;
  return step === 'waiting' || step === 'sending';
}

/**
 * Deletes a snapshot (refused while it is still being created, and for a pinned one unless the
 * user confirmed a second time).
 */
export async function deleteSnapshot(
  ctx: CoreContext,
  input: DeleteInput,
  source: HistorySource,
): Promise<Result<null>> {
  const client = ctx.client;
  if (client === null) return fail(NOT_SIGNED_IN);
  const snapshot = await snapshotById(ctx, input.snapshotId);
  if (snapshot === null || !sameId(snapshot.serverId, input.serverId)) return fail(SNAPSHOT_NOT_FOUND);
  const refusal = deleteError(snapshot, ctx.ops.current);
  if (refusal) return fail(refusal);
  const pinned = isPinned(ctx.data.pins, ctx.markScope(), snapshot.id);
  if (pinned && input.confirmPinned !== true) {
    return fail(appError('refused', 'core.deletePinned', { snapshot: snapshot.name }));
  }
  await client.deleteSnapshot(snapshot.id);
  ctx.generation++;
  ctx.update({ snapshots: ctx.data.snapshots.filter((s) => !sameId(s.id, snapshot.id)) });
  const scope = ctx.markScope();
  if (pinned && scope !== null) savePins(ctx, withPin(ctx.data.pins, scope, snapshot.id, false));
  ctx.ports.logger.info(`delete: snapshot ${String(snapshot.id)} deleted`);
  ctx.recordAction(
    ctx.subjectOf({
      kind: 'delete',
      source,
      serverId: snapshot.serverId,
      snapshotId: snapshot.id,
      snapshotName: snapshot.name,
    }),
    null,
  );
  void ctx.loop.kick();
  return ok(null);
}

/** A just-started operation on this server's snapshot, stamped with its request time and the API and account in use. */
function runningOperation(
  ctx: CoreContext,
  kind: Operation['kind'],
  server: Server,
  snapshot: Pick<Snapshot, 'id' | 'name'> | { id: null; name: string },
  requestedAt: string,
  origin: Origin,
): Operation {
  const scope = ctx.scopeText();
  return {
    ...(scope !== undefined ? { scope } : {}),
    id: ctx.ops.newId(ctx.ports.scheduler.now()),
    ...origin,
    kind,
    serverId: server.id,
    serverName: server.name,
    snapshotId: snapshot.id,
    snapshotName: snapshot.name,
    startedAt: requestedAt,
    status: 'running',
    finishedAt: null,
    message: null,
  };
}

/** Where an operation came from, and the flow it is a step of. */
export interface Origin {
  source: HistorySource;
  flow?: HistoryFlow;
}

/**
 * Sends the restore and starts tracking it (the guards have passed). When its answer is lost, the
 * restore may have started: it is tracked as uncertain and watched like any other (a destructive
 * action whose outcome nobody knows is never "try again"). A clear refusal throws.
 */
export async function sendRestore(
  ctx: CoreContext,
  client: VpsClient,
  server: Server,
  snapshot: Snapshot,
  origin: Origin,
): Promise<Operation> {
  const requestedAt = ctx.nowIso();
  let answered: string | null = null;
  let uncertain = false;
  try {
    answered = (await client.restoreSnapshot(snapshot.id)).server.status || 'restoring';
  } catch (error) {
    const outcome = writeOutcome(error);
    if (outcome === 'refused') throw error;
    uncertain = outcome === 'unclear';
    ctx.ports.logger.warn(
      `restore: no clear answer (${toAppError(error).kind}) for server ${String(server.id)}: watching the server`,
    );
  }
  ctx.generation++;
  const op: Operation = {
    ...runningOperation(ctx, 'restore', server, snapshot, requestedAt, origin),
    previousServerStatus: server.status,
    ...(uncertain ? { uncertain: true } : {}),
  };
  if (answered !== null) {
    const status = answered;
    ctx.update({ servers: ctx.data.servers.map((s) => (sameId(s.id, server.id) ? { ...s, status } : s)) });
  }
  ctx.ops.add(op);
  ctx.ports.logger.info(`restore: started for server ${String(server.id)}`);
  void ctx.loop.kick();
  return op;
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
  const check = (current: Server): AppError | null => {
    // Creates VPS.org has not listed yet: one of the same name is most likely what the user is
    // retrying, and would make a second snapshot; each may hold one of the five slots.
    const unlisted = unlistedCreates(ctx.ops.current, server.id);
    const same = unlisted.find((op) => op.snapshotName === name());
    if (same !== undefined) return sameNameRefusal(current, same);
    return createError(current, snapshotsOf(ctx.data.snapshots, server.id), name(), unlisted.length);
  };
  const refusal = check(server);
  if (refusal?.kind !== 'limit_reached' || !ctx.loop.started) return refusal;
  await ctx.loop.kick();
  return check(ctx.data.servers.find((s) => sameId(s.id, server.id)) ?? server);
}

/** The refusal of a create named like one VPS.org has not listed yet (never "try again"). */
function sameNameRefusal(server: Server, unlisted: Operation): AppError {
  return appError('refused', unlisted.uncertain === true ? 'core.createUnsure' : 'core.createUnsureSeen', {
    server: server.name,
    snapshot: unlisted.snapshotName,
  });
}

/** What a create asks for; a safety snapshot also carries the restore it leads to. */
interface CreateRequest extends Origin, Pick<Operation, 'safetyRestore'> {
  name: string;
  description: string;
}

/** Sends the create and starts tracking it (the guards have passed). */
async function startCreate(
  ctx: CoreContext,
  client: VpsClient,
  server: Server,
  { name, description, source, flow, safetyRestore }: CreateRequest,
): Promise<Operation> {
  const origin: Origin = { source, ...(flow !== undefined ? { flow } : {}) };
  const carried = safetyRestore !== undefined ? { safetyRestore } : {};
  const requestedAt = ctx.nowIso();
  // Passed so that after an unclear answer none of these is taken for the one this request made.
  const knownSnapshotIds = snapshotsOf(ctx.data.snapshots, server.id).map((s) => s.id);
  let snapshot: Snapshot;
  try {
    snapshot = await client.createSnapshot({
      serverId: server.id,
      name,
      knownSnapshotIds,
      ...(description !== '' ? { description } : {}),
    });
  } catch (error) {
    const outcome = writeOutcome(error);
    if (outcome === 'refused') throw error;
    ctx.generation++;
    // VPS.org may have made it (or did, after an unreadable 2xx) and may list it only later: watch
    // for it by name. The same name is refused meanwhile, so a retry cannot make a second one.
    const op: Operation = {
      ...runningOperation(ctx, 'create', server, { id: null, name }, requestedAt, origin),
      ...carried,
      knownSnapshotIds,
      // Views word it from these fields: unclear ("may have started"), else accepted but not listed yet.
      uncertain: outcome === 'unclear',
    };
    ctx.ops.add(op);
    ctx.ports.logger.warn(
      `create: no clear answer (${toAppError(error).kind}) on server ${String(server.id)}: watching for the snapshot by name`,
    );
    void ctx.loop.kick();
    return op;
  }
  ctx.generation++;
  const op: Operation = {
    ...runningOperation(ctx, 'create', server, snapshot, requestedAt, origin),
    ...carried,
  };
  ctx.update({ snapshots: [snapshot, ...ctx.data.snapshots.filter((s) => !sameId(s.id, snapshot.id))] });
  ctx.ops.add(op);
  ctx.ports.logger.info(`create: snapshot ${String(snapshot.id)} started on server ${String(server.id)}`);
  // The create answer may already say it ended (a fast or failed create).
  const finished = ctx.observe({
    snapshots: [snapshot],
    snapshotsOf: new Set([String(server.id)]),
    servers: new Map(),
    at: ctx.nowIso(),
    canConcludeMissing: () => false,
  });
  void ctx.loop.kick();
  return finished.find((f) => f.id === op.id) ?? op;
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
export async function snapshotById(ctx: CoreContext, snapshotId: Id): Promise<Snapshot | null> {
  const find = () => ctx.data.snapshots.find((s) => sameId(s.id, snapshotId)) ?? null;
  const found = find();
  if (found !== null || !ctx.loop.started) return found;
  await ctx.loop.kick();
  return find();
}
