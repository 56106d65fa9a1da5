/**
 * The core with the real keytar adapter: against a real Secret Service when the test runner set
 * one up (scripts/test.mjs), and with a keytar that cannot load (the adapter's real error mapping),
 * where the core must say why and offer the session-only path.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppCore } from '../../src/main/core/app-core';
import { ManualScheduler, MemorySettingsPort, createTestPorts } from '../support/memory-ports';
import { KeytarSecretStore } from '../../src/main/secrets/keytar-store';
import { startSimulator } from '../../src/simulator/index';
import type { SimulatorHandle } from '../../src/simulator/types';
import { needTool } from '../support/tools';

const TOKEN = 'vps_SECRETtest_core_keychain';

let sim: SimulatorHandle | undefined;
const cores: AppCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop();
  await sim?.stop();
  sim = undefined;
});

async function boot(secrets: KeytarSecretStore, settings: MemorySettingsPort): Promise<AppCore> {
  const scheduler = new ManualScheduler();
  const core = new AppCore({ ...createTestPorts({ scheduler, settings }).ports, secrets });
  cores.push(core);
  await core.start();
  await core.settled();
  return core;
}

const skip = needTool('Secret Service keyring', () =>
  process.env['VPS_TEST_KEYRING'] === '1' && process.env['DBUS_SESSION_BUS_ADDRESS']
    ? null
    : 'not inside the dbus-run-session + gnome-keyring set up by scripts/test.mjs',
);

describe.skipIf(skip)('core with a real Secret Service', () => {
  it('stores the checked token, finds it after a restart, removes it on sign-out', async () => {
    sim = await startSimulator({ token: TOKEN });
    const secrets = new KeytarSecretStore(`VPS Snapshot Tray test ${randomUUID()}`);
    const settings = new MemorySettingsPort({
      settings: { ...new MemorySettingsPort().data.settings, apiBaseUrl: sim.url },
    });
    const first = await boot(secrets, settings);
    expect(first.getState().keychain.available).toBe(true);
    expect((await first.setToken({ token: TOKEN, sessionOnly: false })).ok).toBe(true);
    expect(await secrets.get(sim.url)).toBe(TOKEN);
    await first.stop();

    const second = await boot(secrets, settings);
    expect(second.getState().mode).toBe('account');
    expect(second.getState().servers.length).toBeGreaterThan(0);
    expect((await second.signOut()).ok).toBe(true);
    expect(await secrets.get(sim.url)).toBeNull();
  });
});

describe('core with a keychain that cannot load', () => {
  it('says why, keeps nothing, and works for the session only', async () => {
    sim = await startSimulator({ token: TOKEN });
    const broken = new KeytarSecretStore('VPS Snapshot Tray test', () =>
      Promise.reject(new Error("Cannot find module '../build/Release/keytar.node'")),
    );
    const settings = new MemorySettingsPort({
      settings: { ...new MemorySettingsPort().data.settings, apiBaseUrl: sim.url },
      session: { mode: 'account', email: 'ada@example.com' },
    });
    const core = await boot(broken, settings);
    expect(core.getState().mode).toBe('signed-out');
    expect(core.getState().keychain).toEqual({
      available: false,
      reason: 'the keychain library could not be loaded on this system',
    });
    const refused = await core.setToken({ token: TOKEN, sessionOnly: false });
    expect(refused.ok === false && refused.error.kind).toBe('keychain');
    expect(refused.ok === false && refused.error.message).toContain('could not be loaded');
    expect(core.getState().mode).toBe('signed-out');
    const kept = await core.setToken({ token: TOKEN, sessionOnly: true });
    expect(kept.ok).toBe(true);
    await core.settled();
    expect(core.getState().account.tokenStorage).toBe('session');
    expect(core.getState().servers.length).toBeGreaterThan(0);
    expect(JSON.stringify(settings.data)).not.toContain(TOKEN);
  });
});
