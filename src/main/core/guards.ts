/**
 * Refusals of what cannot succeed, each with a plain reason and what to do, checked against the
 * state before any request is made. The API would refuse most of these too, but later and in its
 * own words. Each refusal is a catalog code with parameters (appError), so every view shows it in
 * the user's language.
 */
import { SNAPSHOT_LIMIT, sameId, type Operation, type Server, type Snapshot } from '../../shared/domain';
import { appError } from '../../shared/i18n/app-error';
import { descriptionRule, nameRule } from '../../shared/i18n/rules';
import { createBlock, deleteBlock } from '../../shared/snapshot-rules';
import type { AppError } from '../../shared/state';

/** Why this snapshot name cannot be used, or null. */
export function nameError(name: string): AppError | null {
  const rule = nameRule(name);
  return rule === null ? null : appError('validation', rule.code, rule.params);
}

/** Why this description cannot be used, or null. */
export function descriptionError(description: string): AppError | null {
  const rule = descriptionRule(description);
  return rule === null ? null : appError('validation', rule.code, rule.params);
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
    return appError('limit_reached', 'core.limit', {
      server: server.name,
      count: taken,
      limit: SNAPSHOT_LIMIT,
    });
  }
  if (block === 'restoring') return appError('refused', 'core.createWhileRestoring', { server: server.name });
  if (snapshots.some((s) => s.name === name)) {
    return appError('validation', 'core.nameTaken', { server: server.name, name });
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
  if (server.name.trim() === '') return appError('refused', 'core.restoreNoName');
  if (confirmServerName !== server.name) {
    return appError('refused', 'core.restoreConfirm', { server: server.name });
  }
  if (!sameId(snapshot.serverId, server.id)) {
    return appError('refused', 'core.restoreOtherServer', { snapshot: snapshot.name, server: server.name });
  }
  const restoring = operations.some(
    (op) => op.kind === 'restore' && op.status === 'running' && sameId(op.serverId, server.id),
  );
  if (server.status === 'restoring' || restoring) {
    return appError('refused', 'core.restoreAlready', { server: server.name });
  }
  if (server.status === 'suspended')
    return appError('refused', 'core.restoreSuspended', { server: server.name });
  if (snapshot.status === 'in_progress') {
    return appError('refused', 'core.restoreInProgress', { snapshot: snapshot.name });
  }
  if (snapshot.status !== 'completed') {
    return appError('refused', 'core.restoreBadStatus', { snapshot: snapshot.name, status: snapshot.status });
  }
  return null;
}

/** Why this snapshot cannot be deleted now, or null. */
export function deleteError(snapshot: Snapshot, operations: readonly Operation[]): AppError | null {
  const block = deleteBlock(snapshot, operations);
  if (block?.kind === 'in_progress') {
    return appError('refused', 'core.deleteInProgress', { snapshot: snapshot.name });
  }
  if (block?.kind === 'restore_source') {
    return appError('refused', 'core.deleteRestoreSource', {
      server: block.restore.serverName,
      snapshot: snapshot.name,
    });
  }
  return null;
}

/** The answer to any data action before a token is set or the demo started. */
export const NOT_SIGNED_IN: AppError = appError('not_signed_in', 'core.notSignedIn');

/** A server the action names is not in the account (any more). */
export const SERVER_NOT_FOUND: AppError = appError('not_found', 'core.serverNotFound');

/** A snapshot the action names no longer exists. */
export const SNAPSHOT_NOT_FOUND: AppError = appError('not_found', 'core.snapshotNotFound');
