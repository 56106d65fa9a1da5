// The one dispatcher behind Electron's IPC and the preview's bridge, on its own: the order of its
// checks (a stranger's arguments are never read, an unknown name never reaches a handler), and a
// throwing action mapped to `internal` without the token. Both hosts' own tests
// (adapter-ipc, ipc-hostile, preview-server) drive it through their transports.
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_NAMES } from '../../src/shared/ipc';
import type { InvokeHandlers } from '../../src/shared/ipc';
import { ok, type Result } from '../../src/shared/result';
import { createDispatcher, isInvokeName, type IncomingCall } from '../../src/main/ipc-dispatch';

function setUp(throwing = false) {
  const calls: { name: string; payload: unknown }[] = [];
  const handlers = Object.fromEntries(
    INVOKE_NAMES.map((name) => [
      name,
      async (payload: unknown): Promise<Result<unknown>> => {
        calls.push({ name, payload });
        if (throwing) throw new Error('exploded holding vps_SECRETdispatch_1');
        return ok(name);
      },
    ]),
  ) as unknown as InvokeHandlers;
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const answered: unknown[] = [];
  const dispatch = createDispatcher({
    handlers,
    logger,
    logPrefix: 'test',
    onAnswered: (name, payload, result) => answered.push({ name, payload, result }),
  });
  return { dispatch, calls, logger, answered };
}

/** A call whose argument reads are counted. */
function call(name: string, args: unknown[], trusted = true): IncomingCall & { reads: number } {
  const c = {
    name,
    reads: 0,
    isTrusted: () => trusted,
    readArgs: () => {
      c.reads += 1;
      return ok(args);
    },
  };
  return c;
}

describe('the invoke dispatcher', () => {
  it('runs a trusted, valid call and reports it', async () => {
    const { dispatch, calls, answered } = setUp();
    const result = await dispatch(call('quickSnapshot', [{ serverId: 7 }]));
    expect(result).toEqual({ ok: true, value: 'quickSnapshot' });
    expect(calls).toEqual([{ name: 'quickSnapshot', payload: { serverId: 7 } }]);
    expect(answered).toEqual([{ name: 'quickSnapshot', payload: { serverId: 7 }, result }]);
  });

  it('refuses a stranger before reading anything else of the call', async () => {
    const { dispatch, calls, answered, logger } = setUp();
    const stranger = call('quickSnapshot', [{ serverId: 7 }], false);
    expect(await dispatch(stranger)).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(stranger.reads).toBe(0);
    expect(calls).toEqual([]);
    expect(answered).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    // Negative control: the same call from our page is read and answered.
    const ours = call('quickSnapshot', [{ serverId: 7 }]);
    expect((await dispatch(ours)).ok).toBe(true);
    expect(ours.reads).toBe(1);
  });

  it('answers an unknown name without reading its arguments, own names only', async () => {
    const { dispatch, calls } = setUp();
    for (const name of ['constructor', '__proto__', 'toString', 'getState/../signOut']) {
      const c = call(name, []);
      expect(await dispatch(c), name).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(c.reads).toBe(0);
      expect(isInvokeName(name)).toBe(false);
    }
    expect(isInvokeName('getState')).toBe(true);
    expect(calls).toEqual([]);
  });

  it('passes on a failure to read the arguments, unreported', async () => {
    const { dispatch, calls, answered } = setUp();
    const failure = { ok: false, error: { kind: 'validation', message: 'Invalid request to refresh: x' } };
    const result = await dispatch({
      name: 'refresh',
      isTrusted: () => true,
      readArgs: async () => failure as Result<readonly unknown[]>,
    });
    expect(result).toBe(failure);
    expect(calls).toEqual([]);
    expect(answered).toEqual([]);
  });

  it('stops a second argument and a payload off its schema before the action', async () => {
    const { dispatch, calls, answered } = setUp();
    expect(await dispatch(call('refresh', [undefined, 1]))).toMatchObject({ error: { kind: 'validation' } });
    expect(await dispatch(call('quickSnapshot', [{ serverId: -1 }]))).toMatchObject({
      error: { kind: 'validation' },
    });
    expect(calls).toEqual([]);
    expect(answered).toHaveLength(2);
  });

  it('maps a throwing action, or a throwing trust check, to internal without the token', async () => {
    const { dispatch, logger, answered } = setUp(true);
    const result = await dispatch(call('refresh', []));
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(answered).toEqual([{ name: 'refresh', payload: undefined, result }]);
    const logged = String(logger.error.mock.calls[0]?.[0]);
    expect(logged).toContain('test: refresh failed unexpectedly');
    expect(logged).not.toContain('vps_SECRETdispatch_1');
    const broken = await dispatch({
      name: 'refresh',
      isTrusted: () => {
        throw new Error('frame gone');
      },
      readArgs: () => ok([]),
    });
    expect(broken).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});
