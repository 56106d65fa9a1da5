import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/main/api/errors';
import {
  parseAccount,
  parsePage,
  parseRestore,
  parseServer,
  parseSnapshot,
} from '../../src/main/api/schemas';
import { DOC_801, DOC_801_WIRE, DOC_SERVER, DOC_SERVER_WIRE } from '../support/doc-records';

const server = DOC_SERVER_WIRE;
const snapshot = DOC_801_WIRE;

function badResponse(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).kind).toBe('bad_response');
    return e as ApiError;
  }
  throw new Error('expected a bad_response ApiError');
}

describe('server schema', () => {
  it('maps the documented example to camelCase', () => {
    expect(parseServer(server)).toEqual(DOC_SERVER);
  });

  it('keeps a UUID id as a string, an unknown status as it is, and drops unknown fields', () => {
    const parsed = parseServer({
      ...server,
      id: '7b0e3c7e-1f2a-4c55-9d1e-0b6a6c1d2e3f',
      status: 'migrating',
      backups_enabled: true,
      tags: ['x'],
    });
    expect(parsed.id).toBe('7b0e3c7e-1f2a-4c55-9d1e-0b6a6c1d2e3f');
    expect(parsed.status).toBe('migrating');
    expect(parsed).not.toHaveProperty('backups_enabled');
    expect(parsed).not.toHaveProperty('tags');
  });

  it('tolerates null or missing display fields', () => {
    const parsed = parseServer({ id: 1, name: 'bare', status: 'stopped', ip_address: null, plan: null });
    expect(parsed.ipAddress).toBe('');
    expect(parsed.hostname).toBe('');
    expect(parsed.plan).toEqual({ id: '', name: '', vcpus: 0, memoryMb: 0, storageGb: 0 });
    expect(parsed.os).toEqual({ id: '', name: '' });
  });

  it('refuses a server without id, name or status, naming the field but not the value', () => {
    const e = badResponse(() => parseServer({ ...server, id: { secret: 'leak-me' } }));
    expect(e.message).toContain('"id"');
    expect(e.message).not.toContain('leak-me');
    badResponse(() => parseServer({ ...server, name: undefined }));
    badResponse(() => parseServer({ ...server, status: 3 }));
    badResponse(() => parseServer({ ...server, id: '' }));
    badResponse(() => parseServer('not an object'));
  });
});

describe('snapshot schema', () => {
  it('maps the documented example', () => {
    expect(parseSnapshot(snapshot)).toEqual(DOC_801);
  });

  it('accepts an in-progress snapshot with null size, unknown status and a create message', () => {
    const created = parseSnapshot({
      ...snapshot,
      id: 802,
      status: 'queued',
      size_mb: null,
      message: 'takes 3-10 min',
    });
    expect(created.sizeMb).toBeNull();
    expect(created.status).toBe('queued');
    expect(created).not.toHaveProperty('message');
  });

  it('accepts a flat server_id, or fills the server from what was asked', () => {
    const { server: _s, ...flat } = snapshot;
    expect(parseSnapshot({ ...flat, server_id: 'abc' }).serverId).toBe('abc');
    expect(parseSnapshot(flat, 12345).serverId).toBe(12345);
    badResponse(() => parseSnapshot(flat));
  });

  it('tolerates a null description', () => {
    expect(parseSnapshot({ ...snapshot, description: null }).description).toBe('');
  });
});

