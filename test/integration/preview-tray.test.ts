/**
 * The preview's tray panel host over real HTTP with the real core: its calls are trusted like the
 * bridge's (this host's origin and this run's key, else refused before anything runs), and the
 * page can only choose an item the current menu shows, enabled, under the label it drew.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/preview/index';
import { KEY_HEADER } from '../../src/preview/bridge';
import type { TrayView } from '../../src/preview/tray-panel/protocol';

let preview: Preview;
let key: string;
let origin: string;
const logLines: string[] = [];

beforeAll(async () => {
  preview = await startPreview({
    tray: true,
    speed: 120,
    systemLocales: ['en-US'],
    logger: {
      info: () => undefined,
      warn: (m) => void logLines.push(m),
      error: (m) => void logLines.push(m),
    },
  });
  origin = new URL(preview.url).origin;
  const html = await (await fetch(preview.url)).text();
  key = /<meta name="vps-preview-key" content="([0-9a-f]+)">/.exec(html)?.[1] ?? '';
  expect(key).toHaveLength(64);
  // The panel loads before the bridge, so it can read the key the bridge then hides.
  expect(html.indexOf('/__preview/x/tray-panel.js')).toBeLessThan(html.indexOf('/__preview/bridge.js'));
});

afterAll(async () => {
  await preview?.stop();
});

async function call(name: string, payload?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}/__preview/x/call/${name}`, {
    method: 'POST',
    headers: { origin, [KEY_HEADER]: key, 'content-type': 'application/json', ...headers },
    body: payload === undefined ? '' : JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const view = async () => (await call('tray')).body as unknown as TrayView;
const labels = (v: TrayView) => v.model.items.flatMap((i) => (i.kind === 'item' ? [i.label] : []));

describe('the preview tray panel host', () => {
  it('serves the panel script and the tray icons', async () => {
    const script = await fetch(`${origin}/__preview/x/tray-panel.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('vps-preview-tray');
    const icon = await fetch(`${origin}/__preview/x/files/tray-busy.png`);
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect((await fetch(`${origin}/__preview/x/files/../../package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/__preview/x/files/nothing.png`)).status).toBe(404);
  });

  it("refuses a page without this run's key or from another origin, before anything runs", async () => {
    const try0 = labels(await view())[1] ?? '';
    expect(try0).toBe('Try the demo');
    const noKey = await call('choose', { path: [1], label: try0 }, { [KEY_HEADER]: 'f'.repeat(64) });
    const elsewhere = await call('choose', { path: [1], label: try0 }, { origin: 'http://evil.example' });
    expect([noKey.status, elsewhere.status]).toEqual([403, 403]);
    expect(preview.core.getState().mode).toBe('signed-out');
    expect(logLines.filter((l) => l.includes('refused /__preview/x/call/choose'))).toHaveLength(2);
  });

  it('chooses only what the menu shows: the label must match, the item be enabled, the payload sane', async () => {
    expect((await call('choose', { path: [1], label: 'Quit' })).body).toEqual({
      ok: false,
      problem: 'the menu changed',
    });
    expect((await call('choose', { path: 'x' })).body).toEqual({ ok: false, problem: 'invalid request' });
    expect((await call('choose', { path: [0], label: 'Not signed in' })).body).toEqual({
      ok: false,
      problem: 'not a choice',
    });
    expect(preview.core.getState().mode).toBe('signed-out');
    expect((await call('choose', { path: [1], label: 'Try the demo' })).body).toEqual({ ok: true });
    expect(preview.core.getState().mode).toBe('demo');
    await preview.core.settled();
    // A disabled quick snapshot (db-server-01 is at 5/5) cannot be chosen either.
    const v = await view();
    const db = v.model.items.findIndex((i) => i.kind === 'item' && i.label.startsWith('db-server-01 — '));
    expect(
      (await call('choose', { path: [db, 0], label: 'Quick snapshot (5/5 — delete one first)' })).body,
    ).toEqual({
      ok: false,
      problem: 'not a choice',
    });
    expect(preview.core.getState().operations).toEqual([]);
  });

  it('a notification click shows its server; an unknown one does nothing', async () => {
    const v = await view();
    const web = v.model.items.findIndex((i) => i.kind === 'item' && i.label.startsWith('web-server-01 — '));
    expect((await call('choose', { path: [web, 0], label: 'Quick snapshot' })).body).toEqual({ ok: true });
    const started = (await view()).notifications[0];
    expect(started?.title).toBe('web-server-01: snapshot started (demo)');
    const before = preview.ipcLog.filter((e) => e.name === 'focusServer').length;
    expect((await call('clickNotification', { id: started?.id })).body).toEqual({ ok: true });
    expect((await call('clickNotification', { id: 999 })).body).toEqual({ ok: false });
    const focus = preview.ipcLog.filter((e) => e.name === 'focusServer');
    expect(focus.length).toBe(before + 1);
    expect(focus.at(-1)?.payload).toEqual({ serverId: 12345 });
  });
});
