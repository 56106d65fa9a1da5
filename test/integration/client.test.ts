/**
 * The real client against the real simulator over real HTTP: every endpoint, every error kind
 * produced by injecting each fault, pagination beyond one page, and no duplicate snapshot after a
 * connection dropped once the create took effect. Waits between retries go through an injected
 * sleep that records them, so nothing here depends on wall-clock timing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createVpsClient } from '../../src/main/api/client';
import { caught } from '../support/caught';
import type { ClientOptions, VpsClient } from '../../src/main/api/types';
import { startSimulator } from '../../src/simulator/index';
import type { SimServer, SimulatorHandle, SimulatorOptions } from '../../src/simulator/types';

const running: SimulatorHandle[] = [];

afterEach(async () => {
  for (const sim of running.splice(0)) await sim.stop();
});

async function sim(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const handle = await startSimulator({ port: 0, seed: 'demo', ...options });
  running.push(handle);
  return handle;
}

interface Harness {
  client: VpsClient;
  sleeps: number[];
  requests: string[];
}

function connect(handle: SimulatorHandle, extra: Partial<ClientOptions> = {}): Harness {
  const sleeps: number[] = [];
  const requests: string[] = [];
  const userOnRequest = extra.onRequest;
  const client = createVpsClient({
    baseUrl: handle.url,
    token: handle.token,
    backoffMs: 5,
    timeoutMs: 3000,
    ...extra,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onRequest: (info) => {
      requests.push(`${info.method} ${info.path}`);
      userOnRequest?.(info);
    },
  });
  return { client, sleeps, requests };
}

/** Requests the simulator answered whose key matches, summed over keys. */
function answered(handle: SimulatorHandle, pattern: RegExp): number {
  return Object.entries(handle.requestCounts())
    .filter(([key]) => pattern.test(key))
    .reduce((sum, [, n]) => sum + n, 0);
}

function makeServers(n: number): SimServer[] {
  return Array.from({ length: n }, (_, i) => ({
    id: 100_000 + i,
    name: `bulk-${i}`,
    hostname: `bulk-${i}.example.com`,
    status: i % 3 === 0 ? 'stopped' : 'active',
    ip_address: `198.51.100.${i % 250}`,
    location: 'eu-north',
    plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80 },
    os: { id: 5, name: 'Ubuntu 22.04 LTS' },
    created_at: '2025-01-10T14:30:00Z',
    updated_at: '2025-01-10T14:30:00Z',
  }));
}

describe('every endpoint against the demo seed', () => {
  it('getAccount', async () => {
    const { client } = connect(await sim());
    const account = await client.getAccount();
    expect(account.email).toMatch(/@/);
    expect(typeof account.tokenName).toBe('string');
  });

  it('listServers and getServer map the documented example', async () => {
    const { client } = connect(await sim());
    const servers = await client.listServers();
    const web = servers.find((s) => String(s.id) === '12345');
    expect(web).toMatchObject({
      name: 'web-server-01',
      hostname: 'web01.example.com',
      ipAddress: '203.0.113.10',
      location: 'us-west',
      plan: { name: 'Standard VPS', vcpus: 2, memoryMb: 4096, storageGb: 80 },
      os: { name: 'Ubuntu 22.04 LTS' },
    });
    expect(await client.getServer(12345)).toEqual(web);
  });

  it('listServers passes filters', async () => {
    const handle = await sim({ seed: 'empty' });
    handle.addServers(makeServers(9));
    const { client } = connect(handle);
    const stopped = await client.listServers({ status: 'stopped' });
    expect(stopped.map((s) => s.name).sort()).toEqual(['bulk-0', 'bulk-3', 'bulk-6']);
  });

  it('listSnapshots, all and for one server', async () => {
    const { client } = connect(await sim());
    const mine = await client.listSnapshots(12345);
    const byId = new Map(mine.map((s) => [String(s.id), s]));
    expect(byId.get('801')).toMatchObject({
      name: 'pre-migration-snapshot',
      status: 'completed',
      sizeMb: 5120,
      serverName: 'web-server-01',
      description: 'Before major migration',
    });
    expect(byId.get('798')?.name).toBe('weekly-snapshot-2025-01-08');
    expect((await client.listSnapshots()).length).toBeGreaterThanOrEqual(mine.length);
  });

  it('createSnapshot returns the in-progress snapshot, then restore and delete work', async () => {
    const handle = await sim();
    const { client, requests } = connect(handle);
    const made = await client.createSnapshot({
      serverId: 12345,
      name: 'before-update-snapshot',
      description: 'x',
    });
    expect(made).toMatchObject({ name: 'before-update-snapshot', status: 'in_progress', sizeMb: null });
    expect(String(made.serverId)).toBe('12345');
    expect(handle.snapshot().snapshots.filter((s) => s.name === 'before-update-snapshot')).toHaveLength(1);

    const restore = await client.restoreSnapshot(801);
    expect(restore.server.status).toBe('restoring');
    expect(String(restore.snapshot.id)).toBe('801');

    await client.deleteSnapshot(798);
    expect(handle.snapshot().snapshots.some((s) => s.id === 798)).toBe(false);
    expect(requests).toEqual(['POST /snapshots/', 'POST /snapshots/801/restore/', 'DELETE /snapshots/798/']);
  });
});

