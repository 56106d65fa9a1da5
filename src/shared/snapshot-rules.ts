/**
 * When a snapshot action cannot work, as data: the window says why before the click, the core
 * refuses with the same rule as the backstop (src/main/core/guards.ts words its refusals).
 */
import { SNAPSHOT_LIMIT, sameId, type Operation, type Server, type Snapshot } from './domain';

/** Why a new snapshot of a server cannot be taken now. */
export type CreateBlock = 'limit' | 'restoring';

/** Why a new snapshot cannot be taken (the 5-snapshot limit first), or null when it can. */
export function createBlock(server: Pick<Server, 'status'>, snapshotCount: number): CreateBlock | null {
  if (snapshotCount >= SNAPSHOT_LIMIT) return 'limit';
  if (server.status === 'restoring') return 'restoring';
  return null;
}

/** Why a snapshot cannot be deleted now: it is still being made, or a running restore reads it. */
export type DeleteBlock = { kind: 'in_progress' } | { kind: 'restore_source'; restore: Operation };

/** Why this snapshot cannot be deleted now, or null when it can. */
export function deleteBlock(
  snapshot: Pick<Snapshot, 'id' | 'status'>,
  operations: readonly Operation[],
): DeleteBlock | null {
  if (snapshot.status === 'in_progress') return { kind: 'in_progress' };
  // Deleting the source of a running restore could leave the server half-restored.
  const restore = operations.find(
    (op) =>
      op.kind === 'restore' &&
      op.status === 'running' &&
      op.snapshotId !== null &&
      sameId(op.snapshotId, snapshot.id),
  );
  return restore ? { kind: 'restore_source', restore } : null;
}
