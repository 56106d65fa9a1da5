/**
 * Pinned snapshots: the user's "keep this one". The API has no labels, so pins are kept locally by
 * account scope (CoreContext.markScope) and snapshot id. A pinned snapshot is never rotated, and
 * deleting one by hand needs a second confirmation (`confirmPinned`, checked in
 * snapshot-actions.ts). Pins of snapshots VPS.org no longer lists go after a full refresh.
 */
import { sameId, type Id, type Snapshot } from '../../shared/domain';
import { fail, ok, type Result } from '../../shared/result';
import type { CoreContext } from './core-context';
import { NOT_SIGNED_IN, SNAPSHOT_NOT_FOUND } from './guards';
import { snapshotById } from './snapshot-actions';

/** One pin as stored. */
export interface PinRecord {
  /** The account scope it was made in (CoreContext.markScope), compared exactly. */
  scope: string;
  snapshotId: Id;
}

/** The pinned snapshot ids of one scope. */
export function pinnedIds(pins: readonly PinRecord[], scope: string | null): Id[] {
  if (scope === null) return [];
  return pins.filter((p) => p.scope === scope).map((p) => p.snapshotId);
}

/** True when the snapshot is pinned in this scope. */
export function isPinned(pins: readonly PinRecord[], scope: string | null, snapshotId: Id): boolean {
  return scope !== null && pins.some((p) => p.scope === scope && sameId(p.snapshotId, snapshotId));
}

/** The pins with this snapshot pinned or not (other scopes untouched; never two of one snapshot). */
export function withPin(
  pins: readonly PinRecord[],
  scope: string,
  snapshotId: Id,
  pinned: boolean,
): PinRecord[] {
  const others = pins.filter((p) => p.scope !== scope || !sameId(p.snapshotId, snapshotId));
  return pinned ? [...others, { scope, snapshotId }] : others;
}

/** The pins of `scope` whose snapshot is in `snapshots` (a complete list), and every other scope's. */
export function prunePins(
  pins: readonly PinRecord[],
  scope: string,
  snapshots: readonly Pick<Snapshot, 'id'>[],
): PinRecord[] {
  const listed = new Set(snapshots.map((s) => String(s.id)));
  return pins.filter((p) => p.scope !== scope || listed.has(String(p.snapshotId)));
}

/** Input of setPinned. */
export interface PinInput {
  serverId: Id;
  snapshotId: Id;
  pinned: boolean;
}

/** Saves the pins and publishes them. */
export function savePins(ctx: CoreContext, pins: PinRecord[]): void {
  ctx.update({ pins });
  ctx.persist({ pins });
}

/**
 * Pins or unpins a snapshot of the account in use. Pinning needs the snapshot to exist on that
 * server; unpinning always works (a pin of a snapshot that is gone is simply removed).
 */
export async function setPinned(ctx: CoreContext, input: PinInput): Promise<Result<null>> {
  const scope = ctx.markScope();
  if (ctx.client === null || scope === null) return fail(NOT_SIGNED_IN);
  if (input.pinned) {
    const snapshot = await snapshotById(ctx, input.snapshotId);
    if (snapshot === null || !sameId(snapshot.serverId, input.serverId)) return fail(SNAPSHOT_NOT_FOUND);
  }
  if (isPinned(ctx.data.pins, scope, input.snapshotId) === input.pinned) return ok(null);
  savePins(ctx, withPin(ctx.data.pins, scope, input.snapshotId, input.pinned));
  ctx.ports.logger.info(`pins: snapshot ${String(input.snapshotId)} ${input.pinned ? 'pinned' : 'unpinned'}`);
  return ok(null);
}

/** After a complete snapshot list: drops the current scope's pins of snapshots no longer listed. */
export function prunePinsAfterRefresh(ctx: CoreContext): void {
  const scope = ctx.markScope();
  if (scope === null) return;
  const pins = prunePins(ctx.data.pins, scope, ctx.data.snapshots);
  if (pins.length === ctx.data.pins.length) return;
  ctx.ports.logger.info(`pins: ${ctx.data.pins.length - pins.length} pin(s) of deleted snapshots removed`);
  savePins(ctx, pins);
}

/** Drops every pin of a scope (a new demo: its snapshots are not the last demo's). */
export function forgetScope(ctx: CoreContext, scope: string): void {
  const pins = ctx.data.pins.filter((p) => p.scope !== scope);
  if (pins.length !== ctx.data.pins.length) savePins(ctx, pins);
}
