/**
 * English texts of the safety flows around a risky change (issue 13): the history and its export,
 * the safety snapshot before a restore, the 5/5 flow and the follow-ups, in the window, the tray
 * and the notifications.
 */
export const safetyEn = {
  'header.history': 'History',
  'history.title': 'History',
  'history.intro':
    'Every snapshot, restore and delete the app started or saw end, and every action it refused, for this account. Kept on this computer (the newest {max}).',
  'history.filterLabel': 'Server',
  'history.allServers': 'All servers',
  'history.count': '{count, plural, one {# entry} other {# entries}}',
  'history.empty': 'Nothing in the history yet.',
  'history.emptyFiltered': 'Nothing in the history for {server}.',
  'history.exportJson': 'Export JSON',
  'history.exportCsv': 'Export CSV',
  'history.exporting': 'Exporting…',
  'history.saved': 'Saved to {path}.',
  'history.downloaded': 'Downloaded {file}.',
  'history.cancelled': 'Export cancelled.',
  'history.col.when': 'When',
  'history.col.what': 'What',
  'history.col.server': 'Server',
  'history.col.snapshot': 'Snapshot',
  'history.col.source': 'From',
  'history.col.result': 'Result',
  'history.col.details': 'Details',
  'history.kind.create': 'Snapshot',
  'history.kind.restore': 'Restore',
  'history.kind.delete': 'Delete',
  'history.what': '{kind} ({flow})',
  'history.flow.safety-restore': 'before a restore',
  'history.flow.after-safety': 'after a snapshot of the current state',
  'history.flow.make-room': 'to make room',
  'history.source.window': 'Window',
  'history.source.tray': 'Tray',
  'history.source.schedule': 'Schedule',
  'history.source.follow-up': 'Follow-up',
  'history.source.safety': 'Safety snapshot',
  'history.result.succeeded': 'Done',
  'history.result.failed': 'Failed',
  'history.result.refused': 'Refused',
  'history.deleted': 'The snapshot was deleted.',
  'core.exportFailed': 'The file could not be written: {reason}. Choose another place and try again.',
  'settingsFile.issue.historyUnreadable': 'The history was unreadable.',
  'settingsFile.issue.historyDropped':
    '{count, plural, one {# unreadable history entry was} other {# unreadable history entries were}} dropped.',
  'dialog.restore.safety': 'Snapshot the current state first',
  'dialog.restore.safetyHint':
    'Takes a snapshot of {server} as it is now and starts the restore only once that snapshot has completed. This adds {min}-{max} minutes. If the snapshot fails, nothing is restored.',
  'dialog.restore.safetyNoSlot':
    '{server} already has {limit} of {limit} snapshots, so there is no free slot for a snapshot of the current state. Delete one first to take it, or restore without it.',
  'ops.safetyThen': 'then restores from “{snapshot}”',
  'safety.abandoned.safetyFailed':
    'The restore was not started because the snapshot of the current state failed.',
  'safety.abandoned.safetyUnclear':
    'The restore was not started because VPS.org never confirmed the snapshot of the current state, so the app cannot tell whether it exists.',
  'safety.abandoned.restoreRefused':
    'The restore was not started after the snapshot of the current state: the server or the snapshot to restore changed meanwhile.',
  'notify.safetyAbandoned.title': '{server}: restore not started',
  'notify.safetyAbandoned.body':
    '{reason} {server} was left as it was; snapshot “{snapshot}” was not restored.',
} as const;
