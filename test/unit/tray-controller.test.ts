// The tray's behaviour without Electron: every item reaches the same named core action as the
// window (or the window, or quit), a started quick snapshot is confirmed, and every refused or
// failed action gets a notification that says why and what to do, plus a line in the menu.
import { describe, expect, it, vi } from 'vitest';
import { TrayController } from '../../src/main/core/tray-controller';
import type { NotificationRequest } from '../../src/main/core/ports';
import type { TrayModel } from '../../src/main/core/tray-model';
import type { Operation } from '../../src/shared/domain';
import { appError } from '../../src/shared/i18n/app-error';
import { fail, ok, type Result } from '../../src/shared/result';
import { NOW, server, trayState } from '../support/tray-fixtures';
import type { AppState, FocusServer } from '../../src/shared/state';

function state(locale: 'en' | 'fi' | 'gu' = 'en'): AppState {
  return trayState({
    servers: [{ server: server(7, 'web-1'), snapshots: [] }],
    sync: { refreshing: false, lastRefreshAt: new Date(NOW).toISOString(), lastError: null, offline: false },
    demoUrl: 'http://127.0.0.1:1/api/v1/',
    language: { locale, tag: locale },
  });
}

const started: Operation = {
  id: 'op-1',
  kind: 'create',
  serverId: 7,
  serverName: 'web-1',
  snapshotId: 900,
  snapshotName: 'web-1-20261123-1702',
  startedAt: new Date(NOW).toISOString(),
  status: 'running',
  finishedAt: null,
  message: null,
};

function setup(quick: Result<Operation>, other: Result<null> = ok(null), locale: 'en' | 'fi' | 'gu' = 'en') {
  const calls: string[] = [];
  const shown: NotificationRequest[] = [];
  const focused: FocusServer[] = [];
  const rendered: TrayModel[] = [];
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const tray = new TrayController({
    actions: {
      quickSnapshot: async (p) => {
        calls.push(`quickSnapshot:${String(p.serverId)}`);
        return quick;
      },
      refresh: async () => {
        calls.push('refresh');
        return other;
      },
      startDemo: async () => {
        calls.push('startDemo');
        return other;
      },
      signOut: async () => {
        calls.push('signOut');
        return other;
      },
    },
    state: () => state(locale),
    now: () => NOW,
    render: (model) => rendered.push(model),
    notify: (n) => shown.push(n),
    window: { show: () => calls.push('showWindow'), focus: (request) => focused.push(request) },
    quit: () => calls.push('quit'),
    logger,
  });
  return { tray, calls, shown, focused, rendered, logger };
}

const labelsOf = (model: TrayModel) => model.items.flatMap((i) => (i.kind === 'item' ? [i.label] : []));

describe('TrayController', () => {
  it('maps every tray item to its target', async () => {
    const { tray, calls, focused } = setup(ok(started));
    await tray.run({ type: 'quickSnapshot', serverId: 7 });
    await tray.run({ type: 'refresh' });
    await tray.run({ type: 'startDemo' });
    await tray.run({ type: 'leaveDemo' });
    await tray.run({ type: 'showServer', serverId: 'x1' });
    await tray.run({ type: 'showServer', serverId: 7, snapshotId: 900 });
    await tray.run({ type: 'createSnapshot', serverId: 7 });
    await tray.run({ type: 'openWindow' });
    await tray.run({ type: 'quit' });
    expect(calls).toEqual([
      'quickSnapshot:7',
      'refresh',
      'startDemo',
      // Leaving the demo shows the window, where the sign-in screen waits.
      'showWindow',
      'signOut',
      'showWindow',
      'quit',
    ]);
    expect(focused).toEqual([
      { serverId: 'x1' },
      { serverId: 7, snapshotId: 900 },
      { serverId: 7, dialog: 'create' },
    ]);
  });

  it('confirms a started quick snapshot with a notification naming the server', async () => {
    const { tray, shown } = setup(ok(started));
    await tray.run({ type: 'quickSnapshot', serverId: 7 });
    expect(shown).toEqual([
      {
        title: 'web-1: snapshot started (demo)',
        body: 'Taking snapshot “web-1-20261123-1702”. It usually takes 3–10 min; you will be notified when it is ready.',
        serverId: 7,
      },
    ]);
    // One whose start VPS.org did not confirm says so, and not to start another.
    const unclear = setup(ok({ ...started, snapshotId: null, uncertain: true }));
    await unclear.tray.run({ type: 'quickSnapshot', serverId: 7 });
    expect(unclear.shown[0]?.body).toMatch(/may have started.*do not start another one/);
  });

  it('a refused quick snapshot: a notification that says why and what to do, and a line in the menu', async () => {
    const refusal = appError('limit_reached', 'core.limit', { server: 'web-1', count: 5, limit: 5 });
    const { tray, shown, rendered, logger } = setup(fail(refusal));
    await tray.run({ type: 'quickSnapshot', serverId: 7 });
    expect(shown).toEqual([
      {
        title: 'web-1: no snapshot taken (demo)',
        body: 'web-1 already has 5 of 5 snapshots, the most allowed. Delete an old one first.',
        serverId: 7,
      },
    ]);
    // The menu is rendered again at once, with the refusal among the recent outcomes.
    expect(labelsOf(rendered.at(-1) as TrayModel)).toContain('web-1: no snapshot taken — just now');
    expect(logger.warn).toHaveBeenCalledWith('tray: quickSnapshot failed: limit_reached');
  });

  it("every other action that fails is reported the same way, in the user's language", async () => {
    const offline = { kind: 'network' as const, message: 'Could not reach VPS.org at x.' };
    const { tray, shown } = setup(ok(started), fail(offline), 'fi');
    await tray.run({ type: 'refresh' });
    await tray.run({ type: 'startDemo' });
    await tray.run({ type: 'leaveDemo' });
    expect(shown.map((n) => n.title)).toEqual([
      'Päivitys epäonnistui (demo)',
      'Demo ei käynnistynyt (demo)',
      'Demosta ei voitu poistua (demo)',
    ]);
    // The client's English words are not shown to a Finnish user: the kind's Finnish sentence is.
    expect(shown.every((n) => n.body === 'VPS.orgiin ei saada yhteyttä. Tarkista internetyhteys.')).toBe(
      true,
    );
    expect(labelsOf(tray.model()).filter((l) => l.endsWith('— juuri äsken'))).toHaveLength(3);
  });

  it('succeeding actions other than a quick snapshot stay quiet (their result shows in the menu)', async () => {
    const { tray, shown } = setup(ok(started));
    await tray.run({ type: 'refresh' });
    await tray.run({ type: 'startDemo' });
    await tray.run({ type: 'leaveDemo' });
    expect(shown).toEqual([]);
  });
});
