/**
 * Policies through the core, the way the window sets them: validation (a bad policy changes
 * nothing), the run at its slot by the core's own timer against the simulator, the state the window
 * and tray read (next run, last result, automatic ids), quieter notifications, no request when the
 * settings file cannot be written, one catch-up on wake, and demo mode's faster clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppCore } from '../../src/main/core/app-core';
import { ScaledClock, systemTimeZone } from '../../src/main/core/policy/clock';
import { DEFAULT_POLICY, type SnapshotPolicy } from '../../src/shared/policy';
import type { Result } from '../../src/shared/result';
import { createTestPorts, simulatorDemo } from '../support/memory-ports';
import { createHarness, type Harness } from './core-harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const POSTS = 'POST /snapshots/';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

async function started(): Promise<Harness> {
  h = await createHarness();
  await h.core.start();
  await h.core.settled();
  return h;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

const daily = (at: string, more: Partial<SnapshotPolicy> = {}): SnapshotPolicy => ({
  ...DEFAULT_POLICY,
  schedule: { kind: 'daily', at },
  ...more,
});

describe('policies in the core', () => {
  it('refuses a bad policy, an unknown server and a signed-out user with a clear error, changing nothing', async () => {
    const harness = await started();
    const writes = harness.settings.writes.length;
    const bad = await harness.core.setPolicy({ serverId: 12345, policy: { ...daily('03:00'), keep: 5 } });
    expect(bad.ok === false && [bad.error.kind, bad.error.code]).toEqual(['invalid', 'core.policyInvalid']);
    if (!bad.ok) expect(bad.error.message).toMatch(/cannot be saved/);
    const badTime = await harness.core.setPolicy({
      serverId: 12345,
      policy: { ...DEFAULT_POLICY, schedule: { kind: 'daily', at: '25:00' } },
    });
    expect(badTime.ok).toBe(false);
    const unknown = await harness.core.setPolicy({ serverId: 999_999, policy: daily('03:00') });
    expect(unknown.ok === false && unknown.error.kind).toBe('not_found');
    expect(harness.settings.writes.length).toBe(writes);
    expect(harness.core.getState().policies).toEqual([]);
    value(await harness.core.signOut());
    const out = await harness.core.setPolicy({ serverId: 12345, policy: daily('03:00') });
    expect(out.ok === false && out.error.kind).toBe('not_signed_in');
  });

  it('runs at its slot by its own timer: auto- snapshot, shown as automatic, next run and last result, one notification', async () => {
    const harness = await started();
    value(await harness.core.setPolicy({ serverId: 12345, policy: daily('10:00', { keep: 2 }) }));
    const view = harness.core.getState().policies[0];
    expect(view?.nextRunAt).toBe('2026-03-02T10:00:00.000Z');
    expect(harness.settings.data.policies).toHaveLength(1);
    await harness.scheduler.advance(59 * MIN);
    expect(harness.sim.requestCounts()[POSTS] ?? 0).toBe(0);
    await harness.scheduler.advance(20 * MIN);
    await harness.core.settled();
    expect(harness.sim.requestCounts()[POSTS]).toBe(1);
    const made = harness.sim.snapshot().snapshots.find((s) => s.name.startsWith('auto-'));
    expect(made?.name).toBe('auto-web-server-01-20260302-1000');
    expect(made?.status).toBe('completed');
    const state = harness.core.getState();
    expect(state.automaticSnapshotIds).toEqual([made?.id]);
    expect(state.policies[0]?.lastResult).toMatchObject({ outcome: 'succeeded', code: 'created' });
    expect(state.policies[0]?.nextRunAt).toBe('2026-03-03T10:00:00.000Z');
    const notes = harness.notifier.shown.filter((n) => n.title.includes('automatic'));
    expect(notes).toEqual([
      {
        title: 'web-server-01: automatic snapshot made',
        body: 'Made auto-web-server-01-20260302-1000.',
        serverId: 12345,
      },
    ]);
    // The manual snapshots of the seed stay manual.
    expect(state.automaticSnapshotIds).not.toContain(801);
  });

  it('"only failures" keeps a success quiet, while a skip on a full server is always notified', async () => {
    const harness = await started();
    value(
      await harness.core.setPolicy({ serverId: 12345, policy: daily('10:00', { notify: 'failures-only' }) }),
    );
    await harness.scheduler.advance(90 * MIN);
    await harness.core.settled();
    expect(harness.core.getState().policies[0]?.lastResult?.code).toBe('created');
    expect(harness.notifier.shown.filter((n) => n.title.includes('automatic'))).toEqual([]);
    // Fill the server: 3 snapshots now, two more manual ones make 5.
    value(await harness.core.createSnapshot({ serverId: 12345, name: 'manual-a', description: '' }));
    value(await harness.core.createSnapshot({ serverId: 12345, name: 'manual-b', description: '' }));
    await harness.scheduler.advance(DAY);
    await harness.core.settled();
    expect(harness.core.getState().policies[0]?.lastResult).toMatchObject({
      outcome: 'skipped',
      code: 'no-free-slot',
    });
    const skip = harness.notifier.shown.filter((n) => n.title.includes('automatic'));
    expect(skip.map((n) => n.title)).toEqual(['web-server-01: automatic snapshot skipped']);
    expect(skip[0]?.body).toContain('All 5 snapshot slots of web-server-01 are in use');
  });

  it('sends no create while the settings file cannot be written (a crash could not know the run started)', async () => {
    const harness = await started();
    value(await harness.core.setPolicy({ serverId: 12345, policy: daily('10:00') }));
    const write = harness.settings.write.bind(harness.settings);
    harness.settings.write = () => {
      throw new Error('EACCES: permission denied');
    };
    await harness.scheduler.advance(2 * HOUR);
    await harness.core.settled();
    expect(harness.sim.requestCounts()[POSTS] ?? 0).toBe(0);
    expect(harness.core.getState().saveProblem).not.toBeNull();
    // Negative control: once the file is writable the same period runs.
    harness.settings.write = write;
    await harness.scheduler.advance(15 * MIN);
    await harness.core.settled();
    expect(harness.sim.requestCounts()[POSTS]).toBe(1);
  });

  it('after days asleep, one catch-up run shortly after the wake, not one per missed day', async () => {
    const harness = await started();
    value(await harness.core.setPolicy({ serverId: 12345, policy: daily('10:00', { keep: 3 }) }));
    await harness.scheduler.advance(2 * HOUR);
    await harness.core.settled();
    expect(harness.sim.requestCounts()[POSTS]).toBe(1);
    harness.scheduler.jump(3 * DAY);
    harness.core.resume();
    await harness.scheduler.advance(20_000);
    await harness.core.settled();
    expect(harness.sim.requestCounts()[POSTS]).toBe(2);
    await harness.scheduler.advance(2 * HOUR);
    await harness.core.settled();
    expect(harness.sim.requestCounts()[POSTS]).toBe(2);
  });
});

describe('the schedules’ clocks', () => {
  it('demo mode: the schedule clock runs at the simulator speed, so an hourly policy runs within minutes', async () => {
    const t = createTestPorts({ startDemo: simulatorDemo({ speed: 60 }) });
    const core = new AppCore(t.ports);
    try {
      await core.start();
      value(await core.startDemo());
      await core.settled();
      value(
        await core.setPolicy({
          serverId: 12345,
          policy: { ...DEFAULT_POLICY, schedule: { kind: 'every', hours: 1 } },
        }),
      );
      const next = Date.parse(core.getState().policies[0]?.nextRunAt ?? '');
      // Within an hour of schedule time, which is at most one minute of real time.
      expect(next - t.scheduler.now()).toBeLessThanOrEqual(HOUR);
      await t.scheduler.advance(61_000);
      await core.settled();
      expect(core.getState().policies[0]?.running || core.getState().policies[0]?.lastResult !== null).toBe(
        true,
      );
    } finally {
      await core.stop();
    }
  });

  it('ScaledClock: real time at factor 1; faster from its anchor; never jumps back when the factor changes', () => {
    const clock = new ScaledClock();
    expect(clock.now(1_000, 1)).toBe(1_000);
    expect(clock.now(2_000, 20)).toBe(2_000);
    expect(clock.now(3_000, 20)).toBe(22_000);
    expect(clock.now(4_000, 10)).toBe(42_000);
    expect(clock.now(5_000, 10)).toBe(52_000);
    expect(clock.realDelay(5_000, 10, 62_000)).toBe(1_000);
    expect(clock.realDelay(5_000, 10, 1)).toBe(0);
  });

  it('the zone is the system’s when valid, else UTC', () => {
    expect(systemTimeZone(() => 'Europe/Helsinki')).toBe('Europe/Helsinki');
    expect(systemTimeZone(() => 'Mars/Olympus')).toBe('UTC');
    expect(systemTimeZone(() => undefined)).toBe('UTC');
    expect(
      systemTimeZone(() => {
        throw new Error('no Intl');
      }),
    ).toBe('UTC');
  });
});
