/**
 * The texts of every notification. Each is complete on its own: on Linux a click may never
 * arrive, so the body says what happened, to what, and what it means.
 */
import type { Operation } from '../../shared/domain';
import { elapsedMs, formatDurationMs } from './format';
import type { NotificationRequest } from './ports';

/** Adds a "(demo)" marker so demo events are never mistaken for real ones. */
function titled(title: string, demo: boolean): string {
  return demo ? `${title} (demo)` : title;
}

/** The notification for a finished operation (create or restore, success or failure). */
export function operationFinishedNotification(op: Operation, demo = false): NotificationRequest {
  const took = formatDurationMs(elapsedMs(op.startedAt, op.finishedAt ?? op.startedAt));
  const detail = op.message ? ` ${op.message}` : '';
  if (op.kind === 'create') {
    if (op.status === 'succeeded') {
      return {
        title: titled('Snapshot completed', demo),
        body: `Snapshot "${op.snapshotName}" of ${op.serverName} is ready after ${took}.${detail}`,
        serverId: op.serverId,
      };
    }
    return {
      title: titled('Snapshot failed', demo),
      body: `Snapshot "${op.snapshotName}" of ${op.serverName} did not complete (after ${took}).${detail}`,
      serverId: op.serverId,
    };
  }
  if (op.status === 'succeeded') {
    return {
      title: titled('Restore finished', demo),
      body: `${op.serverName} was restored from snapshot "${op.snapshotName}" in ${took}.${detail}`,
      serverId: op.serverId,
    };
  }
  return {
    title: titled('Restore ended with a problem', demo),
    body: `The restore of ${op.serverName} from snapshot "${op.snapshotName}" ended after ${took}.${detail}`,
    serverId: op.serverId,
  };
}

/** The one notification sent when the token stops working (a 401). */
export function tokenInvalidNotification(demo = false): NotificationRequest {
  return {
    title: titled('VPS.org token stopped working', demo),
    body:
      'VPS.org no longer accepts the API token, so VPS Snapshot Tray stopped checking your servers. ' +
      'Tracked operations are kept. Open the app and paste a new token from Account → Developers.',
  };
}

/**
 * The one notification sent when the settings file cannot be written: finished operations are still
 * announced, but their end is not saved, so a restart may announce them again.
 */
export function saveFailedNotification(reason: string): NotificationRequest {
  return {
    title: 'Settings cannot be saved',
    body:
      `VPS Snapshot Tray could not write its settings file (${reason}). It keeps working and tells you ` +
      'how operations end, but after a restart it may report some outcomes again and forget changed settings.',
  };
}
