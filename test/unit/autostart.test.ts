// Start at login as data and rules: where the XDG autostart file goes, how its Exec line quotes a
// path, when an existing entry counts as on, the file adapter on a real temp folder, and the sync
// that never overwrites the OS's state at start (with a control showing it does write on change).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HIDDEN_ARG, startsHidden } from '../../src/main/app-identity';
import {
  autostartPath,
  desktopEntryText,
  entryStartsApp,
  loginCommand,
  quoteExecArg,
} from '../../src/main/autostart/desktop-entry';
import { LoginItemSync, type LoginItem } from '../../src/main/autostart/login-item';
import { XdgAutostart } from '../../src/main/autostart/xdg-autostart';
import { createMemoryLogger } from '../support/memory-ports';

const root = mkdtempSync(join(tmpdir(), 'vps-autostart-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('autostartPath', () => {
  it('honours an absolute XDG_CONFIG_HOME, else ~/.config', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/ada', 'app')).toBe(
      '/x/cfg/autostart/app.desktop',
    );
    expect(autostartPath({}, '/home/ada', 'app')).toBe('/home/ada/.config/autostart/app.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: '' }, '/home/ada', 'app')).toBe(
      '/home/ada/.config/autostart/app.desktop',
    );
    // A relative value is invalid per the specification and is ignored.
    expect(autostartPath({ XDG_CONFIG_HOME: 'cfg' }, '/home/ada', 'app')).toBe(
      '/home/ada/.config/autostart/app.desktop',
    );
  });
});

describe('loginCommand', () => {
  const packaged = {
    execPath: '/opt/VPS Snapshot Tray/vps-snapshot-tray',
    appPath: '/ignored',
    packaged: true,
  };
  it('starts the AppImage file when run from one, not the binary inside its temporary mount', () => {
    const fromImage = { ...packaged, execPath: '/tmp/.mount_VPSabc/vps-snapshot-tray' };
    expect(loginCommand(fromImage, { APPIMAGE: '/home/ada/VPS.AppImage' }, [HIDDEN_ARG])).toEqual([
      '/home/ada/VPS.AppImage',
      '--hidden',
    ]);
    expect(loginCommand(fromImage, { APPIMAGE: 'relative.AppImage' }, [])).toEqual([fromImage.execPath]);
  });
  it('starts the installed executable, or Electron with the app folder in development', () => {
    expect(loginCommand(packaged, {}, [HIDDEN_ARG])).toEqual([packaged.execPath, '--hidden']);
    expect(loginCommand({ execPath: '/dev/electron', appPath: '/src/app', packaged: false }, {}, [])).toEqual(
      ['/dev/electron', '/src/app'],
    );
  });
});

describe('quoteExecArg (Desktop Entry spec)', () => {
  it.each([
    ['/usr/bin/vps-snapshot-tray', '/usr/bin/vps-snapshot-tray'],
    ['--hidden', '--hidden'],
    ['/opt/VPS Snapshot Tray/app', '"/opt/VPS Snapshot Tray/app"'],
    ['/a/$HOME/`x`/"q"', '"/a/\\\\$HOME/\\\\`x\\\\`/\\\\"q\\\\""'],
    ['/a\\b', '"/a\\\\\\\\b"'],
    ['/100%/app', '/100%%/app'],
    ['', '""'],
  ])('%j -> %s', (arg, expected) => {
    expect(quoteExecArg(arg)).toBe(expected);
  });
  it('refuses a line break, which an Exec line cannot carry', () => {
    expect(() => quoteExecArg('/a\nb')).toThrow(/line break/);
  });
});

describe('desktopEntryText and entryStartsApp', () => {
  const text = desktopEntryText({
    name: 'VPS Snapshot Tray',
    comment: 'Snapshots',
    icon: 'vps-snapshot-tray',
    command: ['/opt/VPS Snapshot Tray/vps-snapshot-tray', '--hidden'],
  });
  it('is a complete autostart entry that starts the app hidden', () => {
    expect(text).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=VPS Snapshot Tray',
        'Comment=Snapshots',
        'Exec="/opt/VPS Snapshot Tray/vps-snapshot-tray" --hidden',
        'Icon=vps-snapshot-tray',
        'Terminal=false',
        'StartupNotify=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    expect(entryStartsApp(text)).toBe(true);
  });
  it('counts an entry the desktop turned off as off, wherever the key is in the main group', () => {
    expect(entryStartsApp(`${text}Hidden=true\n`)).toBe(false);
    expect(
      entryStartsApp(text.replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false')),
    ).toBe(false);
    // In another group the key means nothing.
    expect(entryStartsApp(`${text}[Desktop Action x]\nHidden=true\n`)).toBe(true);
  });
  it('startsHidden finds the argument the entry passes', () => {
    expect(startsHidden(['/opt/app', '--hidden'])).toBe(true);
    expect(startsHidden(['/opt/app'])).toBe(false);
  });
});

describe('XdgAutostart on a real folder', () => {
  it('writes the entry (creating the folder), reads it back, and removes it', () => {
    const path = join(root, 'one', 'autostart', 'app.desktop');
    const item = new XdgAutostart(path, () => '[Desktop Entry]\nExec=app --hidden\n');
    expect(item.isEnabled()).toBe(false);
    item.setEnabled(true);
    expect(readFileSync(path, 'utf8')).toBe('[Desktop Entry]\nExec=app --hidden\n');
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(item.isEnabled()).toBe(true);
    item.setEnabled(false);
    expect(existsSync(path)).toBe(false);
    item.setEnabled(false);
    expect(item.isEnabled()).toBe(false);
  });
  it('reports an entry turned off by the desktop as off', () => {
    const path = join(root, 'two.desktop');
    writeFileSync(path, '[Desktop Entry]\nX-GNOME-Autostart-enabled=false\n');
    expect(new XdgAutostart(path, () => '').isEnabled()).toBe(false);
  });
});

/** A LoginItem in memory that records writes. */
function memoryItem(enabled: boolean): LoginItem & { writes: boolean[]; enabled: boolean } {
  const item = {
    enabled,
    writes: [] as boolean[],
    isEnabled: () => item.enabled,
    setEnabled: (on: boolean) => {
      item.writes.push(on);
      item.enabled = on;
    },
  };
  return item;
}

describe('LoginItemSync', () => {
  it('at start, takes the OS state instead of writing the stored setting to the OS', () => {
    const item = memoryItem(false);
    const sync = new LoginItemSync(item, createMemoryLogger().logger);
    // Publishes before aligning (the first state) write nothing either.
    sync.apply(true);
    expect(sync.align(true)).toBe(false);
    sync.apply(false);
    expect(item.writes).toEqual([]);
    expect(sync.align(false)).toBeNull();
  });

  it('after start, a change of the setting is written, once (the control)', () => {
    const item = memoryItem(false);
    const sync = new LoginItemSync(item, createMemoryLogger().logger);
    expect(sync.align(false)).toBeNull();
    sync.apply(true);
    sync.apply(true);
    sync.apply(false);
    expect(item.writes).toEqual([true, false]);
  });

  it('logs, and does not throw, when the OS refuses', () => {
    const { logger, lines } = createMemoryLogger();
    const sync = new LoginItemSync(
      {
        isEnabled: () => {
          throw new Error('EACCES');
        },
        setEnabled: () => {
          throw new Error('read-only file system');
        },
      },
      logger,
    );
    expect(sync.align(true)).toBeNull();
    expect(() => sync.apply(false)).not.toThrow();
    expect(lines.join('\n')).toMatch(/could not read it: EACCES[\s\S]*could not change it: read-only/);
  });
});
