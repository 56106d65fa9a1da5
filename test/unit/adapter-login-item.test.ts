// The Electron-facing start-at-login and menu adapters against the recording fake: on macOS and
// Windows Electron's login items (read and written with the same --hidden argument, which Windows
// needs to find the entry), on Linux the XDG file; and the production menu without DevTools.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());
const { fake, resetFakeElectron } = await import('../support/fake-electron');
const { createLoginItem } = await import('../../src/main/electron/login-item');
const { productionMenuTemplate, setProductionMenu } = await import('../../src/main/electron/app-menu');

const home = mkdtempSync(join(tmpdir(), 'vps-login-item-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

describe('createLoginItem', () => {
  it.each(['darwin', 'win32'] as const)('%s: Electron login items, with --hidden both ways', (platform) => {
    const item = createLoginItem(platform);
    expect(item.isEnabled()).toBe(false);
    item.setEnabled(true);
    expect(item.isEnabled()).toBe(true);
    const calls = fake.recorder.calls.filter((c) => c.api.includes('LoginItemSettings'));
    expect(calls).toEqual([
      { api: 'app.getLoginItemSettings', args: [{ args: ['--hidden'] }] },
      { api: 'app.setLoginItemSettings', args: [{ openAtLogin: true, args: ['--hidden'] }] },
      { api: 'app.getLoginItemSettings', args: [{ args: ['--hidden'] }] },
    ]);
  });

  it('linux: the XDG autostart file, never Electron login items', () => {
    vi.stubEnv('XDG_CONFIG_HOME', join(home, 'cfg'));
    try {
      const item = createLoginItem('linux');
      item.setEnabled(true);
      const text = readFileSync(join(home, 'cfg', 'autostart', 'vps-snapshot-tray.desktop'), 'utf8');
      expect(text).toContain('Name=VPS Snapshot Tray\n');
      expect(text).toMatch(/\nExec=\S+ .+ --hidden\n/);
      expect(item.isEnabled()).toBe(true);
      expect(fake.recorder.calls.some((c) => c.api.includes('LoginItemSettings'))).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('production menu', () => {
  it('is none on Windows and Linux', () => {
    for (const platform of ['linux', 'win32'] as const) {
      expect(productionMenuTemplate(platform)).toBeNull();
      setProductionMenu(platform);
    }
    expect(fake.recorder.calls.filter((c) => c.api === 'Menu.setApplicationMenu')).toEqual([
      { api: 'Menu.setApplicationMenu', args: [null] },
      { api: 'Menu.setApplicationMenu', args: [null] },
    ]);
  });

  it('on macOS keeps the app and Edit menus (copy and paste) and nothing with DevTools', () => {
    setProductionMenu('darwin');
    const set = fake.recorder.calls.find((c) => c.api === 'Menu.setApplicationMenu');
    expect(set?.args[0]).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }]);
    expect(JSON.stringify(set?.args[0])).not.toMatch(/toggleDevTools|viewMenu|reload/i);
  });
});
