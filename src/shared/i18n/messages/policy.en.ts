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
} as const;
