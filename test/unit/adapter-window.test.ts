// The window adapter against the recording fake Electron: the exact secure options, the CSP on
// every response, navigation and pop-ups denied, close hides, bounds remembered, trusted URLs.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WindowBounds } from '../../src/main/settings/schema';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { fake, resetFakeElectron } = await import('../support/fake-electron');
const { AppWindow, onScreenBounds } = await import('../../src/main/electron/window');
const { contentSecurityPolicy } = await import('../../src/shared/csp');

function makeWindow(overrides: { devServerUrl?: string | null; bounds?: WindowBounds | null } = {}) {
  const saved: WindowBounds[] = [];
  const external: string[] = [];
  const visibility: boolean[] = [];
  const win = new AppWindow({
    preloadPath: '/app/out/preload/index.cjs',
    rendererFile: '/app/out/renderer/index.html',
    devServerUrl: overrides.devServerUrl ?? null,
    bounds: overrides.bounds ?? null,
    onBoundsChanged: (b) => saved.push(b),
    onExternalLink: (url) => external.push(url),
    onVisibilityChanged: (v) => visibility.push(v),
  });
  const fakeWindow = fake.recorder.windows.at(-1);
  if (!fakeWindow) throw new Error('no window created');
  return { win, fakeWindow, saved, external, visibility };
}

beforeEach(() => resetFakeElectron());

describe('AppWindow', () => {
  it('creates the window hidden with exactly the secure web preferences', () => {
    const { fakeWindow } = makeWindow();
    expect(fakeWindow.options).toMatchObject({ show: false, width: 980, height: 700 });
    expect(fakeWindow.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('opens at the remembered bounds', () => {
    const { fakeWindow } = makeWindow({ bounds: { x: 5, y: 6, width: 700, height: 500 } });
    expect(fakeWindow.options).toMatchObject({ x: 5, y: 6, width: 700, height: 500 });
  });

  it('adds a strict CSP to every response and denies every permission', () => {
    makeWindow();
    const listener = fake.session.defaultSession.headersListener;
    expect(listener).not.toBeNull();
    let headers: Record<string, string[]> | undefined;
    listener?.({ url: 'file:///app/out/renderer/index.html', responseHeaders: { 'X-A': ['1'] } }, (r) => {
      headers = r.responseHeaders;
    });
    expect(headers?.['X-A']).toEqual(['1']);
    const csp = headers?.['Content-Security-Policy']?.[0] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("connect-src 'self';");

    const handler = fake.session.defaultSession.permissionRequestHandler as (
      wc: unknown,
      p: string,
      cb: (allowed: boolean) => void,
    ) => void;
    let allowed: boolean | undefined;
    handler(null, 'media', (a) => (allowed = a));
    expect(allowed).toBe(false);
    const check = fake.session.defaultSession.permissionCheckHandler as (...args: unknown[]) => boolean;
    expect(check(null, 'notifications', 'file://')).toBe(false);
  });

  it('lets the dev server and its HMR socket in, in development only', () => {
    expect(contentSecurityPolicy({ delivery: 'header', devServerUrl: 'http://localhost:5173/' })).toContain(
      "connect-src 'self' http://localhost:5173 ws://localhost:5173",
    );
  });

  it('denies navigation and pop-ups, handing links to the external-link callback', () => {
    const { fakeWindow, external } = makeWindow();
    let prevented = false;
    fakeWindow.webContents.emit(
      'will-navigate',
      { preventDefault: () => (prevented = true) },
      'https://evil.example/',
    );
    expect(prevented).toBe(true);
    expect(fakeWindow.webContents.windowOpenHandler?.({ url: 'https://vps.org/docs' })).toEqual({
      action: 'deny',
    });
    expect(external).toEqual(['https://vps.org/docs']);
  });

  it('hides instead of closing, until the app quits', () => {
    const { win, fakeWindow, saved } = makeWindow();
    win.show();
    expect(fakeWindow.visible).toBe(true);
    expect(fakeWindow.simulateClose()).toBe(true);
    expect(fakeWindow.visible).toBe(false);
    expect(fakeWindow.destroyed).toBe(false);
    expect(saved).toHaveLength(1);
    win.allowClose();
    expect(fakeWindow.simulateClose()).toBe(false);
    expect(fakeWindow.destroyed).toBe(true);
    expect(win.webContentsId()).toBeNull();
  });

  it('remembers bounds after a move or resize', () => {
    const { fakeWindow, saved } = makeWindow();
    fakeWindow.bounds = { x: 1, y: 2, width: 800, height: 600 };
    fakeWindow.emit('moved');
    fakeWindow.emit('resized');
    expect(saved).toEqual([
      { x: 1, y: 2, width: 800, height: 600 },
      { x: 1, y: 2, width: 800, height: 600 },
    ]);
  });

  it('shows a server: the window comes up and the page gets a focusServer event', () => {
    const { win, fakeWindow, visibility } = makeWindow();
    win.focusServer(42);
    expect(fakeWindow.visible).toBe(true);
    expect(fakeWindow.webContents.sent).toEqual([
      { channel: 'vps:event:focusServer', args: [{ serverId: 42 }] },
    ]);
    win.hide();
    expect(visibility).toEqual([true, false]);
  });

  it('trusts only its own page (file path, or the dev-server origin)', () => {
    const { win } = makeWindow();
    expect(win.isTrustedUrl('file:///app/out/renderer/index.html#/x')).toBe(true);
    expect(win.isTrustedUrl('file:///app/out/renderer/other.html')).toBe(false);
    expect(win.isTrustedUrl('file:///etc/passwd')).toBe(false);
    expect(win.isTrustedUrl('https://evil.example/app/out/renderer/index.html')).toBe(false);
    expect(win.isTrustedUrl('not a url')).toBe(false);
    const dev = makeWindow({ devServerUrl: 'http://localhost:5173/' }).win;
    expect(dev.isTrustedUrl('http://localhost:5173/index.html')).toBe(true);
    expect(dev.isTrustedUrl('http://localhost:5174/')).toBe(false);
    expect(dev.webContentsId()).toBe(fake.recorder.windows.at(-1)?.webContents.id);
  });

  it('forgets remembered bounds that no longer overlap a display', () => {
    const screenArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const inside = { x: 100, y: 100, width: 900, height: 700 };
    expect(onScreenBounds(inside, [screenArea])).toEqual(inside);
    expect(onScreenBounds({ x: 3000, y: 100, width: 900, height: 700 }, [screenArea])).toBeNull();
    expect(onScreenBounds({ x: 1900, y: 100, width: 900, height: 700 }, [screenArea])).toBeNull();
    expect(onScreenBounds(null, [screenArea])).toBeNull();
  });

  it('loads the built file, or the dev server when one runs', async () => {
    const a = makeWindow();
    await a.win.load();
    expect(a.fakeWindow.loaded).toEqual({ file: '/app/out/renderer/index.html' });
    const b = makeWindow({ devServerUrl: 'http://localhost:5173/' });
    await b.win.load();
    expect(b.fakeWindow.loaded).toEqual({ url: 'http://localhost:5173/' });
  });
});
