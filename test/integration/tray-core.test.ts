// The tray menu over the REAL core: the simulator over real HTTP with the test's clock, the real
// client, the invoke handlers and the tray controller the app wires. Each test picks items from
// the menu built from the core's state, the way a Linux user can only use the tray, and checks
// that the menu tells the truth: the previewed name is the name the core gives, a disabled quick
// snapshot is one the core refuses too, and progress, errors and refresh show up in the menu. A
// tray action that is refused or fails is never silent: a notification and a line in the menu.
import { afterEach, describe, expect, it } from 'vitest';
import { createActions } from '../../src/main/actions';
import { TrayController } from '../../src/main/core/tray-controller';
import type { TrayMenuItem, TrayModel } from '../../src/main/core/tray-model';
import type { FocusServer } from '../../src/shared/state';
import { createHarness, type Harness } from '../unit/core-harness';

type Item = Extract<TrayMenuItem, { kind: 'item' }>;
const MIN = 60_000;

let h: Harness;
afterEach(async () => {
  await h?.cleanup();
});

/** A harness plus a tray "user" who reads the menu and chooses items. */
interface TrayUser {
  model(): TrayModel;
  /** Chooses the item at the label-prefix path, waits for what it started, and returns it. */
  choose(path: string[]): Promise<Item>;
  shownServers: FocusServer[];
  windowShown: number;
  quits: number;
}

async function startedWithTray(options: Parameters<typeof createHarness>[0] = {}): Promise<TrayUser> {
  h = await createHarness(options);
  await h.core.start();
  await h.core.settled();
  const user: TrayUser = {
    shownServers: [],
    windowShown: 0,
    quits: 0,
    model: () => tray.model(),
    async choose(path) {
      let level = user.model().items;
      let item: Item | undefined;
      for (const prefix of path) {
        const choices = level.filter((i): i is Item => i.kind === 'item');
        item = choices.find((i) => i.label === prefix) ?? choices.find((i) => i.label.startsWith(prefix));
        if (!item)
          throw new Error(
            `no "${prefix}" in ${JSON.stringify(level.map((i) => i.kind === 'item' && i.label))}`,
          );
        level = item.submenu ?? [];
      }
      if (!item?.action || !item.enabled) throw new Error(`"${item?.label ?? ''}" cannot be chosen`);
      await tray.run(item.action);
      await h.core.settled();
      return item;
    },
  };
  const handlers = createActions(h.core, {
    openExternal: () => undefined,
    showServer: (serverId) => user.shownServers.push({ serverId }),
  });
  const tray = new TrayController({
    actions: handlers,
    state: () => h.core.getState(),
    now: () => h.scheduler.now(),
    render: () => undefined,
    notify: (n) => h.notifier.show(n),
    window: {
      show: () => (user.windowShown += 1),
      focus: (request) => user.shownServers.push(request),
    },
    quit: () => (user.quits += 1),
    logger: h.ports.logger,
  });
  return user;
}

function topItems(model: TrayModel): Item[] {
  return model.items.filter((i): i is Item => i.kind === 'item');
}

function serverItem(model: TrayModel, name: string): Item {
  const item = topItems(model).find((i) => i.label.startsWith(`${name} — `));
  if (!item) throw new Error(`no server ${name}`);
  return item;
}

function submenu(model: TrayModel, name: string): Item[] {
  return (serverItem(model, name).submenu ?? []).filter((i): i is Item => i.kind === 'item');
}

