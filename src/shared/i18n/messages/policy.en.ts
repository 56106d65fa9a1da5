/**
 * English texts of pins and snapshot policies, on every surface: the window (pin toggle, policy
 * editor, automatic/manual marks, rotation preview), the tray, the notifications of scheduled runs
 * and the core's refusals.
 */
export const policyEn = {
  'pin.pin': 'Pin',
  'pin.unpin': 'Unpin',
  'pin.pinLabel': 'Pin snapshot {name}',
  'pin.unpinLabel': 'Unpin snapshot {name}',
  'pin.badge': 'Pinned',
  'pin.badgeTitle': 'Pinned: rotation never removes it, and deleting it asks twice.',
  'pin.failed': 'The pin could not be changed: {reason}',
  'dialog.delete.pinnedWarning':
    '“{snapshot}” is pinned: you marked it to keep. Rotation never removes it. Delete it anyway?',
  'dialog.delete.pinnedSubmit': 'Delete the pinned snapshot',
  'core.deletePinned':
    'Snapshot “{snapshot}” is pinned. Confirm a second time to delete it, or unpin it first.',
  'policy.heading': 'Automatic snapshots',
  'policy.intro':
    'The app takes snapshots of {server} on a schedule while it runs, and deletes its own oldest automatic ones beyond the number you keep. Your own snapshots and pinned ones are never deleted.',
  'policy.schedule': 'Schedule',
  'policy.kind.off': 'Off',
  'policy.kind.every': 'Every few hours',
  'policy.kind.daily': 'Daily',
  'policy.kind.weekly': 'Weekly',
  'policy.hours': 'Interval',
  'policy.everyHours': '{hours, plural, one {Every hour} other {Every # hours}}',
  'policy.time': 'Local time',
  'policy.weekday': 'Day',
  'policy.keep': 'Automatic snapshots to keep',
  'policy.keepHint': 'At most 4, so at least one of the 5 slots stays free for a snapshot you take yourself.',
  'policy.makeRoom': 'Make room: when all 5 slots are in use, delete the oldest automatic snapshot first',
  'policy.notify': 'Notifications',
  'policy.notify.each-run': 'After every run',
  'policy.notify.failures-only': 'Only when a run fails or is skipped',
  'policy.save': 'Save policy',
  'policy.saving': 'Saving…',
  'policy.saved': 'Policy saved.',
  'policy.saveFailed': 'The policy could not be saved: {reason}',
  'policy.nextRun': 'Next run: {when}',
  'policy.off': 'Schedule off: no automatic snapshots.',
  'policy.running': 'A scheduled run is in progress.',
  'policy.lastResult': 'Last run {when}: {result}',
  'policy.noRunYet': 'No scheduled run yet.',
  'policy.nextRemoves': 'Next rotation removes {names}.',
  'policy.nextRemovesNone': 'The next rotation removes nothing.',
  'policy.dryRun': 'With this number today: keeps {keep}; deletes {remove}.',
  'policy.dryRunNone': 'none',
  'policy.label.automatic': 'automatic',
  'policy.label.manual': 'manual',
  'policy.label.automaticTitle': 'Taken by this app under the server’s policy; rotation may delete it.',
  'policy.label.manualTitle': 'Not taken by a policy of this app; rotation never deletes it.',
  'policy.result.created': 'Made {snapshot}.',
  'policy.result.removed': 'Rotation removed {names}.',
  'policy.result.no-free-slot':
    'All 5 snapshot slots of {server} are in use, so no automatic snapshot was taken. Delete a snapshot you no longer need, or turn on “make room” for this server.',
  'policy.result.create-refused':
    'VPS.org refused the automatic snapshot {snapshot}, also when tried again. Nothing was deleted.',
  'policy.result.create-not-listed':
    'VPS.org did not confirm the automatic snapshot {snapshot}, also when tried again. Nothing was deleted.',
  'policy.result.snapshot-failed':
    'The automatic snapshot {snapshot} failed, also when tried again. Nothing was deleted.',
  'policy.result.snapshot-vanished':
    'The automatic snapshot {snapshot} disappeared before it completed. Nothing was deleted.',
  'policy.result.make-room-failed':
    'The oldest automatic snapshot of {server} could not be deleted to make room, so no automatic snapshot was taken.',
  'policy.result.rotation-incomplete':
    'Made {snapshot}, but not every older automatic snapshot could be deleted; the next run tries again.',
  'notify.policy.succeeded.title': '{server}: automatic snapshot made',
  'notify.policy.failed.title': '{server}: automatic snapshot failed',
  'notify.policy.skipped.title': '{server}: automatic snapshot skipped',
  'tray.policy.next': '{server}: next automatic snapshot {when}',
  'tray.policy.failed': '{server}: automatic snapshot failed',
  'tray.policy.skipped': '{server}: automatic snapshot skipped',
  'tray.policy.attention': 'An automatic snapshot failed or was skipped',
  'core.policyInvalid': 'This policy cannot be saved: one of its values is not allowed.',
  'settingsFile.issue.policiesUnreadable': 'The list of snapshot policies was unreadable.',
  'settingsFile.issue.policiesDropped':
    '{count, plural, one {# unreadable snapshot policy was} other {# unreadable snapshot policies were}} dropped.',
  'settingsFile.issue.autoSnapshotsUnreadable':
    'The list of automatic snapshots was unreadable: rotation treats them as manual and never deletes them.',
  'settingsFile.issue.autoSnapshotsDropped':
    '{count, plural, one {# unreadable record of an automatic snapshot was} other {# unreadable records of automatic snapshots were}} dropped: rotation treats those snapshots as manual.',
} as const;
