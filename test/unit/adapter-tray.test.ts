// The tray adapter against the recording fake Electron: built from a model, not re-set for an
// identical one, icon by state, and menu clicks mapped to the model's actions.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrayAction, TrayModel } from '../../src/main/core/tray-model';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { fake, resetFakeElectron } = await import('../support/fake-electron');
const { AppTray, trayIconPaths } = await import('../../src/main/electron/tray');

const icons = trayIconPaths('/icons', 'linux');
const model = (over: Partial<TrayModel> = {}): TrayModel => ({
  icon: 'idle',
  tooltip: 'VPS Snapshot Tray: 2 servers',
  items: [
    {
      kind: 'item',
      label: 'web-1 (active) 2/5',
      enabled: true,
      submenu: [
        {
          kind: 'item',
          label: 'Quick snapshot',
          enabled: true,
          action: { type: 'quickSnapshot', serverId: 1 },
        },
      ],
    },
    { kind: 'separator' },
    { kind: 'item', label: 'Refreshing…', enabled: false },
    { kind: 'item', label: 'Quit', enabled: true, action: { type: 'quit' } },
  ],
  ...over,
});

beforeEach(() => resetFakeElectron());

describe('AppTray', () => {
  it('creates the tray with the icon, tooltip and menu of the model', () => {
    new AppTray(icons, () => undefined, model());
    const tray = fake.recorder.trays[0];
    expect(tray?.image.path).toBe('/icons/tray-idle.png');
    expect(tray?.tooltip).toBe('VPS Snapshot Tray: 2 servers');
    expect(tray?.menu?.template.map((i) => i.label ?? i.type)).toEqual([
      'web-1 (active) 2/5',
      'separator',
      'Refreshing…',
      'Quit',
    ]);
    expect(tray?.menu?.template[2]?.enabled).toBe(false);
    expect(tray?.menu?.template[0]?.submenu?.[0]?.label).toBe('Quick snapshot');
  });

  it('doubles "&" so a server named "R&D" is not shown as "RD"', () => {
    new AppTray(
      icons,
      () => undefined,
      model({ items: [{ kind: 'item', label: 'R&D — active', enabled: true }] }),
    );
    expect(fake.recorder.trays[0]?.menu?.template[0]?.label).toBe('R&&D — active');
  });

  it('does not rebuild or re-set the menu for an identical model', () => {
    const appTray = new AppTray(icons, () => undefined, model());
    const tray = fake.recorder.trays[0];
    appTray.update(model());
    appTray.update(JSON.parse(JSON.stringify(model())) as TrayModel);
    expect(tray?.contextMenuSets).toBe(1);
    expect(fake.recorder.menusBuilt).toBe(1);
    appTray.update(model({ tooltip: 'changed' }));
    expect(tray?.contextMenuSets).toBe(2);
    expect(tray?.imageSets).toBe(0);
  });

  it('switches the icon with the state', () => {
    const appTray = new AppTray(icons, () => undefined, model());
    const tray = fake.recorder.trays[0];
    appTray.update(model({ icon: 'busy' }));
    expect(tray?.image.path).toBe('/icons/tray-busy.png');
    appTray.update(model({ icon: 'error' }));
    expect(tray?.image.path).toBe('/icons/tray-error.png');
    expect(tray?.imageSets).toBe(2);
  });

  it('maps menu clicks to the model actions', () => {
    const actions: TrayAction[] = [];
    new AppTray(icons, (a) => actions.push(a), model());
    const template = fake.recorder.trays[0]?.menu?.template ?? [];
    template[0]?.submenu?.[0]?.click?.();
    template[3]?.click?.();
    expect(template[2]?.click).toBeUndefined();
    expect(actions).toEqual([{ type: 'quickSnapshot', serverId: 1 }, { type: 'quit' }]);
  });

  it('uses template images on macOS', () => {
    expect(trayIconPaths('/icons', 'darwin').busy).toBe('/icons/tray-busyTemplate.png');
  });
});
