/**
 * A create whose answer is lost while the snapshot list cannot be read either (so the client's own
 * follow-up lookup fails too): the core tracks it by name, announces it once when it ends, refuses
 * a retry that would make a second snapshot, and says plainly when it never appeared. (The late
 * effect, where the snapshot is listed only after the answer, is in core-late-create.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/main/core/app-core';
import { UNCLEAR_CREATE_GRACE_MS } from '../../src/main/core/operations';
import type { ManualScheduler, TestPorts } from '../support/memory-ports';
import type { SimulatorHandle } from '../../src/simulator/types';
import { createHarness, type Harness } from '../unit/core-harness';

let h: Harness;
let sim: SimulatorHandle;
let scheduler: ManualScheduler;
let core: AppCore;
let test: TestPorts;
/** When true, every GET of a snapshot list fails like a dropped connection. */
let listsFail = false;

beforeEach(async () => {
  listsFail = false;
  const failingFetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? 'GET';
    if (listsFail && method === 'GET' && new URL(url).pathname.endsWith('/snapshots/')) {
      throw new TypeError('fetch failed');
    }
    return fetch(input, init);
  };
  h = await createHarness({
    simulator: { seed: 'demo' },
    client: { clientOptions: { fetch: failingFetch } },
  });
  ({ sim, scheduler, core } = h);
  test = h;
  await core.start();
  await core.settled();
});

afterEach(() => h.cleanup());

function creates() {
  return core.getState().operations.filter((o) => o.kind === 'create');
}

function simSnapshotsOf12345() {
  return sim.snapshot().snapshots.filter((s) => String(s.server.id) === '12345');
}

describe('create whose answer is lost and cannot be looked up', () => {
  it('after the effect: tracked once, announced once when it ends, a retry makes no second snapshot', async () => {
    const before = simSnapshotsOf12345().length;
    sim.setFaults({ dropAfterEffect: 1, only: 'POST /snapshots/' });
    listsFail = true;
    const result = await core.quickSnapshot({ serverId: 12345 });
    sim.setFaults({});
    expect(simSnapshotsOf12345()).toHaveLength(before + 1);
    if (!result.ok) throw new Error(`create reported failure: ${result.error.message}`);
    expect(result.value).toMatchObject({
      kind: 'create',
      status: 'running',
      snapshotId: null,
      uncertain: true,
    });
    // No words of the core's own: each view says "checking whether it started" from `uncertain`.
    expect(result.value.message).toBeNull();
    expect(creates()).toHaveLength(1);

    // The user retries while the list still cannot be read: refused with the reason, never "try again".
    const retry = await core.quickSnapshot({ serverId: 12345 });
    expect(retry.ok).toBe(false);
    if (!retry.ok) {
      expect(retry.error.message).toMatch(/already checking whether a snapshot named/);
      expect(retry.error.message).not.toMatch(/try again/i);
    }

    listsFail = false;
    await core.refresh();
    // Now VPS.org shows it: no longer uncertain, and it learned its snapshot id.
    expect(creates()[0]).toMatchObject({ status: 'running', uncertain: false });
    expect(creates()[0]?.snapshotId).not.toBeNull();
    for (let i = 0; i < 60 && creates()[0]?.status === 'running'; i++) await scheduler.advance(60_000);
    await core.settled();
    expect(creates()).toHaveLength(1);
    expect(creates()[0]).toMatchObject({ status: 'succeeded', uncertain: false });

    // The lost answer never caused a second snapshot.
    expect(simSnapshotsOf12345()).toHaveLength(before + 1);
    await scheduler.advance(30 * 60_000);
    expect(test.published.filter((p) => p.event === 'operationFinished')).toHaveLength(1);
    expect(test.notifier.shown.filter((n) => /snapshot/i.test(n.title))).toHaveLength(1);
  });

  it('before the effect: watched, then reported as not taken effect, once', async () => {
    const before = simSnapshotsOf12345().length;
    sim.setFaults({ drop: 1, only: 'POST /snapshots/' });
    listsFail = true;
    const result = await core.quickSnapshot({ serverId: 12345 });
    sim.setFaults({});
    listsFail = false;
    expect(simSnapshotsOf12345()).toHaveLength(before);
    if (!result.ok) throw new Error(`create reported failure: ${result.error.message}`);
    for (let i = 0; i < 10 && creates()[0]?.status === 'running'; i++) await scheduler.advance(60_000);
    expect(creates()[0]?.status).toBe('failed');
    expect(creates()[0]?.outcome).toEqual({ type: 'notApplied', minutes: 5 });
    expect(test.published.filter((p) => p.event === 'operationFinished')).toHaveLength(1);
  });

  it('a clear refusal from VPS.org (a 4xx answer) is reported as it is, and nothing is tracked', async () => {
    // Someone else filled the server meanwhile: the app's list still shows room, VPS.org answers 400.
    const free = 5 - simSnapshotsOf12345().length;
    sim.addSnapshots(
      Array.from({ length: free }, (_, i) => ({
        server: { id: 12345, name: 'web-server-01' },
        name: `made-elsewhere-${i}`,
        status: 'completed',
        size_mb: 1024,
        created_at: '2026-03-02T08:00:00Z',
        description: '',
      })),
    );
    const posts = () => test.requests.filter((r) => r.method === 'POST').length;
    const before = posts();
    const result = await core.createSnapshot({ serverId: 12345, name: 'one-too-many', description: '' });
    // It did reach VPS.org: the refusal is the API's 4xx, not the app's own check.
    expect(posts()).toBe(before + 1);
    expect(result.ok === false && result.error.kind).toBe('limit_reached');
    expect(creates()).toHaveLength(0);
    expect(simSnapshotsOf12345().some((s) => s.name === 'one-too-many')).toBe(false);
    expect(test.published.filter((p) => p.event === 'operationFinished')).toHaveLength(0);
  });

  it('a 5xx is never a plain failure: watched, then after the grace period reported as safe to try again', async () => {
    sim.setFaults({ serverError: 1, only: 'POST /snapshots/' });
    const result = await core.createSnapshot({ serverId: 12345, name: 'clear-failure', description: '' });
    sim.setFaults({});
    if (!result.ok) throw new Error(`create reported failure: ${result.error.message}`);
    expect(result.value).toMatchObject({ status: 'running', uncertain: true, snapshotId: null });
    await scheduler.advance(UNCLEAR_CREATE_GRACE_MS - 60_000);
    expect(creates()[0]?.status).toBe('running');
    await scheduler.advance(2 * 60_000);
    expect(creates()[0]).toMatchObject({ status: 'failed' });
    expect(creates()[0]?.outcome).toEqual({ type: 'notApplied', minutes: 5 });
    expect(simSnapshotsOf12345().some((s) => s.name === 'clear-failure')).toBe(false);
    // Now the same name is the user's to take again, and it makes exactly one.
    const again = await core.createSnapshot({ serverId: 12345, name: 'clear-failure', description: '' });
    expect(again.ok).toBe(true);
    expect(simSnapshotsOf12345().filter((s) => s.name === 'clear-failure')).toHaveLength(1);
  });
});
