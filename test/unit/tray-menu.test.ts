// The tray menu as a pure function of the state: realistic states in, the labels, enabled flags
// and actions a user would see in the tray out. No Electron involved.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SERVER_ENTRIES, buildTrayModel } from '../../src/main/core/tray-menu';
import type { TrayMenuItem, TrayModel, TrayNotice } from '../../src/main/core/tray-model';
import type { Operation, Server, Snapshot } from '../../src/shared/domain';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { NOW, iso, server, snapshot, trayState } from '../support/tray-fixtures';
import type { AppState, ServerEntry } from '../../src/shared/state';

const MIN = 60_000;
const HOUR = 60 * MIN;

function entry(srv: Server, snapshots: Snapshot[] = []): ServerEntry {
  return { server: srv, snapshots };
}

function op(partial: Partial<Operation> & Pick<Operation, 'kind' | 'serverId' | 'serverName'>): Operation {
  return {
    id: `op-${String(partial.serverId)}-${partial.kind}`,
    snapshotId: null,
    snapshotName: 'snap',
    startedAt: iso(2 * MIN),
    status: 'running',
    finishedAt: null,
    message: null,
    ...partial,
  };
}

function baseState(overrides: Partial<AppState> = {}): AppState {
  return trayState(overrides);
}

const web = server(12345, 'web-server-01');
const db = server(12346, 'db-server-01');
const staging = server(12347, 'staging-01', 'stopped');
const legacy = server(12348, 'legacy-01', 'suspended');
const mail = server('srv-mail', 'mail-01', 'restoring');

/** The demo account: one server with two snapshots, one full, one stopped, one suspended, one restoring. */
function demoState(overrides: Partial<AppState> = {}): AppState {
  return baseState({
    servers: [
      entry(web, [
        snapshot(801, web, 'before-update-snapshot', 3 * HOUR),
        snapshot(798, web, 'weekly-2026-11-16', 7 * 24 * HOUR),
      ]),
      entry(
        db,
        [1, 2, 3, 4, 5].map((n) => snapshot(900 + n, db, `db-${n}`, n * 24 * HOUR)),
      ),
      entry(staging),
      entry(legacy, [snapshot(700, legacy, 'last-before-suspend', 40 * 24 * HOUR)]),
      entry(mail, [snapshot(650, mail, 'mail-good', 26 * HOUR)]),
    ],
    ...overrides,
  });
}

type Item = Extract<TrayMenuItem, { kind: 'item' }>;

function items(list: readonly TrayMenuItem[]): Item[] {
  return list.filter((i): i is Item => i.kind === 'item');
}

/** Every item, depth first, submenus included. */
function flatten(list: readonly TrayMenuItem[]): Item[] {
  return items(list).flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}

function labels(model: TrayModel): string[] {
  return items(model.items).map((i) => i.label);
}

function find(list: readonly TrayMenuItem[], prefix: string): Item {
  const hit = items(list).find((i) => i.label.startsWith(prefix));
  if (!hit)
    throw new Error(
      `no item starting with "${prefix}" in ${JSON.stringify(items(list).map((i) => i.label))}`,
    );
  return hit;
}

function serverMenu(model: TrayModel, name: string): Item[] {
  return items(find(model.items, `${name} — `).submenu ?? []);
}

