/**
 * English notification texts and the outcome sentences of finished operations (shown in the
 * window's operations list and in the notification body). Each notification is complete on its
 * own: on Linux a click may never arrive, so the text says what happened, to what, and what next.
 */
export const notifyEn = {
  'notify.demo': '{title} (demo)',
  'notify.createDone.title': '{server}: snapshot completed',
  'notify.createDone.body': 'Snapshot “{snapshot}” of {server} is ready after {duration}. {outcome}',
  'notify.createFailed.title': '{server}: snapshot failed',
  'notify.createFailed.body':
    'Snapshot “{snapshot}” of {server} did not complete (after {duration}). {outcome}',
  'notify.restoreDone.title': '{server}: restore finished',
  'notify.restoreDone.body': '{server} was restored from snapshot “{snapshot}” in {duration}. {outcome}',
  'notify.restoreFailed.title': '{server}: restore failed',
  'notify.restoreFailed.body':
    'The restore of {server} from snapshot “{snapshot}” ended without success after {duration}. {outcome}',
  'notify.tokenInvalid.title': 'VPS.org token stopped working',
  'notify.tokenInvalid.body':
    'VPS.org no longer accepts the API token, so VPS Snapshot Tray stopped checking your servers. Tracked operations are kept. Open the app and paste a new token from Account → Developers.',
  'notify.settingsProblem.title': 'Problem with the settings file',
  'notify.settingsProblem.body':
    'Some settings may be back to their defaults. Open VPS Snapshot Tray to see what happened and check Settings.',
  'notify.saveFailed.title': 'Settings cannot be saved',
  'notify.saveFailed.body':
    'VPS Snapshot Tray could not write its settings file ({reason}). It keeps working and tells you how operations end, but after a restart it may report some outcomes again and forget changed settings.',
  'notify.snapshotStarted.title': '{server}: snapshot started',
  'notify.snapshotStarted.body':
    'Taking snapshot “{snapshot}”. It usually takes {usual}; you will be notified when it is ready.',
  'notify.snapshotUnclear.body':
    'VPS.org did not answer clearly, so snapshot “{snapshot}” may have started. The app is checking and will tell you how it ends; do not start another one meanwhile.',
  'notify.snapshotRefused.title': '{server}: no snapshot taken',
  'notify.refreshFailed.title': 'Refresh failed',
  'notify.demoFailed.title': 'The demo did not start',
  'notify.leaveDemoFailed.title': 'Could not leave the demo',

  'outcome.created': 'Size: {size}.',
  'outcome.createdNoSize': 'VPS.org has not reported its size yet.',
  'outcome.snapshotFailed':
    'VPS.org reports its status as “{status}”. Delete it to free its place, then take a new one.',
  'outcome.snapshotGone':
    'It is no longer listed at VPS.org: it failed or was deleted. Take a new snapshot if you still need one.',
  'outcome.notApplied':
    'VPS.org has not listed it in the {minutes, plural, one {# minute} other {# minutes}} since the request, so the request did not take effect. It is now safe to take the snapshot again.',
  'outcome.restoredUp': '{server} is up and running again.',
  'outcome.restoredAsBefore': '{server} is {status} again, as it was before the restore.',
  'outcome.restoredDown':
    '{server} is {status} now, not running. Start it from the VPS.org dashboard if it should be up.',
  'outcome.notListed':
    'VPS.org accepted the request but has not listed the snapshot in the {minutes, plural, one {# minute} other {# minutes}} since. Check the server’s snapshots at VPS.org before taking another.',
  'outcome.restoredEnded': '{server} is no longer being restored.',
  'outcome.restoreUnconfirmedNoStatus':
    'The app could not confirm the outcome: VPS.org never showed {server} restoring in the {minutes, plural, one {# minute} other {# minutes}} since the restore was asked for. Check the server and its data before restoring again.',
  'outcome.serverGone': 'The server is no longer listed at VPS.org. Check the VPS.org dashboard.',
  'outcome.restoreUnconfirmed':
    'The app could not confirm the outcome: VPS.org never showed {server} restoring in the {minutes, plural, one {# minute} other {# minutes}} since the restore was asked for, and it is {status} now. Check the server and its data before restoring again.',
} as const;
