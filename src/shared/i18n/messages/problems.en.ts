/**
 * English sentences about the app's own troubles (the settings file, the sign-in's API address, a
 * request the app refused or could not handle) that main reports as codes (AppState.settingsProblem,
 * AppError.code); each view renders them in its language, one sentence per code.
 */
export const problemsEn = {
  'core.untrustedSender': 'This request did not come from the app window and was refused.',
  'core.internal':
    'Something went wrong inside the app. Please try again; if it keeps happening, restart the app.',
  'core.addressChanged':
    'The API address changed while the token was being checked, so the token was not used or kept. Check the address shown here and sign in again.',
  'settingsFile.unreadable': 'The settings file {path} could not be read.',
  'settingsFile.cannotBackUp': 'The settings file {path} has problems and could not be backed up.',
  'settingsFile.leftAlone':
    'It was left exactly as it is. The app uses default settings for now, and changes you make are kept only until you quit. Fix or move that file, then restart the app.',
  'settingsFile.leftAlonePartly':
    'It was left exactly as it is. The app uses what could be read, and defaults for the rest, for now; changes you make are kept only until you quit. Fix or move that file, then restart the app.',
  'settingsFile.hadProblems': 'Your settings file had problems.',
  'settingsFile.backedUp':
    'The original was saved as {backup}, and defaults are used for anything that could not be read.',
  'settingsFile.cannotOpen':
    'The settings file {path} could not be opened for saving ({code}); changes you make are kept only until you quit.',
  'settingsFile.tokenForAnotherAddress':
    'The API address in the settings is {current}, but the token in the system keychain is for {others}. If you did not change the address yourself, someone else may have: check it on the sign-in screen before you paste a token, because the token is sent to that address.',
  'settingsFile.fs.folder': 'There is a folder where the file should be.',
  'settingsFile.fs.access': 'The app is not allowed to access it (check its permissions).',
  'settingsFile.fs.loop': 'It is a link that points back to itself.',
  'settingsFile.fs.other': 'The system reported {code}.',
  'settingsFile.issue.notJson': 'It was not valid JSON and nothing in it could be read.',
  'settingsFile.issue.truncated': 'It was cut short or damaged; the readable part was kept.',
  'settingsFile.issue.notObject': 'It did not hold a settings object.',
  'settingsFile.issue.unknownEntries':
    '{count, plural, one {# unknown entry was} other {# unknown entries were}} removed.',
  'settingsFile.issue.settingsUnreadable': 'The settings were unreadable and were reset.',
  'settingsFile.issue.invalidValues': 'Invalid values were reset to defaults ({keys}).',
  'settingsFile.issue.unknownSettings':
    '{count, plural, one {# unknown setting was} other {# unknown settings were}} removed.',
  'settingsFile.issue.operationsUnreadable': 'The list of tracked operations was unreadable.',
  'settingsFile.issue.operationsDropped':
    '{count, plural, one {# unreadable tracked operation was} other {# unreadable tracked operations were}} dropped.',
  'settingsFile.issue.pinsUnreadable': 'The list of pinned snapshots was unreadable.',
  'settingsFile.issue.pinsDropped':
    '{count, plural, one {# unreadable pin was} other {# unreadable pins were}} dropped.',
  'settingsFile.issue.sessionUnreadable': 'The saved sign-in state was unreadable.',
  'settingsFile.issue.boundsUnreadable': 'The saved window position was unreadable.',
  'ops.unlisted':
    'VPS.org accepted the request but its answer could not be read. The app is waiting for the snapshot to be listed.',
} as const;
