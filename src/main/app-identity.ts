/**
 * Who the app is to the OS, in one place: the id Windows groups its notifications under (and the
 * packager's appId), the name people see, and the executable's name on Linux.
 */

/** `app.setAppUserModelId` and electron-builder's `appId` (checked equal by a test). */
export const APP_ID = 'org.vps.snapshot-tray';
/** The product name. */
export const APP_NAME = 'VPS Snapshot Tray';
/** The Linux executable and desktop-file name. */
export const APP_EXECUTABLE = 'vps-snapshot-tray';
/** The argument the OS passes when it starts the app at login: start in the tray, window hidden. */
export const HIDDEN_ARG = '--hidden';

/** True when the app was started with HIDDEN_ARG (at login). */
export function startsHidden(argv: readonly string[]): boolean {
  return argv.includes(HIDDEN_ARG);
}
