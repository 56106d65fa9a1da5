/**
 * Operations belong to the API address and account they were started on. After a switch of
 * address they wait untouched (no false "no longer listed" failure from the other API), and when
 * the user switches back they resume and are announced exactly once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppCore } from '../../src/main/core/app-core';
import {
  ManualScheduler,
  MemorySecretStore,
  MemorySettingsPort,
  createTestPorts,
  type TestPorts,
} from '../support/memory-ports';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { startSimulator, type SimulatorHandle } from '../../src/simulator/index';

const TOKEN_A = 'vps_SECRETtest_scope_A';
const TOKEN_B = 'vps_SECRETtest_scope_B';
let simA: SimulatorHandle;
let simB: SimulatorHandle;
let scheduler: ManualScheduler;
let settings: MemorySettingsPort;
let core: AppCore;
let test: TestPorts;

beforeEach(async () => {
  scheduler = new ManualScheduler(Date.parse('2026-05-01T08:00:00Z'));
  const now = () => scheduler.now();
  simA = await startSimulator({ token: TOKEN_A, seed: 'demo', now, random: () => 0.5 });
  simB = await startSimulator({ token: TOKEN_B, seed: 'demo', now, random: () => 0.5 });
  settings = new MemorySettingsPort({ settings: { ...DEFAULT_SETTINGS, apiBaseUrl: simA.url } });
  test = createTestPorts({ scheduler, settings, secrets: new MemorySecretStore() });
  core = new AppCore(test.ports);
  await core.start();
  // Keep a token for each address, the way a user who used both would have.
  expect((await core.updateSettings({ apiBaseUrl: simB.url })).ok).toBe(true);
  expect((await core.setToken({ token: TOKEN_B, sessionOnly: false })).ok).toBe(true);
  expect((await core.updateSettings({ apiBaseUrl: simA.url })).ok).toBe(true);
  expect((await core.setToken({ token: TOKEN_A, sessionOnly: false })).ok).toBe(true);
  await core.settled();
});

afterEach(async () => {
  await core.stop();
  await simA.stop();
  await simB.stop();
});

function finishedAnnouncements() {
  return test.published.filter((p) => p.event === 'operationFinished');
}

describe('operations across a change of API address', () => {
  it('wait while another address is in use, then resume and are announced once', async () => {
    const started = await core.quickSnapshot({ serverId: 12345 });
    if (!started.ok) throw new Error(started.error.message);
    const id = started.value.id;
    expect(started.value.scope).toBeDefined();

    expect((await core.updateSettings({ apiBaseUrl: simB.url })).ok).toBe(true);
    await core.settled();
    // Long enough for the snapshot at A to finish and for B to be polled many times.
    for (let i = 0; i < 30; i++) await scheduler.advance(60_000);
    await core.settled();
    expect(finishedAnnouncements()).toHaveLength(0);
    expect(test.notifier.shown).toHaveLength(0);
    expect(core.getState().operations.find((o) => o.id === id)).toBeUndefined();
    expect(settings.data.operations.find((o) => o.id === id)?.status).toBe('running');

    expect((await core.updateSettings({ apiBaseUrl: simA.url })).ok).toBe(true);
    await core.settled();
    for (let i = 0; i < 5 && core.getState().operations[0]?.status !== 'succeeded'; i++) {
      await scheduler.advance(60_000);
    }
    await core.settled();
    expect(core.getState().operations.find((o) => o.id === id)?.status).toBe('succeeded');
    await scheduler.advance(30 * 60_000);
    expect(finishedAnnouncements()).toHaveLength(1);
    expect(test.notifier.shown).toHaveLength(1);
  });
});

describe('operations across a change of account on the same address', () => {
  it('wait while another account is signed in, then resume and are announced once', async () => {
    // One address, two accounts: account B's token is served by the second simulator, and its
    // account reads as another email.
    await core.stop();
    const real = createTestPorts().ports.createClient;
    const accounts = createTestPorts({
      scheduler,
      settings: new MemorySettingsPort({ settings: { ...DEFAULT_SETTINGS, apiBaseUrl: simA.url } }),
      createClient: (options) => {
        if (options.token !== TOKEN_B) return real(options);
        const client = real({ ...options, baseUrl: simB.url });
        return {
          ...client,
          getAccount: async (signal) => ({ ...(await client.getAccount(signal)), email: 'b@example.com' }),
        };
      },
    });
    test = accounts;
    core = new AppCore(accounts.ports);
    await core.start();
    expect((await core.setToken({ token: TOKEN_A, sessionOnly: true })).ok).toBe(true);
    await core.settled();
    const started = await core.quickSnapshot({ serverId: 12345 });
    if (!started.ok) throw new Error(started.error.message);
    const id = started.value.id;

    expect((await core.setToken({ token: TOKEN_B, sessionOnly: true })).ok).toBe(true);
    await core.settled();
    for (let i = 0; i < 30; i++) await scheduler.advance(60_000);
    await core.settled();
    expect(finishedAnnouncements()).toHaveLength(0);
    expect(core.getState().operations.find((o) => o.id === id)).toBeUndefined();

    expect((await core.setToken({ token: TOKEN_A, sessionOnly: true })).ok).toBe(true);
    await core.settled();
    for (let i = 0; i < 5 && core.getState().operations[0]?.status !== 'succeeded'; i++) {
      await scheduler.advance(60_000);
    }
    await core.settled();
    expect(core.getState().operations.find((o) => o.id === id)?.status).toBe('succeeded');
    await scheduler.advance(30 * 60_000);
    expect(finishedAnnouncements()).toHaveLength(1);
    expect(accounts.notifier.shown).toHaveLength(1);
  });
});
