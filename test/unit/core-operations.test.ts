/**
 * Actions and operation tracking against the real simulator with a controlled clock: quick
 * snapshots from the template, refusals with reasons, tracking to the end with exactly one
 * notification, restarts in the middle, restores, deletes and dismissing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Operation } from '../../src/shared/domain';
import { createVpsClient } from '../../src/main/api/client';
import { AppCore } from '../../src/main/core/app-core';
import { createHarness, TEST_TOKEN, type Harness } from './core-harness';

let h: Harness;
afterEach(async () => {
  await h?.cleanup();
});

async function started(options: Parameters<typeof createHarness>[0] = {}): Promise<Harness> {
  h = await createHarness(options);
  await h.core.start();
  await h.core.settled();
  return h;
}

function value<T>(
  result: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } },
): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

function posts(harness: Harness): number {
  return harness.requests.filter((r) => r.method === 'POST').length;
}

function finishedEvents(harness: Harness): Operation[] {
  return harness.published.flatMap((p) => (p.event === 'operationFinished' ? [p.payload.operation] : []));
}

describe('core actions', () => {
  it('quick snapshot names from the template, unique among the server snapshots', async () => {
    await started();
    const first = value(await h.core.quickSnapshot({ serverId: 12345 }));
    expect(first.snapshotName).toBe('web-server-01-20260302-0900');
    expect(first).toMatchObject({ kind: 'create', status: 'running', serverName: 'web-server-01' });
    await h.core.settled();
    const second = value(await h.core.quickSnapshot({ serverId: 12345 }));
    expect(second.snapshotName).toBe('web-server-01-20260302-0900-2');
    const names = h.sim.snapshot().snapshots.map((s) => s.name);
    expect(names).toContain('web-server-01-20260302-0900');
    expect(names).toContain('web-server-01-20260302-0900-2');
    // Shown at once, newest first, and persisted.
    const entry = h.core.getState().servers[0];
    expect(entry?.snapshots[0]?.status).toBe('in_progress');
    expect(h.settings.data.operations.map((o) => o.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('uses a changed template', async () => {
    await started();
    value(await h.core.updateSettings({ nameTemplate: 'pre-update-{id}-{yyyyMMdd}' }));
    const op = value(await h.core.quickSnapshot({ serverId: 12345 }));
    expect(op.snapshotName).toBe('pre-update-12345-20260302');
    const bad = await h.core.updateSettings({ nameTemplate: 'no placeholders' });
    expect(bad.ok === false && bad.error.kind).toBe('validation');
    expect(h.core.getState().settings.nameTemplate).toBe('pre-update-{id}-{yyyyMMdd}');
  });

  it('names a quick snapshot in local time (the clock on screen), and in UTC only when asked', async () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Kolkata';
      await started();
      // 09:00 UTC is 14:30 in Kolkata.
      const local = value(await h.core.quickSnapshot({ serverId: 12345 }));
      expect(local.snapshotName).toBe('web-server-01-20260302-1430');
      value(await h.core.updateSettings({ nameTemplate: '{server}-{utc:yyyyMMdd-HHmm}' }));
      const utc = value(await h.core.quickSnapshot({ serverId: 12347 }));
      expect(utc.snapshotName).toBe('staging-01-20260302-0900');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('refuses a template with an unknown placeholder, naming it, and keeps the old one', async () => {
    await started();
    const before = h.core.getState().settings.nameTemplate;
    const bad = await h.core.updateSettings({ nameTemplate: '{server}-{foo}' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.kind).toBe('validation');
      expect(bad.error.message).toContain('{foo}');
    }
    expect(h.core.getState().settings.nameTemplate).toBe(before);
    expect(h.settings.data.settings.nameTemplate).toBe(before);
  });

  it('refuses a 6th snapshot with the count, without asking VPS.org', async () => {
    await started();
    const result = await h.core.quickSnapshot({ serverId: 12346 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('limit_reached');
      expect(result.error.message).toContain('db-server-01 already has 5 of 5 snapshots');
    }
    const manual = await h.core.createSnapshot({ serverId: 12346, name: 'one-more', description: '' });
    expect(manual.ok === false && manual.error.kind).toBe('limit_reached');
    expect(posts(h)).toBe(0);
  });

  it('at the limit, looks again before refusing: a snapshot deleted elsewhere frees the slot', async () => {
    await started();
    const dashboard = createVpsClient({ baseUrl: h.sim.url, token: TEST_TOKEN });
    await dashboard.deleteSnapshot(781);
    const op = value(await h.core.quickSnapshot({ serverId: 12346 }));
    expect(op.serverName).toBe('db-server-01');
    expect(h.sim.snapshot().snapshots.filter((s) => s.server.id === 12346)).toHaveLength(5);
  });

  it('a double click makes one snapshot', async () => {
    await started();
    const [a, b] = await Promise.all([
      h.core.quickSnapshot({ serverId: 12349 }),
      h.core.quickSnapshot({ serverId: 12349 }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = a.ok ? b : a;
    expect(refused.ok === false && refused.error.message).toMatch(/already on its way/);
    expect(h.sim.snapshot().snapshots.filter((s) => s.server.id === 12349)).toHaveLength(1);
    // Once the first is through, another click works (and gets a unique name).
    const third = value(await h.core.quickSnapshot({ serverId: 12349 }));
    expect(third.snapshotName).toMatch(/-2$/);
  });

  it('refuses bad names and duplicate names before any request', async () => {
    await started();
    const bad = await h.core.createSnapshot({ serverId: 12345, name: 'my snapshot!', description: '' });
    expect(bad.ok === false && bad.error).toMatchObject({ kind: 'validation' });
    if (!bad.ok) expect(bad.error.message).toContain('space');
    const dup = await h.core.createSnapshot({
      serverId: 12345,
      name: 'pre-migration-snapshot',
      description: '',
    });
    expect(dup.ok === false && dup.error.kind).toBe('validation');
    expect(posts(h)).toBe(0);
  });

  it('creates with a description', async () => {
    await started();
    const op = value(
      await h.core.createSnapshot({
        serverId: 12345,
        name: 'before-update-snapshot',
        description: 'Snapshot before system update',
      }),
    );
    expect(op.snapshotId).toBe(802);
    const sim = h.sim.snapshot().snapshots.find((s) => s.id === 802);
    expect(sim).toMatchObject({
      name: 'before-update-snapshot',
      description: 'Snapshot before system update',
    });
  });

  it('refuses restores that cannot succeed, each with its reason', async () => {
    await started();
    const wrongName = await h.core.restoreSnapshot({
      serverId: 12345,
      snapshotId: 801,
      confirmServerName: 'Web-server-01',
    });
    expect(wrongName.ok === false && wrongName.error.message).toMatch(/type the server's name exactly/);
    const suspended = await h.core.restoreSnapshot({
      serverId: 12348,
      snapshotId: 792,
      confirmServerName: 'legacy-app',
    });
    expect(suspended.ok === false && suspended.error.message).toMatch(/suspended/);
    const failedSnap = await h.core.restoreSnapshot({
      serverId: 12347,
      snapshotId: 791,
      confirmServerName: 'staging-01',
    });
    expect(failedSnap.ok === false && failedSnap.error.message).toMatch(/Only completed snapshots/);
    const inProgress = value(await h.core.quickSnapshot({ serverId: 12345 }));
    await h.core.settled();
    const notDone = await h.core.restoreSnapshot({
      serverId: 12345,
      snapshotId: inProgress.snapshotId ?? -1,
      confirmServerName: 'web-server-01',
    });
    expect(notDone.ok === false && notDone.error.message).toMatch(/still being created/);
    expect(h.requests.filter((r) => r.path.includes('restore'))).toHaveLength(0);

    value(
      await h.core.restoreSnapshot({ serverId: 12345, snapshotId: 801, confirmServerName: 'web-server-01' }),
    );
    await h.core.settled();
    const twice = await h.core.restoreSnapshot({
      serverId: 12345,
      snapshotId: 798,
      confirmServerName: 'web-server-01',
    });
    expect(twice.ok === false && twice.error.message).toMatch(/already being restored/);
    expect(h.requests.filter((r) => r.path.includes('restore'))).toHaveLength(1);
    // The restore's source snapshot cannot be deleted under it.
    const source = await h.core.deleteSnapshot({ serverId: 12345, snapshotId: 801 });
    expect(source.ok === false && source.error.message).toMatch(
      /being restored from snapshot "pre-migration-snapshot"/,
    );
    expect(h.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    expect(h.sim.snapshot().snapshots.map((s) => s.id)).toContain(801);
  });

  it('refuses to delete a snapshot in progress, deletes a finished one', async () => {
    await started();
    const op = value(await h.core.quickSnapshot({ serverId: 12345 }));
    await h.core.settled();
    const refused = await h.core.deleteSnapshot({ serverId: 12345, snapshotId: op.snapshotId ?? -1 });
    expect(refused.ok === false && refused.error.kind).toBe('refused');
    expect(h.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    value(await h.core.deleteSnapshot({ serverId: 12345, snapshotId: 798 }));
    expect(h.core.getState().servers[0]?.snapshots.map((s) => s.id)).not.toContain(798);
    expect(h.sim.snapshot().snapshots.map((s) => s.id)).not.toContain(798);
    const gone = await h.core.deleteSnapshot({ serverId: 12345, snapshotId: 798 });
    expect(gone.ok === false && gone.error.kind).toBe('not_found');
  });
});

describe('core operation tracking', () => {
  it('follows a snapshot to completion and notifies exactly once', async () => {
    await started();
    const op = value(await h.core.quickSnapshot({ serverId: 12345 }));
    await h.core.settled();
    for (let i = 0; i < 12; i++) await h.scheduler.advance(60_000);
    const done = h.core.getState().operations.find((o) => o.id === op.id);
    expect(done?.status).toBe('succeeded');
    expect(h.notifier.shown).toHaveLength(1);
    const note = h.notifier.shown[0];
    expect(note?.title).toBe('Snapshot completed');
    expect(note?.body).toContain(op.snapshotName);
    expect(note?.body).toContain('web-server-01');
    expect(note?.body).toMatch(/\d+(\.\d)? GB/);
    expect(note?.body).toMatch(/after \d+ (s|min)/);
    expect(note?.serverId).toBe(12345);
    expect(finishedEvents(h).map((o) => o.id)).toEqual([op.id]);
    expect(h.settings.data.operations.find((o) => o.id === op.id)?.status).toBe('succeeded');
    // More time, more polls: no second notification.
    await h.scheduler.advance(60 * 60_000);
    expect(h.notifier.shown).toHaveLength(1);
    expect(finishedEvents(h)).toHaveLength(1);
  });

  it('survives a restart in the middle and still notifies exactly once', async () => {
    await started();
    const op = value(await h.core.quickSnapshot({ serverId: 12349 }));
    await h.core.settled();
    await h.scheduler.advance(60_000);
    await h.core.stop();
    expect(h.settings.data.operations.find((o) => o.id === op.id)?.status).toBe('running');

    const second = h.restart();
    await second.start();
    await second.settled();
    expect(second.getState().operations.find((o) => o.id === op.id)?.status).toBe('running');
    for (let i = 0; i < 12; i++) await h.scheduler.advance(60_000);
    expect(second.getState().operations.find((o) => o.id === op.id)?.status).toBe('succeeded');
    expect(h.notifier.shown.map((n) => n.title)).toEqual(['Snapshot completed']);

    // A third run after the end announces nothing again.
    await second.stop();
    const third = h.restart();
    await third.start();
    await third.settled();
    await h.scheduler.advance(30 * 60_000);
    expect(h.notifier.shown).toHaveLength(1);
    expect(third.getState().operations.find((o) => o.id === op.id)?.status).toBe('succeeded');
  });

  it('a snapshot that finished while the app was closed is announced once on the next start', async () => {
    await started();
    const op = value(await h.core.quickSnapshot({ serverId: 12349 }));
    await h.core.settled();
    await h.core.stop();
    await h.scheduler.advance(20 * 60_000);
    const second = h.restart();
    await second.start();
    await second.settled();
    expect(second.getState().operations.find((o) => o.id === op.id)?.status).toBe('succeeded');
    expect(h.notifier.shown).toHaveLength(1);
  });

  it('reports a failed snapshot', async () => {
    await started({ simulator: { failureRate: 1 } });
    const op = value(await h.core.quickSnapshot({ serverId: 12349 }));
    await h.core.settled();
    for (let i = 0; i < 12; i++) await h.scheduler.advance(60_000);
    expect(h.core.getState().operations.find((o) => o.id === op.id)?.status).toBe('failed');
    expect(h.notifier.shown).toHaveLength(1);
    expect(h.notifier.shown[0]?.title).toBe('Snapshot failed');
    expect(h.notifier.shown[0]?.body).toContain(op.snapshotName);
    expect(h.notifier.shown[0]?.body).toContain('"failed"');
  });

  it('follows a restore to its end and records the server status before it', async () => {
    await started();
    const op = value(
      await h.core.restoreSnapshot({ serverId: 12345, snapshotId: 801, confirmServerName: 'web-server-01' }),
    );
    expect(op).toMatchObject({
      kind: 'restore',
      previousServerStatus: 'active',
      snapshotName: 'pre-migration-snapshot',
    });
    expect(h.core.getState().servers[0]?.server.status).toBe('restoring');
    await h.core.settled();
    for (let i = 0; i < 16; i++) await h.scheduler.advance(60_000);
    const done = h.core.getState().operations.find((o) => o.id === op.id);
    expect(done?.status).toBe('succeeded');
    expect(done?.message).toContain('web-server-01 is active again');
    expect(h.notifier.shown).toHaveLength(1);
    expect(h.notifier.shown[0]?.title).toBe('Restore finished');
    expect(h.notifier.shown[0]?.body).toContain(
      'web-server-01 was restored from snapshot "pre-migration-snapshot"',
    );
    expect(h.core.getState().servers[0]?.server.status).toBe('active');
  });

  it('with notifications off: no notification, but the finished event still goes to the views', async () => {
    await started({ settings: { notifications: false } });
    const op = value(await h.core.quickSnapshot({ serverId: 12349 }));
    await h.core.settled();
    for (let i = 0; i < 12; i++) await h.scheduler.advance(60_000);
    expect(h.notifier.shown).toHaveLength(0);
    expect(finishedEvents(h).map((o) => o.id)).toEqual([op.id]);
  });

  it('a failing notifier or view does not stop tracking', async () => {
    h = await createHarness();
    let publishes = 0;
    const core = new AppCore({
      ...h.ports,
      notifier: {
        show: () => {
          throw new Error('notification daemon gone');
        },
      },
      publish: () => {
        publishes++;
        throw new Error('window destroyed');
      },
    });
    await core.start();
    await core.settled();
    const op = value(await core.quickSnapshot({ serverId: 12349 }));
    await core.settled();
    for (let i = 0; i < 12; i++) await h.scheduler.advance(60_000);
    expect(core.getState().operations.find((o) => o.id === op.id)?.status).toBe('succeeded');
    expect(h.settings.data.operations.find((o) => o.id === op.id)?.status).toBe('succeeded');
    expect(publishes).toBeGreaterThan(3);
    expect(h.logs.some((l) => l.includes('notification failed'))).toBe(true);
    await core.stop();
  });

  it('dismisses finished operations only', async () => {
    await started();
    const op = value(await h.core.quickSnapshot({ serverId: 12349 }));
    const early = await h.core.dismissOperation({ operationId: op.id });
    expect(early.ok === false && early.error.kind).toBe('refused');
    await h.core.settled();
    for (let i = 0; i < 12; i++) await h.scheduler.advance(60_000);
    value(await h.core.dismissOperation({ operationId: op.id }));
    expect(h.core.getState().operations).toEqual([]);
    expect(h.settings.data.operations).toEqual([]);
  });
});
