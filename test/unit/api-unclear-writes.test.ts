/**
 * The one definition of what a failed write tells (refused, unclear, applied) and the client's create
 * path built on it, over a real local HTTP server scripted per test: a 2xx is proof the create
 * happened whatever its body looks like, and "not listed right after" never turns an unclear answer
 * into "it did not happen".
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createVpsClient } from '../../src/main/api/client';
import { API_ERROR_KINDS, ApiError, badResponseError } from '../../src/main/api/errors';
import {
  UNCLEAR_WRITE_KINDS,
  isUnclearWriteError,
  snapshotOfCreate,
  writeOutcome,
} from '../../src/main/api/unclear-writes';
import type { Snapshot } from '../../src/shared/domain';
import { caught } from '../support/caught';

const TOKEN = 'vps_unit_secret_unclear_0a1b2c';
const open: Server[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A server whose POST answers `post` and whose snapshot list holds `listed`. */
async function serve(post: (res: ServerResponse) => void, listed: () => unknown[]): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') return post(res);
      const results = listed();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ count: results.length, results }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/`;
}

const NOW = Date.parse('2026-05-01T12:00:00Z');
const wire = (id: number, name: string, createdAt = '2026-05-01T12:00:01Z') => ({
  id,
  server: { id: 1, name: 'srv-1' },
  name,
  status: 'in_progress',
  size_mb: null,
  created_at: createdAt,
  description: '',
});

function client(url: string) {
  const requests: string[] = [];
  const c = createVpsClient({
    baseUrl: url,
    token: TOKEN,
    maxRetries: 0,
    now: () => NOW,
    onRequest: (info) => requests.push(`${info.method} ${info.path}`),
  });
  return { c, requests };
}

describe('writeOutcome', () => {
  it('one typed list of unclear kinds, a subset of the client error kinds', () => {
    expect([...UNCLEAR_WRITE_KINDS]).toEqual(['network', 'timeout', 'server', 'bad_response']);
    for (const kind of UNCLEAR_WRITE_KINDS) expect(API_ERROR_KINDS).toContain(kind);
  });

  it('a 2xx is applied, a lost or 5xx answer unclear, a clear answer refused', () => {
    expect(writeOutcome(badResponseError(201, 'the body was not valid JSON'))).toBe('applied');
    expect(writeOutcome(badResponseError(204, 'x'))).toBe('applied');
    expect(writeOutcome(new ApiError('server', 504, 'gateway'))).toBe('unclear');
    expect(writeOutcome(new ApiError('network', null, 'cut'))).toBe('unclear');
    expect(writeOutcome(new ApiError('timeout', null, 'slow'))).toBe('unclear');
    expect(writeOutcome(badResponseError(302, 'a redirect'))).toBe('unclear');
    for (const kind of ['invalid', 'limit_reached', 'not_found', 'unauthorized', 'rate_limited'] as const) {
      expect(writeOutcome(new ApiError(kind, 400, 'no'))).toBe('refused');
    }
    expect(writeOutcome(new Error('not an ApiError'))).toBe('refused');
    expect(isUnclearWriteError(new ApiError('server', 500, 'x'))).toBe(true);
  });

  it('the "this snapshot is ours" rule: same server and name, not known before, not older than the request less the skew', () => {
    const snap = (id: number, fields: Partial<Snapshot>): Snapshot => ({
      id,
      serverId: 1,
      serverName: 's',
      name: 'pre',
      status: 'in_progress',
      sizeMb: null,
      createdAt: '2026-05-01T12:00:30Z',
      description: '',
      ...fields,
    });
    const request = { serverId: 1, name: 'pre', requestedAt: NOW, knownSnapshotIds: [3] };
    expect(
      snapshotOfCreate([snap(1, { name: 'other' }), snap(2, { serverId: 2 }), snap(3, {})], request),
    ).toBeNull();
    expect(snapshotOfCreate([snap(4, { createdAt: '2026-05-01T11:57:00Z' })], request)).toBeNull();
    expect(snapshotOfCreate([snap(5, { createdAt: 'not a date' })], request)).toBeNull();
    // Within the allowance (a server clock a minute behind), and the newest of several.
    const ours = snapshotOfCreate(
      [snap(6, { createdAt: '2026-05-01T11:59:00Z' }), snap(7, { createdAt: '2026-05-01T12:00:05Z' })],
      request,
    );
    expect(ours?.id).toBe(7);
  });
});

describe('createSnapshot after an answer that is not clear', () => {
  it('an unreadable 201: the lookup finds the snapshot it made and returns it', async () => {
    const url = await serve(
      (res) => {
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end('{"id": 9, "name": "pre", "sta');
      },
      () => [wire(9, 'pre')],
    );
    const { c, requests } = client(url);
    expect((await c.createSnapshot({ serverId: 1, name: 'pre' })).id).toBe(9);
    expect(requests).toEqual(['POST /snapshots/', 'GET /snapshots/']);
  });

  it('an unreadable 201 not listed yet: thrown with its 2xx status, so the caller knows it happened', async () => {
    const url = await serve(
      (res) => {
        res.writeHead(201, { 'Content-Type': 'text/html' });
        res.end('<html>created</html>');
      },
      () => [],
    );
    const e = await caught(client(url).c.createSnapshot({ serverId: 1, name: 'pre' }));
    expect(e.status).toBe(201);
    expect(writeOutcome(e)).toBe('applied');
  });

  it('a 504 not listed yet: the 504 itself, never a claim that nothing happened', async () => {
    const url = await serve(
      (res) => {
        res.writeHead(504, { 'Content-Type': 'text/html' });
        res.end('<html>504 Gateway Time-out</html>');
      },
      () => [wire(8, 'pre', '2026-05-01T11:00:00Z')],
    );
    const { c, requests } = client(url);
    const e = await caught(c.createSnapshot({ serverId: 1, name: 'pre' }));
    expect(e.status).toBe(504);
    expect(writeOutcome(e)).toBe('unclear');
    expect(requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });
});
