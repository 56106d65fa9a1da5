// Smoke test of the BUILT bundles (scripts/test.mjs runs `electron-vite build` first): the main
// bundle is started under plain Node with `electron` resolved to the recording fake, and the
// preload is run in a bare vm context where `require` knows only 'electron'.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { EVENT_NAMES, INVOKE_NAMES, eventChannel, invokeChannel } from '../../src/shared/ipc';
import { MAIN, PRELOAD, launchBuiltApp, type LaunchedApp, type Summary } from './launch';

/** True when the text has ES module syntax (a sandboxed preload must be CommonJS). */
function hasModuleSyntax(code: string): boolean {
  return /^\s*(import\s*[\w{*'"]|export\s)/m.test(code) || /\bimport\.meta\b/.test(code);
}

describe('built main bundle under a recording Electron', () => {
  let app: LaunchedApp;
  let summary: Summary;
  let stderr = '';

  beforeAll(async () => {
    expect(existsSync(MAIN), `${MAIN} missing: run \`npx electron-vite build\` first`).toBe(true);
    // A settings file from an earlier run that turned launch-at-login on, while the OS has no entry
    // (the user removed it in the desktop's settings): the OS's state must win, untouched.
    app = await launchBuiltApp({
      config: { version: 1, settings: { ...DEFAULT_SETTINGS, launchAtLogin: true } },
    });
    summary = await app.report();
    stderr = app.stderr();
  });

  afterAll(() => app?.close());

  it('starts without errors and takes the single-instance lock', () => {
    expect(stderr).not.toContain('failed to start');
    const apis = summary.calls.map((c) => c.api);
    expect(apis).toContain('app.requestSingleInstanceLock');
    expect(apis).toContain('app.setAppUserModelId');
    expect(apis).toContain('app.whenReady');
  });

  it('does not overwrite the start-at-login state the OS has: the stored setting takes it instead', async () => {
    expect(summary.calls.filter((c) => c.api === 'app.setLoginItemSettings')).toEqual([]);
    expect(existsSync(join(app.home, '.config', 'autostart'))).toBe(false);
    const stored = JSON.parse(readFileSync(join(app.home, 'userData', 'config.json'), 'utf8')) as {
      settings: { launchAtLogin: boolean };
    };
    expect(stored.settings.launchAtLogin).toBe(false);
    const state = (await app.invoke('getState')) as { value: { settings: { launchAtLogin: boolean } } };
    expect(state.value.settings.launchAtLogin).toBe(false);
  });

  it('writes its log file in the OS log folder, and says where it is', async () => {
    const path = join(app.home, 'userData', 'logs', 'main.log');
    expect(await app.invoke('getLogFile')).toEqual({ ok: true, value: { path } });
    // The file's writer loads after start-up; the lines logged before it are kept for it.
    for (let waited = 0; !existsSync(path) && waited < 20_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(readFileSync(path, 'utf8')).toMatch(/^\S+Z info VPS Snapshot Tray 0\.1\.0 starting on linux\n/);
  });

  it('leaves the default menu alone in development (DevTools), setting none of its own', () => {
    expect(summary.calls.filter((c) => c.api === 'Menu.setApplicationMenu')).toEqual([]);
  });

  it('creates one tray whose icon file exists', () => {
    expect(summary.trays).toHaveLength(1);
    expect(summary.trays[0]?.imageExists).toBe(true);
    expect(summary.trays[0]?.menuLabels.length).toBeGreaterThan(0);
  });

  it('registers exactly the contract channels', () => {
    expect([...summary.handledChannels].sort()).toEqual(INVOKE_NAMES.map(invokeChannel).sort());
  });

  it('leaves no ipcMain.on listener: every channel is a contract handle behind the trusted-sender check', () => {
    // electron-store adds one ('electron-store-get-data', no sender check) when a Store is made.
    expect(summary.calls.some((c) => c.api === 'ipcMain.on')).toBe(true);
    expect(summary.listenedChannels).toEqual([]);
  });

  it('creates one secure window whose preload exists and is CommonJS', () => {
    expect(summary.windows).toHaveLength(1);
    const prefs = summary.windows[0]?.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    const preload = String(prefs['preload']);
    expect(preload).toBe(PRELOAD);
    expect(existsSync(preload)).toBe(true);
    expect(hasModuleSyntax(readFileSync(preload, 'utf8'))).toBe(false);
    expect(summary.windows[0]?.loaded).toEqual({ file: resolve('out/renderer/index.html') });
  });
});

describe('built renderer page', () => {
  const page = resolve('out/renderer/index.html');

  it('exists, carries the strict CSP, runs no inline script, and finds its assets by relative path', () => {
    expect(existsSync(page), `${page} missing: run \`npx electron-vite build\` first`).toBe(true);
    const html = readFileSync(page, 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    // base-uri and form-action do not fall back to default-src, and Electron may not apply the
    // header policy to file:// pages, so the meta tag must carry them itself.
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    // Every <script> has a src: the CSP would block an inline one.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\ssrc="/);
      expect(body?.trim()).toBe('');
    }
    // The window loads the page from file://, so asset URLs must be relative and must exist.
    // An inline `data:` URL (the empty favicon) loads nothing, so only file references are checked.
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1] ?? '')
      .filter((ref) => !ref.startsWith('data:'));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, ref).not.toMatch(/^(\/|https?:|\/\/)/);
      expect(existsSync(resolve('out/renderer', ref)), ref).toBe(true);
    }
  });
});

