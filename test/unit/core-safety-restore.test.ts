/**
 * The restore with a snapshot of the current state first (issue 13 §1), against the real simulator
 * with the manual clock: the restore is sent only once the safety snapshot has completed, exactly
 * once across restarts at every step, never when the safety snapshot failed or the app cannot tell
 * whether it exists, and the user is told. Each safety check has a negative control that shows the
 * same check failing when the rule is taken away.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Operation } from '../../src/shared/domain';
import { createHarness, type Harness, type HarnessOptions } from './core-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

async function started(options: HarnessOptions = {}): Promise<Harness> {
  const harness = await createHarness(options);
  h = harness;
  await harness.core.start();
  await harness.core.settled();
  return harness;
}

function value<T>(
  result: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } },
): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

/** Restore requests VPS.org received. */
function restoresSent(harness: Harness): number {
  return harness.requests.filter((r) => r.method === 'POST' && r.path.includes('restore')).length;
}

/** Create requests VPS.org received. */
function createsSent(harness: Harness): number {
  return harness.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/snapshots/')).length;
}

async function minutes(harness: Harness, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await harness.scheduler.advance(60_000);
  await harness.core.settled();
}

const WEB = { serverId: 12345, snapshotId: 801, confirmServerName: 'web-server-01' };

function safetyOf(harness: Harness): Operation | undefined {
  return harness.settings.data.operations.find((o) => o.safetyRestore !== undefined);
}

describe('a restore with a safety snapshot first', () => {
  it('takes the snapshot, restores only once it has completed, and records both steps', async () => {
    const harness = await started();
    const safety = value(await harness.core.restoreSnapshot({ ...WEB, safetySnapshot: true }));
    expect(safety).toMatchObject({
      kind: 'create',
      serverId: 12345,
      status: 'running',
      safetyRestore: { snapshotId: 801, step: 'waiting' },
    });
    expect(createsSent(harness)).toBe(1);
    expect(restoresSent(harness)).toBe(0);
    // While the snapshot runs, nothing is restored.
    await minutes(harness, 2);
    expect(restoresSent(harness)).toBe(0);
    await minutes(harness, 10);
    expect(safetyOf(harness)).toMatchObject({ status: 'succeeded', safetyRestore: { step: 'started' } });
    expect(restoresSent(harness)).toBe(1);
    const restore = harness.settings.data.operations.find((o) => o.kind === 'restore');
    expect(restore).toMatchObject({ flow: 'safety-restore', snapshotId: 801, status: 'running' });
    // The restore was asked for after the snapshot was listed complete.
    const made = harness.sim.snapshot().snapshots.find((s) => s.name === safety.snapshotName);
    expect(made?.status).toBe('completed');
    await minutes(harness, 30);
    expect(restoresSent(harness)).toBe(1);
    expect(harness.core.getState().operations.find((o) => o.kind === 'restore')?.status).toBe('succeeded');
    const history = value(await harness.core.getHistory());
    expect(history.map((e) => [e.kind, e.flow, e.result])).toEqual([
      ['restore', 'safety-restore', 'succeeded'],
      ['create', 'safety-restore', 'succeeded'],
    ]);
  });

  it('refuses at 5 of 5 (no free slot) and sends nothing', async () => {
    const harness = await started();
    const refused = await harness.core.restoreSnapshot({
      serverId: 12346,
      snapshotId: 781,
      confirmServerName: 'db-server-01',
      safetySnapshot: true,
    });
    expect(refused.ok === false && refused.error.kind).toBe('limit_reached');
    expect(createsSent(harness) + restoresSent(harness)).toBe(0);
  });

  it('refuses a wrong server name before taking the safety snapshot', async () => {
    const harness = await started();
    const refused = await harness.core.restoreSnapshot({
      ...WEB,
      confirmServerName: 'web',
      safetySnapshot: true,
    });
    expect(refused.ok).toBe(false);
    expect(createsSent(harness) + restoresSent(harness)).toBe(0);
  });
});