describe('error kinds', () => {
  it('unauthorized: a wrong token, never echoed', async () => {
    const handle = await sim();
    const { client, requests } = connect(handle, { token: 'vps_wrong_token_1234' });
    const e = await caught(client.getAccount());
    expect(e.kind).toBe('unauthorized');
    expect(e.status).toBe(401);
    expect(e.message).not.toContain('vps_wrong_token_1234');
    expect(requests).toHaveLength(1);
  });

  it('not_found: unknown server and snapshot ids', async () => {
    const { client } = connect(await sim());
    expect((await caught(client.getServer(99_999))).kind).toBe('not_found');
    expect((await caught(client.restoreSnapshot(99_999))).status).toBe(404);
    expect((await caught(client.deleteSnapshot(99_999))).kind).toBe('not_found');
    expect((await caught(client.createSnapshot({ serverId: 99_999, name: 'x' }))).kind).toBe('not_found');
  });

  it('limit_reached at 5/5', async () => {
    const handle = await sim();
    const { client } = connect(handle);
    for (const name of ['a1', 'a2', 'a3']) await client.createSnapshot({ serverId: 12345, name });
    const e = await caught(client.createSnapshot({ serverId: 12345, name: 'one-too-many' }));
    expect(e.kind).toBe('limit_reached');
    expect(e.status).toBe(400);
    expect(handle.snapshot().snapshots.filter((s) => String(s.server.id) === '12345')).toHaveLength(5);
  });

  it('invalid: a bad name is refused before any request', async () => {
    const handle = await sim();
    const { client, requests } = connect(handle);
    const e = await caught(client.createSnapshot({ serverId: 12345, name: 'bad name!' }));
    expect(e.kind).toBe('invalid');
    expect(e.status).toBeNull();
    expect(requests).toEqual([]);
    expect(answered(handle, /snapshots/)).toBe(0);
  });

  it('invalid: the server refuses restoring or deleting an in-progress snapshot', async () => {
    const { client } = connect(await sim());
    const made = await client.createSnapshot({ serverId: 12345, name: 'still-running' });
    const restore = await caught(client.restoreSnapshot(made.id));
    expect(restore.kind).toBe('invalid');
    expect(restore.status).toBe(400);
    expect(restore.message.length).toBeGreaterThan(0);
    expect((await caught(client.deleteSnapshot(made.id))).kind).toBe('invalid');
  });

  it('rate_limited: Retry-After in seconds is honoured, then the read succeeds', async () => {
    const handle = await sim({ faults: { rateLimit: 1, retryAfterSeconds: 2, only: 'GET /servers/' } });
    let n = 0;
    const { client, sleeps } = connect(handle, {
      onRequest: () => {
        if (++n === 2) handle.setFaults({});
      },
    });
    expect((await client.listServers()).length).toBeGreaterThan(0);
    expect(sleeps).toEqual([2000]);
  });

  it('rate_limited: Retry-After as an HTTP date is honoured', async () => {
    const handle = await sim({
      faults: { rateLimit: 1, retryAfterSeconds: 5, retryAfterAsDate: true, only: 'GET /servers/' },
    });
    let n = 0;
    const { client, sleeps } = connect(handle, {
      onRequest: () => {
        if (++n === 2) handle.setFaults({});
      },
    });
    await client.listServers();
    expect(sleeps).toHaveLength(1);
    // An HTTP date has whole seconds: between 3 and 5 s from now.
    expect(sleeps[0]).toBeGreaterThan(3000);
    expect(sleeps[0]).toBeLessThanOrEqual(5000);
  });

  it('rate_limited: reported when every attempt is limited', async () => {
    const handle = await sim({ faults: { rateLimit: 1, retryAfterSeconds: 1 } });
    const { client, requests } = connect(handle, { maxRetries: 2 });
    const e = await caught(client.getAccount());
    expect(e.kind).toBe('rate_limited');
    expect(e.status).toBe(429);
    expect(requests).toHaveLength(3);
  });

  it('server: 5xx is retried and then succeeds', async () => {
    const handle = await sim({ faults: { serverError: 1, only: 'GET /servers/' } });
    let n = 0;
    const { client, sleeps } = connect(handle, {
      onRequest: () => {
        if (++n === 3) handle.setFaults({});
      },
    });
    expect((await client.listServers()).length).toBeGreaterThan(0);
    expect(sleeps).toHaveLength(2);
    expect(answered(handle, /^GET .*servers\/$/)).toBe(3);
  });

  it('server: 5xx on every attempt is reported after maxRetries', async () => {
    const handle = await sim({ faults: { serverError: 1 } });
    const { client, requests } = connect(handle, { maxRetries: 3 });
    const e = await caught(client.listServers());
    expect(e.kind).toBe('server');
    expect([500, 502, 503]).toContain(e.status);
    expect(requests).toHaveLength(4);
  });

  it('network: dropped connections', async () => {
    const handle = await sim({ faults: { drop: 1 } });
    const { client, requests } = connect(handle, { maxRetries: 1 });
    const e = await caught(client.getAccount());
    expect(e.kind).toBe('network');
    expect(e.status).toBeNull();
    expect(requests).toHaveLength(2);
  });

  it('timeout: a stalled body with a short timeoutMs', async () => {
    const handle = await sim({ faults: { slowBody: 1, slowBodyMs: 5000 } });
    const { client } = connect(handle, { timeoutMs: 150, maxRetries: 0 });
    const e = await caught(client.listServers());
    expect(e.kind).toBe('timeout');
    expect(e.status).toBeNull();
  });

  it('bad_response: a malformed body', async () => {
    const handle = await sim({ faults: { malformed: 1 } });
    const { client, requests } = connect(handle);
    const e = await caught(client.getAccount());
    expect(e.kind).toBe('bad_response');
    expect(requests).toHaveLength(1);
  });
});

