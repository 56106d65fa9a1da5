// keytar against a REAL Secret Service (gnome-keyring in a private D-Bus session, set up by
// scripts/test.mjs, which sets VPS_TEST_KEYRING=1), and the no-keychain path in a child process
// with no session bus and no display: the error a user without a keychain sees.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppCore } from '../../src/main/core/app-core';
import { KeychainUnavailableError } from '../../src/main/core/ports';
import { KeytarSecretStore } from '../../src/main/secrets/keytar-store';
import { needTool } from '../support/tools';
import { createHarness, TEST_TOKEN } from '../unit/core-harness';

const skip = needTool('Secret Service keyring', () =>
  process.env['VPS_TEST_KEYRING'] === '1' && process.env['DBUS_SESSION_BUS_ADDRESS']
    ? null
    : 'not inside the dbus-run-session + gnome-keyring set up by scripts/test.mjs',
);

describe.skipIf(skip)('KeytarSecretStore with a real Secret Service', () => {
  // A unique service per run: nothing from another run (or the user) is touched.
  const store = new KeytarSecretStore(`VPS Snapshot Tray test ${randomUUID()}`);
  const account = 'https://admin.vps.org/api/v1/';

  it('stores, reads, replaces and removes a token', async () => {
    expect(await store.get(account)).toBeNull();
    await store.set(account, 'vps_first_token');
    expect(await store.get(account)).toBe('vps_first_token');
    await store.set(account, 'vps_second_token');
    expect(await store.get(account)).toBe('vps_second_token');
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(await store.delete(account)).toBe(false);
  });

  it('lists the accounts that hold a token (names only), so sign-out can remove them all', async () => {
    const listing = new KeytarSecretStore(`VPS Snapshot Tray test ${randomUUID()}`);
    expect(await listing.accounts()).toEqual([]);
    await listing.set('https://a.example/api/v1/', 'vps_list_a');
    await listing.set('https://b.example/api/v1/', 'vps_list_b');
    const accounts = await listing.accounts();
    expect([...accounts].sort()).toEqual(['https://a.example/api/v1/', 'https://b.example/api/v1/']);
    expect(JSON.stringify(accounts)).not.toContain('vps_list_');
    for (const a of accounts) await listing.delete(a);
    expect(await listing.accounts()).toEqual([]);
  });

  it('signing out of the app removes every token it stored, for every API address', async () => {
    const service = `VPS Snapshot Tray test ${randomUUID()}`;
    const keychain = new KeytarSecretStore(service);
    const h = await createHarness({ storedToken: false });
    try {
      await keychain.set(h.sim.url, TEST_TOKEN);
      await keychain.set('https://admin.vps.org/api/v1/', 'vps_SECRETtest_other_address');
      const core = new AppCore({ ...h.ports, secrets: keychain });
      await core.start();
      await core.settled();
      expect(core.getState().mode).toBe('account');
      expect(await core.signOut()).toEqual({ ok: true, value: null });
      expect(await keychain.accounts()).toEqual([]);
      expect(await keychain.get('https://admin.vps.org/api/v1/')).toBeNull();
      await core.stop();
    } finally {
      for (const a of await keychain.accounts()) await keychain.delete(a);
      await h.cleanup();
    }
  });

  it('keeps accounts apart', async () => {
    await store.set('https://a.example/api/v1/', 'vps_a');
    await store.set('https://b.example/api/v1/', 'vps_b');
    expect(await store.get('https://a.example/api/v1/')).toBe('vps_a');
    expect(await store.get('https://b.example/api/v1/')).toBe('vps_b');
    await store.delete('https://a.example/api/v1/');
    await store.delete('https://b.example/api/v1/');
  });
});

describe('KeytarSecretStore without a keychain', () => {
  it('fails with KeychainUnavailableError and a plain reason when there is no session bus', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['DBUS_SESSION_BUS_ADDRESS'];
    delete env['DISPLAY'];
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/integration/keychain-probe.ts'], {
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.status, child.stderr).toBe(0);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(result).toMatchObject({ ok: false, name: 'KeychainUnavailableError', isKeychainError: true });
    expect(result['reason']).toMatch(/no desktop session bus/);
    // The user sees a sentence, not D-Bus jargon, and never the secret.
    expect(result['message']).not.toMatch(/X11|\$DISPLAY/);
    expect(result['message']).not.toContain('vps_probe_secret');
  });

  it('turns a keytar that cannot load into KeychainUnavailableError, and retries loading later', async () => {
    let loads = 0;
    const store = new KeytarSecretStore('test', () => {
      loads += 1;
      return Promise.reject(new Error('Cannot find module ../build/Release/keytar.node'));
    });
    const error = await store.get('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect((error as KeychainUnavailableError).reason).toBe(
      'the keychain library could not be loaded on this system',
    );
    await expect(store.set('x', 'vps_never_plain_text')).rejects.toBeInstanceOf(KeychainUnavailableError);
    expect(loads).toBe(2);
  });
});