describe('the safety snapshot does not complete: no restore, and the user is told', () => {
  it('failed snapshot: the restore is never sent', async () => {
    const harness = await started({ simulator: { failureRate: 1 } });
    value(await harness.core.restoreSnapshot({ ...WEB, safetySnapshot: true }));
    await minutes(harness, 40);
    expect(restoresSent(harness)).toBe(0);
    expect(safetyOf(harness)).toMatchObject({
      status: 'failed',
      safetyRestore: { step: 'abandoned', abandoned: 'safetyFailed' },
    });
    const told = harness.notifier.shown.map((n) => n.title);
    expect(told).toContain('web-server-01: restore not started');
    const history = value(await harness.core.getHistory());
    expect(history[0]).toMatchObject({ kind: 'restore', flow: 'safety-restore', result: 'refused' });
    // Nothing more happens later.
    await minutes(harness, 30);
    expect(restoresSent(harness)).toBe(0);
  });

  it('create answer lost and never listed (cannot tell it exists): the restore is never sent', async () => {
    const harness = await started();
    harness.sim.setFaults({ drop: 1, only: 'POST /snapshots/' });
    value(await harness.core.restoreSnapshot({ ...WEB, safetySnapshot: true }));
    harness.sim.setFaults({});
    await minutes(harness, 40);
    expect(restoresSent(harness)).toBe(0);
    expect(safetyOf(harness)).toMatchObject({
      status: 'failed',
      safetyRestore: { step: 'abandoned', abandoned: 'safetyUnclear' },
    });
    expect(harness.notifier.shown.map((n) => n.title)).toContain('web-server-01: restore not started');
  });

  it('negative control: answer lost but the snapshot was made and completed: the restore is sent once', async () => {
    const harness = await started();
    harness.sim.setFaults({ dropAfterEffect: 1, only: 'POST /snapshots/' });
    value(await harness.core.restoreSnapshot({ ...WEB, safetySnapshot: true }));
    harness.sim.setFaults({});
    await minutes(harness, 40);
    expect(restoresSent(harness)).toBe(1);
    expect(safetyOf(harness)).toMatchObject({ status: 'succeeded', safetyRestore: { step: 'started' } });
  });

  it('the snapshot to restore was deleted meanwhile: the restore is not sent, the user is told', async () => {
    const harness = await started();
    value(await harness.core.restoreSnapshot({ ...WEB, safetySnapshot: true }));
    // The snapshot to restore is deleted while the safety snapshot runs.
    value(await harness.core.deleteSnapshot({ serverId: 12345, snapshotId: 801 }));
    await minutes(harness, 40);
    expect(restoresSent(harness)).toBe(0);
    expect(safetyOf(harness)?.safetyRestore).toMatchObject({
      step: 'abandoned',
      abandoned: 'restoreRefused',
    });
  });
});

