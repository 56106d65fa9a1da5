/**
 * The rules the snapshot dialogs apply before anything is sent, kept out of the components so
 * they read as plain decisions: which error text fits a failure, which snapshots a full server
 * could lose, and why a restore or delete is refused.
 */
import type { Server, Snapshot } from '../../../shared/domain';
import type { ErrorKind } from '../../../shared/state';

/** The catalog key that explains each kind of failure in plain language. */
export const ERROR_KEYS = {
  unauthorized: 'dialog.error.unauthorized',
  not_found: 'dialog.error.not_found',
  limit_reached: 'dialog.error.limit_reached',
  invalid: 'dialog.error.invalid',
  rate_limited: 'dialog.error.rate_limited',
  server: 'dialog.error.server',
  network: 'dialog.error.network',
  timeout: 'dialog.error.timeout',
  cancelled: 'dialog.error.cancelled',
  bad_response: 'dialog.error.bad_response',
  validation: 'dialog.error.validation',
  refused: 'dialog.error.refused',
  keychain: 'dialog.error.keychain',
  not_signed_in: 'dialog.error.not_signed_in',
  internal: 'dialog.error.internal',
} as const satisfies Record<ErrorKind, `dialog.error.${string}`>;

/** The catalog key for an error kind; unknown kinds (from a newer core) read as internal. */
export function errorKey(kind: string): (typeof ERROR_KEYS)[ErrorKind] {
  return Object.hasOwn(ERROR_KEYS, kind) ? ERROR_KEYS[kind as ErrorKind] : ERROR_KEYS.internal;
}

/** Snapshots a user could delete to make room, oldest first (in-progress ones cannot be deleted). */
export function deletableOldestFirst(snapshots: readonly Snapshot[]): Snapshot[] {
  return snapshots
    .filter((s) => s.status !== 'in_progress')
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.name.localeCompare(b.name));
}

/** Why a restore cannot start, as a catalog key; null when it may. Mirrors the API's 400 cases. */
export type RestoreRefusal =
  | 'dialog.restore.refusedInProgress'
  | 'dialog.restore.refusedFailed'
  | 'dialog.restore.refusedSnapshotStatus'
  | 'dialog.restore.refusedRestoring'
  | 'dialog.restore.refusedSuspended';

/** Decides whether this snapshot may be restored onto this server now. */
export function restoreRefusal(server: Pick<Server, 'status'>, snapshot: Snapshot): RestoreRefusal | null {
  if (snapshot.status === 'in_progress') return 'dialog.restore.refusedInProgress';
  if (snapshot.status === 'failed') return 'dialog.restore.refusedFailed';
  if (snapshot.status !== 'completed') return 'dialog.restore.refusedSnapshotStatus';
  if (server.status === 'restoring') return 'dialog.restore.refusedRestoring';
  if (server.status === 'suspended') return 'dialog.restore.refusedSuspended';
  return null;
}

/** True when what the user typed is the server's name: exact, case and spaces included. */
export function confirmsServerName(typed: string, serverName: string): boolean {
  return serverName.length > 0 && typed === serverName;
}