describe('account, page and restore schemas', () => {
  it('maps the account answer', () => {
    expect(
      parseAccount({
        account: { email: 'a@b.c', first_name: 'Ada', last_name: 'L', company_name: null, created_at: 'x' },
        token: { name: 'tray', permissions: ['read'] },
      }),
    ).toEqual({ email: 'a@b.c', firstName: 'Ada', lastName: 'L', companyName: '', tokenName: 'tray' });
    badResponse(() => parseAccount({ account: {} }));
  });

  it('checks the page envelope', () => {
    expect(parsePage({ count: 2, results: [1, 2], next: 'http://evil/' })).toEqual({
      count: 2,
      results: [1, 2],
    });
    badResponse(() => parsePage({ results: [] }));
    badResponse(() => parsePage({ count: -1, results: [] }));
    badResponse(() => parsePage({ count: 1, results: 'x' }));
  });

  it('maps the restore answer', () => {
    expect(
      parseRestore({
        status: 'success',
        message: 'Restore started',
        snapshot: { id: 801, name: 'pre-migration-snapshot', created_at: '2025-01-15T18:30:00Z' },
        server: { id: 12345, name: 'web-server-01', status: 'restoring' },
      }),
    ).toEqual({
      message: 'Restore started',
      snapshot: { id: 801, name: 'pre-migration-snapshot', createdAt: '2025-01-15T18:30:00Z' },
      server: { id: 12345, name: 'web-server-01', status: 'restoring' },
    });
    badResponse(() => parseRestore({ status: 'success' }));
  });
});

describe('hostile values on the wire', () => {
  it('refuses ids that do not fit the contract id pattern: they would go into a URL path or a log', () => {
    for (const id of [
      '.',
      '..',
      '../admin',
      'a/b',
      'x\ny',
      'a b',
      '%2e%2e',
      'x'.repeat(65),
      -1,
      1.5,
      2 ** 60,
    ]) {
      badResponse(() => parseServer({ ...server, id }));
      badResponse(() => parseSnapshot({ ...snapshot, id }));
      badResponse(() => parseSnapshot({ ...snapshot, server: { id, name: 'x' } }));
      badResponse(() =>
        parseRestore({
          status: 'success',
          snapshot: { id, name: 's' },
          server: { id: 1, name: 'n', status: 'restoring' },
        }),
      );
    }
    // Ids the API really uses still pass: integers and UUID-like tokens.
    expect(parseServer({ ...server, id: 'ab_12-CD' }).id).toBe('ab_12-CD');
    expect(parseSnapshot({ ...snapshot, id: 0 }).id).toBe(0);
  });

  it('drops a display-only id (plan, OS) that does not fit, rather than the whole server', () => {
    const parsed = parseServer({
      ...server,
      plan: { ...server.plan, id: '../x' },
      os: { id: 'a b', name: 'Debian' },
    });
    expect(parsed.plan.id).toBe('');
    expect(parsed.os).toEqual({ id: '', name: 'Debian' });
  });

  it('refuses strings longer than their cap, so a list cannot carry megabytes per field', () => {
    const e = badResponse(() => parseServer({ ...server, name: 'n'.repeat(256) }));
    expect(e.message).toContain('"name"');
    expect(parseServer({ ...server, name: 'n'.repeat(255) }).name).toHaveLength(255);
    badResponse(() => parseServer({ ...server, status: 's'.repeat(65) }));
    badResponse(() => parseServer({ ...server, hostname: 'h'.repeat(2001) }));
    badResponse(() => parseSnapshot({ ...snapshot, description: 'd'.repeat(2001) }));
    badResponse(() => parseSnapshot({ ...snapshot, created_at: '2'.repeat(65) }));
    badResponse(() => parseAccount({ account: { email: `${'e'.repeat(400)}@x.org` } }));
  });

  it('cleans names and texts of controls, bidi overrides and zero-width characters', () => {
    const parsed = parseServer({
      ...server,
      name: 'web-\u202eprod\u202c',
      status: 'act\u200bive',
      hostname: 'a\nb',
    });
    expect(parsed.name).toBe('web-prod');
    expect(parsed.status).toBe('active');
    expect(parsed.hostname).toBe('a b');
    const snap = parseSnapshot({ ...snapshot, name: '\u2066pre\u2069', description: 'x\u200dy' });
    expect([snap.name, snap.description]).toEqual(['pre', 'xy']);
    expect(parseAccount({ account: { email: 'a\u200b@example.com' } }).email).toBe('a@example.com');
  });
});