describe('restarts at every step: the restore is sent at most once, never without a completed snapshot', () => {
  it('restart while the safety snapshot runs: the restore is sent once it completes', async () => {
    const harness = await started();
    value(await harness.core.restoreSnapshot({ ...WEB, safetySnapshot: true }));
    await minutes(harness, 1);
    await harness.core.stop();
    expect(safetyOf(harness)?.safetyRestore?.step).toBe('waiting');
    await harness.restart().start();
    await minutes(harness, 40);
    expect(restoresSent(harness)).toBe(1);
  });

  /** The operation as the settings file holds it at each step, for a restart from there. */
  function savedSafety(step: 'waiting' | 'sending' | 'started', status: Operation['status']): Operation {
    return {
      id: 'op-safety',
      kind: 'create',
      serverId: 12345,
      serverName: 'web-server-01',
      snapshotId: 801,
      snapshotName: 'pre-migration-snapshot',
      startedAt: '2026-03-02T08:40:00.000Z',
      status,
      finishedAt: status === 'running' ? null : '2026-03-02T08:48:00.000Z',
      message: null,
      ...(status === 'succeeded' ? { outcome: { type: 'created' as const, sizeMb: 5120 } } : {}),
      flow: 'safety-restore',
      source: 'window',
      safetyRestore: {
        snapshotId: 798,
        snapshotName: 'weekly-snapshot-2025-01-08',
        step,
        ...(step === 'started' ? { restoreOpId: 'op-restore' } : {}),
      },
    };
  }

  it('stopped after the snapshot completed, before the restore was sent: sent once at start', async () => {
    const harness = await started({
      persisted: { operations: [{ ...savedSafety('waiting', 'succeeded'), announced: false }] },
    });
    await minutes(harness, 1);
    expect(restoresSent(harness)).toBe(1);
    expect(safetyOf(harness)?.safetyRestore?.step).toBe('started');
    await minutes(harness, 30);
    expect(restoresSent(harness)).toBe(1);
  });

  it('stopped while sending (the app cannot tell whether it went out): never sent again, the server is watched', async () => {
    const harness = await started({ persisted: { operations: [savedSafety('sending', 'succeeded')] } });
    await minutes(harness, 40);
    expect(restoresSent(harness)).toBe(0);
    const watched = harness.settings.data.operations.find((o) => o.kind === 'restore');
    // Watched like a restore whose answer was lost: it ends saying it was not applied.
    expect(watched).toMatchObject({ flow: 'safety-restore', snapshotId: 798, status: 'failed' });
    expect(safetyOf(harness)?.safetyRestore?.step).toBe('started');
  });

  it('negative control: the same file one step earlier (waiting) does send the restore', async () => {
    const harness = await started({ persisted: { operations: [savedSafety('waiting', 'succeeded')] } });
    await minutes(harness, 2);
    expect(restoresSent(harness)).toBe(1);
  });

  // Both stop once the restore has finished, so the saved step is the only thing that can stop a
  // second restore (a running one would also be refused as "already being restored").
  it('stopped after the restore was sent: not sent again', async () => {
    const harness = await started();
    value(await harness.core.restoreSnapshot({ ...WEB, safetySnapshot: true }));
    await minutes(harness, 42);
    expect(restoresSent(harness)).toBe(1);
    await harness.core.stop();
    expect(safetyOf(harness)?.safetyRestore?.step).toBe('started');
    await harness.restart().start();
    await minutes(harness, 40);
    expect(restoresSent(harness)).toBe(1);
  });

  it('negative control: had the step not been saved as started, a restart would send it again', async () => {
    const harness = await started();
    value(await harness.core.restoreSnapshot({ ...WEB, safetySnapshot: true }));
    await minutes(harness, 42);
    await harness.core.stop();
    // The file as a version that did not save the step would leave it.
    harness.settings.data.operations = harness.settings.data.operations.map((o) =>
      o.safetyRestore ? { ...o, safetyRestore: { ...o.safetyRestore, step: 'waiting' } } : o,
    );
    await harness.restart().start();
    await minutes(harness, 40);
    expect(restoresSent(harness)).toBe(2);
  });

  it('stopped while the restore request failed with a lost answer: watched, never sent twice', async () => {
    const harness = await started();
    value(await harness.core.restoreSnapshot({ ...WEB, safetySnapshot: true }));
    harness.sim.setFaults({ drop: 1, only: 'POST /snapshots/{id}/restore/' });
    await minutes(harness, 12);
    harness.sim.setFaults({});
    const sent = restoresSent(harness);
    expect(sent).toBeLessThanOrEqual(1);
    await harness.core.stop();
    await harness.restart().start();
    await minutes(harness, 40);
    expect(restoresSent(harness)).toBe(sent);
    expect(harness.settings.data.operations.find((o) => o.kind === 'restore')?.uncertain).toBeDefined();
  });
});
