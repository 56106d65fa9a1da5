// The tray menu of the BUILT app, used the way a Linux user must use it (menus only, no clicks on
// the icon): the recorded menu items' click handlers are called in the child process running the
// built main bundle under the recording Electron. From a first run with no token: "Try the demo"
// starts the in-process simulator and its servers appear; a quick snapshot from a server's submenu
// shows up as a running operation on top of the menu with a busy icon, confirmed by a notification;
// a quick snapshot VPS.org refuses gets a notification that says why (and a click on it opens the
// server); Quit asks the app to quit. With the OS in Finnish and a fresh profile, the very first
// menu, its tooltip and the notifications are Finnish.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { MAIN, allLabels, launchBuiltApp, type LaunchedApp } from './launch';
import type { MenuNode, MenuReport } from './main-harness';

const top = (menu: MenuReport) => menu.items.filter((i) => !i.separator);
const serverEntry = (menu: MenuReport, name: string): MenuNode | undefined =>
  top(menu).find((i) => i.label.startsWith(`${name} — `) && i.submenu.length > 0);

describe('tray menu of the built app, driven through its recorded items', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    expect(existsSync(MAIN), `${MAIN} missing: run \`npx electron-vite build\` first`).toBe(true);
    app = await launchBuiltApp();
  });

  afterAll(() => app?.close());

  it('first run with no token: the menu offers the demo and signing in, with the idle icon', async () => {
    const menu = await app.waitForMenu(
      (m) => top(m).some((i) => i.label === 'Try the demo'),
      '"Try the demo"',
    );
    const labels = top(menu).map((i) => i.label);
    expect(labels).toEqual(['Not signed in', 'Try the demo', 'Sign in…', 'Open VPS Snapshot Tray', 'Quit']);
    expect(top(menu).every((i) => i.label === 'Not signed in' || i.clickable)).toBe(true);
    expect(basename(menu.icon ?? '')).toBe('tray-idle.png');
    expect(existsSync(menu.icon ?? '')).toBe(true);
    expect(menu.tooltip).toBe('VPS Snapshot Tray — not signed in');
    expect(app.stderr()).not.toContain('failed to start');
  });

  it('"Try the demo" puts the demo servers in the menu, labelled Demo', async () => {
    expect(await app.click(['Try the demo'])).toBeNull();
    const menu = await app.waitForMenu(
      (m) => serverEntry(m, 'web-server-01') !== undefined,
      'the demo servers',
    );
    const labels = top(menu).map((i) => i.label);
    expect(labels[0]).toBe('Demo: made-up servers');
    expect(labels[1]).toBe('Leave the demo / Sign in…');
    expect(labels).not.toContain('Try the demo');
    const web = serverEntry(menu, 'web-server-01');
    expect(web?.label).toMatch(
      /^web-server-01 — \S.* · \d\/5 · (last snapshot .+ ago|last snapshot just now)$/,
    );
    expect(web?.submenu.map((i) => i.label)).toContain('Open in window');
    // The seed has a server at 5/5: its quick snapshot is disabled and says why.
    const full = top(menu).find((i) => i.label.includes(' · 5/5 · '));
    expect(full?.submenu[0]).toMatchObject({
      label: 'Quick snapshot (5/5 — delete one first)',
      enabled: false,
    });
    expect(menu.tooltip).toMatch(/^VPS Snapshot Tray — Demo · \d+ servers$/);
    expect(allLabels(menu.items)).toContain('Refresh');
    // Chosen once, remembered: the next start resumes the demo.
    const stored = JSON.parse(readFileSync(join(app.home, 'userData', 'config.json'), 'utf8')) as {
      session?: { mode?: string };
    };
    expect(stored.session?.mode).toBe('demo');
  });

  it('a quick snapshot from the submenu becomes a running operation with a busy icon', async () => {
    const before = await app.menu();
    const web = serverEntry(before, 'web-server-01');
    const quick = web?.submenu.find((i) => i.label === 'Quick snapshot');
    expect(quick, JSON.stringify(web?.submenu.map((i) => i.label))).toBeDefined();
    expect(quick?.enabled).toBe(true);
    expect(await app.click(['web-server-01 — ', 'Quick snapshot'])).toBeNull();
    const menu = await app.waitForMenu(
      (m) => top(m).some((i) => i.label.startsWith('Creating ') && i.label.includes(' on web-server-01')),
      'the running snapshot',
    );
    expect(basename(menu.icon ?? '')).toBe('tray-busy.png');
    expect(menu.tooltip).toBe('VPS Snapshot Tray — 1 operation running');
    const running = top(menu).find((i) => i.label.startsWith('Creating '));
    expect(running?.label).toMatch(
      /^Creating web-server-01-\d{8}-\d{4} on web-server-01 — under a minute \(usually 3–10 min\)$/,
    );
    expect(running?.clickable).toBe(true);
    // What the user waits for comes first.
    expect(top(menu)[0]).toEqual(running);
    // And the start is confirmed by a notification naming the server.
    const notes = (await app.report()).notifications;
    expect(notes.at(-1)).toEqual({
      title: 'web-server-01: snapshot started (demo)',
      body: expect.stringMatching(/^Taking snapshot “web-server-01-\d{8}-\d{4}”\. It usually takes 3–10 min/),
    });
  });

  it('Quit from the menu asks the app to quit', async () => {
    expect(await app.click(['Quit'])).toBeNull();
    const summary = await app.report();
    expect(summary.calls.map((c) => c.api)).toContain('app.quit');
  });
});

