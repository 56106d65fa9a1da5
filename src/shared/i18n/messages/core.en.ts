/**
 * English messages the core writes itself: refusals with their reason and what to do, the rules
 * for names, addresses and settings (shared with the API client), and session answers. Each is
 * sent as a code with parameters (AppError.code/params) and rendered in the user's language.
 */
export const coreEn = {
  'rule.name.empty': 'A snapshot needs a name.',
  'rule.name.tooLong': 'A snapshot name can be at most {max} characters (this one has {length}).',
  'rule.name.badCharacters':
    'A snapshot name may only contain letters, digits, hyphens (-) and underscores (_); not {chars}.',
  'rule.description.tooLong': 'The description is too long: at most {max} characters.',
  'rule.description.control': 'The description contains control characters; use plain text.',
  'rule.url.invalid': 'The API address is not a valid URL, e.g. https://admin.vps.org/api/v1/.',
  'rule.url.insecure':
    'The API address must use https (plain http only for this computer, e.g. a local simulator).',
  'rule.url.credentials': 'The API address must not contain a user name or password.',
  'rule.template.empty': 'The snapshot name template is empty.',
  'rule.template.tooLong': 'The snapshot name template is too long (at most {max} characters).',
  'rule.template.noPlaceholder':
    'The snapshot name template needs a placeholder such as {server} or {yyyyMMdd-HHmm}, or every name would be the same.',
  'rule.template.unknownPlaceholder':
    'The snapshot name template has {found}, which is not a placeholder. Use {server}, {id}, a date such as {yyyyMMdd-HHmm} (local time) or {utc:yyyyMMdd-HHmm} (UTC).',
  'rule.pollInterval': 'The poll interval must be a whole number of seconds from {min} to {max}.',
  'rule.idleRefresh': 'The idle refresh interval must be a whole number of minutes from {min} to {max}.',
  'rule.language': 'Unknown language.',

  'core.limit':
    '{server} already has {count} of {limit} snapshots, the most allowed. Delete an old one first.',
  'core.createWhileRestoring':
    '{server} is being restored right now. Take a snapshot after the restore has finished.',
  'core.nameTaken': '{server} already has a snapshot named “{name}”. Choose another name.',
  'core.restoreNoName':
    'This server has no name at VPS.org, so the app cannot ask you to confirm the restore by typing it. Give the server a name in the VPS.org dashboard first.',
  'core.restoreConfirm':
    'To restore, type the server’s name exactly as shown (“{server}”). The restore overwrites all data on it.',
  'core.restoreOtherServer': 'Snapshot “{snapshot}” belongs to another server, not to {server}.',
  'core.restoreAlready': '{server} is already being restored. Wait until that restore has finished.',
  'core.restoreSuspended': '{server} is suspended, so it cannot be restored. Contact VPS.org support.',
  'core.restoreInProgress':
    'Snapshot “{snapshot}” cannot be restored yet: it is still being created. Only completed snapshots can be restored.',
  'core.restoreBadStatus':
    'Snapshot “{snapshot}” cannot be restored: its status is “{status}”. Only completed snapshots can be restored.',
  'core.deleteInProgress':
    'Snapshot “{snapshot}” is still being created. It can be deleted once it has finished.',
  'core.deleteRestoreSource':
    '{server} is being restored from snapshot “{snapshot}”. It can be deleted once the restore has finished.',
  'core.starting':
    'VPS Snapshot Tray is still starting (reading its settings and the keychain). Try again in a moment.',
  'core.notSignedIn':
    'Not connected to VPS.org yet. Paste an API token (Account → Developers) or try the demo.',
  'core.serverNotFound': 'That server is not in this account (any more). Refresh the list and try again.',
  'core.snapshotNotFound': 'That snapshot no longer exists. Refresh the list and try again.',
  'core.requestOnItsWay':
    'A request for {server} is already on its way. Wait a moment and look at the operations list.',
  'core.createUnsure':
    'The app is already checking whether a snapshot named “{snapshot}” of {server} started: VPS.org has not confirmed it yet. Taking it again now could make a second one; the app will tell you as soon as it knows.',
  'core.createUnsureSeen':
    'VPS.org accepted a snapshot named “{snapshot}” of {server} a moment ago and the app is waiting for it to be listed. Taking it again would make a second one.',
  'core.dismissRunning': 'This operation is still running. It can be dismissed once it has finished.',
  'core.pasteToken': 'Paste the API token first.',
  'core.tokenRefused':
    'VPS.org did not accept this token. Check that you copied all of it, and that it has not been revoked (Account → Developers).',
  'core.keychainStore':
    'The token works, but the system keychain could not store it: {reason}. You can keep it for this session only; it is then not saved anywhere and you paste it again after a restart.',
  'core.keychainRemove':
    'You are signed out in the app, but the tokens could not be removed from the system keychain: {reason}. Remove the “VPS Snapshot Tray” entries there by hand.',
  'core.demoWhileSignedIn':
    'Sign out first: the demo replaces your VPS.org account in the app while it runs.',
  'core.demoFailed': 'The demo could not start. Please try again.',
  'core.externalRefused': 'Only pages on the VPS.org website (https://…vps.org) can be opened from the app.',
  'core.browserFailed': 'The browser could not be opened for that page.',
  'core.windowFailed': 'The window could not be shown.',
} as const;