describe('buildTrayModel', () => {
  it('signed out: offers the demo and signing in, and nothing that needs an account', () => {
    const model = buildTrayModel(
      baseState({
        mode: 'signed-out',
        account: { email: null, tokenSet: false, tokenStorage: null, tokenInvalid: false },
        sync: { refreshing: false, lastRefreshAt: null, lastError: null, offline: false },
        demoUrl: null,
      }),
      NOW,
    );
    expect(labels(model)).toEqual([
      'Not signed in',
      'Try the demo',
      'Sign in…',
      'Open VPS Snapshot Tray',
      'Quit',
    ]);
    expect(find(model.items, 'Not signed in').enabled).toBe(false);
    expect(find(model.items, 'Try the demo')).toMatchObject({ enabled: true, action: { type: 'startDemo' } });
    expect(find(model.items, 'Sign in')).toMatchObject({ enabled: true, action: { type: 'openWindow' } });
    expect(model.icon).toBe('idle');
    expect(model.tooltip).toBe('VPS Snapshot Tray — not signed in');
  });

  it('while the core starts: says so and offers only Open and Quit, whatever else the state holds', () => {
    for (const state of [baseState({ starting: true, mode: 'signed-out' }), demoState({ starting: true })]) {
      const model = buildTrayModel(state, NOW);
      expect(labels(model)).toEqual(['Starting…', 'Open VPS Snapshot Tray', 'Quit']);
      expect(find(model.items, 'Starting…').enabled).toBe(false);
      expect(model.items.flatMap((i) => (i.kind === 'item' && i.action ? [i.action.type] : []))).toEqual([
        'openWindow',
        'quit',
      ]);
      expect(model.tooltip).toBe('VPS Snapshot Tray — starting');
    }
  });

  it('demo: labelled Demo with a way out, one entry per server with status, n/5 and the last snapshot age', () => {
    const model = buildTrayModel(demoState(), NOW);
    const all = labels(model);
    expect(all[0]).toBe('Demo: made-up servers');
    expect(find(model.items, 'Leave the demo')).toMatchObject({
      label: 'Leave the demo / Sign in…',
      enabled: true,
      action: { type: 'leaveDemo' },
    });
    expect(all).toContain('web-server-01 — active · 2/5 · last snapshot 3 hours ago');
    expect(all).toContain('db-server-01 — active · 5/5 · last snapshot 1 day ago');
    expect(all).toContain('staging-01 — stopped · 0/5 · no snapshots');
    expect(all).toContain('legacy-01 — suspended · 1/5 · last snapshot 40 days ago');
    expect(all).toContain('mail-01 — restoring · 1/5 · last snapshot 1 day ago');
    expect(all.slice(-4)).toEqual([
      'Refresh',
      'Last updated 2 minutes ago',
      'Open VPS Snapshot Tray',
      'Quit',
    ]);
    expect(model.icon).toBe('idle');
    expect(model.tooltip).toBe('VPS Snapshot Tray — Demo · 5 servers');
  });

  it('a real account shows the email, and says when the token is kept for this session only', () => {
    const model = buildTrayModel(
      demoState({
        mode: 'account',
        account: { email: 'ops@example.org', tokenSet: true, tokenStorage: 'session', tokenInvalid: false },
        demoUrl: null,
      }),
      NOW,
    );
    expect(labels(model).slice(0, 2)).toEqual([
      'Signed in as ops@example.org',
      'Token kept for this session only (no keychain)',
    ]);
    expect(model.tooltip).toBe('VPS Snapshot Tray — 5 servers');
  });

  it('server submenu: quick snapshot with the name it will get, a named one, snapshots that open, open in window', () => {
    const model = buildTrayModel(
      demoState({ settings: { ...DEFAULT_SETTINGS, nameTemplate: '{server}-{yyyyMMdd-HHmm}' } }),
      NOW,
    );
    const sub = serverMenu(model, 'web-server-01');
    expect(sub.map((i) => i.label)).toEqual([
      'Quick snapshot',
      'Will be named web-server-01-20261123-1702',
      'Snapshot with a name…',
      'before-update-snapshot — completed · 3 hours ago',
      'weekly-2026-11-16 — completed · 7 days ago',
      'Open in window',
    ]);
    expect(sub[0]).toMatchObject({ enabled: true, action: { type: 'quickSnapshot', serverId: 12345 } });
    expect(sub[1]).toMatchObject({ enabled: false });
    expect(sub[1]?.action).toBeUndefined();
    expect(sub[2]).toMatchObject({ enabled: true, action: { type: 'createSnapshot', serverId: 12345 } });
    // Each snapshot line opens that snapshot in the window.
    expect(sub[3]).toMatchObject({
      enabled: true,
      action: { type: 'showServer', serverId: 12345, snapshotId: 801 },
    });
    expect(sub[4]?.action).toEqual({ type: 'showServer', serverId: 12345, snapshotId: 798 });
    expect(sub[5]).toMatchObject({ enabled: true, action: { type: 'showServer', serverId: 12345 } });
    // An empty list says so.
    const staged = serverMenu(model, 'staging-01').map((i) => i.label);
    expect(staged).toEqual([
      'Quick snapshot',
      'Will be named staging-01-20261123-1702',
      'Snapshot with a name…',
      'No snapshots yet',
      'Open in window',
    ]);
  });

  it('the "server is running" tip is said once, below the servers, not in every submenu', () => {
    const model = buildTrayModel(demoState(), NOW);
    const tip = (label: string) => label.startsWith('Tip: a snapshot of a running server');
    expect(flatten(model.items).filter((i) => tip(i.label))).toHaveLength(1);
    const top = labels(model);
    expect(top.findIndex(tip)).toBeGreaterThan(
      top.indexOf('mail-01 — restoring · 1/5 · last snapshot 1 day ago'),
    );
    // No running server with a quick snapshot on offer: no tip.
    const stoppedOnly = buildTrayModel(baseState({ servers: [entry(staging)] }), NOW);
    expect(flatten(stoppedOnly.items).some((i) => tip(i.label))).toBe(false);
  });

  it('the name preview avoids a name the server already has, as the core does', () => {
    const taken = entry(web, [snapshot(803, web, 'web-server-01-20261123-1702', 10_000, 'in_progress')]);
    const model = buildTrayModel(baseState({ servers: [taken] }), NOW);
    expect(serverMenu(model, 'web-server-01')[1]?.label).toBe('Will be named web-server-01-20261123-1702-2');
  });

  it('uses the configured naming template', () => {
    const model = buildTrayModel(
      demoState({ settings: { ...DEFAULT_SETTINGS, nameTemplate: 'pre-{id}-{HHmm}' } }),
      NOW,
    );
    expect(serverMenu(model, 'web-server-01')[1]?.label).toBe('Will be named pre-12345-1702');
  });

  it('a server at 5/5: quick snapshot disabled with the reason, no name offered', () => {
    const sub = serverMenu(buildTrayModel(demoState(), NOW), 'db-server-01');
    expect(sub[0]).toMatchObject({
      label: 'Quick snapshot (5/5 — delete one first)',
      enabled: false,
      action: { type: 'quickSnapshot', serverId: 12346 },
    });
    expect(sub.some((i) => i.label.startsWith('Will be named'))).toBe(false);
    expect(sub.some((i) => i.action?.type === 'createSnapshot')).toBe(false);
    expect(sub.filter((i) => i.label.startsWith('db-'))).toHaveLength(5);
  });

  it('a running creation the list does not show yet counts towards the limit', () => {
    const four = entry(
      web,
      [1, 2, 3, 4].map((n) => snapshot(800 + n, web, `w-${n}`, n * HOUR)),
    );
    const state = baseState({
      servers: [four],
      operations: [
        op({ kind: 'create', serverId: 12345, serverName: 'web-server-01', snapshotName: 'fresh' }),
      ],
    });
    const model = buildTrayModel(state, NOW);
    expect(labels(model)).toContain('web-server-01 — active · 5/5 · last snapshot 1 hour ago');
    expect(serverMenu(model, 'web-server-01')[0]?.enabled).toBe(false);
    // Once the list shows it (same id), it is not counted twice.
    const listed = baseState({
      servers: [entry(web, [snapshot(809, web, 'fresh', MIN, 'in_progress'), ...four.snapshots.slice(0, 3)])],
      operations: [op({ kind: 'create', serverId: 12345, serverName: 'web-server-01', snapshotId: 809 })],
    });
    expect(labels(buildTrayModel(listed, NOW))).toContain(
      'web-server-01 — active · 4/5 · last snapshot 1 minute ago',
    );
  });

  it('restoring servers: disabled with the reason; suspended ones are left to the API', () => {
    const model = buildTrayModel(demoState(), NOW);
    expect(serverMenu(model, 'mail-01')[0]).toMatchObject({
      label: 'Quick snapshot (server is restoring)',
      enabled: false,
    });
    // The docs do not say a suspended server refuses snapshots, and the core does not refuse it.
    expect(serverMenu(model, 'legacy-01')[0]).toMatchObject({ label: 'Quick snapshot', enabled: true });
    // A tracked restore blocks even before the server list says "restoring".
    const tracked = buildTrayModel(
      demoState({
        operations: [
          op({
            kind: 'restore',
            serverId: 12345,
            serverName: 'web-server-01',
            snapshotName: 'before-update-snapshot',
          }),
        ],
      }),
      NOW,
    );
    expect(serverMenu(tracked, 'web-server-01')[0]?.label).toBe('Quick snapshot (server is restoring)');
  });

  it('running operations come first: elapsed time against the usual duration, leading to the snapshot, busy icon', () => {
    const model = buildTrayModel(
      demoState({
        operations: [
          op({
            id: 'a',
            kind: 'create',
            serverId: 12345,
            serverName: 'web-server-01',
            snapshotId: 802,
            snapshotName: 'web-01-20261123-1702',
            startedAt: iso(2 * MIN + 10_000),
          }),
          op({
            id: 'b',
            kind: 'restore',
            serverId: 'srv-mail',
            serverName: 'mail-01',
            snapshotId: 650,
            snapshotName: 'mail-good',
            startedAt: iso(HOUR + 5 * MIN),
          }),
        ],
      }),
      NOW,
    );
    const create = find(model.items, 'Creating ');
    expect(create).toMatchObject({
      label: 'Creating web-01-20261123-1702 on web-server-01 — 2 min (usually 3–10 min)',
      enabled: true,
      action: { type: 'showServer', serverId: 12345, snapshotId: 802 },
    });
    expect(find(model.items, 'Restoring ')).toMatchObject({
      label: 'Restoring mail-01 from mail-good — 1 hr 5 min, longer than the usual 5–15 min',
      action: { type: 'showServer', serverId: 'srv-mail', snapshotId: 650 },
    });
    // Above everything else: the lines a user waits for are the first two of the menu.
    expect(items(model.items).slice(0, 2)).toEqual([create, find(model.items, 'Restoring ')]);
    expect(model.items[2]).toEqual({ kind: 'separator' });
    expect(model.icon).toBe('busy');
    expect(model.tooltip).toBe('VPS Snapshot Tray — 2 operations running');
    // Time moves on: the same state an hour later shows a longer elapsed time.
    const later = buildTrayModel(
      demoState({ operations: [op({ kind: 'create', serverId: 1, serverName: 's' })] }),
      NOW + HOUR,
    );
    expect(find(later.items, 'Creating ').label).toBe(
      'Creating snap on s — 1 hr 2 min, longer than the usual 3–10 min',
    );
    // A create whose start VPS.org did not confirm says the app is checking.
    const unclear = buildTrayModel(
      demoState({ operations: [op({ kind: 'create', serverId: 1, serverName: 's', uncertain: true })] }),
      NOW,
    );
    expect(find(unclear.items, 'Creating ').label).toBe(
      'Creating snap on s — 2 min (usually 3–10 min) · checking whether it started',
    );
    expect(later.tooltip).toBe('VPS Snapshot Tray — 1 operation running');
  });

  it('recently finished operations stay visible for a while, then drop off', () => {
    const done = op({
      kind: 'create',
      serverId: 12345,
      serverName: 'web-server-01',
      snapshotName: 'nightly',
      status: 'succeeded',
      finishedAt: iso(5 * MIN),
    });
    const failed = op({
      id: 'f',
      kind: 'restore',
      serverId: 12346,
      serverName: 'db-server-01',
      snapshotName: 'db-1',
      status: 'failed',
      finishedAt: iso(3 * MIN),
    });
    const model = buildTrayModel(demoState({ operations: [done, failed] }), NOW);
    const all = labels(model);
    expect(all).toContain('Created nightly on web-server-01 — 5 minutes ago');
    expect(all).toContain('Restore of db-server-01 from db-1 failed — 3 minutes ago');
    expect(all.indexOf('Restore of db-server-01 from db-1 failed — 3 minutes ago')).toBeLessThan(
      all.indexOf('Created nightly on web-server-01 — 5 minutes ago'),
    );
    expect(model.icon).toBe('idle');
    const muchLater = labels(buildTrayModel(demoState({ operations: [done, failed] }), NOW + 2 * HOUR));
    expect(muchLater.some((l) => l.startsWith('Created nightly'))).toBe(false);
  });

  it('a refused tray action stays among the recent outcomes with its reason, newest first, for an hour', () => {
    const done = op({
      kind: 'create',
      serverId: 12345,
      serverName: 'web-server-01',
      snapshotName: 'nightly',
      status: 'succeeded',
      finishedAt: iso(5 * MIN),
    });
    const notice: TrayNotice = {
      at: NOW - 2 * MIN,
      action: 'quickSnapshot',
      error: {
        kind: 'limit_reached',
        message: 'edge-proxy-01 already has 5 of 5 snapshots, the most allowed. Delete an old one first.',
        code: 'core.limit',
        params: { server: 'edge-proxy-01', count: 5, limit: 5 },
      },
      server: { id: 'edge', name: 'edge-proxy-01' },
    };
    const model = buildTrayModel(demoState({ operations: [done] }), NOW, [notice]);
    const all = labels(model);
    const line = find(model.items, 'edge-proxy-01: no snapshot taken');
    expect(line.label).toBe('edge-proxy-01: no snapshot taken — 2 minutes ago');
    expect(all.indexOf(line.label)).toBeLessThan(
      all.indexOf('Created nightly on web-server-01 — 5 minutes ago'),
    );
    const reason = items(line.submenu ?? []);
    // The reason, wrapped for a menu that does not wrap, then a way to the server.
    expect(reason.slice(0, -1).map((i) => i.label)).toEqual([
      'edge-proxy-01 already has 5 of 5 snapshots, the most allowed.',
      'Delete an old one first.',
    ]);
    expect(reason.slice(0, -1).every((i) => !i.enabled)).toBe(true);
    expect(reason.at(-1)).toMatchObject({
      label: 'Open in window',
      action: { type: 'showServer', serverId: 'edge' },
    });
    const later = labels(buildTrayModel(demoState(), NOW + 2 * HOUR, [notice]));
    expect(later.some((l) => l.startsWith('edge-proxy-01: no snapshot'))).toBe(false);
  });

  it('token invalid: error icon, an actionable line, and no quick snapshots', () => {
    const model = buildTrayModel(
      demoState({
        mode: 'account',
        account: { email: 'ops@example.org', tokenSet: true, tokenStorage: 'keychain', tokenInvalid: true },
        sync: {
          refreshing: false,
          lastRefreshAt: iso(20 * MIN),
          lastError: { kind: 'unauthorized', message: 'The token was refused.' },
          offline: false,
        },
      }),
      NOW,
    );
    expect(model.icon).toBe('error');
    expect(model.tooltip).toBe('VPS Snapshot Tray — token no longer works');
    expect(find(model.items, 'Token no longer works')).toMatchObject({
      label: 'Token no longer works — open the app to enter a new one',
      enabled: true,
      action: { type: 'openWindow' },
    });
    // The 401 is already explained by that line; no second "last refresh failed" line.
    expect(labels(model).some((l) => l.startsWith('Last refresh failed'))).toBe(false);
    expect(serverMenu(model, 'web-server-01')[0]).toMatchObject({
      label: 'Quick snapshot (token no longer works)',
      enabled: false,
    });
  });

  it('offline: error icon and a line saying the data is the last known', () => {
    const model = buildTrayModel(
      demoState({
        mode: 'account',
        account: { email: 'ops@example.org', tokenSet: true, tokenStorage: 'keychain', tokenInvalid: false },
        sync: {
          refreshing: false,
          lastRefreshAt: iso(12 * MIN),
          lastError: { kind: 'network', message: 'Could not connect.' },
          offline: true,
        },
        operations: [op({ kind: 'create', serverId: 12345, serverName: 'web-server-01' })],
      }),
      NOW,
    );
    expect(model.icon).toBe('error');
    expect(model.tooltip).toBe('VPS Snapshot Tray — cannot reach the API');
    expect(labels(model)).toContain('Cannot reach VPS.org — showing the last data');
    expect(labels(model)).toContain('Last updated 12 minutes ago');
    expect(
      buildTrayModel(demoState({ sync: { ...demoState().sync, offline: true } }), NOW).items,
    ).toContainEqual({
      kind: 'item',
      label: 'Cannot reach the demo server — showing the last data',
      enabled: false,
    });
  });

  it('a background failure that is not "offline" is shown, cleaned and clipped', () => {
    const model = buildTrayModel(
      demoState({
        sync: {
          refreshing: false,
          lastRefreshAt: iso(MIN),
          lastError: { kind: 'server', message: `The server failed\n${'x'.repeat(200)}` },
          offline: false,
        },
      }),
      NOW,
    );
    const line = find(model.items, 'Last refresh failed').label;
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThanOrEqual('Last refresh failed: '.length + 80);
    expect(model.icon).toBe('idle');
  });

  it('refresh: "Refreshing…" and disabled while one runs, with when the data was last updated', () => {
    const idle = buildTrayModel(demoState(), NOW);
    expect(find(idle.items, 'Refresh')).toMatchObject({
      label: 'Refresh',
      enabled: true,
      action: { type: 'refresh' },
    });
    const busy = buildTrayModel(
      demoState({
        sync: { refreshing: true, lastRefreshAt: null, lastError: null, offline: false },
        servers: [],
      }),
      NOW,
    );
    expect(find(busy.items, 'Refreshing…')).toMatchObject({ enabled: false, action: { type: 'refresh' } });
    expect(labels(busy)).toContain('Not updated yet');
    expect(labels(busy)).toContain('Loading servers…');
    const failedFirst = buildTrayModel(
      demoState({
        sync: { refreshing: false, lastRefreshAt: null, lastError: null, offline: true },
        servers: [],
      }),
      NOW,
    );
    expect(labels(failedFirst)).toContain('Servers could not be loaded yet');
    expect(labels(failedFirst)).not.toContain('Loading servers…');
    const empty = buildTrayModel(demoState({ servers: [] }), NOW);
    expect(labels(empty)).toContain('No servers on this account');
  });

  it('a big account: at most 25 server entries, then one item that opens the window', () => {
    const many = Array.from({ length: 140 }, (_, n) => entry(server(1000 + n, `node-${n}`)));
    const model = buildTrayModel(demoState({ servers: many }), NOW);
    const serverItems = items(model.items).filter((i) => i.submenu);
    expect(serverItems).toHaveLength(MAX_SERVER_ENTRIES);
    expect(serverItems[0]?.label.startsWith('node-0 — ')).toBe(true);
    expect(find(model.items, '115 more servers')).toMatchObject({
      label: '115 more servers — open the window',
      enabled: true,
      action: { type: 'openWindow' },
    });
    expect(flatten(model.items).length).toBeLessThan(250);
    const exact = buildTrayModel(demoState({ servers: many.slice(0, MAX_SERVER_ENTRIES) }), NOW);
    expect(labels(exact).some((l) => l.includes('more server'))).toBe(false);
    const oneOver = buildTrayModel(demoState({ servers: many.slice(0, MAX_SERVER_ENTRIES + 1) }), NOW);
    expect(labels(oneOver)).toContain('1 more server — open the window');
  });

  it('hostile names from the API cannot break or bloat labels', () => {
    const odd = server(5, `evil\nname\u0007${'A'.repeat(300)}`, 'weird\tstatus');
    const model = buildTrayModel(
      demoState({ servers: [entry(odd, [snapshot(1, odd, 'x', MIN, 'exploded')])] }),
      NOW,
    );
    const line = items(model.items).find((i) => i.submenu)?.label ?? '';
    for (const ch of ['\n', '\t', '\u0007']) expect(line).not.toContain(ch);
    expect(line.length).toBeLessThan(120);
    expect(line).toContain('weird status');
    expect(serverMenu(model, line.split(' — ')[0] ?? '').map((i) => i.label)).toContain(
      'x — exploded · 1 minute ago',
    );
  });

  it('bidi overrides and zero-width characters from the API never reach a label', () => {
    // U+202E would display "web-prod" as "web-dorp"; U+200B would make two names look the same.
    const odd = server(6, 'web-\u202eprod\u202c', 'act\u200bive');
    const ops = [
      op({ kind: 'create', serverId: 6, serverName: 'db\u2066-01\u2069', snapshotName: 's\u200d1' }),
    ];
    const model = buildTrayModel(
      demoState({ servers: [entry(odd, [snapshot(1, odd, 'x\ufeff', MIN)])], operations: ops }),
      NOW,
    );
    const all = flatten(model.items).map((i) => i.label ?? '');
    const invisible = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
    for (const label of [...all, model.tooltip]) expect(label).not.toMatch(invisible);
    expect(all.some((l) => l.startsWith('web-prod — active'))).toBe(true);
    expect(all.some((l) => l.startsWith('Creating s1 on db-01'))).toBe(true);
  });

  it('every actionable item carries the right action, and only informational items have none', () => {
    const model = buildTrayModel(
      demoState({ operations: [op({ kind: 'create', serverId: 12345, serverName: 'web-server-01' })] }),
      NOW,
    );
    const byLabel = (label: string) => flatten(model.items).filter((i) => i.label === label);
    expect(byLabel('Open VPS Snapshot Tray')[0]?.action).toEqual({ type: 'openWindow' });
    expect(byLabel('Quit')[0]?.action).toEqual({ type: 'quit' });
    expect(byLabel('Refresh')[0]?.action).toEqual({ type: 'refresh' });
    for (const item of flatten(model.items)) {
      if (item.submenu) {
        expect(item.action, item.label).toBeUndefined();
        continue;
      }
      if (item.enabled) expect(item.action, item.label).toBeDefined();
      if (item.action?.type === 'quickSnapshot' || item.action?.type === 'showServer') {
        // The action names a server that the state has.
        const id = item.action.serverId;
        expect(
          demoState().servers.some((e) => String(e.server.id) === String(id)),
          item.label,
        ).toBe(true);
      }
    }
    // Each server's submenu acts on that server and no other.
    for (const e of demoState().servers) {
      const sub = serverMenu(model, e.server.name);
      for (const i of sub)
        if (i.action && 'serverId' in i.action) expect(i.action.serverId).toBe(e.server.id);
    }
  });

  it('property: every server is reachable from the menu alone, with a quick snapshot or a reason', () => {
    const statusArb = fc.constantFrom('active', 'stopped', 'suspended', 'restoring', 'rebooting');
    const serverArb = fc.record({
      name: fc.string({ minLength: 0, maxLength: 60 }),
      status: statusArb,
      snapshots: fc.integer({ min: 0, max: 5 }),
      snapStatus: fc.constantFrom('completed', 'in_progress', 'failed'),
      restoreRunning: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(serverArb, { minLength: 0, maxLength: 60 }),
        fc.boolean(),
        fc.boolean(),
        (specs, tokenInvalid, offline) => {
          const servers = specs.map((s, n) => {
            const srv = server(n + 1, s.name, s.status);
            return entry(
              srv,
              Array.from({ length: s.snapshots }, (_, k) =>
                snapshot(`${n}-${k}`, srv, `s-${k}`, (k + 1) * HOUR, k === 0 ? s.snapStatus : 'completed'),
              ),
            );
          });
          const operations = specs.flatMap((s, n) =>
            s.restoreRunning
              ? [op({ id: `r${n}`, kind: 'restore', serverId: n + 1, serverName: s.name })]
              : [],
          );
          const state = demoState({
            servers,
            operations,
            account: { email: null, tokenSet: true, tokenStorage: null, tokenInvalid },
            sync: { refreshing: false, lastRefreshAt: iso(MIN), lastError: null, offline },
          });
          const model = buildTrayModel(state, NOW);
          const top = items(model.items);
          const serverItems = top.filter((i) => i.submenu);
          expect(serverItems.length).toBe(Math.min(servers.length, MAX_SERVER_ENTRIES));
          serverItems.forEach((item, n) => {
            const e = servers[n];
            if (!e) throw new Error('more entries than servers');
            const sub = items(item.submenu ?? []);
            const quick = sub.find((i) => i.action?.type === 'quickSnapshot');
            expect(quick?.action).toEqual({ type: 'quickSnapshot', serverId: e.server.id });
            if (quick && !quick.enabled) expect(quick.label).toMatch(/^Quick snapshot \(.+\)$/);
            // Enabled exactly when nothing blocks it.
            const blocked =
              tokenInvalid ||
              e.server.status === 'restoring' ||
              specs[n]?.restoreRunning === true ||
              e.snapshots.length >= 5;
            expect(quick?.enabled).toBe(!blocked);
            expect(sub.some((i) => i.action?.type === 'showServer' && i.enabled)).toBe(true);
          });
          if (servers.length > MAX_SERVER_ENTRIES) {
            expect(top.some((i) => i.action?.type === 'openWindow' && i.label.includes('more server'))).toBe(
              true,
            );
          }
          expect(model.icon).toBe(
            tokenInvalid || offline ? 'error' : operations.length > 0 ? 'busy' : 'idle',
          );
          expect(top.at(-1)?.action).toEqual({ type: 'quit' });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is pure: the same state and time give the same model, and the state is not changed', () => {
    const state = demoState({
      operations: [op({ kind: 'create', serverId: 12345, serverName: 'web-server-01' })],
    });
    const before = JSON.stringify(state);
    expect(buildTrayModel(state, NOW)).toEqual(buildTrayModel(state, NOW));
    expect(JSON.stringify(state)).toBe(before);
  });
});
