/**
 * Refusals of what cannot succeed, each with a plain reason, checked against the state before any
 * request is made. The API would refuse most of these too, but later and in its own words.
 */
import { SNAPSHOT_LIMIT, sameId, type Operation, type Server, type Snapshot } from '../../shared/domain';
import { createBlock, deleteBlock } from '../../shared/snapshot-rules';
import {
  SNAPSHOT_NAME_MAX,
  badNameCharacters,
  checkDescription,
  checkSnapshotName,
} from '../../shared/snapshot-name';
import type { AppError } from '../../shared/state';

/** A refusal of kind `refused`. */
function refused(message: string): AppError {
  return { kind: 'refused', message };
}

/** Why this snapshot name cannot be used, or null. */
export function nameError(name: string): AppError | null {
  const problem = checkSnapshotName(name);
  if (problem === null) return null;
  if (problem === 'empty') return { kind: 'validation', message: 'A snapshot needs a name.' };
  if (problem === 'too_long') {
    return {
      kind: 'validation',
      message: `A snapshot name can be at most ${SNAPSHOT_NAME_MAX} characters (this one has ${name.length}).`,
    };
  }
  const bad = badNameCharacters(name)
    .slice(0, 5)
    .map((c) => (c === ' ' ? 'space' : `"${c}"`))
    .join(', ');
  return {
    kind: 'validation',
    message: `A snapshot name may only contain letters, digits, hyphens (-) and underscores (_); not ${bad}.`,
  };
}

/** Why this description cannot be used, or null. */
export function descriptionError(description: string): AppError | null {
  const problem = checkDescription(description);
  if (problem === null) return null;
  return {
    kind: 'validation',
    message:
      problem === 'too_long'
        ? 'The description is too long.'
        : 'The description contains control characters; use plain text.',
  };
}

/**
 * Why a new snapshot of this server cannot be made now, or null. `unlisted` counts creates of this
 * server VPS.org has not listed yet: each may hold a slot.
 */
export function createError(
  server: Server,
  snapshots: readonly Snapshot[],
  name: string,
  unlisted = 0,
): AppError | null {
  const bad = nameError(name);
  if (bad) return bad;
  const taken = snapshots.length + unlisted;
  const block = createBlock(server, taken);
  if (block === 'limit') {
    return {
      kind: 'limit_reached',
      message: `${server.name} already has ${taken} of ${SNAPSHOT_LIMIT} snapshots, the most allowed. Delete an old one first.`,
    };
  }
  if (block === 'restoring') {
    return refused(
      `${server.name} is being restored right now. Take a snapshot after the restore has finished.`,
    );
  }
  if (snapshots.some((s) => s.name === name)) {
    return {
      kind: 'validation',
      message: `${server.name} already has a snapshot named "${name}". Choose another name.`,
    };
  }
  return null;
}

/** Why this restore cannot start, or null. `confirmServerName` must equal the server name exactly. */
export function restoreError(
  server: Server,
  snapshot: Snapshot,
  confirmServerName: string,
  operations: readonly Operation[],
): AppError | null {
  // A blank name would make the typed confirmation trivially empty: no real check before overwriting.
  if (server.name.trim() === '') {
    return refused(
      'This server has no name at VPS.org, so the app cannot ask you to confirm the restore by typing it. Give the server a name in the VPS.org dashboard first.',
    );
  }
  if (confirmServerName !== server.name) {
    return refused(
      `To restore, type the server's name exactly as shown ("${server.name}"). The restore overwrites all data on it.`,
    );
  }
  if (!sameId(snapshot.serverId, server.id)) {
    return refused(`Snapshot "${snapshot.name}" belongs to another server, not to ${server.name}.`);
  }
  const restoring = operations.some(
    (op) => op.kind === 'restore' && op.status === 'running' && sameId(op.serverId, server.id),
  );
  if (server.status === 'restoring' || restoring) {
    return refused(`${server.name} is already being restored. Wait until that restore has finished.`);
  }
  if (server.status === 'suspended') {
    return refused(`${server.name} is suspended, so it cannot be restored. Contact VPS.org support.`);
  }
  if (snapshot.status !== 'completed') {
    const why =
      snapshot.status === 'in_progress' ? 'it is still being created' : `its status is "${snapshot.status}"`;
    return refused(
      `Snapshot "${snapshot.name}" cannot be restored yet: ${why}. Only completed snapshots can be restored.`,
    );
  }
  return null;
}

/** Why this snapshot cannot be deleted now, or null. */
export function deleteError(snapshot: Snapshot, operations: readonly Operation[]): AppError | null {
  const block = deleteBlock(snapshot, operations);
  if (block?.kind === 'in_progress') {
    return refused(
      `Snapshot "${snapshot.name}" is still being created. It can be deleted once it has finished.`,
    );
  }
  if (block?.kind === 'restore_source') {
    return refused(
      `${block.restore.serverName} is being restored from snapshot "${snapshot.name}". It can be deleted once the restore has finished.`,
    );
  }
  return null;
}

/** The answer to any data action before a token is set or the demo started. */
export const NOT_SIGNED_IN: AppError = {
  kind: 'not_signed_in',
  message: 'Not connected to VPS.org yet. Paste an API token (Account → Developers) or try the demo.',
};

/** A server the action names is not in the account (any more). */
export const SERVER_NOT_FOUND: AppError = {
  kind: 'not_found',
  message: 'That server is not in this account (any more). Refresh the list and try again.',
};

/** A snapshot the action names no longer exists. */
export const SNAPSHOT_NOT_FOUND: AppError = {
  kind: 'not_found',
  message: 'That snapshot no longer exists. Refresh the list and try again.',
};
