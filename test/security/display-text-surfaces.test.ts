// Names from a hostile API (bidi overrides, zero-width characters, line breaks, markup) served over
// real HTTP by the simulator, followed through the real client and core to every surface: the state
// the window is sent, the tray's labels, and a notification as the Linux adapter would show it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTrayModel } from '../../src/main/core/tray-menu';
import type { SimServer } from '../../src/simulator/types';
import { createHarness, type Harness } from '../unit/core-harness';

/** Characters that change how text reads without showing, and line breaks. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]/;

const HOSTILE_SERVER: SimServer = {
  id: 900_001,
  // Shown raw, U+202E makes "prod" read "dorp"; the zero-width space and the line break hide in it.
  name: 'web-\u202eprod\u202c\u200b\n<b>db</b>',
  hostname: 'h\u2066ost\u2069.example.com',
  status: 'active',
  ip_address: '198.51.100.7',
  location: 'eu-\u200dnorth',
  plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80 },
  os: { id: 5, name: 'Ubuntu\ufeff 22.04' },
  created_at: '2025-01-10T14:30:00Z',
  updated_at: '2025-01-10T14:30:00Z',
};

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());
const { notificationText } = await import('../../src/main/electron/notifier');

let h: Harness;
afterEach(() => h.cleanup());

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('hostile names on every surface', () => {
  it('reach the window, the tray and notifications cleaned, and escaped where markup is read', async () => {
    h = await createHarness({ simulator: { speed: 60 } });
    h.sim.addServers([HOSTILE_SERVER]);
    h.sim.addSnapshots([
      {
        server: { id: 900_001, name: HOSTILE_SERVER.name },
        name: 'nightly\u200b-\u202e1',
        status: 'completed',
        size_mb: 100,
        created_at: '2025-01-11T00:00:00Z',
        description: 'before\u2028the upgrade',
      },
    ]);
    await h.core.start();
    await h.core.settled();

    // The window: the state it is sent holds no invisible character anywhere.
    const state = h.core.getState();
    for (const text of strings(state)) expect(text).not.toMatch(INVISIBLE);
    const entry = state.servers.find((e) => e.server.id === 900_001);
    expect(entry?.server.name).toBe('web-prod <b>db</b>');
    expect(entry?.snapshots[0]?.name).toBe('nightly-1');

    // A snapshot of that server runs and finishes: one notification naming it.
    const created = await h.core.createSnapshot({ serverId: 900_001, name: 'pre-upgrade', description: '' });
    expect(created.ok).toBe(true);
    for (let i = 0; i < 30 && h.notifier.shown.length === 0; i++) await h.scheduler.advance(10_000);
    expect(h.notifier.shown).toHaveLength(1);

    // The tray.
    const tray = buildTrayModel(h.core.getState(), h.scheduler.now());
    const labels = (items: typeof tray.items): string[] =>
      items.flatMap((i) => (i.kind === 'item' ? [i.label, ...labels(i.submenu ?? [])] : []));
    for (const label of [tray.tooltip, ...labels(tray.items)]) expect(label).not.toMatch(INVISIBLE);
    expect(labels(tray.items).some((l) => l.startsWith('web-prod <b>db</b> — active'))).toBe(true);

    // The notification as the Linux adapter hands it to the notification server.
    const shown = notificationText(h.notifier.shown[0] ?? { title: '', body: '' }, 'linux');
    expect(shown.body).toContain('web-prod &lt;b&gt;db&lt;/b&gt;');
    expect(shown.body).not.toMatch(/<b>/);
    expect(`${shown.title} ${shown.body}`).not.toMatch(INVISIBLE);
  });
});
