/**
 * The platform's LoginItem: Electron's login items on macOS and Windows (started with HIDDEN_ARG
 * where the OS passes arguments, i.e. Windows), an XDG autostart file on Linux.
 */
import { app } from 'electron';
import { homedir } from 'node:os';
import { APP_EXECUTABLE, APP_NAME, HIDDEN_ARG } from '../app-identity';
import { autostartPath, desktopEntryText, loginCommand } from '../autostart/desktop-entry';
import type { LoginItem } from '../autostart/login-item';
import { XdgAutostart } from '../autostart/xdg-autostart';

/** The LoginItem for this platform and this copy of the app. */
export function createLoginItem(platform: NodeJS.Platform = process.platform): LoginItem {
  if (platform === 'linux') {
    const command = loginCommand(
      { execPath: process.execPath, appPath: app.getAppPath(), packaged: app.isPackaged },
      process.env,
      [HIDDEN_ARG],
    );
    return new XdgAutostart(autostartPath(process.env, homedir(), APP_EXECUTABLE), () =>
      desktopEntryText({
        name: APP_NAME,
        comment: 'Take, track and roll back VPS.org server snapshots',
        icon: APP_EXECUTABLE,
        command,
      }),
    );
  }
  // Windows finds the entry by its arguments, so reading and writing pass the same ones.
  const args = [HIDDEN_ARG];
  return {
    isEnabled: () => app.getLoginItemSettings({ args }).openAtLogin,
    setEnabled: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, args }),
  };
}