describe('pagination', () => {
  it('reads 250 servers in exactly 3 requests', async () => {
    const handle = await sim({ seed: 'empty' });
    handle.addServers(makeServers(250));
    handle.resetRequestCounts();
    const { client, requests } = connect(handle);
    const servers = await client.listServers();
    expect(servers).toHaveLength(250);
    expect(new Set(servers.map((s) => String(s.id))).size).toBe(250);
    expect(requests).toHaveLength(3);
    expect(answered(handle, /servers/)).toBe(3);
  });

  it('reads snapshots beyond one page', async () => {
    const handle = await sim({ seed: 'empty' });
    handle.addServers(makeServers(60));
    handle.addSnapshots(
      makeServers(60).flatMap((s) =>
        [1, 2].map((k) => ({
          server: { id: s.id, name: s.name },
          name: `${s.name}-snap-${k}`,
          status: 'completed',
          size_mb: 1000,
          created_at: '2025-01-15T18:30:00Z',
          description: '',
        })),
      ),
    );
    const { client, requests } = connect(handle);
    expect(await client.listSnapshots()).toHaveLength(120);
    expect(requests).toHaveLength(2);
  });
});

describe('createSnapshot after the connection dropped once the create took effect', () => {
  it('returns the snapshot that was made and never makes a second one', async () => {
    const handle = await sim({ faults: { dropAfterEffect: 1, only: 'POST /snapshots/' } });
    const { client, requests } = connect(handle);
    const before = handle.snapshot().snapshots.length;
    const made = await client.createSnapshot({ serverId: 12345, name: 'one-click-only' });
    const named = handle.snapshot().snapshots.filter((s) => s.name === 'one-click-only');
    expect(named).toHaveLength(1);
    expect(String(made.id)).toBe(String(named[0]?.id));
    expect(made.name).toBe('one-click-only');
    expect(handle.snapshot().snapshots.length).toBe(before + 1);
    expect(requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
    expect(answered(handle, /^POST .*snapshots\/$/)).toBe(1);
  });

  it('a 503 with an older same-name snapshot on the server: the failure, never the old snapshot', async () => {
    const handle = await sim();
    const { client } = connect(handle);
    // Seeded snapshot 801 on server 12345, made long before this request by someone else.
    const old = handle.snapshot().snapshots.find((s) => s.id === 801);
    expect(old?.name).toBe('pre-migration-snapshot');
    handle.setFaults({ serverError: 1, only: 'POST /snapshots/' });
    const before = handle.snapshot().snapshots.length;
    const e = await caught(client.createSnapshot({ serverId: 12345, name: 'pre-migration-snapshot' }));
    expect(e.kind).toBe('server');
    expect(handle.snapshot().snapshots.length).toBe(before);
  });

  it('a failed create whose follow-up list also fails throws the failure of the create itself', async () => {
    const handle = await sim();
    const { client } = connect(handle);
    handle.setFaults({ serverError: 1, only: '/snapshots/' });
    const e = await caught(client.createSnapshot({ serverId: 12345, name: 'unknown-outcome' }));
    expect(e.kind).toBe('server');
    expect(e.status).not.toBeNull();
  });

  it('a 503 with a recent same-name snapshot the caller already knew: the failure, not that one', async () => {
    const handle = await sim();
    const { client } = connect(handle);
    const earlier = await client.createSnapshot({ serverId: 12345, name: 'before-upgrade' });
    handle.setFaults({ serverError: 1, only: 'POST /snapshots/' });
    const e = await caught(
      client.createSnapshot({ serverId: 12345, name: 'before-upgrade', knownSnapshotIds: [801, earlier.id] }),
    );
    expect(e.kind).toBe('server');
    expect(handle.snapshot().snapshots.filter((s) => s.name === 'before-upgrade')).toHaveLength(1);
  });

  it('a dropped create with a known older same-name snapshot still adopts the new one', async () => {
    const handle = await sim();
    const { client } = connect(handle);
    const earlier = await client.createSnapshot({ serverId: 12345, name: 'nightly' });
    handle.setFaults({ dropAfterEffect: 1, only: 'POST /snapshots/' });
    const made = await client.createSnapshot({
      serverId: 12345,
      name: 'nightly',
      knownSnapshotIds: [earlier.id],
    });
    const named = handle.snapshot().snapshots.filter((s) => s.name === 'nightly');
    expect(named).toHaveLength(2);
    expect(String(made.id)).not.toBe(String(earlier.id));
    expect(named.map((s) => String(s.id))).toContain(String(made.id));
  });

  it('throws the network error when the dropped create did not take effect', async () => {
    const handle = await sim({ faults: { drop: 1, only: 'POST /snapshots/' } });
    const { client } = connect(handle);
    const before = handle.snapshot().snapshots.length;
    const e = await caught(client.createSnapshot({ serverId: 12345, name: 'never-made' }));
    expect(e.kind).toBe('network');
    expect(handle.snapshot().snapshots.length).toBe(before);
  });
});
