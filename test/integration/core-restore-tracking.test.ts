/**
 * Restores tracked on the documented endpoints alone, against a simulator that behaves as the
 * documentation allows but our assumptions did not: the server shows `stopped` for a while before
 * `restoring` (it is stopped first), and `GET /servers/{id}/` (never published) does not exist.
 * A restore ends once, only after the server was seen restoring and then left it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatorOptions } from '../../src/simulator/types';
import { createHarness, type Harness } from '../unit/core-harness';

let h: Harness;
afterEach(() => h.cleanup());

const STOPPED_FIRST_MS = 90_000;

async function restoreWith(simulator: Omit<SimulatorOptions, 'now' | 'token'>): Promise<void> {
  h = await createHarness({ simulator: { seed: 'demo', ...simulator } });
  await h.core.start();
  await h.core.settled();
  const started = await h.core.restoreSnapshot({
    serverId: 12345,
    snapshotId: 801,
    confirmServerName: 'web-server-01',
  });
  if (!started.ok) throw new Error(started.error.message);
  await h.core.settled();
}

const restore = () => h.core.getState().operations.find((o) => o.kind === 'restore');
const simStatus = () => h.sim.snapshot().servers.find((s) => s.id === 12345)?.status;

async function untilFinished(): Promise<void> {
  for (let i = 0; i < 40 && restore()?.status === 'running'; i++) await h.scheduler.advance(60_000);
  await h.scheduler.advance(30 * 60_000);
}

function expectEndedOnce(): void {
  expect(restore()).toMatchObject({ status: 'succeeded', message: 'web-server-01 is active again.' });
  expect(h.published.filter((p) => p.event === 'operationFinished')).toHaveLength(1);
  expect(h.notifier.shown.map((n) => n.title)).toEqual(['Restore finished']);
}

describe('restore tracking', () => {
  it('a server that shows stopped before restoring: not finished until it was restoring and left it', async () => {
    await restoreWith({ restoreStopsFirstMs: STOPPED_FIRST_MS });
    expect(simStatus()).toBe('stopped');
    // Polls while it is stopped (the kick right after the request and a minute of ticks) end nothing.
    await h.scheduler.advance(STOPPED_FIRST_MS - 10_000);
    expect(restore()).toMatchObject({ status: 'running' });
    expect(restore()?.seenRestoring).toBeUndefined();
    expect(h.core.getState().servers.find((e) => e.server.id === 12345)?.server.status).toBe('stopped');
    await h.scheduler.advance(20_000);
    expect(simStatus()).toBe('restoring');
    expect(restore()).toMatchObject({ status: 'running', seenRestoring: true });
    await untilFinished();
    expectEndedOnce();
  });

  it('an API without GET /servers/{id}/: tracked on the server list, never a 404 taken for "gone"', async () => {
    await restoreWith({ noServerRead: true });
    await untilFinished();
    expectEndedOnce();
    expect(h.sim.requestCounts()['GET /servers/{id}/'] ?? 0).toBe(0);
  });

  it('both at once', async () => {
    await restoreWith({ noServerRead: true, restoreStopsFirstMs: STOPPED_FIRST_MS });
    await untilFinished();
    expectEndedOnce();
    expect(h.sim.requestCounts()['GET /servers/{id}/'] ?? 0).toBe(0);
  });
});
