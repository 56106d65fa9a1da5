/**
 * The preview bridge in real Chromium, with a stub page in place of the renderer: `window.vps` is
 * built from the contract before the page's own script runs, calls and events work under the
 * page's strict CSP, the per-run key leaves the DOM, and a page from another origin can neither
 * load the bridge nor reach the core.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES, INVOKE_NAMES } from '../../src/shared/ipc';
import { startPreview, type Preview } from '../../src/preview/index';
import { launchBrowser, screenshot, skipWithoutChromium, TEST_TOKEN } from './support';

const skip = skipWithoutChromium();

describe.skipIf(skip)('the preview bridge in Chromium', () => {
  let dir: string;
  let preview: Preview;
  let browser: Browser;
  let evil: Server;
  let evilUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-e2e-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html><head><title>stub</title><link rel="icon" href="data:,"><script type="module" src="./app.js"></script></head><body><p id="seen"></p></body></html>',
    );
    // The app script records what it found when it ran, to prove the bridge came first.
    writeFileSync(
      join(dir, 'app.js'),
      "document.getElementById('seen').textContent = typeof window.vps === 'object' ? 'vps ready' : 'vps missing';",
    );
    preview = await startPreview({
      rendererDir: dir,
      token: TEST_TOKEN,
      speed: 1000,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    // Another site on this machine, trying to use the preview.
    const target = preview.url;
    evil = createServer((req, res) => {
      if (req.url === '/evil.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(`
          window.results = {};
          const s = document.createElement('script');
          s.src = ${JSON.stringify(`${target}__preview/bridge.js`)};
          window.bridgeLoaded = new Promise((r) => { s.onload = () => r('loaded'); s.onerror = () => r('blocked'); });
          document.head.appendChild(s);
          window.simplePost = fetch(${JSON.stringify(`${target}__preview/invoke/startDemo`)}, {
            method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"args":[]}',
          }).then(() => 'sent', () => 'failed');
          window.keyedPost = fetch(${JSON.stringify(`${target}__preview/invoke/startDemo`)}, {
            method: 'POST', headers: { 'content-type': 'application/json', 'x-vps-preview-key': 'guess' }, body: '{"args":[]}',
          }).then((r) => 'status ' + r.status, () => 'failed');
        `);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><head><script src="/evil.js"></script></head><body>evil</body></html>');
    });
    await new Promise<void>((done) => evil.listen(0, '127.0.0.1', done));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    await new Promise<void>((done) => (evil ? evil.close(() => done()) : done()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('defines window.vps from the contract before the app script runs, and calls round-trip', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(preview.url);
    await page.getByText('vps ready').waitFor();
    const shape = await page.evaluate<{ keys: string[]; meta: number; frozen: boolean }>(
      `({ keys: Object.keys(window.vps).sort(), meta: document.querySelectorAll('meta[name="vps-preview-key"]').length, frozen: Object.isFrozen(window.vps) })`,
    );
    expect(shape.keys).toEqual([...INVOKE_NAMES, 'on'].sort());
    expect(shape.meta).toBe(0);
    expect(shape.frozen).toBe(true);

    const state = await page.evaluate<{ ok: boolean; mode?: string }>(
      `window.vps.getState().then((r) => ({ ok: r.ok, mode: r.ok ? r.value.mode : undefined }))`,
    );
    expect(state).toEqual({ ok: true, mode: 'signed-out' });

    // Events: subscribe, then start the demo; the pushed state arrives through the stream.
    const mode = await page.evaluate<string>(`new Promise((resolve) => {
      const off = window.vps.on('state', (s) => { if (s.mode === 'demo' && s.servers.length > 0) { off(); resolve(s.mode); } });
      window.vps.startDemo();
    })`);
    expect(mode).toBe('demo');

    const invalid = await page.evaluate<{ ok: boolean; kind?: string }>(
      `window.vps.quickSnapshot({ serverId: -5 }).then((r) => ({ ok: r.ok, kind: r.ok ? undefined : r.error.kind }))`,
    );
    expect(invalid).toEqual({ ok: false, kind: 'validation' });
    const unknownEvent = await page.evaluate<string>(
      `(() => { try { window.vps.on('nope', () => {}); return 'accepted'; } catch (e) { return e.name; } })()`,
    );
    expect(unknownEvent).toBe('TypeError');
    expect(EVENT_NAMES.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await screenshot(page, 'bridge-stub-page');
    await context.close();
  });

  it('a page from another origin cannot load the bridge or reach the core', async () => {
    const before = preview.ipcLog.filter((e) => e.direction === 'invoke').length;
    preview.simulator.resetRequestCounts();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(evilUrl);
    const outcome = await page.evaluate<{ bridge: string; simple: string; keyed: string; vps: string }>(
      `Promise.all([window.bridgeLoaded, window.simplePost, window.keyedPost]).then(([bridge, simple, keyed]) => ({ bridge, simple, keyed, vps: typeof window.vps }))`,
    );
    // Cross-Origin-Resource-Policy stops the script; the custom header's preflight gets no CORS answer.
    expect(outcome.bridge).toBe('blocked');
    expect(outcome.vps).toBe('undefined');
    expect(outcome.keyed).toBe('failed');
    expect(preview.ipcLog.filter((e) => e.direction === 'invoke').length).toBe(before);
    expect(preview.simulator.requestCounts()).toEqual({});
    await screenshot(page, 'bridge-other-origin');
    await context.close();
  });
});
