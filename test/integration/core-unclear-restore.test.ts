/**
 * A restore whose answer is lost: the core reads the server, and when VPS.org is restoring it the
 * restore is tracked like any other (one notification when it ends). When the restore did not
 * start, the failure is reported and nothing is tracked. When the server cannot be read either,
 * nobody knows: it is tracked as uncertain (never "try again" for a destructive action).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/main/api/errors';
import type { AppCore } from '../../src/main/core/app-core';
import { createTestPorts, type ManualScheduler, type TestPorts } from '../support/memory-ports';
import type { SimulatorHandle } from '../../src/simulator/types';
import { createHarness, type Harness } from '../unit/core-harness';

let h: Harness;
let sim: SimulatorHandle;
let scheduler: ManualScheduler;
let core: AppCore;
let test: TestPorts;
/** When true, every getServer fails like a 503 (the simulator's faults match one route at a time). */
let serverReadsFail = false;

beforeEach(async () => {
  serverReadsFail = false;
  const real = createTestPorts().ports.createClient;
  h = await createHarness({
    simulator: { seed: 'demo' },
    client: {
      createClient: (options) => {
        const client = real(options);
        return {
          ...client,
          getServer: (id, signal) =>
            serverReadsFail
              ? Promise.reject(new ApiError('server', 503, 'VPS.org is having trouble.'))
              : client.getServer(id, signal),
        };
      },
    },
  });
  ({ sim, scheduler, core } = h);
  test = h;
  await core.start();
  await core.settled();
});

afterEach(() => h.cleanup());

function restore801() {
  return core.restoreSnapshot({ serverId: 12345, snapshotId: 801, confirmServerName: 'web-server-01' });
}

function restores() {
  return core.getState().operations.filter((o) => o.kind === 'restore');
}

describe('restore whose answer is lost', () => {
  it('after the effect: tracked as running, then announced exactly once when it ends', async () => {
    sim.setFaults({ dropAfterEffect: 1, only: 'POST /snapshots/{id}/restore/' });
    const result = await restore801();
    sim.setFaults({});
    expect(sim.snapshot().servers.find((s) => s.id === 12345)?.status).toBe('restoring');
    if (!result.ok) throw new Error(`restore reported failure: ${result.error.message}`);
    expect(result.value).toMatchObject({ kind: 'restore', status: 'running', serverId: 12345 });
    expect(restores()).toHaveLength(1);
    expect(core.getState().servers.find((e) => e.server.id === 12345)?.server.status).toBe('restoring');

    for (let i = 0; i < 40 && restores()[0]?.status === 'running'; i++) await scheduler.advance(60_000);
    expect(restores()[0]?.status).toBe('succeeded');
    await scheduler.advance(30 * 60_000);
    const announced = test.published.filter((p) => p.event === 'operationFinished');
    expect(announced).toHaveLength(1);
    expect(test.notifier.shown.map((n) => n.title)).toEqual([expect.stringMatching(/restore/i)]);
  });

  it('before the effect: the failure is reported and nothing is tracked', async () => {
    sim.setFaults({ drop: 1, only: 'POST /snapshots/{id}/restore/' });
    const result = await restore801();
    sim.setFaults({});
    expect(sim.snapshot().servers.find((s) => s.id === 12345)?.status).not.toBe('restoring');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('network');
    expect(restores()).toHaveLength(0);
  });

  it('after the effect but the server cannot be read: tracked as uncertain, then confirmed and announced once', async () => {
    sim.setFaults({ dropAfterEffect: 1, only: 'POST /snapshots/{id}/restore/' });
    // The server cannot be read either: the outcome is unknown, so the core watches, never "try again".
    serverReadsFail = true;
    const result = await restore801();
    sim.setFaults({});
    expect(sim.snapshot().servers.find((s) => s.id === 12345)?.status).toBe('restoring');
    if (!result.ok) throw new Error(`restore reported failure: ${result.error.message}`);
    expect(result.value).toMatchObject({ kind: 'restore', status: 'running', uncertain: true });
    // The views say "may have started; the app is checking" from `uncertain`, never "try again".
    expect(result.value.message).toBeNull();
    expect(restores()).toHaveLength(1);
    // A second restore is refused while the first one's outcome is unknown.
    const again = await restore801();
    expect(again.ok).toBe(false);
    await scheduler.advance(60_000);
    expect(restores()[0]?.status).toBe('running');

    serverReadsFail = false;
    await scheduler.advance(1_000);
    await core.settled();
    for (let i = 0; i < 40 && restores()[0]?.status === 'running'; i++) await scheduler.advance(60_000);
    expect(restores()[0]).toMatchObject({ status: 'succeeded', uncertain: false });
    await scheduler.advance(30 * 60_000);
    expect(test.published.filter((p) => p.event === 'operationFinished')).toHaveLength(1);
    expect(test.notifier.shown.map((n) => n.title)).toEqual([expect.stringMatching(/restore/i)]);
  });

  it('before the effect and the server cannot be read: watched, then reported as not confirmed', async () => {
    sim.setFaults({ drop: 1, only: 'POST /snapshots/{id}/restore/' });
    serverReadsFail = true;
    const result = await restore801();
    sim.setFaults({});
    serverReadsFail = false;
    expect(sim.snapshot().servers.find((s) => s.id === 12345)?.status).not.toBe('restoring');
    if (!result.ok) throw new Error(`restore reported failure: ${result.error.message}`);
    for (let i = 0; i < 10 && restores()[0]?.status === 'running'; i++) await scheduler.advance(60_000);
    expect(restores()[0]?.status).toBe('failed');
    expect(restores()[0]?.outcome).toMatchObject({ type: 'restoreUnconfirmed' });
    expect(test.published.filter((p) => p.event === 'operationFinished')).toHaveLength(1);
  });
});
