/**
 * A settings file the app cannot use, through the real electron-store adapter and the real core:
 * the core starts, the problem reaches the state (settingsProblem) and one notification, and the
 * user's entry on disk is left as it was. Only `electron` is replaced.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { AppCore } from '../../src/main/core/app-core';
import { createTestPorts } from '../support/memory-ports';
import { english, messagesText } from '../../src/shared/i18n';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { ElectronSettingsStore } = await import('../../src/main/settings/electron-settings');
const { default: Store } = await import('electron-store');

let dir: string;
let core: AppCore | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vps-core-settings-problem-'));
});

afterEach(async () => {
  await core?.stop();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

it('a folder where the settings file should be: the app starts, says so in the state, touches nothing', async () => {
  mkdirSync(join(dir, 'config.json'));
  const test = createTestPorts();
  core = new AppCore({ ...test.ports, settings: new ElectronSettingsStore({ Store, cwd: dir }) });
  await core.start();
  const state = core.getState();
  expect(state.mode).toBe('signed-out');
  expect(messagesText(state.settingsProblem ?? [], english())).toMatch(
    /could not be read\. There is a folder where the file should be\. It was left exactly as it is/,
  );
  expect(test.notifier.shown).toEqual([
    // Complete on its own and in the user's language; the details (a path, English) are in the window.
    { title: 'Problem with the settings file', body: expect.stringMatching(/^Some settings may be back/) },
  ]);
  expect((await core.updateSettings({ pollIntervalSeconds: 30 })).ok).toBe(true);
  expect(core.getState().settings.pollIntervalSeconds).toBe(30);
  expect(statSync(join(dir, 'config.json')).isDirectory()).toBe(true);
  expect(readdirSync(dir)).toEqual(['config.json']);
});

it('a damaged file: backed up, and the state says where the copy is', async () => {
  writeFileSync(join(dir, 'config.json'), '{"version": 1, "settings": {"pollIntervalSeconds": ');
  const test = createTestPorts();
  core = new AppCore({ ...test.ports, settings: new ElectronSettingsStore({ Store, cwd: dir }) });
  await core.start();
  const backup = readdirSync(dir).find((f) => f.includes('.corrupt-'));
  expect(backup).toBeDefined();
  expect(core.getState().settingsProblem).toContainEqual({
    code: 'settingsFile.backedUp',
    params: { backup },
  });
});