describe('tray menu of the built app after a restart in demo mode', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchBuiltApp({
      config: {
        version: 1,
        settings: { ...DEFAULT_SETTINGS },
        operations: [],
        session: { mode: 'demo', email: null },
      },
    });
  });

  afterAll(() => app?.close());

  it('resumes the demo without any click: the menu shows Demo and its servers', async () => {
    const menu = await app.waitForMenu(
      (m) => serverEntry(m, 'web-server-01') !== undefined,
      'the demo servers',
    );
    expect(top(menu)[0]?.label).toBe('Demo: made-up servers');
    expect(top(menu).some((i) => i.label === 'Try the demo')).toBe(false);
    expect(basename(menu.icon ?? '')).toBe('tray-idle.png');
  });

  it('a quick snapshot VPS.org refuses is not silent: a notification says why, the menu keeps a line', async () => {
    // Someone fills edge-proxy-01 to 5 of 5 elsewhere (the dashboard): the menu still offers one.
    const state = await app.state();
    const url = state?.demoUrl ?? '';
    const edge = state?.servers.find((e) => e.server.name === 'edge-proxy-01');
    expect(edge?.snapshots.length).toBe(1);
    for (let n = 1; n <= 4; n++) {
      const response = await fetch(`${url}snapshots/`, {
        method: 'POST',
        headers: { authorization: 'Bearer vps_demo_token', 'content-type': 'application/json' },
        body: JSON.stringify({ server_id: edge?.server.id, name: `from-dashboard-${n}` }),
      });
      expect(response.status).toBe(201);
    }
    const before = (await app.report()).notifications.length;
    expect(await app.click(['edge-proxy-01 — ', 'Quick snapshot'])).toBeNull();
    const menu = await app.waitForMenu(
      (m) => top(m).some((i) => i.label.startsWith('edge-proxy-01: no snapshot taken')),
      'the refusal among the recent outcomes',
    );
    const notes = (await app.report()).notifications.slice(before);
    expect(notes).toEqual([
      {
        title: 'edge-proxy-01: no snapshot taken (demo)',
        body: expect.stringMatching(/most snapshots allowed \(5\)\. Delete an old one first/),
      },
    ]);
    const line = top(menu).find((i) => i.label.startsWith('edge-proxy-01: no snapshot taken'));
    expect(line?.label).toBe('edge-proxy-01: no snapshot taken — just now');
    expect(line?.submenu.map((i) => i.label).join(' ')).toMatch(/Delete an old one first/);
    // Clicking the notification (where the platform delivers clicks) opens that server.
    expect(await app.clickNotification((await app.report()).notifications.length - 1)).toEqual({
      serverId: edge?.server.id,
    });
  });
});

describe('tray of the built app with the OS in Finnish and a fresh profile', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchBuiltApp({ locales: ['fi-FI', 'en-US'] });
  });

  afterAll(() => app?.close());

  it('the very first menu and its tooltip are Finnish', async () => {
    const menu = await app.waitForMenu((m) => top(m).length > 0, 'a menu');
    expect(top(menu).map((i) => i.label)).toEqual([
      'Ei kirjautunut',
      'Kokeile demoa',
      'Kirjaudu…',
      'Avaa VPS Snapshot Tray',
      'Lopeta',
    ]);
    expect(menu.tooltip).toBe('VPS Snapshot Tray — ei kirjautunut');
    expect((await app.state())?.language).toEqual({ locale: 'fi', tag: 'fi-FI' });
  });

  it('the demo, a quick snapshot and its notification: all Finnish', async () => {
    expect(await app.click(['Kokeile demoa'])).toBeNull();
    await app.waitForMenu((m) => serverEntry(m, 'web-server-01') !== undefined, 'the demo servers');
    expect(await app.click(['web-server-01 — ', 'Pikatilannevedos'])).toBeNull();
    const menu = await app.waitForMenu(
      (m) => top(m).some((i) => i.label.startsWith('Luodaan tilannevedosta ')),
      'the running snapshot',
    );
    expect(top(menu)[0]?.label).toMatch(
      /^Luodaan tilannevedosta web-server-01-\d{8}-\d{4} palvelimelle web-server-01 — alle minuutti \(yleensä 3–10 min\)$/,
    );
    expect(menu.tooltip).toBe('VPS Snapshot Tray — 1 toiminto käynnissä');
    expect((await app.report()).notifications.at(-1)?.title).toBe(
      'web-server-01: tilannevedos aloitettu (demo)',
    );
  });
});
