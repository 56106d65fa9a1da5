/**
 * The preview's page host over real HTTP, with recording handlers in place of the core: only the
 * page it served (its origin, its per-run key) reaches an action, payloads are checked like the
 * Electron IPC helper checks them, static files cannot escape the renderer folder, and events
 * stream to the page.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_NAMES, type InvokeName } from '../../src/shared/ipc';
import { fail, ok, type Result } from '../../src/shared/result';
import type { InvokeHandlers } from '../../src/shared/ipc';
import { KEY_HEADER, bridgeSource } from '../../src/preview/bridge';
import { startBridgeServer, type BridgeServer } from '../../src/preview/server';
import { rewriteIndexHtml } from '../../src/preview/static-files';
import { contentSecurityPolicy } from '../../src/shared/csp';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: unlike fetch it sends the path exactly as written and any Host/Origin. */
function raw(
  url: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const base = new URL(url);
  return new Promise((resolveReply, reject) => {
    const req = request(
      { host: base.hostname, port: base.port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolveReply({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

const calls: { name: InvokeName; payload: unknown }[] = [];
/** Handlers that record what reached them and answer a fixed value. */
const handlers = Object.fromEntries(
  INVOKE_NAMES.map((name) => [
    name,
    async (payload: unknown): Promise<Result<unknown>> => {
      calls.push({ name, payload });
      if (name === 'refresh') throw new Error('boom with vps_SECRETtest_thrown inside');
      if (name === 'dismissOperation') return fail({ kind: 'refused', message: 'The action said no.' });
      return ok({ echoed: name });
    },
  ]),
) as unknown as InvokeHandlers;

let dir: string;
let server: BridgeServer;
let key: string;
const logLines: string[] = [];
const invoked: unknown[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'preview-server-'));
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>t</title><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(root, 'assets', 'app.js'), 'export const x = 1;');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  const logger = {
    info: (m: string) => void logLines.push(m),
    warn: (m: string) => void logLines.push(m),
    error: (m: string) => void logLines.push(m),
  };
  server = await startBridgeServer({
    rendererDir: root,
    handlers,
    logger,
    onInvoke: (entry) => void invoked.push(entry),
  });
  const page = await raw(server.url, '/');
  const match = /<meta name="vps-preview-key" content="([0-9a-f]+)">/.exec(page.body);
  if (!match?.[1]) throw new Error('the served page carries no key');
  key = match[1];
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An invoke as the bridge sends it, with the trusted headers unless overridden. */
function invoke(name: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return raw(server.url, `/__preview/invoke/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin, [KEY_HEADER]: key, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the served page', () => {
  it('loads the bridge before the app script, carries the key, and sends the CSP', async () => {
    const page = await raw(server.url, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy({ delivery: 'header' }));
    expect(page.body.indexOf('/__preview/bridge.js')).toBeGreaterThan(0);
    expect(page.body.indexOf('/__preview/bridge.js')).toBeLessThan(page.body.indexOf('./assets/app.js'));
    expect(page.body).not.toMatch(/<script>/);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves files with their content types, and the bridge without the key', async () => {
    const js = await raw(server.url, '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw(server.url, '/assets/style.css')).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    const bridge = await raw(server.url, '/__preview/bridge.js');
    expect(bridge.status).toBe(200);
    expect(bridge.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(bridge.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(bridge.body).not.toContain(key);
    expect(bridge.body).toBe(bridgeSource());
    expect((await raw(server.url, '/missing.js')).status).toBe(404);
  });

  it('a new run gets a new key', async () => {
    const other = await startBridgeServer({
      rendererDir: join(dir, 'renderer'),
      handlers,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    try {
      const page = await raw(other.url, '/');
      expect(page.body).toMatch(/vps-preview-key/);
      expect(page.body).not.toContain(key);
    } finally {
      await other.close();
    }
  });

  it('fails to start with a clear message when the renderer was not built', async () => {
    await expect(
      startBridgeServer({
        rendererDir: join(dir, 'not-built'),
        handlers,
        logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      }),
    ).rejects.toThrow(/not found .*Build it first/);
  });

  it('puts the bridge before the first script, or at the end of head', () => {
    expect(rewriteIndexHtml('<head><script src="a.js"></script></head>', 'k')).toMatch(
      /bridge\.js"><\/script>\s*<script src="a\.js">/,
    );
    expect(rewriteIndexHtml('<head><title>x</title></head>', 'k')).toMatch(
      /bridge\.js"><\/script>\s*<\/head>/,
    );
  });
});

describe('static files stay inside the renderer folder', () => {
  const attempts = [
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/%E0%A4%A',
  ];
  for (const path of attempts) {
    it(`refuses ${path}`, async () => {
      const reply = await raw(server.url, path);
      expect([400, 403, 404]).toContain(reply.status);
      expect(reply.body).not.toContain('outside the renderer');
      expect(reply.body).not.toContain('root:');
    });
  }

  it('refuses other methods and other Host names', async () => {
    expect((await raw(server.url, '/', { method: 'PUT' })).status).toBe(405);
    const rebound = await raw(server.url, '/', { headers: { host: 'evil.example:80' } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain(key);
  });
});

describe('the bridge accepts only its own page', () => {
  it('answers a trusted call with the action result', async () => {
    const before = calls.length;
    const reply = await invoke('quickSnapshot', { args: [{ serverId: 12345 }] });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echoed: 'quickSnapshot' } });
    expect(calls.slice(before)).toEqual([{ name: 'quickSnapshot', payload: { serverId: 12345 } }]);
    expect(invoked.at(-1)).toEqual({
      direction: 'invoke',
      name: 'quickSnapshot',
      payload: { serverId: 12345 },
      result: { ok: true, value: { echoed: 'quickSnapshot' } },
    });
  });

  const untrusted: [string, Record<string, string>][] = [
    ['another origin', { origin: 'http://evil.example' }],
    ['another port on loopback', { origin: 'http://127.0.0.1:1' }],
    ['localhost instead of 127.0.0.1', { origin: 'http://localhost' }],
    ['a null origin', { origin: 'null' }],
    ['a wrong key', { [KEY_HEADER]: 'f'.repeat(64) }],
    ['a short key', { [KEY_HEADER]: 'abc' }],
    ['an empty key', { [KEY_HEADER]: '' }],
  ];
  for (const [what, headers] of untrusted) {
    it(`refuses ${what} with 403 before the action`, async () => {
      const before = calls.length;
      const reply = await invoke('quickSnapshot', { args: [{ serverId: 12345 }] }, headers);
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'refused' } });
      expect(calls.length).toBe(before);
    });
  }

  it("answers an action's own refusal with 200: only a stranger gets 403", async () => {
    const reply = await invoke('dismissOperation', { args: [{ operationId: 'op-1' }] });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { kind: 'refused', message: 'The action said no.' },
    });
  });

  it('refuses a missing key or a missing origin', async () => {
    const before = calls.length;
    for (const drop of [KEY_HEADER, 'origin']) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        origin: server.origin,
        [KEY_HEADER]: key,
      };
      delete headers[drop];
      const reply = await raw(server.url, '/__preview/invoke/refresh', {
        method: 'POST',
        headers,
        body: '{"args":[]}',
      });
      expect(reply.status).toBe(403);
    }
    const stream = await raw(server.url, '/__preview/events', {
      method: 'POST',
      headers: { origin: server.origin },
    });
    expect(stream.status).toBe(403);
    expect(calls.length).toBe(before);
  });

  it('refuses GET on the endpoints and unknown calls', async () => {
    expect((await raw(server.url, '/__preview/invoke/getState')).status).toBe(404);
    expect((await invoke('constructor', { args: [] })).status).toBe(404);
    expect((await invoke('__proto__', { args: [] })).status).toBe(404);
    expect((await invoke('getState/../signOut', { args: [] })).status).toBe(404);
  });
});

describe('payloads are checked like the IPC helper checks them', () => {
  const bad: [string, string, unknown][] = [
    ['quickSnapshot', 'a string id with markup', { args: [{ serverId: '<script>' }] }],
    ['quickSnapshot', 'a negative id', { args: [{ serverId: -1 }] }],
    ['quickSnapshot', 'an extra field', { args: [{ serverId: 1, extra: true }] }],
    ['quickSnapshot', 'no payload', { args: [] }],
    ['quickSnapshot', 'two arguments', { args: [{ serverId: 1 }, { serverId: 2 }] }],
    ['getState', 'a payload where none is taken', { args: [{}] }],
    ['setToken', 'a token that is too long', { args: [{ token: 'x'.repeat(600), sessionOnly: false }] }],
    [
      'deleteSnapshot',
      'a prototype-pollution key',
      JSON.parse('{"args":[{"__proto__":{"x":1},"serverId":1}]}'),
    ],
    ['refresh', 'a body without args', { payload: null }],
    ['refresh', 'a body that is not JSON', 'not json'],
  ];
  for (const [name, what, body] of bad) {
    it(`${name}: ${what} gets a typed validation error and reaches nothing`, async () => {
      const before = calls.length;
      const reply = await invoke(name, body);
      expect(reply.status).toBe(200);
      const result = JSON.parse(reply.body) as Result<unknown>;
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('validation');
        expect(result.error.message).toContain(`Invalid request to ${name}`);
      }
      expect(calls.length).toBe(before);
    });
  }

  it('never echoes what was sent, such as a token, in the error', async () => {
    const reply = await invoke('setToken', { args: [{ token: 'vps_SECRETtest_echo', sessionOnly: 'yes' }] });
    expect(reply.body).not.toContain('vps_SECRETtest_echo');
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('refuses a body that is too large', async () => {
    const reply = await invoke('refresh', { args: [], pad: 'x'.repeat(100_000) });
    expect(reply.status).toBe(413);
  });

  it('maps an action that throws to an internal error, logged without the token', async () => {
    const reply = await invoke('refresh', { args: [] });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'internal' } });
    const joined = logLines.join('\n');
    expect(joined).toContain('refresh failed unexpectedly');
    expect(joined).not.toContain('vps_SECRETtest_thrown');
  });
});

describe('events', () => {
  it('stream to a trusted page as server-sent events', async () => {
    const base = new URL(server.url);
    const received = await new Promise<string>((resolveText, reject) => {
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          path: '/__preview/events',
          method: 'POST',
          headers: { origin: server.origin, [KEY_HEADER]: key },
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes(': connected')) server.push('focusServer', { serverId: 42 });
            if (text.includes('event: focusServer')) {
              req.destroy();
              resolveText(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: focusServer\ndata: {"serverId":42}\n\n');
  });
});
