/**
 * Restart recovery through the real settings file: the core persists a running snapshot with the
 * electron-store adapter, a new adapter and a new core read it back, and the snapshot is still
 * announced exactly once. The file never holds the token. Only `electron` is replaced.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { AppCore } from '../../src/main/core/app-core';
import { ManualScheduler, MemorySecretStore, createTestPorts } from '../support/memory-ports';
import { startSimulator } from '../../src/simulator/index';
import type { SimulatorHandle } from '../../src/simulator/types';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { ElectronSettingsStore } = await import('../../src/main/settings/electron-settings');
const { default: Store } = await import('electron-store');

const TOKEN = 'vps_SECRETtest_restart_file';

let dir: string;
let sim: SimulatorHandle;
let scheduler: ManualScheduler;
const cores: AppCore[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vps-core-restart-'));
  scheduler = new ManualScheduler(Date.parse('2026-05-01T08:00:00Z'));
  sim = await startSimulator({ token: TOKEN, now: () => scheduler.now(), random: () => 0.5 });
});

afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop();
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

function boot(secrets: MemorySecretStore, notifier = createTestPorts().notifier): AppCore {
  const settings = new ElectronSettingsStore({ Store, cwd: dir });
  const test = createTestPorts({ scheduler, secrets, notifier });
  const core = new AppCore({ ...test.ports, settings });
  cores.push(core);
  return core;
}

it('a running snapshot survives a restart through the settings file and is announced once', async () => {
  const secrets = new MemorySecretStore();
  const notifier = createTestPorts().notifier;
  const first = boot(secrets, notifier);
  await first.start();
  expect((await first.updateSettings({ apiBaseUrl: sim.url })).ok).toBe(true);
  expect((await first.setToken({ token: TOKEN, sessionOnly: false })).ok).toBe(true);
  await first.settled();
  const op = await first.quickSnapshot({ serverId: 12345 });
  if (!op.ok) throw new Error(op.error.message);
  await first.settled();
  await first.stop();

  const file = readFileSync(join(dir, 'config.json'), 'utf8');
  expect(file).not.toContain(TOKEN);
  expect(JSON.parse(file)).toMatchObject({
    session: { mode: 'account' },
    operations: [{ id: op.value.id, status: 'running', kind: 'create' }],
  });

  const second = boot(secrets, notifier);
  await second.start();
  await second.settled();
  expect(second.getState().mode).toBe('account');
  for (let i = 0; i < 12; i++) await scheduler.advance(60_000);
  expect(second.getState().operations[0]?.status).toBe('succeeded');
  expect(notifier.shown.map((n) => n.title)).toEqual(['Snapshot completed']);
  await second.stop();

  const third = boot(secrets, notifier);
  await third.start();
  await third.settled();
  await scheduler.advance(30 * 60_000);
  expect(notifier.shown).toHaveLength(1);
  expect(third.getState().operations[0]).toMatchObject({ id: op.value.id, status: 'succeeded' });
});
