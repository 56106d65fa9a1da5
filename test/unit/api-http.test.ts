/**
 * The HTTP layer over real local HTTP servers scripted per test: retries, Retry-After, timeouts,
 * redirects, base-URL refusal, pagination edge cases, and that the token never leaks.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createVpsClient } from '../../src/main/api/client';
import { CREATE_CLOCK_SKEW_MS } from '../../src/main/api/unclear-writes';
import { ApiError, API_ERROR_KINDS, type ApiErrorKind } from '../../src/main/api/errors';
import { MAX_BODY_BYTES } from '../../src/main/api/http';
import { MAX_LIST_BYTES, MAX_LIST_ITEMS, MAX_PAGES } from '../../src/main/api/pagination';
import type { ClientOptions } from '../../src/main/api/types';
import { caught } from '../support/caught';

const TOKEN = 'vps_unit_secret_9f8e7d6c';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface Scripted {
  url: string;
  origin: string;
  seen: { method: string; url: string; auth: string | undefined; body: string }[];
  server: Server;
}

const open: Server[] = [];

async function serve(handler: Handler): Promise<Scripted> {
  const seen: Scripted['seen'] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push(server);
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/api/v1/`, origin: `http://127.0.0.1:${port}`, seen, server };
}

afterEach(async () => {
  for (const s of open.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

const serverWire = (id: number | string) => ({ id, name: `srv-${id}`, status: 'active' });

function client(url: string, extra: Partial<ClientOptions> = {}) {
  const sleeps: number[] = [];
  const requests: string[] = [];
  const c = createVpsClient({
    baseUrl: url,
    token: TOKEN,
    backoffMs: 10,
    timeoutMs: 2000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onRequest: (info) => requests.push(`${info.method} ${info.path}`),
    ...extra,
  });
  return { c, sleeps, requests };
}

describe('requests', () => {
  it('sends the bearer token and JSON content type, and reports each request', async () => {
    const s = await serve((req, res) => {
      expect(req.headers['content-type']).toBe('application/json');
      json(res, 200, serverWire(7));
    });
    const { c, requests } = client(s.url);
    expect((await c.getServer(7)).name).toBe('srv-7');
    expect(s.seen[0]?.auth).toBe(`Bearer ${TOKEN}`);
    expect(s.seen[0]?.url).toBe('/api/v1/servers/7/');
    expect(requests).toEqual(['GET /servers/7/']);
  });

  it('puts an opaque string id into one path segment', async () => {
    const s = await serve((_req, res) => json(res, 200, serverWire('7b0e3c7e-1f2a_4c55')));
    const { c } = client(s.url);
    await c.getServer('7b0e3c7e-1f2a_4c55');
    expect(s.seen[0]?.url).toBe('/api/v1/servers/7b0e3c7e-1f2a_4c55/');
  });
});

describe('retries', () => {
  it('retries a read on 502/503/500 with growing backoff, then succeeds', async () => {
    let n = 0;
    const s = await serve((_req, res) => {
      n++;
      if (n === 1) return json(res, 502, undefined);
      if (n === 2) return json(res, 503, { detail: 'busy' });
      if (n === 3) return json(res, 500, undefined);
      json(res, 200, serverWire(1));
    });
    const { c, sleeps, requests } = client(s.url, { backoffMs: 100 });
    await c.getServer(1);
    expect(requests).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    expect(sleeps[0]).toBeGreaterThanOrEqual(50);
    expect(sleeps[0]).toBeLessThanOrEqual(100);
    expect(sleeps[1]).toBeGreaterThanOrEqual(100);
    expect(sleeps[1]).toBeLessThanOrEqual(200);
    expect(sleeps[2]).toBeGreaterThanOrEqual(200);
    expect(sleeps[2]).toBeLessThanOrEqual(400);
  });

  it('gives up after maxRetries with kind server', async () => {
    const s = await serve((_req, res) => json(res, 503, undefined));
    const { c, requests } = client(s.url, { maxRetries: 2 });
    const e = await caught(c.getServer(1));
    expect(e.kind).toBe('server');
    expect(e.status).toBe(503);
    expect(requests).toHaveLength(3);
  });

  it('does not retry 400/401/404', async () => {
    for (const status of [400, 401, 404]) {
      const s = await serve((_req, res) => json(res, status, { detail: 'no' }));
      const { c, requests } = client(s.url);
      await caught(c.getServer(1));
      expect(requests).toHaveLength(1);
    }
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    let n = 0;
    const s = await serve((_req, res) => {
      n++;
      if (n === 1) return json(res, 429, undefined, { 'Retry-After': '3' });
      if (n === 2)
        return json(res, 429, undefined, { 'Retry-After': new Date(Date.now() + 20_000).toUTCString() });
      json(res, 200, serverWire(1));
    });
    const { c, sleeps } = client(s.url);
    await c.getServer(1);
    expect(sleeps[0]).toBe(3000);
    // An HTTP date has whole seconds: the wait is between 19 and 20 s.
    expect(sleeps[1]).toBeGreaterThan(18_000);
    expect(sleeps[1]).toBeLessThanOrEqual(20_000);
  });

  it('reports rate_limited at once when Retry-After exceeds maxRetryAfterMs', async () => {
    const s = await serve((_req, res) => json(res, 429, undefined, { 'Retry-After': '600' }));
    const { c, sleeps, requests } = client(s.url, { maxRetryAfterMs: 60_000 });
    const e = await caught(c.getServer(1));
    expect(e.kind).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(600_000);
    expect(e.message).toMatch(/600 seconds/);
    expect(sleeps).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('never retries a write, even on 503', async () => {
    const s = await serve((_req, res) => json(res, 503, undefined));
    const { c, requests } = client(s.url);
    const e = await caught(c.deleteSnapshot(5));
    expect(e.kind).toBe('server');
    expect(requests).toEqual(['DELETE /snapshots/5/']);
  });
});

describe('timeouts and connections', () => {
  it('times out a stalled body and retries reads, then reports timeout', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"id": 1, ');
      // never finishes
    });
    const { c, requests } = client(s.url, { timeoutMs: 100, maxRetries: 1 });
    const e = await caught(c.getServer(1));
    expect(e.kind).toBe('timeout');
    expect(e.status).toBeNull();
    expect(requests).toHaveLength(2);
  });

  it('reports network for a refused connection', async () => {
    const s = await serve(() => undefined);
    const url = s.url;
    s.server.close();
    await new Promise((r) => setTimeout(r, 10));
    const { c } = client(url, { maxRetries: 1 });
    const e = await caught(c.getAccount());
    expect(e.kind).toBe('network');
    expect(e.message).toContain('127.0.0.1');
  });

  it('a cancelled call is not retried', async () => {
    const s = await serve(() => undefined);
    const { c, requests } = client(s.url, { timeoutMs: 5000 });
    const ctl = new AbortController();
    const p = c.getServer(1, ctl.signal);
    setTimeout(() => ctl.abort(), 30);
    const e = await caught(p);
    // Its own kind: a cancelled call is not a network failure (nothing may read it as offline).
    expect(e.kind).toBe('cancelled');
    expect(e.message).toMatch(/cancelled/);
    expect(requests).toHaveLength(1);
  });
});

describe('redirects', () => {
  it('follows a same-origin redirect with the token', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/api/v1/servers/1/') {
        res.writeHead(301, { Location: '/api/v1/servers/1/moved/' });
        res.end();
        return;
      }
      json(res, 200, serverWire(1));
    });
    const { c, requests } = client(s.url);
    await c.getServer(1);
    expect(s.seen.map((r) => r.auth)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(requests).toEqual(['GET /servers/1/', 'GET /servers/1/moved/']);
  });

  it('refuses a redirect to another host: the token never reaches it', async () => {
    const other = await serve((_req, res) => json(res, 200, serverWire(1)));
    // Same address, other port: a different origin.
    const s = await serve((_req, res) => {
      res.writeHead(302, { Location: `${other.origin}/api/v1/servers/1/` });
      res.end();
    });
    const { c } = client(s.url);
    const e = await caught(c.getServer(1));
    expect(e.kind).toBe('bad_response');
    expect(e.message).toMatch(/redirected/);
    expect(other.seen).toHaveLength(0);
  });

  it.each([301, 302, 303, 307, 308])(
    'never follows a same-origin %i for a POST or DELETE: nothing is sent twice',
    async (status) => {
      const s = await serve((req, res) => {
        if (req.url?.includes('/moved/')) return json(res, 201, { id: 9 });
        res.writeHead(status, { Location: '/api/v1/moved/' });
        res.end();
      });
      const { c, requests } = client(s.url);
      const del = await caught(c.deleteSnapshot(5));
      expect(del.kind).toBe('bad_response');
      expect(del.status).toBe(status);
      expect(del.message).toMatch(/redirect/);
      const restore = await caught(c.restoreSnapshot(5));
      expect(restore.kind).toBe('bad_response');
      // The create looks for a snapshot it may have made (a GET, redirected too) but never re-POSTs.
      await caught(c.createSnapshot({ serverId: 1, name: 'pre' }));
      expect(s.seen.filter((r) => r.method !== 'GET' && r.url.includes('/moved/'))).toHaveLength(0);
      expect(s.seen.filter((r) => r.method !== 'GET')).toHaveLength(3);
      expect(requests.filter((r) => r.startsWith('POST') || r.startsWith('DELETE'))).toEqual([
        'DELETE /snapshots/5/',
        'POST /snapshots/5/restore/',
        'POST /snapshots/',
      ]);
    },
  );

  it('stops after too many same-origin redirects', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(307, { Location: '/api/v1/servers/1/' });
      res.end();
    });
    const { c, requests } = client(s.url);
    const e = await caught(c.getServer(1));
    expect(e.kind).toBe('bad_response');
    expect(requests.length).toBeLessThanOrEqual(6);
  });
});

describe('answer size bound', () => {
  const big = 'x'.repeat(MAX_BODY_BYTES + 1);

  it('refuses a body declared larger than the bound', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(big.length + 2) });
      res.end(`"${big}"`);
    });
    const { c } = client(s.url);
    const e = await caught(c.getServer(1));
    expect(e.kind).toBe('bad_response');
    expect(e.message).toMatch(/larger than 10 MB/);
  });

  it('refuses a chunked body once it passes the bound, for errors too', async () => {
    for (const status of [200, 500]) {
      const s = await serve((_req, res) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        for (let i = 0; i < 11; i++) res.write('x'.repeat(1024 * 1024));
        res.end();
      });
      const { c, requests } = client(s.url, { maxRetries: 0 });
      const e = await caught(c.getServer(1));
      expect(e.kind).toBe('bad_response');
      expect(e.status).toBe(status);
      expect(e.message).toMatch(/larger than 10 MB/);
      expect(requests).toHaveLength(1);
    }
  });

  it('reads a body just under the bound', async () => {
    // An unknown field carries the bulk (a known one has its own, much smaller cap).
    const padding = 'n'.repeat(MAX_BODY_BYTES - 1000);
    const s = await serve((_req, res) => json(res, 200, { ...serverWire(1), padding }));
    const { c } = client(s.url);
    expect((await c.getServer(1)).name).toBe('srv-1');
  });
});

describe('base URL and token checks at construction', () => {
  it.each([
    ['http://admin.vps.org/api/v1/', /https/],
    ['http://192.168.1.5/api/v1/', /https/],
    ['ftp://127.0.0.1/api/v1/', /not a valid/],
    ['not a url', /not a valid/],
    ['https://user:pw@admin.vps.org/api/v1/', /user name or password/],
  ])('refuses %s', (baseUrl, message) => {
    let err: unknown;
    try {
      createVpsClient({ baseUrl, token: TOKEN });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe('invalid');
    expect((err as ApiError).message).toMatch(message);
  });

  it('accepts https and loopback http, adding the trailing slash', async () => {
    expect(() => createVpsClient({ baseUrl: 'https://admin.vps.org/api/v1', token: TOKEN })).not.toThrow();
    const s = await serve((_req, res) => json(res, 200, serverWire(1)));
    const { c } = client(s.url.replace(/\/$/, ''));
    await c.getServer(1);
    expect(s.seen[0]?.url).toBe('/api/v1/servers/1/');
  });

  it('refuses a token with a line break without quoting it', () => {
    try {
      createVpsClient({ baseUrl: 'https://admin.vps.org/api/v1/', token: 'vps_x\r\nX-Evil: 1' });
      throw new Error('expected a throw');
    } catch (e) {
      expect((e as ApiError).kind).toBe('invalid');
      expect((e as Error).message).not.toContain('vps_x');
    }
  });
});

describe('pagination edge cases', () => {
  function pagedServer(total: number, opts: { cap?: number; emptyFrom?: number; ignorePage?: boolean }) {
    return (req: IncomingMessage, res: ServerResponse) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      const page = opts.ignorePage ? 1 : Number(q.get('page') ?? '1');
      const size = Math.min(Number(q.get('page_size') ?? '20'), opts.cap ?? 100);
      if (opts.emptyFrom !== undefined && page >= opts.emptyFrom)
        return json(res, 200, { count: total, results: [] });
      const ids = Array.from({ length: total }, (_, i) => i + 1).slice((page - 1) * size, page * size);
      json(res, 200, { count: total, next: 'https://evil.example/steal', results: ids.map(serverWire) });
    };
  }

  it('asks for 100 a page and computes pages from count (not next)', async () => {
    const s = await serve(pagedServer(250, {}));
    const { c, requests } = client(s.url);
    const list = await c.listServers({ status: 'active' });
    expect(list).toHaveLength(250);
    expect(requests).toHaveLength(3);
    expect(s.seen[0]?.url).toBe('/api/v1/servers/?page=1&page_size=100&status=active');
  });

  it('adapts when the server caps page_size lower', async () => {
    const s = await serve(pagedServer(45, { cap: 20 }));
    const { c, requests } = client(s.url);
    expect((await c.listServers()).map((x) => x.id)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(requests).toHaveLength(3);
  });

  it('stops on an early empty page', async () => {
    const s = await serve(pagedServer(500, { emptyFrom: 3 }));
    const { c, requests } = client(s.url);
    expect(await c.listServers()).toHaveLength(200);
    expect(requests).toHaveLength(3);
  });

  it(`reads a list of exactly ${MAX_PAGES} pages`, async () => {
    const s = await serve(pagedServer(MAX_PAGES, { cap: 1 }));
    const { c, requests } = client(s.url);
    expect(await c.listServers()).toHaveLength(MAX_PAGES);
    expect(requests).toHaveLength(MAX_PAGES);
  });

  it('refuses a list longer than the page bound at once, not after a request per page', async () => {
    for (const total of [MAX_PAGES + 1, 1e9]) {
      const s = await serve((req, res) => {
        const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page'));
        json(res, 200, { count: total, results: [serverWire(page)] });
      });
      const { c, requests } = client(s.url);
      const e = await caught(c.listServers());
      expect(e.kind).toBe('bad_response');
      expect(e.message).toMatch(/more than 200 pages/);
      expect(requests).toHaveLength(1);
    }
  });

  it('refuses a list whose pages together pass the list budget, each page under the page bound', async () => {
    expect(MAX_LIST_BYTES).toBe(32 * 1024 * 1024);
    // Ten pages of 9 MB each: every page alone is allowed, the list (90 MB) is not.
    const padding = 'p'.repeat(9 * 1024 * 1024);
    const s = await serve((req, res) => {
      const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page'));
      json(res, 200, { count: 10, results: [serverWire(page)], padding });
    });
    const { c, requests } = client(s.url);
    const e = await caught(c.listServers());
    expect(e.kind).toBe('bad_response');
    expect(e.message).toMatch(/a list of more than 32 MB in total/);
    // Three pages fit in 32 MB; the fourth is cut off while it is read.
    expect(requests).toHaveLength(4);
  });

  it('refuses a list of more items than any account has, before parsing them', async () => {
    expect(MAX_LIST_ITEMS).toBe(20_000);
    const results = Array.from({ length: 20_001 }, (_, i) => ({ id: i, name: 'x', status: 's' }));
    const s = await serve((_req, res) => json(res, 200, { count: results.length, results }));
    const { c, requests } = client(s.url);
    const e = await caught(c.listServers());
    expect(e.kind).toBe('bad_response');
    expect(e.message).toMatch(/a list of more than 20000 items/);
    expect(requests).toHaveLength(1);
  });

  it('stops when the server ignores the page number', async () => {
    const s = await serve(pagedServer(300, { ignorePage: true }));
    const { c, requests } = client(s.url);
    expect(await c.listServers()).toHaveLength(100);
    expect(requests).toHaveLength(2);
  });
});

describe('ids in URL paths', () => {
  it('refuses an id that could leave its path segment (. .. / %) before any request is sent', async () => {
    const s = await serve((_r, res) => json(res, 200, {}));
    const { c, requests } = client(s.url);
    for (const id of ['.', '..', '../servers', 'a/b', '%2e%2e', 'x\ny', 'a?b', 'x'.repeat(65), -1, 0.5]) {
      for (const call of [() => c.getServer(id), () => c.restoreSnapshot(id), () => c.deleteSnapshot(id)]) {
        const e = await caught(call());
        expect(e.kind).toBe('invalid');
        expect(e.message).toBe('The app refused an id it cannot use in a request.');
      }
    }
    expect(requests).toEqual([]);
    expect(s.seen).toEqual([]);
    // The ids the API really uses still go through, encoded as one segment.
    await c.deleteSnapshot('3f2b8c1e-7d4a');
    await c.deleteSnapshot(801);
    expect(s.seen.map((r) => r.url)).toEqual(['/api/v1/snapshots/3f2b8c1e-7d4a/', '/api/v1/snapshots/801/']);
  });
});

describe('the token never appears in an error', () => {
  const producers: Record<ApiErrorKind, () => Promise<ApiError>> = {
    unauthorized: async () => {
      const s = await serve((_r, res) => json(res, 401, { detail: `bad token ${TOKEN}` }));
      return caught(client(s.url).c.getAccount());
    },
    not_found: async () => {
      const s = await serve((_r, res) => json(res, 404, { detail: `no ${TOKEN}` }));
      return caught(client(s.url).c.getServer(1));
    },
    limit_reached: async () => {
      const s = await serve((_r, res) => json(res, 400, { detail: `Snapshot limit reached ${TOKEN}` }));
      return caught(client(s.url).c.createSnapshot({ serverId: 1, name: 'a' }));
    },
    invalid: async () => {
      const s = await serve((_r, res) => json(res, 400, { name: [`bad ${TOKEN}`] }));
      return caught(client(s.url).c.createSnapshot({ serverId: 1, name: 'a' }));
    },
    rate_limited: async () => {
      const s = await serve((_r, res) => json(res, 429, { detail: TOKEN }, { 'Retry-After': '999' }));
      return caught(client(s.url).c.getAccount());
    },
    server: async () => {
      const s = await serve((_r, res) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`Traceback: Authorization: Bearer ${TOKEN}`);
      });
      return caught(client(s.url, { maxRetries: 0 }).c.getAccount());
    },
    network: async () => {
      const s = await serve((req) => req.socket.destroy());
      return caught(client(s.url, { maxRetries: 0 }).c.getAccount());
    },
    timeout: async () => {
      const s = await serve(() => undefined);
      return caught(client(s.url, { maxRetries: 0, timeoutMs: 50 }).c.getAccount());
    },
    cancelled: async () => {
      const s = await serve(() => undefined);
      const ctl = new AbortController();
      const call = client(s.url).c.getServer(1, ctl.signal);
      setTimeout(() => ctl.abort(), 20);
      return caught(call);
    },
    bad_response: async () => {
      const s = await serve((_r, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(`{"account": "${TOKEN}"`);
      });
      return caught(client(s.url).c.getAccount());
    },
  };

  it.each(API_ERROR_KINDS.map((k) => [k]))('%s', async (kind) => {
    const e = await producers[kind]();
    expect(e.kind).toBe(kind);
    expect(e.message).not.toContain(TOKEN);
    expect(String(e.stack)).not.toContain(TOKEN);
    expect(JSON.stringify(e)).not.toContain(TOKEN);
    expect(JSON.stringify(e.fields)).not.toContain(TOKEN);
    expect(String(e)).not.toContain(TOKEN);
  });
});

describe('createSnapshot never makes two snapshots', () => {
  const made = (id: number, name: string, created = '2026-01-01T00:00:00Z') => ({
    id,
    server: { id: 1, name: 'srv-1' },
    name,
    status: 'in_progress',
    size_mb: null,
    created_at: created,
    description: '',
  });

  it('refuses a bad name before any request', async () => {
    const s = await serve((_r, res) => json(res, 201, made(1, 'x')));
    const { c, requests } = client(s.url);
    for (const name of ['', 'has space', 'x'.repeat(65), 'ünï']) {
      const e = await caught(c.createSnapshot({ serverId: 1, name }));
      expect(e.kind).toBe('invalid');
      expect(e.status).toBeNull();
    }
    expect(requests).toEqual([]);
  });

  it('sends server_id, name and description, once', async () => {
    const s = await serve((_r, res) => json(res, 201, { ...made(9, 'pre'), message: 'started' }));
    const { c, requests } = client(s.url);
    const snap = await c.createSnapshot({ serverId: 1, name: 'pre', description: 'before update' });
    expect(snap.id).toBe(9);
    expect(JSON.parse(s.seen[0]?.body ?? '')).toEqual({
      server_id: 1,
      name: 'pre',
      description: 'before update',
    });
    expect(requests).toEqual(['POST /snapshots/']);
  });

  it('after a dropped connection, returns the snapshot that was made (newest of that name)', async () => {
    const now = Date.now();
    const s = await serve((req, res) => {
      if (req.method === 'POST') {
        req.socket.destroy();
        return;
      }
      json(res, 200, {
        count: 3,
        results: [
          made(5, 'pre', new Date(now - 30_000).toISOString()),
          made(6, 'pre', new Date(now + 1_000).toISOString()),
          made(7, 'other'),
        ],
      });
    });
    const { c, requests } = client(s.url);
    const snap = await c.createSnapshot({ serverId: 1, name: 'pre' });
    expect(snap.id).toBe(6);
    expect(requests).toEqual(['POST /snapshots/', 'GET /snapshots/']);
    expect(s.seen[1]?.url).toContain('server_id=1');
  });

  it('after a dropped connection, never adopts a same-name snapshot older than the request', async () => {
    const s = await serve((req, res) => {
      if (req.method === 'POST') {
        req.socket.destroy();
        return;
      }
      const old = new Date(Date.now() - CREATE_CLOCK_SKEW_MS - 60_000).toISOString();
      json(res, 200, {
        count: 3,
        results: [made(5, 'pre', '2025-01-01T00:00:00Z'), made(6, 'pre', old), made(8, 'pre', 'not a date')],
      });
    });
    const { c, requests } = client(s.url);
    const e = await caught(c.createSnapshot({ serverId: 1, name: 'pre' }));
    expect(e.kind).toBe('network');
    expect(requests).toEqual(['POST /snapshots/', 'GET /snapshots/']);
  });

  it('after a dropped connection, never adopts a recent snapshot whose id was known before', async () => {
    const s = await serve((req, res) => {
      if (req.method === 'POST') {
        req.socket.destroy();
        return;
      }
      json(res, 200, { count: 1, results: [made(6, 'pre', new Date().toISOString())] });
    });
    const { c } = client(s.url);
    const e = await caught(c.createSnapshot({ serverId: 1, name: 'pre', knownSnapshotIds: ['6'] }));
    expect(e.kind).toBe('network');
  });

  it('after a 503 with nothing made, throws the original error without retrying the POST', async () => {
    const s = await serve((req, res) => {
      if (req.method === 'POST') return json(res, 503, undefined);
      json(res, 200, { count: 1, results: [made(7, 'other')] });
    });
    const { c, requests } = client(s.url);
    const e = await caught(c.createSnapshot({ serverId: 1, name: 'pre' }));
    expect(e.kind).toBe('server');
    expect(e.status).toBe(503);
    expect(requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });

  it('a clear rejection is thrown as is, without a lookup', async () => {
    for (const status of [400, 401, 404, 429]) {
      const s = await serve((_r, res) => json(res, status, { detail: 'no' }));
      const { c, requests } = client(s.url);
      const e = await caught(c.createSnapshot({ serverId: 1, name: 'pre' }));
      expect(e.status).toBe(status);
      expect(requests).toEqual(['POST /snapshots/']);
    }
  });
});
