// The built app at home on a Linux desktop, under the recording Electron with a throwaway HOME:
// "Start when I log in" writes and removes an XDG autostart entry (honouring XDG_CONFIG_HOME, and
// the AppImage file when run from one), an entry the user left is taken as the setting, a start at
// login (--hidden) stays in the tray, and launching the app again shows the window, which is the
// way in on a desktop with no tray (plain GNOME without the AppIndicator extension).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { launchBuiltApp, type LaunchedApp, type LaunchOptions } from './launch';

let app: LaunchedApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function launch(options: LaunchOptions = {}): Promise<LaunchedApp> {
  app = await launchBuiltApp(options);
  expect(app.stderr()).not.toContain('failed to start');
  return app;
}

const entryIn = (configHome: string) => join(configHome, 'autostart', 'vps-snapshot-tray.desktop');
const storedLaunchAtLogin = (a: LaunchedApp) =>
  (
    JSON.parse(readFileSync(join(a.home, 'userData', 'config.json'), 'utf8')) as {
      settings: { launchAtLogin: boolean };
    }
  ).settings.launchAtLogin;
const windowVisible = async (a: LaunchedApp) => (await a.report()).windows[0]?.visible;

describe('start at login on Linux: an XDG autostart entry', () => {
  it('appears when the setting is turned on and disappears when it is turned off', async () => {
    const a = await launch({ env: { XDG_CONFIG_HOME: undefined } });
    // XDG_CONFIG_HOME unset: ~/.config, as the XDG specification says.
    const entry = entryIn(join(a.home, '.config'));
    expect(existsSync(entry)).toBe(false);
    expect((await a.invoke('updateSettings', { launchAtLogin: true })).ok).toBe(true);
    const text = readFileSync(entry, 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\nName=VPS Snapshot Tray\n/);
    // Not packaged here: the development Electron (this Node) with the app folder, started hidden.
    expect(text).toContain(`\nExec=${process.execPath} ${process.cwd()} --hidden\n`);
    expect(storedLaunchAtLogin(a)).toBe(true);
    expect((await a.invoke('updateSettings', { launchAtLogin: false })).ok).toBe(true);
    expect(existsSync(entry)).toBe(false);
    expect(storedLaunchAtLogin(a)).toBe(false);
    // Electron's own login items are for macOS and Windows only.
    expect((await a.report()).calls.map((c) => c.api)).not.toContain('app.setLoginItemSettings');
  });

  it('goes to $XDG_CONFIG_HOME/autostart and starts the AppImage file when run from one', async () => {
    const a = await launch({
      env: (home) => ({
        XDG_CONFIG_HOME: join(home, 'xdg'),
        APPIMAGE: '/home/ada/Apps/VPS Snapshot Tray-0.1.0.AppImage',
      }),
    });
    expect((await a.invoke('updateSettings', { launchAtLogin: true })).ok).toBe(true);
    const text = readFileSync(entryIn(join(a.home, 'xdg')), 'utf8');
    expect(text).toContain('\nExec="/home/ada/Apps/VPS Snapshot Tray-0.1.0.AppImage" --hidden\n');
    expect(existsSync(entryIn(join(a.home, '.config')))).toBe(false);
  });

  it('an entry the user already has is taken as the setting, and left byte for byte', async () => {
    const original =
      '[Desktop Entry]\nType=Application\nName=Mine\nExec=/opt/vps/vps-snapshot-tray --hidden\n';
    const a = await launch({
      env: (home) => ({ XDG_CONFIG_HOME: join(home, 'xdg') }),
      prepare: (home) => {
        mkdirSync(join(home, 'xdg', 'autostart'), { recursive: true });
        writeFileSync(entryIn(join(home, 'xdg')), original);
      },
      config: { version: 1, settings: { ...DEFAULT_SETTINGS, launchAtLogin: false } },
    });
    expect(storedLaunchAtLogin(a)).toBe(true);
    expect(readFileSync(entryIn(join(a.home, 'xdg')), 'utf8')).toBe(original);
  });

  it('an entry the desktop turned off (Hidden=true) counts as off', async () => {
    const a = await launch({
      prepare: (home) => {
        mkdirSync(join(home, '.config', 'autostart'), { recursive: true });
        writeFileSync(entryIn(join(home, '.config')), '[Desktop Entry]\nExec=x\nHidden=true\n');
      },
      config: { version: 1, settings: { ...DEFAULT_SETTINGS, launchAtLogin: true } },
    });
    expect(storedLaunchAtLogin(a)).toBe(false);
  });
});

describe('started at login, and launched again', () => {
  it('signed out and started with --hidden: the window stays hidden until the app is launched again', async () => {
    const a = await launch({ args: ['--hidden'] });
    expect(await windowVisible(a)).toBe(false);
    // The desktop starting it again at login (say, a second autostart) does not show it either.
    await a.relaunch(['vps-snapshot-tray', '--hidden']);
    expect(await windowVisible(a)).toBe(false);
    await a.relaunch(['vps-snapshot-tray']);
    expect(await windowVisible(a)).toBe(true);
  });

  it('signed out and started by hand: the window shows (to sign in)', async () => {
    const a = await launch();
    expect(await windowVisible(a)).toBe(true);
  });

  it('signed in (demo) with no tray to click: launching the app again shows the window', async () => {
    const a = await launch({
      config: { version: 1, settings: { ...DEFAULT_SETTINGS }, session: { mode: 'demo', email: null } },
    });
    expect(await windowVisible(a)).toBe(false);
    await a.relaunch(['vps-snapshot-tray']);
    expect(await windowVisible(a)).toBe(true);
  });

  it('launched again while still starting: the window shows once it has loaded', async () => {
    const a = await launch({
      args: ['--hidden'],
      env: { VPS_FAKE_SECOND_INSTANCE_AT_READY: '1' },
      config: { version: 1, settings: { ...DEFAULT_SETTINGS }, session: { mode: 'demo', email: null } },
    });
    expect(await windowVisible(a)).toBe(true);
  });
});
