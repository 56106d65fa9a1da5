/**
 * A restore whose answer is lost: VPS.org may have started it (now or a little later), so the core
 * tracks it as uncertain and watches the server on the documented server list. It ends once, as
 * finished when the server was seen restoring and then left it, or, when VPS.org never showed it
 * restoring, after the documented 15 minutes plus a margin with "could not confirm, check the
 * server" (never "try again" for a destructive action whose outcome nobody knows).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RESTORE_CONFIRM_MS } from '../../src/main/core/operations';
import type { SimulatorOptions } from '../../src/simulator/types';
import { createHarness, type Harness } from '../unit/core-harness';

let h: Harness;

afterEach(() => h.cleanup());

async function harness(simulator: Omit<SimulatorOptions, 'now' | 'token'> = {}): Promise<Harness> {
  h = await createHarness({ simulator: { seed: 'demo', ...simulator } });
  await h.core.start();
  await h.core.settled();
  return h;
}

function restore801() {
  return h.core.restoreSnapshot({ serverId: 12345, snapshotId: 801, confirmServerName: 'web-server-01' });
}

function restores() {
  return h.core.getState().operations.filter((o) => o.kind === 'restore');
}

function simStatus(): string | undefined {
  return h.sim.snapshot().servers.find((s) => s.id === 12345)?.status;
}

async function untilFinished(minutes = 40): Promise<void> {
  for (let i = 0; i < minutes && restores()[0]?.status === 'running'; i++) await h.scheduler.advance(60_000);
  await h.core.settled();
}

function announced(): number {
  return h.published.filter((p) => p.event === 'operationFinished').length;
}

describe('restore whose answer is lost', () => {
  it('after the effect: tracked as uncertain, confirmed when seen restoring, announced once when it ends', async () => {
    await harness();
    h.sim.setFaults({ dropAfterEffect: 1, only: 'POST /snapshots/{id}/restore/' });
    const result = await restore801();
    h.sim.setFaults({});
    expect(simStatus()).toBe('restoring');
    if (!result.ok) throw new Error(`restore reported failure: ${result.error.message}`);
    expect(result.value).toMatchObject({ kind: 'restore', status: 'running', uncertain: true });
    // No words of the core's own: each view says "checking whether it started" from `uncertain`.
    expect(result.value.message).toBeNull();
    await h.core.settled();
    expect(restores()[0]).toMatchObject({ status: 'running', uncertain: false, seenRestoring: true });
    // A second restore is refused while the first runs.
    expect((await restore801()).ok).toBe(false);

    await untilFinished();
    expect(restores()[0]).toMatchObject({
      status: 'succeeded',
      outcome: { type: 'restored', serverStatus: 'active' },
    });
    await h.scheduler.advance(30 * 60_000);
    expect(announced()).toBe(1);
    expect(h.notifier.shown.map((n) => n.title)).toEqual([expect.stringMatching(/restore/i)]);
  });

  it('its effect lands late (a 504), on an API without GET /servers/{id}/: confirmed later, announced once', async () => {
    await harness({ noServerRead: true, restoreStopsFirstMs: 20_000 });
    h.sim.setFaults({ lateEffect: 1, lateEffectAnswer: 'gatewayTimeout', lateEffectMs: 8_000 });
    const result = await restore801();
    h.sim.setFaults({});
    expect(simStatus()).toBe('active');
    if (!result.ok) throw new Error(`restore reported failure: ${result.error.message}`);
    expect(result.value).toMatchObject({ status: 'running', uncertain: true });
    await h.scheduler.advance(20_000);
    expect(simStatus()).toBe('stopped');
    expect(restores()[0]).toMatchObject({ status: 'running', uncertain: true });
    await untilFinished();
    expect(restores()[0]).toMatchObject({ status: 'succeeded', uncertain: false });
    expect(announced()).toBe(1);
    expect(h.sim.requestCounts()['GET /servers/{id}/'] ?? 0).toBe(0);
  });

  it('before the effect: watched, then after 15 minutes plus a margin "could not confirm", once', async () => {
    await harness();
    h.sim.setFaults({ drop: 1, only: 'POST /snapshots/{id}/restore/' });
    const result = await restore801();
    h.sim.setFaults({});
    expect(simStatus()).toBe('active');
    if (!result.ok) throw new Error(`restore reported failure: ${result.error.message}`);
    expect(result.value).toMatchObject({ status: 'running', uncertain: true });
    await h.scheduler.advance(RESTORE_CONFIRM_MS - 60_000);
    expect(restores()[0]?.status).toBe('running');
    await untilFinished(5);
    expect(restores()[0]?.status).toBe('failed');
    expect(restores()[0]?.outcome).toMatchObject({ type: 'restoreUnconfirmed' });
    await h.scheduler.advance(30 * 60_000);
    expect(announced()).toBe(1);
  });
});
