/**
 * The simulator over real HTTP (global fetch against 127.0.0.1): every endpoint and status code,
 * paging and filters, the 5-per-server limit, time-driven progress under a clock the test moves,
 * the restore cycle, the failure rate, and each injected fault. Random sources are seeded, and no
 * assertion depends on how fast anything runs.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/simulator/index';
import type { SimServer, SimulatorHandle, SimulatorOptions } from '../../src/simulator/types';
import { seededRandom } from '../support/seeded-random';
import { DOC_798_WIRE, DOC_801_WIRE, DOC_SERVER_WIRE } from '../support/doc-records';

const TOKEN = 'vps_SECRETtest_simulator';
const T0 = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;

const running: SimulatorHandle[] = [];
afterEach(async () => {
  for (const sim of running.splice(0)) await sim.stop();
});

interface Sim {
  handle: SimulatorHandle;
  clock: { t: number };
}

async function start(options: SimulatorOptions = {}): Promise<Sim> {
  const clock = { t: T0 };
  const handle = await startSimulator({
    port: 0,
    token: TOKEN,
    seed: 'demo',
    now: () => clock.t,
    random: seededRandom(42),
    ...options,
  });
  running.push(handle);
  return { handle, clock };
}

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

interface CallOptions {
  body?: unknown;
  rawBody?: string;
  token?: string | null;
  signal?: AbortSignal;
}

async function call(sim: Sim, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const res = await fetch(new URL(path, sim.handle.url), { method, headers, body, signal: options.signal });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

interface PageJson {
  count: number;
  next: string | null;
  previous: string | null;
  results: Array<Record<string, unknown>>;
}

async function page(sim: Sim, path: string): Promise<PageJson> {
  const reply = await call(sim, 'GET', path);
  expect(reply.status).toBe(200);
  return reply.json as PageJson;
}

function detailOf(reply: Reply): string {
  expect(reply.headers.get('content-type')).toContain('application/json');
  const detail = (reply.json as { detail?: unknown }).detail;
  expect(typeof detail).toBe('string');
  return detail as string;
}

function bulkServers(n: number, from = 500_000): SimServer[] {
  return Array.from({ length: n }, (_, i) => ({
    id: from + i,
    name: `bulk-${i}`,
    hostname: `bulk-${i}.example.com`,
    status: 'active',
    ip_address: '198.51.100.1',
    location: 'eu-north',
    plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80 },
    os: { id: 5, name: 'Ubuntu 22.04 LTS' },
    created_at: '2025-01-10T14:30:00Z',
    updated_at: '2025-01-10T14:30:00Z',
  }));
}

async function create(
  sim: Sim,
  serverId: number | string,
  name: string,
  description?: string,
): Promise<Reply> {
  return call(sim, 'POST', 'snapshots/', { body: { server_id: serverId, name, description } });
}

async function snapshotStatus(sim: Sim, id: number): Promise<Record<string, unknown> | undefined> {
  return sim.handle.snapshot().snapshots.find((s) => s.id === id) as Record<string, unknown> | undefined;
}

async function serverStatus(sim: Sim, id: number | string): Promise<unknown> {
  const reply = await call(sim, 'GET', `servers/${id}/`);
  return (reply.json as { status: unknown }).status;
}

describe('startSimulator', () => {
  it('listens on 127.0.0.1 with the /api/v1/ base URL and the given token', async () => {
    const sim = await start();
    expect(sim.handle.url).toBe(`http://127.0.0.1:${sim.handle.port}/api/v1/`);
    expect(sim.handle.port).toBeGreaterThan(0);
    expect(sim.handle.token).toBe(TOKEN);
  });

  it('defaults to the demo token', async () => {
    const handle = await startSimulator({ port: 0 });
    running.push(handle);
    expect(handle.token).toBe('vps_demo_token');
  });

  it('refuses meaningless options', async () => {
    await expect(startSimulator({ port: 0, speed: 0 })).rejects.toThrow(/speed/);
    await expect(startSimulator({ port: 0, failureRate: 1.5 })).rejects.toThrow(/failureRate/);
    await expect(startSimulator({ port: 0, faults: { drop: -0.1 } })).rejects.toThrow(/drop/);
    const sim = await start();
    expect(() => sim.handle.setFaults({ latencyMs: -1 })).toThrow(/latencyMs/);
  });

  it('stop() closes idle keep-alive connections and can be called twice', async () => {
    const sim = await start();
    expect((await call(sim, 'GET', 'account/me/')).status).toBe(200);
    await sim.handle.stop();
    await sim.handle.stop();
    await expect(fetch(sim.handle.url)).rejects.toThrow();
  });

  it('snapshot() is a deep copy', async () => {
    const sim = await start();
    const copy = sim.handle.snapshot();
    const first = copy.servers[0];
    if (first === undefined) throw new Error('demo seed has servers');
    first.name = 'changed';
    copy.snapshots.length = 0;
    expect(sim.handle.snapshot().servers[0]?.name).toBe('web-server-01');
    expect(sim.handle.snapshot().snapshots.length).toBeGreaterThan(0);
  });

  it('addServers refuses a duplicate id', async () => {
    const sim = await start();
    expect(() => sim.handle.addServers([DOC_SERVER_WIRE])).toThrow(/12345/);
  });
});

describe('authentication and routing', () => {
  const endpoints: Array<[string, string]> = [
    ['GET', 'account/me/'],
    ['GET', 'servers/'],
    ['GET', 'servers/12345/'],
    ['GET', 'snapshots/?server_id=12345'],
    ['POST', 'snapshots/'],
    ['POST', 'snapshots/801/restore/'],
    ['DELETE', 'snapshots/801/'],
  ];

  it.each(endpoints)(
    '%s %s: 401 without a token and with a wrong one, and no effect',
    async (method, path) => {
      const sim = await start();
      const before = sim.handle.snapshot();
      const body = method === 'POST' ? { server_id: 12345, name: 'x' } : undefined;
      const missing = await call(sim, method, path, { token: null, body });
      expect(missing.status).toBe(401);
      expect(detailOf(missing)).toMatch(/credentials/i);
      expect(missing.headers.get('www-authenticate')).toBe('Bearer');
      const wrong = await call(sim, method, path, { token: 'vps_SECRETtest_wrong', body });
      expect(wrong.status).toBe(401);
      expect(wrong.text).not.toContain('vps_SECRETtest');
      expect(sim.handle.snapshot()).toEqual(before);
    },
  );

  it('accepts the scheme case-insensitively but not a token without "Bearer"', async () => {
    const sim = await start();
    const lower = await fetch(`${sim.handle.url}account/me/`, {
      headers: { Authorization: `bearer ${TOKEN}` },
    });
    expect(lower.status).toBe(200);
    const bare = await fetch(`${sim.handle.url}account/me/`, { headers: { Authorization: TOKEN } });
    expect(bare.status).toBe(401);
    const prefix = await fetch(`${sim.handle.url}account/me/`, {
      headers: { Authorization: `Bearer ${TOKEN.slice(0, -1)}` },
    });
    expect(prefix.status).toBe(401);
  });

  it('unknown paths are 404 with a detail, with or without a token', async () => {
    const sim = await start();
    for (const path of ['nope/', 'servers', 'servers/12345/power/', '/other/', '/api/v2/servers/']) {
      const reply = await call(sim, 'GET', path);
      expect(reply.status, path).toBe(404);
      expect(detailOf(reply)).toBe('Not found.');
    }
    expect((await call(sim, 'GET', 'nope/', { token: null })).status).toBe(404);
  });

  it('a wrong method is 405 with Allow', async () => {
    const sim = await start();
    const reply = await call(sim, 'DELETE', 'servers/');
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('GET');
    expect(detailOf(reply)).toMatch(/DELETE/);
    expect((await call(sim, 'GET', 'snapshots/801/')).headers.get('allow')).toBe('DELETE');
  });

  it('a body over 64 KiB is refused with 413', async () => {
    const sim = await start();
    const reply = await call(sim, 'POST', 'snapshots/', { rawBody: 'x'.repeat(70_000) });
    expect(reply.status).toBe(413);
  });
});

describe('account', () => {
  it('GET account/me/ answers the documented shape', async () => {
    const sim = await start();
    const reply = await call(sim, 'GET', 'account/me/');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      account: {
        email: expect.stringMatching(/@/),
        first_name: expect.any(String),
        last_name: expect.any(String),
        company_name: expect.any(String),
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      },
      token: { name: expect.any(String), permissions: expect.arrayContaining([expect.any(String)]) },
    });
  });
});

describe('servers', () => {
  it('the demo seed holds the documented server and servers in every state', async () => {
    const sim = await start();
    const list = await page(sim, 'servers/');
    expect(list.count).toBe(6);
    expect(list.next).toBeNull();
    expect(list.previous).toBeNull();
    expect(list.results[0]).toMatchObject(DOC_SERVER_WIRE);
    const statuses = list.results.map((s) => s['status']);
    expect(statuses).toEqual(expect.arrayContaining(['active', 'stopped', 'suspended']));
    expect(list.results.some((s) => typeof s['id'] === 'string')).toBe(true);
    const perServer = new Map<string, number>();
    for (const s of sim.handle.snapshot().snapshots) {
      perServer.set(String(s.server.id), (perServer.get(String(s.server.id)) ?? 0) + 1);
    }
    expect([...perServer.values()]).toContain(5);
    expect(list.results.some((s) => !perServer.has(String(s['id'])))).toBe(true);
  });

  it('filters by status and by location, alone and together', async () => {
    const sim = await start();
    expect((await page(sim, 'servers/?status=stopped')).results.map((s) => s['name'])).toEqual([
      'staging-01',
    ]);
    expect((await page(sim, 'servers/?status=suspended')).results.map((s) => s['name'])).toEqual([
      'legacy-app',
    ]);
    const eu = await page(sim, 'servers/?location=eu-central');
    expect(eu.results.map((s) => s['name'])).toEqual(['db-server-01', 'legacy-app']);
    const both = await page(sim, 'servers/?location=eu-central&status=active');
    expect(both.results.map((s) => s['name'])).toEqual(['db-server-01']);
    expect((await page(sim, 'servers/?status=unknown-status')).count).toBe(0);
  });

  it('GET servers/{id}/ for a numeric and a UUID id, 404 otherwise', async () => {
    const sim = await start();
    const web = await call(sim, 'GET', 'servers/12345/');
    expect(web.status).toBe(200);
    expect(web.json).toMatchObject(DOC_SERVER_WIRE);
    const uuid = sim.handle.snapshot().servers.find((s) => typeof s.id === 'string');
    const byUuid = await call(sim, 'GET', `servers/${String(uuid?.id)}/`);
    expect(byUuid.status).toBe(200);
    expect((byUuid.json as { id: unknown }).id).toBe(uuid?.id);
    const missing = await call(sim, 'GET', 'servers/99999/');
    expect(missing.status).toBe(404);
    expect(detailOf(missing)).toMatch(/not found/i);
  });

  it('the empty seed has no servers and no snapshots', async () => {
    const sim = await start({ seed: 'empty' });
    expect(await page(sim, 'servers/')).toEqual({ count: 0, next: null, previous: null, results: [] });
    expect((await page(sim, 'snapshots/')).count).toBe(0);
    expect((await create(sim, 12345, 'x')).status).toBe(404);
  });
});

describe('paging', () => {
  it('pages with the default size 20 and next/previous links', async () => {
    const sim = await start({ seed: 'empty' });
    sim.handle.addServers(bulkServers(45));
    const first = await page(sim, 'servers/');
    expect(first.count).toBe(45);
    expect(first.results).toHaveLength(20);
    expect(first.results[0]?.['name']).toBe('bulk-0');
    expect(first.previous).toBeNull();
    expect(first.next).not.toBeNull();
    const second = await page(sim, new URL(first.next ?? '').toString());
    expect(second.results[0]?.['name']).toBe('bulk-20');
    const third = await page(sim, 'servers/?page=3');
    expect(third.results.map((s) => s['name'])).toEqual([
      'bulk-40',
      'bulk-41',
      'bulk-42',
      'bulk-43',
      'bulk-44',
    ]);
    expect(third.next).toBeNull();
    expect(third.previous).toContain('page=2');
  });

  it('page_size up to 100 is honoured, larger is clamped to 100', async () => {
    const sim = await start({ seed: 'empty' });
    sim.handle.addServers(bulkServers(150));
    expect((await page(sim, 'servers/?page_size=7')).results).toHaveLength(7);
    expect((await page(sim, 'servers/?page_size=100')).results).toHaveLength(100);
    const big = await page(sim, 'servers/?page_size=500');
    expect(big.count).toBe(150);
    expect(big.results).toHaveLength(100);
    expect((await page(sim, 'servers/?page_size=500&page=2')).results).toHaveLength(50);
  });

  it('a page past the end is empty with the true count', async () => {
    const sim = await start();
    expect(await page(sim, 'servers/?page=9')).toMatchObject({ count: 6, next: null, results: [] });
  });

  it.each(['page=0', 'page=-1', 'page=abc', 'page=1.5', 'page_size=0', 'page_size=x', 'page='])(
    '%s is a 400 with a detail',
    async (query) => {
      const sim = await start();
      const reply = await call(sim, 'GET', `servers/?${query}`);
      expect(reply.status).toBe(400);
      expect(detailOf(reply)).toMatch(/page/);
      expect((await call(sim, 'GET', `snapshots/?${query}`)).status).toBe(400);
    },
  );

  it('snapshot lists page too', async () => {
    const sim = await start();
    const one = await page(sim, 'snapshots/?server_id=12345&page_size=1');
    expect(one.count).toBe(2);
    expect(one.results).toEqual([DOC_801_WIRE]);
    expect((await page(sim, 'snapshots/?server_id=12345&page_size=1&page=2')).results).toEqual([
      DOC_798_WIRE,
    ]);
  });
});

describe('listing snapshots', () => {
  it('server_id=12345 gives the documented records 801 and 798, newest first', async () => {
    const sim = await start();
    const list = await page(sim, 'snapshots/?server_id=12345');
    expect(list).toEqual({ count: 2, next: null, previous: null, results: [DOC_801_WIRE, DOC_798_WIRE] });
  });

  it('without a filter lists every server’s snapshots; an unknown server_id lists none', async () => {
    const sim = await start();
    const all = await page(sim, 'snapshots/?page_size=100');
    expect(all.count).toBe(sim.handle.snapshot().snapshots.length);
    expect(new Set(all.results.map((s) => String((s['server'] as { id: unknown }).id))).size).toBeGreaterThan(
      2,
    );
    expect((await page(sim, 'snapshots/?server_id=424242')).count).toBe(0);
  });
});

describe('the demo seed', () => {
  it('is dated relative to the simulator clock at seed time, except the documented records', async () => {
    // A clock far from the real date: anything dated from Date.now() or fixed dates would show.
    const sim = await start({ now: () => Date.parse('2031-07-10T09:30:00Z') });
    const list = (await page(sim, 'snapshots/?page_size=100')).results;
    const at = (id: number) => list.find((s) => s['id'] === id)?.['created_at'];
    const name = (id: number) => list.find((s) => s['id'] === id)?.['name'];
    // Last night's nightly is the newest of five, named by its date.
    expect(at(785)).toBe('2031-07-09T02:00:00Z');
    expect(name(785)).toBe('nightly-2031-07-09');
    expect(at(781)).toBe('2031-07-05T02:00:00Z');
    expect(at(790)).toBe('2031-07-08T19:00:00Z');
    // Every seeded date is in the past of that clock, and within a few years of it.
    const servers = (await page(sim, 'servers/?page_size=100')).results;
    for (const stamp of [...list, ...servers].map((r) => Date.parse(String(r['created_at'])))) {
      expect(stamp).toBeLessThan(Date.parse('2031-07-10T09:30:00Z'));
    }
    // The documentation's examples keep their dates (test/support/doc-records.ts).
    expect(list.find((s) => s['id'] === 801)).toEqual(DOC_801_WIRE);
    expect(list.find((s) => s['id'] === 798)).toEqual(DOC_798_WIRE);
    expect(servers.find((s) => s['id'] === 12345)).toEqual(DOC_SERVER_WIRE);
  });
});

describe('creating snapshots', () => {
  it('201 with the new in-progress snapshot (id 802), size_mb null and a message', async () => {
    const sim = await start();
    const reply = await create(sim, 12345, 'before-update-snapshot', 'Snapshot before system update');
    expect(reply.status).toBe(201);
    expect(reply.json).toEqual({
      id: 802,
      server: { id: 12345, name: 'web-server-01' },
      name: 'before-update-snapshot',
      status: 'in_progress',
      size_mb: null,
      created_at: '2026-03-01T10:00:00Z',
      description: 'Snapshot before system update',
      message: expect.stringMatching(/3-10 minutes/),
    });
    const next = await create(sim, 12346 + 1, 'second');
    expect((next.json as { id: unknown }).id).toBe(803);
    const listed = await page(sim, 'snapshots/?server_id=12345');
    expect(listed.results[0]).toMatchObject({ id: 802, status: 'in_progress' });
  });

  it('description is optional; a UUID server id works', async () => {
    const sim = await start();
    const plain = await create(sim, 12349, 'no-description');
    expect(plain.status).toBe(201);
    expect((plain.json as { description: unknown }).description).toBe('');
    const uuid = String(sim.handle.snapshot().servers.find((s) => typeof s.id === 'string')?.id);
    const byUuid = await create(sim, uuid, 'edge-before-change');
    expect(byUuid.status).toBe(201);
    expect((byUuid.json as { server: { id: unknown } }).server.id).toBe(uuid);
  });

  it.each([
    ['a name with a space', { server_id: 12345, name: 'bad name' }],
    ['a name with a dot', { server_id: 12345, name: 'v1.2' }],
    ['an empty name', { server_id: 12345, name: '' }],
    ['a 65-character name', { server_id: 12345, name: 'a'.repeat(65) }],
    ['no name', { server_id: 12345 }],
    ['a numeric name', { server_id: 12345, name: 7 }],
    ['no server_id', { name: 'ok-name' }],
    ['a boolean server_id', { server_id: true, name: 'ok-name' }],
    ['a numeric description', { server_id: 12345, name: 'ok-name', description: 5 }],
    ['a description with control characters', { server_id: 12345, name: 'ok-name', description: 'a\u0007b' }],
    ['a JSON array', [12345, 'ok-name']],
  ])('400 for %s, and nothing is made', async (_label, body) => {
    const sim = await start();
    const before = sim.handle.snapshot().snapshots.length;
    const reply = await call(sim, 'POST', 'snapshots/', { body });
    expect(reply.status).toBe(400);
    expect(detailOf(reply).length).toBeGreaterThan(5);
    expect(sim.handle.snapshot().snapshots.length).toBe(before);
  });

  it('400 for a body that is not JSON or is missing', async () => {
    const sim = await start();
    expect((await call(sim, 'POST', 'snapshots/', { rawBody: '{"server_id": 12345,' })).status).toBe(400);
    expect((await call(sim, 'POST', 'snapshots/')).status).toBe(400);
  });

  it('a 64-character name with letters, digits, hyphens and underscores is accepted', async () => {
    const sim = await start();
    const name = `Ab_9-${'x'.repeat(59)}`;
    expect(name).toHaveLength(64);
    expect((await create(sim, 12345, name)).status).toBe(201);
  });

  it('404 for an unknown server', async () => {
    const sim = await start();
    const reply = await create(sim, 99999, 'ok-name');
    expect(reply.status).toBe(404);
    expect(detailOf(reply)).toMatch(/server/i);
  });

  it('400 at 5 snapshots per server, in-progress ones counting; a delete frees a place', async () => {
    const sim = await start();
    const full = await create(sim, 12346, 'sixth');
    expect(full.status).toBe(400);
    expect(detailOf(full)).toMatch(/limit/i);
    for (const name of ['a1', 'a2', 'a3']) expect((await create(sim, 12345, name)).status).toBe(201);
    const fourth = await create(sim, 12345, 'a4');
    expect(fourth.status).toBe(400);
    expect(detailOf(fourth)).toMatch(/at most 5/);
    expect((await call(sim, 'DELETE', 'snapshots/798/')).status).toBe(204);
    expect((await create(sim, 12345, 'a4')).status).toBe(201);
  });
});

describe('time', () => {
  it('snapshots finish between 3 and 10 minutes (divided by speed), with a size', async () => {
    const speed = 4;
    const sim = await start({ seed: 'empty', speed });
    sim.handle.addServers(bulkServers(6));
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      for (const k of [1, 2, 3]) {
        const reply = await create(sim, 500_000 + i, `s${i}-${k}`);
        ids.push((reply.json as { id: number }).id);
      }
    }
    sim.clock.t = T0 + (3 * MIN) / speed - 1;
    for (const id of ids) expect((await snapshotStatus(sim, id))?.['status']).toBe('in_progress');
    // Some, not all, are done half way: the durations really are spread over the range.
    sim.clock.t = T0 + (6.5 * MIN) / speed;
    const halfway = (await page(sim, 'snapshots/?page_size=100')).results.map((s) => s['status']);
    expect(halfway).toContain('completed');
    expect(halfway).toContain('in_progress');
    sim.clock.t = T0 + (10 * MIN) / speed;
    const done = (await page(sim, 'snapshots/?page_size=100')).results;
    for (const s of done) {
      expect(s['status']).toBe('completed');
      expect(Number.isInteger(s['size_mb'])).toBe(true);
      expect(s['size_mb']).toBeGreaterThan(0);
    }
  });

  it('a failureRate of 1 fails every snapshot, with size_mb null', async () => {
    const sim = await start({ failureRate: 1 });
    const id = ((await create(sim, 12345, 'doomed')).json as { id: number }).id;
    sim.clock.t = T0 + 10 * MIN;
    expect(await snapshotStatus(sim, id)).toMatchObject({ status: 'failed', size_mb: null });
  });

  it('a failureRate of 0.5 fails some and completes others; 0 fails none', async () => {
    for (const [rate, expectFailed] of [
      [0.5, true],
      [0, false],
    ] as const) {
      const sim = await start({ seed: 'empty', failureRate: rate, random: seededRandom(7) });
      sim.handle.addServers(bulkServers(8));
      for (let i = 0; i < 8; i++) for (const k of [1, 2, 3, 4, 5]) await create(sim, 500_000 + i, `n-${k}`);
      sim.clock.t = T0 + 10 * MIN;
      const statuses = sim.handle.snapshot().snapshots.map((s) => s.status);
      expect(statuses).toHaveLength(40);
      expect(statuses.includes('failed')).toBe(expectFailed);
      expect(statuses).toContain('completed');
      expect(statuses.every((s) => s === 'failed' || s === 'completed')).toBe(true);
    }
  });

  it('in-progress snapshots added directly also finish', async () => {
    const sim = await start({ seed: 'empty' });
    sim.handle.addServers(bulkServers(1));
    sim.handle.addSnapshots([
      {
        server: { id: 500_000, name: 'bulk-0' },
        name: 'added',
        status: 'in_progress',
        size_mb: null,
        created_at: '2026-03-01T10:00:00Z',
        description: '',
      },
    ]);
    const [added] = sim.handle.snapshot().snapshots;
    expect(added?.id).toBe(802);
    sim.clock.t = T0 + 10 * MIN;
    expect(sim.handle.snapshot().snapshots[0]?.status).toBe('completed');
  });
});

describe('restoring', () => {
  it('200 with the documented answer; the server is restoring for 5-15 min, then active again', async () => {
    const sim = await start({ speed: 2 });
    const reply = await call(sim, 'POST', 'snapshots/801/restore/');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      status: 'success',
      message: expect.any(String),
      snapshot: { id: 801, name: 'pre-migration-snapshot', created_at: '2025-01-15T18:30:00Z' },
      server: { id: 12345, name: 'web-server-01', status: 'restoring' },
    });
    expect(await serverStatus(sim, 12345)).toBe('restoring');
    const again = await call(sim, 'POST', 'snapshots/798/restore/');
    expect(again.status).toBe(400);
    expect(detailOf(again)).toMatch(/restoring/);
    sim.clock.t = T0 + (5 * MIN) / 2 - 1;
    expect(await serverStatus(sim, 12345)).toBe('restoring');
    expect((await page(sim, 'servers/?status=restoring')).count).toBe(1);
    sim.clock.t = T0 + (15 * MIN) / 2;
    expect(await serverStatus(sim, 12345)).toBe('active');
    expect((await page(sim, 'servers/?status=restoring')).count).toBe(0);
    expect((await call(sim, 'POST', 'snapshots/798/restore/')).status).toBe(200);
  });

  it('a stopped server goes back to stopped', async () => {
    const sim = await start();
    expect((await call(sim, 'POST', 'snapshots/790/restore/')).status).toBe(200);
    expect(await serverStatus(sim, 12347)).toBe('restoring');
    sim.clock.t = T0 + 15 * MIN;
    expect(await serverStatus(sim, 12347)).toBe('stopped');
  });

  it('400 for a suspended server, an in-progress snapshot and a failed snapshot; 404 for none', async () => {
    const sim = await start();
    const suspended = await call(sim, 'POST', 'snapshots/792/restore/');
    expect(suspended.status).toBe(400);
    expect(detailOf(suspended)).toMatch(/suspended/);
    const made = ((await create(sim, 12345, 'fresh')).json as { id: number }).id;
    const pending = await call(sim, 'POST', `snapshots/${made}/restore/`);
    expect(pending.status).toBe(400);
    expect(detailOf(pending)).toMatch(/in_progress/);
    expect((await call(sim, 'POST', 'snapshots/791/restore/')).status).toBe(400);
    const missing = await call(sim, 'POST', 'snapshots/99999/restore/');
    expect(missing.status).toBe(404);
    expect(detailOf(missing)).toMatch(/not found/i);
    expect(await serverStatus(sim, 12345)).toBe('active');
  });
});

describe('restoring as the documentation allows', () => {
  it('restoreStopsFirstMs: stopped for that long, then restoring, then back; the answer still says restoring', async () => {
    const sim = await start({ restoreStopsFirstMs: 2 * MIN });
    const reply = await call(sim, 'POST', 'snapshots/801/restore/');
    expect((reply.json as { server: { status: string } }).server.status).toBe('restoring');
    expect(await serverStatus(sim, 12345)).toBe('stopped');
    // A second restore is refused while the first has not begun yet.
    const again = await call(sim, 'POST', 'snapshots/798/restore/');
    expect(again.status).toBe(400);
    expect(detailOf(again)).toMatch(/being restored/);
    sim.clock.t = T0 + 2 * MIN - 1;
    expect(await serverStatus(sim, 12345)).toBe('stopped');
    sim.clock.t = T0 + 2 * MIN;
    expect(await serverStatus(sim, 12345)).toBe('restoring');
    sim.clock.t = T0 + 2 * MIN + 15 * MIN;
    expect(await serverStatus(sim, 12345)).toBe('active');
  });

  it('noServerRead: GET servers/{id}/ is 404 like an unknown path (counted), the list still works', async () => {
    const sim = await start({ noServerRead: true });
    const reply = await call(sim, 'GET', 'servers/12345/');
    expect(reply.status).toBe(404);
    expect(detailOf(reply)).toBe('Not found.');
    expect((await page(sim, 'servers/')).count).toBeGreaterThan(0);
    expect(sim.handle.requestCounts()['GET /servers/{id}/']).toBe(1);
  });

  it('refuses a negative restoreStopsFirstMs', async () => {
    await expect(startSimulator({ restoreStopsFirstMs: -1 })).rejects.toThrow(/restoreStopsFirstMs/);
  });
});

describe('deleting', () => {
  it('204 without a body, then 404; the snapshot is gone from the list', async () => {
    const sim = await start();
    const reply = await call(sim, 'DELETE', 'snapshots/801/');
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect((await page(sim, 'snapshots/?server_id=12345')).results).toEqual([DOC_798_WIRE]);
    expect((await call(sim, 'DELETE', 'snapshots/801/')).status).toBe(404);
  });

  it('400 while in progress, 204 once finished; a failed snapshot can be deleted', async () => {
    const sim = await start();
    const id = ((await create(sim, 12345, 'pending')).json as { id: number }).id;
    const early = await call(sim, 'DELETE', `snapshots/${id}/`);
    expect(early.status).toBe(400);
    expect(detailOf(early)).toMatch(/in progress/);
    sim.clock.t = T0 + 10 * MIN;
    expect((await call(sim, 'DELETE', `snapshots/${id}/`)).status).toBe(204);
    expect((await call(sim, 'DELETE', 'snapshots/791/')).status).toBe(204);
  });
});

describe('request counts', () => {
  it('counts every request by method and path template, faulted and refused ones too', async () => {
    const sim = await start();
    await call(sim, 'GET', 'servers/?page=1');
    await call(sim, 'GET', 'servers/12345/');
    await call(sim, 'GET', 'servers/12347/');
    await call(sim, 'POST', 'snapshots/801/restore/');
    await call(sim, 'DELETE', 'snapshots/798/', { token: null });
    sim.handle.setFaults({ serverError: 1 });
    await call(sim, 'GET', 'snapshots/');
    expect(sim.handle.requestCounts()).toEqual({
      'GET /servers/': 1,
      'GET /servers/{id}/': 2,
      'POST /snapshots/{id}/restore/': 1,
      'DELETE /snapshots/{id}/': 1,
      'GET /snapshots/': 1,
    });
    sim.handle.resetRequestCounts();
    expect(sim.handle.requestCounts()).toEqual({});
  });
});

describe('faults', () => {
  it('latency: the answer waits (an abort after 100 ms wins against 10 s of latency)', async () => {
    const sim = await start({ faults: { latencyMs: 10_000 } });
    await expect(call(sim, 'GET', 'account/me/', { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    sim.handle.setFaults({});
    expect((await call(sim, 'GET', 'account/me/')).status).toBe(200);
  });

  it('serverError: 500, 502 (an HTML page) and 503, with no effect', async () => {
    const sim = await start({ faults: { serverError: 1 } });
    const seen = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const reply = await create(sim, 12345, `e${i}`);
      seen.add(reply.status);
      if (reply.status === 502) expect(reply.text).toMatch(/<html>/);
      else expect(detailOf(reply).length).toBeGreaterThan(0);
    }
    expect([...seen].sort()).toEqual([500, 502, 503]);
    expect(sim.handle.snapshot().snapshots.filter((s) => s.server.id === 12345)).toHaveLength(2);
  });

  it('rateLimit: 429 with Retry-After in seconds, with no effect', async () => {
    const sim = await start({ faults: { rateLimit: 1, retryAfterSeconds: 7 } });
    const reply = await create(sim, 12345, 'limited');
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('7');
    expect(detailOf(reply)).toMatch(/throttled/);
    expect(sim.handle.snapshot().snapshots.some((s) => s.name === 'limited')).toBe(false);
  });

  it('rateLimit: Retry-After as an HTTP date on the real clock', async () => {
    const sim = await start({ faults: { rateLimit: 1, retryAfterSeconds: 30, retryAfterAsDate: true } });
    const reply = await call(sim, 'GET', 'servers/');
    const header = reply.headers.get('retry-after') ?? '';
    expect(header).toMatch(/^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/);
    const wait = Date.parse(header) - Date.now();
    expect(wait).toBeGreaterThan(20_000);
    expect(wait).toBeLessThanOrEqual(30_000);
  });

  it('drop: the connection closes without an answer and nothing is made', async () => {
    const sim = await start({ faults: { drop: 1 } });
    await expect(create(sim, 12345, 'dropped')).rejects.toThrow();
    expect(sim.handle.snapshot().snapshots.some((s) => s.name === 'dropped')).toBe(false);
  });

  it('dropAfterEffect: the connection closes but the snapshot was made', async () => {
    const sim = await start({ faults: { dropAfterEffect: 1 } });
    await expect(create(sim, 12345, 'made-anyway')).rejects.toThrow();
    expect(sim.handle.snapshot().snapshots.filter((s) => s.name === 'made-anyway')).toHaveLength(1);
  });

  it('lateEffect: a 504 now, the snapshot only lateEffectMs later, stamped with that time', async () => {
    const sim = await start({
      faults: { lateEffect: 1, lateEffectAnswer: 'gatewayTimeout', lateEffectMs: 8_000 },
    });
    const reply = await create(sim, 12345, 'late-one');
    expect(reply.status).toBe(504);
    expect(reply.headers.get('content-type')).toContain('text/html');
    sim.clock.t = T0 + 7_999;
    expect(
      (await page(sim, 'snapshots/?server_id=12345')).results.some((s) => s['name'] === 'late-one'),
    ).toBe(false);
    sim.clock.t = T0 + 8_000;
    const listed = (await page(sim, 'snapshots/?server_id=12345')).results.filter(
      (s) => s['name'] === 'late-one',
    );
    expect(listed).toEqual([
      expect.objectContaining({ status: 'in_progress', created_at: '2026-03-01T10:00:08Z' }),
    ]);
  });

  it('lateEffect: the answer lost or an unreadable 201; reads are never delayed', async () => {
    const sim = await start({ faults: { lateEffect: 1, lateEffectAnswer: 'drop', lateEffectMs: 1_000 } });
    await expect(create(sim, 12345, 'dropped-late')).rejects.toThrow();
    expect((await call(sim, 'GET', 'servers/')).status).toBe(200);
    sim.handle.setFaults({ lateEffect: 1, lateEffectAnswer: 'garbled2xx', lateEffectMs: 1_000 });
    const garbled = await create(sim, 12345, 'garbled-late');
    expect(garbled.status).toBe(201);
    expect(() => JSON.parse(garbled.text)).toThrow();
    expect(sim.handle.snapshot().snapshots.filter((s) => s.name.endsWith('-late'))).toHaveLength(0);
    sim.clock.t = T0 + 1_000;
    expect(sim.handle.snapshot().snapshots.filter((s) => s.name.endsWith('-late'))).toHaveLength(2);
  });

  it('lateEffect: a restore lands late too, and a refusal then reaches nobody', async () => {
    const sim = await start({ faults: { lateEffect: 1, lateEffectMs: 5_000 } });
    expect([504, 0]).toContain(
      await call(sim, 'POST', 'snapshots/801/restore/').then(
        (r) => r.status,
        () => 0,
      ),
    );
    // The same restore again: it lands too, then is refused (already restoring) without a trace.
    await call(sim, 'POST', 'snapshots/801/restore/').catch(() => undefined);
    sim.handle.setFaults({});
    expect(await serverStatus(sim, 12345)).toBe('active');
    sim.clock.t = T0 + 5_000;
    expect(await serverStatus(sim, 12345)).toBe('restoring');
  });

  it('malformed: 200 with a body that is not JSON', async () => {
    const sim = await start({ faults: { malformed: 1 } });
    const reply = await call(sim, 'GET', 'servers/');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('application/json');
    expect(reply.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(reply.text)).toThrow();
  });

  it('slowBody: headers and half the body come, the rest stalls (and stop() still ends it)', async () => {
    const sim = await start({ faults: { slowBody: 1, slowBodyMs: 60_000 } });
    const res = await fetch(`${sim.handle.url}servers/`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const length = Number(res.headers.get('content-length'));
    const reader = res.body?.getReader();
    if (reader === undefined) throw new Error('a body was expected');
    let received = 0;
    while (received < Math.floor(length / 2)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += chunk.value.length;
    }
    expect(received).toBe(Math.floor(length / 2));
    // The rest is 60 s away: stopping the simulator cuts the body short instead of hanging.
    await sim.handle.stop();
    await expect(reader.read()).rejects.toThrow();
  });

  it('slowBody: after the stall the real body arrives whole', async () => {
    const sim = await start({ faults: { slowBody: 1, slowBodyMs: 10 } });
    const reply = await call(sim, 'GET', 'snapshots/?server_id=12345');
    expect(reply.json).toEqual({
      count: 2,
      next: null,
      previous: null,
      results: [DOC_801_WIRE, DOC_798_WIRE],
    });
  });

  it('only: faults hit the named endpoint alone (by template or by concrete path)', async () => {
    const sim = await start({ faults: { serverError: 1, only: 'POST /snapshots/' } });
    expect((await call(sim, 'GET', 'snapshots/')).status).toBe(200);
    expect((await call(sim, 'POST', 'snapshots/801/restore/')).status).toBe(200);
    expect((await create(sim, 12345, 'x')).status).toBeGreaterThanOrEqual(500);
    sim.handle.setFaults({ rateLimit: 1, only: 'DELETE /snapshots/{id}/' });
    expect((await call(sim, 'DELETE', 'snapshots/798/')).status).toBe(429);
    sim.handle.setFaults({ rateLimit: 1, only: 'GET /api/v1/servers/12347/' });
    expect((await call(sim, 'GET', 'servers/12345/')).status).toBe(200);
    expect((await call(sim, 'GET', 'servers/12347/')).status).toBe(429);
    sim.handle.setFaults({});
    expect((await create(sim, 12345, 'x')).status).toBe(201);
  });

  it('a share below 1 hits some requests, the same ones for the same seed', async () => {
    const run = async (): Promise<number[]> => {
      const sim = await start({ faults: { serverError: 0.4 }, random: seededRandom(99) });
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await call(sim, 'GET', 'account/me/')).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(200);
    expect(first.some((s) => s >= 500)).toBe(true);
    expect(await run()).toEqual(first);
  });
});

describe('DNS rebinding', () => {
  /** One request with a chosen Host header (fetch does not let a caller set it). */
  function withHost(sim: Sim, method: string, path: string, host: string | null, body?: unknown) {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': 'application/json',
      };
      const req = request(
        { host: '127.0.0.1', port: sim.handle.port, method, path: `/api/v1${path}`, headers, setHost: false },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      if (host !== null) req.setHeader('Host', host);
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  it('answers only requests addressed to itself; any other Host is refused and has no effect', async () => {
    const sim = await start();
    const before = sim.handle.snapshot().snapshots.length;
    const port = sim.handle.port;
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      '127.0.0.1',
      null,
    ]) {
      const reply = await withHost(sim, 'POST', '/snapshots/', host, { server_id: 12345, name: 'rebound' });
      // Without a Host header at all, Node's HTTP server itself answers 400.
      expect(reply.status, String(host)).toBe(host === null ? 400 : 403);
      expect(reply.text).not.toContain(TOKEN);
      expect((await withHost(sim, 'GET', '/servers/', host)).status).toBe(host === null ? 400 : 403);
    }
    expect(sim.handle.snapshot().snapshots.length).toBe(before);
    expect(sim.handle.requestCounts()).toEqual({});
    // Its own names work: 127.0.0.1 (what it prints) and localhost, on its port.
    expect((await withHost(sim, 'GET', '/servers/', `127.0.0.1:${port}`)).status).toBe(200);
    expect((await withHost(sim, 'GET', '/servers/', `localhost:${port}`)).status).toBe(200);
    expect((await call(sim, 'GET', 'servers/')).status).toBe(200);
  });
});
