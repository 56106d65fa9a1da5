/**
 * The renderer's Content-Security-Policy has one definition (src/shared/csp.ts) and reaches the
 * page three ways: the Electron window's response header, the browser preview's response header,
 * and the built page's meta tag. Each is read where the page would meet it (the window adapter on
 * the recording fake Electron, the preview over real HTTP, out/renderer/index.html as built) and
 * must be the one definition; the meta tag may only leave out what a meta tag cannot carry.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../src/shared/csp';
import type { InvokeHandlers } from '../../src/shared/ipc';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { fake, resetFakeElectron } = await import('../support/fake-electron');
const { AppWindow } = await import('../../src/main/electron/window');
const { startBridgeServer } = await import('../../src/preview/server');

const HEADER = contentSecurityPolicy({ delivery: 'header' });
const META = contentSecurityPolicy({ delivery: 'meta' });

/** A policy as directive name → value. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

/** Directives the header has and the meta tag lacks or states differently. */
function metaDiffers(header: string, meta: string): string[] {
  const h = directives(header);
  const m = directives(meta);
  const differ = [...m].filter(([name, value]) => h.get(name) !== value).map(([name]) => name);
  const missing = [...h.keys()].filter((name) => !m.has(name) && name !== 'frame-ancestors');
  return [...differ, ...missing];
}

/** The CSP header the Electron window adds to a response for its page. */
function windowHeader(devServerUrl: string | null): string {
  resetFakeElectron();
  new AppWindow({
    preloadPath: '/app/out/preload/index.cjs',
    rendererFile: '/app/out/renderer/index.html',
    devServerUrl,
    bounds: null,
    onBoundsChanged: () => undefined,
    onExternalLink: () => undefined,
  });
  let csp = '';
  fake.session.defaultSession.headersListener?.(
    { url: 'file:///app/out/renderer/index.html', responseHeaders: {} },
    (r) => (csp = r.responseHeaders?.['Content-Security-Policy']?.[0] ?? ''),
  );
  return csp;
}

/** The CSP header of the preview's page, over HTTP. */
async function previewHeader(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'csp-preview-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const server = await startBridgeServer({ rendererDir: dir, handlers: {} as InvokeHandlers, logger: quiet });
  try {
    return await new Promise<string>((done, fail) => {
      const base = new URL(server.url);
      request({ host: base.hostname, port: base.port, path: '/' }, (res) => {
        res.resume();
        done(String(res.headers['content-security-policy'] ?? ''));
      })
        .on('error', fail)
        .end();
    });
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeEach(() => resetFakeElectron());

describe('one Content-Security-Policy', () => {
  it('is what the Electron window sends, in the built app and with the dev server', () => {
    expect(windowHeader(null)).toBe(HEADER);
    expect(windowHeader('http://localhost:5173/')).toBe(
      contentSecurityPolicy({ delivery: 'header', devServerUrl: 'http://localhost:5173/' }),
    );
  });

  it('is what the browser preview sends', async () => {
    expect(await previewHeader()).toBe(HEADER);
  });

  it('is what the built page carries in its meta tag, and the source page carries none of its own', () => {
    const built = readFileSync(resolve('out/renderer/index.html'), 'utf8');
    const metas = [...built.matchAll(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/g)];
    expect(metas.map((m) => m[1])).toEqual([META]);
    const source = readFileSync(resolve('src/renderer/index.html'), 'utf8');
    expect(source).not.toMatch(/<meta[^>]+http-equiv="Content-Security-Policy"/i);
  });

  it('differs between header and meta tag only in what a meta tag cannot carry', () => {
    expect(HEADER).toContain("frame-ancestors 'none'");
    expect(META).not.toContain('frame-ancestors');
    expect(metaDiffers(HEADER, META)).toEqual([]);
    // Negative controls: a meta tag that loosens or drops a directive is caught.
    expect(metaDiffers(HEADER, META.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"))).toEqual(
      ['script-src'],
    );
    expect(metaDiffers(HEADER, META.replace("; base-uri 'none'", ''))).toEqual(['base-uri']);
  });
});
