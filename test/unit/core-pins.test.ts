/**
 * Pins against the real simulator with a controlled clock: kept per account scope and snapshot
 * id, shown in the state for the current scope only, persisted and read back after a restart, a
 * pinned snapshot's delete refused without the second confirmation, pins of deleted snapshots
 * pruned after a full refresh, and a new demo starting with none. Also the demo time scale.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createVpsClient } from '../../src/main/api/client';
import { AppCore } from '../../src/main/core/app-core';
import { scopeText } from '../../src/main/core/scope';
import type { Result } from '../../src/shared/result';
import { createTestPorts, simulatorDemo } from '../support/memory-ports';
import { createHarness, TEST_TOKEN, type Harness } from './core-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

async function started(options: Parameters<typeof createHarness>[0] = {}): Promise<Harness> {
  h = await createHarness(options);
  await h.core.start();
  await h.core.settled();
  return h;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

describe('pins', () => {
  it('pins a snapshot of the account in use: in the state, persisted by scope, read back after a restart', async () => {
    const harness = await started();
    expect(harness.core.getState().pinnedSnapshotIds).toEqual([]);
    value(await harness.core.setPinned({ serverId: 12345, snapshotId: 801, pinned: true }));
    expect(harness.core.getState().pinnedSnapshotIds).toEqual([801]);
    const scope = scopeText({ url: harness.sim.url, email: 'ada@example.com' });
    expect(harness.settings.data.pins).toEqual([{ scope, snapshotId: 801 }]);
    // Pinning twice keeps one pin.
    value(await harness.core.setPinned({ serverId: 12345, snapshotId: 801, pinned: true }));
    expect(harness.settings.data.pins).toHaveLength(1);

    await harness.core.stop();
    const again = harness.restart();
    await again.start();
    await again.settled();
    expect(again.getState().pinnedSnapshotIds).toEqual([801]);
    value(await again.setPinned({ serverId: 12345, snapshotId: 801, pinned: false }));
    expect(again.getState().pinnedSnapshotIds).toEqual([]);
    expect(harness.settings.data.pins).toEqual([]);
  });

  it('refuses to pin a snapshot that does not exist or belongs to another server, and when signed out', async () => {
    const harness = await started();
    const missing = await harness.core.setPinned({ serverId: 12345, snapshotId: 99_999, pinned: true });
    expect(missing.ok === false && missing.error.kind).toBe('not_found');
    const other = await harness.core.setPinned({ serverId: 12346, snapshotId: 801, pinned: true });
    expect(other.ok === false && other.error.kind).toBe('not_found');
    expect(harness.settings.data.pins).toEqual([]);
    value(await harness.core.signOut());
    const out = await harness.core.setPinned({ serverId: 12345, snapshotId: 801, pinned: true });
    expect(out.ok === false && out.error.kind).toBe('not_signed_in');
  });

  it('shows only the current scope’s pins; another account’s stay stored and untouched', async () => {
    const otherScope = scopeText({ url: 'https://admin.vps.org/api/v1/', email: 'bob@example.com' });
    const harness = await started({ persisted: { pins: [{ scope: otherScope, snapshotId: 801 }] } });
    expect(harness.core.getState().pinnedSnapshotIds).toEqual([]);
    value(await harness.core.setPinned({ serverId: 12345, snapshotId: 798, pinned: true }));
    expect(harness.core.getState().pinnedSnapshotIds).toEqual([798]);
    expect(harness.settings.data.pins.map((p) => p.scope).sort()).toEqual(
      [otherScope, scopeText({ url: harness.sim.url, email: 'ada@example.com' })].sort(),
    );
    // A full refresh prunes only this scope's pins: the other account's snapshot ids are not ours to judge.
    value(await harness.core.refresh());
    expect(harness.settings.data.pins.some((p) => p.scope === otherScope)).toBe(true);
  });

  it('refuses to delete a pinned snapshot without the second confirmation, and deletes it with it', async () => {
    const harness = await started();
    value(await harness.core.setPinned({ serverId: 12345, snapshotId: 801, pinned: true }));
    const deletesBefore = harness.requests.filter((r) => r.method === 'DELETE').length;
    const refused = await harness.core.deleteSnapshot({ serverId: 12345, snapshotId: 801 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.kind).toBe('refused');
      expect(refused.error.code).toBe('core.deletePinned');
      expect(refused.error.message).toContain('pinned');
    }
    const notConfirmed = await harness.core.deleteSnapshot({
      serverId: 12345,
      snapshotId: 801,
      confirmPinned: false,
    });
    expect(notConfirmed.ok).toBe(false);
    expect(harness.requests.filter((r) => r.method === 'DELETE').length).toBe(deletesBefore);
    expect(harness.sim.snapshot().snapshots.some((s) => s.id === 801)).toBe(true);

    value(await harness.core.deleteSnapshot({ serverId: 12345, snapshotId: 801, confirmPinned: true }));
    expect(harness.sim.snapshot().snapshots.some((s) => s.id === 801)).toBe(false);
    // The pin went with its snapshot.
    expect(harness.core.getState().pinnedSnapshotIds).toEqual([]);
    expect(harness.settings.data.pins).toEqual([]);
  });

  it('an unpinned snapshot deletes without the second confirmation', async () => {
    const harness = await started();
    value(await harness.core.deleteSnapshot({ serverId: 12345, snapshotId: 801 }));
    expect(harness.sim.snapshot().snapshots.some((s) => s.id === 801)).toBe(false);
  });

  it('prunes pins of snapshots deleted elsewhere after a full refresh, not before', async () => {
    const harness = await started();
    value(await harness.core.setPinned({ serverId: 12345, snapshotId: 801, pinned: true }));
    value(await harness.core.setPinned({ serverId: 12345, snapshotId: 798, pinned: true }));
    const dashboard = createVpsClient({ baseUrl: harness.sim.url, token: TEST_TOKEN });
    await dashboard.deleteSnapshot(801);
    expect(harness.core.getState().pinnedSnapshotIds).toEqual([801, 798]);
    value(await harness.core.refresh());
    expect(harness.core.getState().pinnedSnapshotIds).toEqual([798]);
    expect(harness.settings.data.pins.map((p) => p.snapshotId)).toEqual([798]);
  });

  it('a failed refresh prunes nothing (an incomplete list proves nothing)', async () => {
    const harness = await started();
    value(await harness.core.setPinned({ serverId: 12345, snapshotId: 801, pinned: true }));
    await createVpsClient({ baseUrl: harness.sim.url, token: TEST_TOKEN }).deleteSnapshot(801);
    harness.sim.setFaults({ serverError: 1, only: 'GET /servers/' });
    const failed = await harness.core.refresh();
    expect(failed.ok).toBe(false);
    expect(harness.core.getState().pinnedSnapshotIds).toEqual([801]);
    harness.sim.setFaults({});
    value(await harness.core.refresh());
    expect(harness.core.getState().pinnedSnapshotIds).toEqual([]);
  });
});

describe('demo: pins start afresh and the time scale is the simulator speed', () => {
  it('a new demo drops the last demo’s pins; the schedule factor is the speed in demo mode, 1 otherwise', async () => {
    const t = createTestPorts({ startDemo: simulatorDemo({ speed: 30 }) });
    const core = new AppCore(t.ports);
    try {
      await core.start();
      value(await core.startDemo());
      await core.settled();
      value(await core.setPinned({ serverId: 12345, snapshotId: 801, pinned: true }));
      expect(core.getState().pinnedSnapshotIds).toEqual([801]);
      expect(t.settings.data.pins).toEqual([{ scope: 'demo', snapshotId: 801 }]);
      expect(core.demoTimeScale()).toBe(30);
      await core.stop();

      // The next start restarts the demo from its seed: its snapshot 801 is not the one pinned.
      const next = new AppCore(t.ports);
      await next.start();
      await next.settled();
      expect(next.getState().mode).toBe('demo');
      expect(next.getState().pinnedSnapshotIds).toEqual([]);
      expect(t.settings.data.pins).toEqual([]);
      value(await next.signOut());
      expect(next.demoTimeScale()).toBe(1);
      await next.stop();
    } finally {
      await core.stop();
    }
  });
});
