/**
 * The browser preview as a whole, over real HTTP: the real core behind the bridge, the real
 * simulator behind the core. A trusted call round-trips to the core and the simulator; events
 * stream the core's state; an untrusted or malformed request reaches neither. A stub page stands
 * in for the built renderer so this runs without a build.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/shared/state';
import type { Result } from '../../src/shared/result';
import { KEY_HEADER } from '../../src/preview/bridge';
import { startPreview, type Preview } from '../../src/preview/index';

const TOKEN = 'vps_SECRETtest_preview_integration';

let dir: string;
let preview: Preview;
let origin: string;
let key: string;
const logLines: string[] = [];

/** POSTs to the preview with the trusted headers unless overridden; returns status and JSON. */
function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const base = new URL(preview.url);
  return new Promise((resolveReply, reject) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, [KEY_HEADER]: key, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolveReply({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Calls one contract call as the bridge does. */
async function invoke<T>(name: string, ...args: unknown[]): Promise<Result<T>> {
  const reply = await post(`/__preview/invoke/${name}`, { args });
  return reply.json as Result<T>;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'preview-int-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(dir, 'app.js'), '');
  preview = await startPreview({
    rendererDir: dir,
    token: TOKEN,
    speed: 1000,
    settings: { pollIntervalSeconds: 2 },
    logger: {
      info: (m) => void logLines.push(m),
      warn: (m) => void logLines.push(m),
      error: (m) => void logLines.push(m),
    },
  });
  origin = new URL(preview.url).origin;
  const page = await fetch(preview.url).then((r) => r.text());
  const match = /name="vps-preview-key" content="([0-9a-f]{64})"/.exec(page);
  if (!match?.[1]) throw new Error('no key in the served page');
  key = match[1];
});

afterAll(async () => {
  await preview?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the preview', () => {
  it('starts signed out, with the API address on its simulator', async () => {
    const state = await invoke<AppState>('getState');
    expect(state.ok).toBe(true);
    if (!state.ok) return;
    expect(state.value.mode).toBe('signed-out');
    expect(state.value.settings.apiBaseUrl).toBe(preview.simulator.url);
  });

  it('refuses a wrong origin or key before anything reaches the core or the simulator', async () => {
    preview.simulator.resetRequestCounts();
    const logged = preview.ipcLog.length;
    const untrusted: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { [KEY_HEADER]: '0'.repeat(64) },
    ];
    for (const headers of untrusted) {
      const reply = await post(
        '/__preview/invoke/setToken',
        { args: [{ token: TOKEN, sessionOnly: true }] },
        headers,
      );
      expect(reply.status).toBe(403);
      expect(reply.json).toMatchObject({ ok: false, error: { kind: 'refused' } });
    }
    expect(preview.simulator.requestCounts()).toEqual({});
    expect(preview.ipcLog.length).toBe(logged);
    expect(preview.core.getState().mode).toBe('signed-out');
  });

  it('a malformed payload gets a validation error and never reaches the simulator', async () => {
    preview.simulator.resetRequestCounts();
    const bad = await invoke('setToken', { token: TOKEN, sessionOnly: true, extra: 1 });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(JSON.stringify(bad)).not.toContain(TOKEN);
    const two = await invoke('startDemo', undefined, 1);
    expect(two).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(preview.simulator.requestCounts()).toEqual({});
    expect(preview.core.getState().mode).toBe('signed-out');
  });

  it('a wrong token is refused by the simulator, through the core', async () => {
    const result = await invoke('setToken', { token: 'vps_wrong_token_value', sessionOnly: true });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(preview.core.getState().mode).toBe('signed-out');
  });

  it('signs in with the simulator token and streams the state as events', async () => {
    const base = new URL(preview.url);
    const states: AppState[] = [];
    const stream = request({
      host: base.hostname,
      port: base.port,
      path: '/__preview/events',
      method: 'POST',
      headers: { origin, [KEY_HEADER]: key },
    });
    const gotServers = new Promise<void>((done, reject) => {
      stream.on('response', (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^event: state\ndata: (.*)$/s.exec(block)?.[1];
            if (data) states.push(JSON.parse(data) as AppState);
            if (states.some((s) => s.mode === 'account' && s.servers.length > 0)) done();
          }
        });
      });
      stream.on('error', reject);
    });
    stream.end();
    const signedIn = await invoke<{ email: string }>('setToken', { token: TOKEN, sessionOnly: true });
    expect(signedIn).toEqual({ ok: true, value: { email: 'demo@example.com' } });
    await gotServers;
    stream.destroy();
    const last = states.at(-1);
    expect(last?.servers.map((e) => e.server.name)).toContain('web-server-01');
    // The page saw the account, never the token.
    expect(JSON.stringify(states)).not.toContain(TOKEN);
  });

  it('records both directions in ipcLog, and the token only in the setToken request', () => {
    const names = preview.ipcLog.map((e) => `${e.direction}:${e.name}`);
    expect(names).toContain('invoke:getState');
    expect(names).toContain('invoke:setToken');
    expect(names).toContain('event:state');
    const withoutRequest = preview.ipcLog.filter((e) => !(e.direction === 'invoke' && e.name === 'setToken'));
    expect(JSON.stringify(withoutRequest)).not.toContain(TOKEN);
    expect(JSON.stringify(preview.ipcLog.map((e) => e.result))).not.toContain(TOKEN);
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });

  it("the tray's quick snapshot, called on the actions, reaches the simulator", async () => {
    const result = await preview.actions.quickSnapshot({ serverId: 12345 });
    expect(result.ok).toBe(true);
    const made = preview.simulator.snapshot().snapshots.filter((s) => s.server.id === 12345);
    expect(made.length).toBe(3);
  });
});

describe('the bridge log', () => {
  it('keeps at most ipcLogLimit entries, newest last', async () => {
    const small = await startPreview({
      rendererDir: dir,
      ipcLogLimit: 3,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    try {
      // Each showServer pushes one focusServer event to the page.
      for (let id = 1; id <= 6; id++) await small.actions.showServer({ serverId: id });
      expect(small.ipcLog.map((e) => [e.name, e.payload])).toEqual([
        ['focusServer', { serverId: 4 }],
        ['focusServer', { serverId: 5 }],
        ['focusServer', { serverId: 6 }],
      ]);
    } finally {
      await small.stop();
    }
  });
});
