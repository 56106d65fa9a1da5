/** Which operations belong to the API address and account in use (scope.ts). */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { inScope, scopeText } from '../../src/main/core/scope';
import { OperationSchema } from '../../src/main/settings/schema';

const A = 'https://api.vps.org/api/v1/';
const B = 'http://127.0.0.1:8787/api/v1/';

describe('operation scope', () => {
  it('old operations without a scope count as current', () => {
    expect(inScope({}, { url: A, email: 'a@example.com' })).toBe(true);
  });

  it('matches the address (trailing slash ignored) and the account', () => {
    const scope = scopeText({ url: A, email: 'a@example.com' });
    expect(inScope({ scope }, { url: A.replace(/\/$/, ''), email: 'a@example.com' })).toBe(true);
    expect(inScope({ scope }, { url: B, email: 'a@example.com' })).toBe(false);
    expect(inScope({ scope }, { url: A, email: 'b@example.com' })).toBe(false);
    expect(inScope({ scope }, null)).toBe(false);
  });

  it('while the account is not known yet, the address decides', () => {
    const scope = scopeText({ url: A, email: 'a@example.com' });
    expect(inScope({ scope }, { url: A, email: null })).toBe(true);
    expect(inScope({ scope }, { url: B, email: null })).toBe(false);
  });
});

describe('saved operations', () => {
  it('keep their scope and uncertainty across a restart (the settings schema does not drop them)', () => {
    const op = {
      id: 'op-1',
      kind: 'restore',
      serverId: 1,
      serverName: 'web-1',
      snapshotId: 2,
      snapshotName: 's',
      startedAt: '2026-05-01T08:00:00.000Z',
      status: 'running',
      finishedAt: null,
      message: null,
      scope: scopeText({ url: A, email: 'a@example.com' }),
      uncertain: true,
    };
    const parsed = v.parse(OperationSchema, op);
    expect(parsed.scope).toBe(op.scope);
    expect(parsed.uncertain).toBe(true);
  });
});