describe('built preload in a bare vm context', () => {
  it('exposes exactly the contract names plus `on`, backed by named channels only', async () => {
    const code = readFileSync(PRELOAD, 'utf8');
    const exposed: { key: string; api: Record<string, unknown> }[] = [];
    const invoked: { channel: string; args: unknown[] }[] = [];
    const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }),
      },
      ipcRenderer: {
        invoke: (channel: string, ...args: unknown[]) => {
          invoked.push({ channel, args });
          return Promise.resolve({ ok: true, value: channel });
        },
        on: (channel: string, l: (...a: unknown[]) => void) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)?.add(l);
        },
        removeListener: (channel: string, l: (...a: unknown[]) => void) => listeners.get(channel)?.delete(l),
      },
    };
    const requested: string[] = [];
    const sandboxRequire = (id: string) => {
      requested.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require '${id}'`);
    };
    const module = { exports: {} };
    vm.runInNewContext(
      code,
      { require: sandboxRequire, module, exports: module.exports },
      { filename: PRELOAD },
    );

    expect(requested).toEqual(['electron']);
    expect(exposed.map((e) => e.key)).toEqual(['vps']);
    const api = exposed[0]?.api ?? {};
    expect(Object.keys(api).sort()).toEqual([...INVOKE_NAMES, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');

    type Fn = (...args: unknown[]) => unknown;
    await (api['getState'] as Fn)();
    await (api['deleteSnapshot'] as Fn)({ serverId: 1, snapshotId: 2 }, 'extra argument');
    expect(invoked).toEqual([
      { channel: invokeChannel('getState'), args: [] },
      { channel: invokeChannel('deleteSnapshot'), args: [{ serverId: 1, snapshotId: 2 }] },
    ]);

    const seen: unknown[] = [];
    const off = (api['on'] as Fn)('state', (payload: unknown) => seen.push(payload)) as () => void;
    for (const l of listeners.get(eventChannel('state')) ?? []) l({ sender: 'ipc event' }, { mode: 'demo' });
    expect(seen).toEqual([{ mode: 'demo' }]);
    off();
    expect(listeners.get(eventChannel('state'))?.size).toBe(0);
    expect(() => (api['on'] as Fn)('not-an-event', () => undefined)).toThrow();
    expect(EVENT_NAMES.length).toBeGreaterThan(0);
  });
});
