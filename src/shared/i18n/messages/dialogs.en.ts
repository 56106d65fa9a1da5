/**
 * English text of the create, restore and delete dialogs: the source catalog the Finnish and
 * Gujarati ones must match key for key. Placeholders are `{name}`; the app fills them in.
 */
export const dialogsEn = {
  'dialog.close': 'Close',
  'dialog.cancel': 'Cancel',
  'dialog.errorDetail': 'Details: {message}',
  'dialog.charSpace': 'spaces',
  'dialog.listSeparator': ', ',

  'dialog.error.unauthorized': 'VPS.org refused the API token. Replace it in Settings, then try again.',
  'dialog.error.not_found': 'The server or snapshot no longer exists at VPS.org. The list will refresh.',
  'dialog.error.limit_reached':
    'The server already has the most snapshots allowed. Delete an old one, then try again.',
  'dialog.error.invalid': 'VPS.org did not accept the request.',
  'dialog.error.rate_limited':
    'VPS.org is receiving too many requests right now. Wait a moment and try again.',
  'dialog.error.server': 'VPS.org had a problem handling the request. Try again in a moment.',
  'dialog.error.network': 'VPS.org could not be reached. Check your internet connection and try again.',
  'dialog.error.timeout':
    'VPS.org did not answer in time. The request may still have gone through: check the snapshot list before trying again.',
  'dialog.error.cancelled':
    'The request was cancelled before VPS.org answered. Check the list before trying again.',
  'dialog.error.bad_response': 'VPS.org sent an answer this app did not understand.',
  'dialog.error.validation': 'The request was not valid.',
  'dialog.error.refused': 'This is not possible right now.',
  'dialog.error.keychain': 'The API token could not be read from the system keychain.',
  'dialog.error.not_signed_in': 'You are not signed in. Sign in with an API token or try the demo.',
  'dialog.error.internal': 'Something went wrong inside the app.',

  'dialog.create.title': 'New snapshot of {server}',
  'dialog.create.nameLabel': 'Snapshot name',
  'dialog.create.nameHint': 'Letters, digits, hyphens (-) and underscores (_); at most {max} characters.',
  'dialog.create.nameLocalTime': "The time in the name is this computer's local time ({time}).",
  'dialog.create.nameUtcTime': 'The time in the name is in UTC, as your name template asks.',
  'dialog.create.nameEmpty': 'Enter a name for the snapshot.',
  'dialog.create.nameTooLong': 'The name is {length} characters long; at most {max} are allowed.',
  'dialog.create.nameBadCharacters':
    'The name cannot contain {chars}. Use only letters, digits, hyphens and underscores.',
  'dialog.create.nameTaken': '{server} already has a snapshot named {name}. Choose another name.',
  'dialog.create.refusedRestoring':
    '{server} is being restored right now. Take a snapshot after the restore has finished.',
  'dialog.create.descriptionLabel': 'Description (optional)',
  'dialog.create.descriptionPlaceholder': 'For example: before the system update',
  'dialog.create.descriptionTooLong':
    'The description is {length} characters long; at most {max} are allowed.',
  'dialog.create.descriptionControl':
    'The description contains invisible control characters. Remove them (line breaks and tabs are fine).',
  'dialog.create.quota': 'Snapshots of this server: {count}/{max}',
  'dialog.create.quotaFull':
    'This server already has {max} snapshots, the most VPS.org allows. Delete one before taking a new one.',
  'dialog.create.quotaCandidates': 'These could be deleted, oldest first:',
  'dialog.create.quotaCandidate': '{name}, taken {date} ({age})',
  'dialog.create.quotaNoCandidates':
    'All of them are still being created. Wait until one has finished, then delete one.',
  'dialog.create.activeAdvice':
    '{server} is running. A snapshot of a running server can catch files half-written; for a fully consistent snapshot, stop the server first.',
  'dialog.create.duration':
    'A snapshot takes {min}-{max} minutes, depending on the size of the server. You will be notified when it is ready.',
  'dialog.create.submit': 'Take snapshot',
  'dialog.create.submitting': 'Starting…',

  'dialog.restore.title': 'Restore {server}',
  'dialog.restore.intro': 'This puts {server} back to the snapshot {snapshot}, taken {date} ({age}).',
  'dialog.restore.loss':
    'Everything written to the server since then (files, databases, settings) will be lost.',
  'dialog.restore.stopFirst': 'The server is stopped first and is unavailable until the restore ends.',
  'dialog.restore.duration': 'A restore takes {min}-{max} minutes.',
  'dialog.restore.irreversible': 'This cannot be undone.',
  'dialog.restore.confirmLabel': 'To confirm, type the name of the server:',
  'dialog.restore.confirmMismatch':
    'Type the name exactly as shown, with the same capital letters and no extra spaces.',
  'dialog.restore.refusedInProgress':
    'This snapshot is still being created. It can be restored once it has completed.',
  'dialog.restore.refusedFailed': 'This snapshot failed, so it cannot be restored.',
  'dialog.restore.refusedSnapshotStatus': 'This snapshot cannot be restored: its status is “{status}”.',
  'dialog.restore.refusedRestoring': '{server} is already being restored. Wait until that has finished.',
  'dialog.restore.refusedSuspended': '{server} is suspended, and a suspended server cannot be restored.',
  'dialog.restore.submit': 'Restore and overwrite',
  'dialog.restore.submitting': 'Starting the restore…',

  'dialog.delete.title': 'Delete snapshot',
  'dialog.delete.question': 'Delete the snapshot {snapshot} of {server}?',
  'dialog.delete.details': 'Taken {date}; {size}.',
  'dialog.delete.permanent':
    'Deleting is permanent: the snapshot cannot be recovered, and the server can no longer be restored to this point.',
  'dialog.delete.refusedInProgress':
    'This snapshot is still being created. It can be deleted once it has finished.',
  'dialog.delete.submit': 'Delete permanently',
  'dialog.delete.submitting': 'Deleting…',
} as const;