describe('tray menu over the real core', () => {
  it('the previewed name is the name the core gives, and every disabled quick snapshot is refused by the core', async () => {
    const tray = await startedWithTray();
    const model = tray.model();
    const entries = topItems(model).filter((i) => i.submenu);
    expect(entries.length).toBe(h.core.getState().servers.length);
    let taken = 0;
    let refused = 0;
    for (const entry of h.core.getState().servers) {
      const sub = submenu(model, entry.server.name);
      const quick = sub[0];
      if (quick?.enabled) {
        const preview = sub[1]?.label.replace(/^Will be named /, '');
        await tray.choose([`${entry.server.name} — `, 'Quick snapshot']);
        const op = h.core.getState().operations.find((o) => String(o.serverId) === String(entry.server.id));
        expect(op?.snapshotName, entry.server.name).toBe(preview);
        taken += 1;
      } else if (quick) {
        // The tray greys it out for a reason the core also enforces.
        const result = await h.core.quickSnapshot({ serverId: entry.server.id });
        expect(result.ok, quick.label).toBe(false);
        refused += 1;
      }
    }
    expect(taken).toBeGreaterThanOrEqual(3);
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(h.logs.some((l) => l.includes('tray: quickSnapshot failed'))).toBe(false);
  });

  it('a second quick snapshot in the same minute is previewed with the suffix the core adds', async () => {
    const tray = await startedWithTray();
    await tray.choose(['web-server-01 — ', 'Quick snapshot']);
    const preview = submenu(tray.model(), 'web-server-01')[1]?.label;
    expect(preview).toMatch(/^Will be named web-server-01-\d{8}-\d{4}-2$/);
    await tray.choose(['web-server-01 — ', 'Quick snapshot']);
    const names = h.core
      .getState()
      .operations.filter((o) => o.serverId === 12345)
      .map((o) => o.snapshotName);
    expect(names).toContain(preview?.replace(/^Will be named /, ''));
  });

  it('a quick snapshot shows as running with elapsed time and a busy icon, then as created', async () => {
    const tray = await startedWithTray();
    const before = serverItem(tray.model(), 'web-server-01').label;
    const count = Number(/ · (\d)\/5 · /.exec(before)?.[1]);
    await tray.choose(['web-server-01 — ', 'Quick snapshot']);
    const name = h.core.getState().operations[0]?.snapshotName ?? '';
    let model = tray.model();
    expect(model.icon).toBe('busy');
    expect(model.tooltip).toBe('VPS Snapshot Tray — 1 operation running');
    expect(serverItem(model, 'web-server-01').label).toContain(` · ${count + 1}/5 · last snapshot just now`);
    const running = topItems(model).find((i) => i.label.startsWith('Creating '));
    expect(running?.label).toBe(`Creating ${name} on web-server-01 — under a minute (usually 3–10 min)`);
    // What runs comes first in the menu, above who is signed in and the servers.
    expect(topItems(model)[0]).toBe(running);
    // The start is confirmed at once, by a notification that names the server.
    expect(h.notifier.shown[0]).toMatchObject({
      title: 'web-server-01: snapshot started',
      body: `Taking snapshot “${name}”. It usually takes 3–10 min; you will be notified when it is ready.`,
      serverId: 12345,
    });
    await h.scheduler.advance(2 * MIN);
    model = tray.model();
    // A snapshot takes at least 3 minutes, so at 2 it still runs.
    expect(topItems(model).find((i) => i.label.startsWith('Creating '))?.label).toBe(
      `Creating ${name} on web-server-01 — 2 min (usually 3–10 min)`,
    );
    // Choosing the running line shows that server, and the snapshot, in the window.
    await tray.choose(['Creating ']);
    expect(tray.shownServers).toEqual([{ serverId: 12345, snapshotId: expect.anything() }]);
    // Snapshots take 3-10 minutes; polling picks the end up.
    await h.scheduler.advance(12 * MIN);
    model = tray.model();
    expect(model.icon).toBe('idle');
    expect(topItems(model).some((i) => i.label.startsWith('Creating '))).toBe(false);
    expect(topItems(model).map((i) => i.label)).toContainEqual(
      expect.stringMatching(new RegExp(`^Created ${name} on web-server-01 — \\d+ minutes ago$`)),
    );
    expect(submenu(model, 'web-server-01').map((i) => i.label)).toContainEqual(
      expect.stringMatching(new RegExp(`^${name} — completed · \\d+ minutes ago$`)),
    );
    expect(h.notifier.shown.map((n) => n.title)).toEqual([
      'web-server-01: snapshot started',
      'web-server-01: snapshot completed',
    ]);
  });

  it('a token that stops working: error icon, a line that opens the window, quick snapshots greyed out', async () => {
    const tray = await startedWithTray({ storedToken: false });
    // The stored token is not the one the simulator accepts: the first refresh gets a 401.
    await h.secrets.set(h.sim.url, 'vps_SECRETtest_revoked_000');
    await h.core.stop();
    const core = h.restart();
    await core.start();
    await core.settled();
    const model = tray.model();
    expect(core.getState().account.tokenInvalid).toBe(true);
    expect(model.icon).toBe('error');
    await tray.choose(['Token no longer works']);
    expect(tray.windowShown).toBe(1);
    for (const item of topItems(model).filter((i) => i.submenu)) {
      expect(item.submenu?.[0]).toMatchObject({ enabled: false });
    }
  });

  it('API unreachable: error icon and the offline line; Refresh from the menu recovers', async () => {
    const tray = await startedWithTray();
    h.sim.setFaults({ drop: 1 });
    await tray.choose(['Refresh']);
    let model = tray.model();
    expect(h.core.getState().sync.offline).toBe(true);
    expect(model.icon).toBe('error');
    expect(topItems(model).map((i) => i.label)).toContain('Cannot reach VPS.org — showing the last data');
    // The failed refresh the user asked for is not silent: a notification, and a recent line.
    expect(h.notifier.shown.at(-1)).toMatchObject({
      title: 'Refresh failed',
      body: expect.stringMatching(/Could not reach VPS\.org .*Check your internet connection/),
    });
    expect(topItems(model).map((i) => i.label)).toContain('Refresh failed — just now');
    // The servers from before are still in the menu.
    expect(serverItem(model, 'web-server-01').submenu?.length).toBeGreaterThan(0);
    h.sim.setFaults({});
    await tray.choose(['Refresh']);
    model = tray.model();
    expect(model.icon).toBe('idle');
    expect(topItems(model).some((i) => i.label.startsWith('Cannot reach'))).toBe(false);
    expect(topItems(model).map((i) => i.label)).toContain('Last updated just now');
  });

  it('Quit and Open VPS Snapshot Tray reach the app, not the core', async () => {
    const tray = await startedWithTray();
    await tray.choose(['Open VPS Snapshot Tray']);
    await tray.choose(['Quit']);
    expect(tray.windowShown).toBe(1);
    expect(tray.quits).toBe(1);
    await tray.choose(['web-server-01 — ', 'Open in window']);
    expect(tray.shownServers).toEqual([{ serverId: 12345 }]);
    // A snapshot line opens that snapshot; "Snapshot with a name…" the create dialog.
    await tray.choose(['web-server-01 — ', 'pre-migration-snapshot — ']);
    await tray.choose(['web-server-01 — ', 'Snapshot with a name…']);
    expect(tray.shownServers.slice(1)).toEqual([
      { serverId: 12345, snapshotId: 801 },
      { serverId: 12345, dialog: 'create' },
    ]);
    expect(h.notifier.shown).toEqual([]);
  });

  /** Fills edge-proxy-01 up to 5/5 behind the app's back: the menu still offers a quick snapshot. */
  function fillEdgeProxyElsewhere(): void {
    const edge = h.sim.snapshot().servers.find((s) => s.name === 'edge-proxy-01');
    if (!edge) throw new Error('no edge-proxy-01 in the seed');
    h.sim.addSnapshots(
      [1, 2, 3, 4].map((n) => ({
        server: { id: edge.id, name: edge.name },
        name: `made-in-dashboard-${n}`,
        status: 'completed',
        size_mb: 1000,
        created_at: new Date(h.scheduler.now() - n * MIN).toISOString(),
        description: '',
      })),
    );
  }

  it('a quick snapshot that VPS.org refuses (5 of 5, made elsewhere) says why in a notification and in the menu', async () => {
    const tray = await startedWithTray();
    fillEdgeProxyElsewhere();
    const quick = submenu(tray.model(), 'edge-proxy-01')[0];
    expect(quick).toMatchObject({ label: 'Quick snapshot', enabled: true });
    await tray.choose(['edge-proxy-01 — ', 'Quick snapshot']);
    expect(h.core.getState().operations).toEqual([]);
    expect(h.notifier.shown).toHaveLength(1);
    expect(h.notifier.shown[0]).toMatchObject({
      title: 'edge-proxy-01: no snapshot taken',
      body: expect.stringMatching(/most snapshots allowed \(5\)\. Delete an old one first/),
      serverId: '3f2b8c1e-7d4a-4e9b-9c61-5a0d2f8e4b17',
    });
    const model = tray.model();
    const line = topItems(model).find((i) => i.label.startsWith('edge-proxy-01: no snapshot taken'));
    expect(line?.label).toBe('edge-proxy-01: no snapshot taken — just now');
    const reason = (line?.submenu ?? []).filter((i): i is Item => i.kind === 'item');
    expect(reason.map((i) => i.label).join(' ')).toMatch(/Delete an old one first/);
    expect(reason.at(-1)).toMatchObject({
      label: 'Open in window',
      action: { type: 'showServer', serverId: '3f2b8c1e-7d4a-4e9b-9c61-5a0d2f8e4b17' },
    });
    // An hour later the line has made way.
    await h.scheduler.advance(61 * MIN);
    expect(topItems(tray.model()).some((i) => i.label.startsWith('edge-proxy-01: no snapshot'))).toBe(false);
  });

  it('in Finnish, the refusal, its notification and the menu are Finnish', async () => {
    const tray = await startedWithTray({ settings: { language: 'fi' } });
    fillEdgeProxyElsewhere();
    await tray.choose(['edge-proxy-01 — ', 'Pikatilannevedos']);
    expect(h.notifier.shown[0]).toEqual({
      title: 'edge-proxy-01: tilannevedosta ei otettu',
      body: 'Palvelimella on jo suurin sallittu määrä tilannevedoksia. Poista ensin yksi.',
      serverId: '3f2b8c1e-7d4a-4e9b-9c61-5a0d2f8e4b17',
    });
    expect(topItems(tray.model()).map((i) => i.label)).toContain(
      'edge-proxy-01: tilannevedosta ei otettu — juuri äsken',
    );
  });

  it("a refusal the core words itself reaches the notification in the user's language", async () => {
    const tray = await startedWithTray({ settings: { language: 'gu' } });
    // Two quick snapshots in a row on one server: the second is refused while the first is on its way.
    const first = tray.choose(['web-server-01 — ', 'ઝડપી સ્નેપશોટ']);
    await tray.choose(['web-server-01 — ', 'ઝડપી સ્નેપશોટ']);
    await first;
    const refused = h.notifier.shown.find((n) => n.title === 'web-server-01: સ્નેપશોટ લેવાયો નહીં');
    expect(refused?.body).toBe(
      'web-server-01 માટેની વિનંતી પહેલેથી મોકલાઈ રહી છે. થોડી રાહ જુઓ અને કામગીરીની યાદી જુઓ.',
    );
    expect(h.notifier.shown.map((n) => n.title)).toContain('web-server-01: સ્નેપશોટ શરૂ થયો');
  });
});
