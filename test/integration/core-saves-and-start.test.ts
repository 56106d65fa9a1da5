/**
 * Saves and start-up at their edges: a settings file that cannot be written (the outcome is still
 * announced once, and the user is told outcomes may repeat after a restart), a crash between saving
 * an operation's end and announcing it (announced at the next start, once), and a slow keychain
 * during start (the tray says it is starting and nothing acts, so "Try the demo" cannot wipe the
 * saved operations).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppCore, STILL_STARTING } from '../../src/main/core/app-core';
import type { PersistedData, Publish, SettingsPort } from '../../src/main/core/ports';
import { buildTrayModel } from '../../src/main/core/tray-menu';
import type { TrayMenuItem } from '../../src/main/core/tray-model';
import type { Operation } from '../../src/shared/domain';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import {
  MemorySecretStore,
  MemorySettingsPort,
  RecordingNotifier,
  createTestPorts,
  simulatorDemo,
} from '../support/memory-ports';
import { createHarness, type Harness } from '../unit/core-harness';
import { english } from '../../src/shared/i18n';

let h: Harness | null = null;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await h?.cleanup();
  h = null;
  for (const clean of cleanups.splice(0)) await clean();
});

const SAVE_ERROR = "EACCES: permission denied, open '/home/ada/.config/VPS Snapshot Tray/config.json'";

function finishedEvents(published: Harness['published']): Operation[] {
  return published.flatMap((p) => (p.event === 'operationFinished' ? [p.payload.operation] : []));
}

async function runToEnd(harness: Harness, core: AppCore): Promise<void> {
  const running = () => core.getState().operations.some((o) => o.status === 'running');
  for (let i = 0; i < 30 && running(); i++) await harness.scheduler.advance(60_000);
  await core.settled();
}

describe('a settings file that cannot be written', () => {
  it('still announces the finished operation once, and says once that outcomes may repeat after a restart', async () => {
    h = await createHarness();
    const harness = h;
    const write = harness.settings.write.bind(harness.settings);
    let failing = false;
    harness.settings.write = (patch) => {
      if (failing) throw new Error(SAVE_ERROR);
      write(patch);
    };
    await harness.core.start();
    await harness.core.settled();
    expect((await harness.core.quickSnapshot({ serverId: 12349 })).ok).toBe(true);
    await harness.core.settled();
    failing = true;
    await runToEnd(harness, harness.core);

    expect(harness.core.getState().operations[0]?.status).toBe('succeeded');
    expect(finishedEvents(harness.published)).toHaveLength(1);
    expect(harness.notifier.shown.map((n) => n.title)).toEqual([
      'Settings cannot be saved',
      'build-runner: snapshot completed',
    ]);
    const saveProblem = harness.core.getState().saveProblem;
    const problem = saveProblem && english().t(saveProblem.code, saveProblem.params);
    expect(problem).toContain(SAVE_ERROR);
    expect(problem).toMatch(/after a restart it may report some outcomes again/);
    expect(harness.notifier.shown[0]?.body).toBe(problem);
    // On disk the operation still runs: that is why it may be reported again after a restart.
    expect(harness.settings.data.operations[0]?.status).toBe('running');

    // Saving works again: the problem is gone from the state, and nothing more is said.
    failing = false;
    await harness.core.dismissOperation({ operationId: harness.core.getState().operations[0]?.id ?? '' });
    expect(harness.core.getState().saveProblem).toBeNull();
    expect(harness.notifier.shown).toHaveLength(2);
  });
});

describe('a crash between saving an end and announcing it', () => {
  it('the next start announces it, once; a further restart does not', async () => {
    h = await createHarness();
    const harness = h;
    await harness.core.start();
    await harness.core.settled();
    expect((await harness.core.quickSnapshot({ serverId: 12349 })).ok).toBe(true);
    await harness.core.settled();

    // The first process dies right after writing an operation's end: nothing after it happens.
    let alive = true;
    const shown: string[] = [];
    const events: string[] = [];
    const dying: SettingsPort = {
      read: () => harness.settings.read(),
      write: (patch) => {
        if (!alive) return;
        harness.settings.write(patch);
        if (patch.operations?.some((o) => o.status !== 'running')) alive = false;
      },
    };
    const publish: Publish = (event, payload) => {
      if (alive && event === 'operationFinished')
        events.push((payload as { operation: Operation }).operation.id);
    };
    await harness.core.stop();
    const first = new AppCore({
      ...harness.ports,
      settings: dying,
      publish,
      notifier: { show: (n) => void (alive && shown.push(n.title)) },
    });
    cleanups.push(() => first.stop());
    await first.start();
    await runToEnd(harness, first);
    expect(alive).toBe(false);
    expect(shown).toEqual([]);
    expect(events).toEqual([]);
    const saved = harness.settings.data.operations[0];
    expect(saved).toMatchObject({ status: 'succeeded', announced: false });
    await first.stop();

    const second = harness.restart();
    await second.start();
    expect(harness.notifier.shown.map((n) => n.title)).toEqual(['build-runner: snapshot completed']);
    expect(finishedEvents(harness.published).map((o) => o.id)).toEqual([saved?.id]);
    expect(harness.settings.data.operations[0]?.announced).toBeUndefined();
    await second.stop();

    const third = harness.restart();
    await third.start();
    await harness.scheduler.advance(60_000);
    expect(harness.notifier.shown).toHaveLength(1);
    expect(finishedEvents(harness.published)).toHaveLength(1);
  });
});

describe('start-up with a slow keychain', () => {
  it('the tray says it is starting and offers only Open and Quit; no action acts; saved operations stay', async () => {
    const ended: Operation = {
      id: 'op-saved',
      kind: 'create',
      serverId: 12345,
      serverName: 'web-server-01',
      snapshotId: 801,
      snapshotName: 'pre-migration-snapshot',
      startedAt: '2026-01-01T10:00:00.000Z',
      status: 'succeeded',
      finishedAt: '2026-01-01T10:05:00.000Z',
      message: 'Size: 5.0 GB.',
    };
    const persisted: Partial<PersistedData> = {
      operations: [ended],
      session: { mode: 'signed-out', email: null },
    };
    const settings = new MemorySettingsPort({ ...persisted, settings: { ...DEFAULT_SETTINGS } });
    const secrets = new MemorySecretStore();
    let answerKeychain: () => void = () => undefined;
    const prompt = new Promise<void>((resolve) => (answerKeychain = resolve));
    const read = secrets.get.bind(secrets);
    secrets.get = async (account) => {
      await prompt;
      return read(account);
    };
    const test = createTestPorts({
      settings,
      secrets,
      notifier: new RecordingNotifier(),
      startDemo: simulatorDemo(),
    });
    const core = new AppCore(test.ports);
    cleanups.push(() => core.stop());

    const labels = (items: readonly TrayMenuItem[]) =>
      items.flatMap((i) => (i.kind === 'item' ? [i.label] : []));
    expect(core.getState().starting).toBe(true);
    expect(labels(buildTrayModel(core.getState(), Date.now()).items)).toEqual([
      'Starting…',
      'Open VPS Snapshot Tray',
      'Quit',
    ]);
    const starting = core.start();
    await new Promise((resolve) => setImmediate(resolve));
    // The keychain prompt is still open: still starting, and the demo is refused.
    expect(core.getState().starting).toBe(true);
    expect(labels(buildTrayModel(core.getState(), Date.now()).items)).not.toContain('Try the demo');
    expect(await core.startDemo()).toEqual({ ok: false, error: STILL_STARTING });
    expect(settings.data.operations).toEqual([ended]);

    answerKeychain();
    await starting;
    const state = core.getState();
    expect(state.starting).toBe(false);
    expect(state.operations.map((o) => o.id)).toEqual(['op-saved']);
    expect(labels(buildTrayModel(state, Date.now()).items)).toContain('Try the demo');
    expect(test.published.filter((p) => p.event === 'state').at(-1)?.payload).toEqual(state);
  });
});
