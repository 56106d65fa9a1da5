// The electron-store SettingsPort against real files in a temp folder: first run, round trip,
// every kind of damage (backup kept, problem reported, defaults used, valid operations kept) and
// the 0 -> 1 migration. Only `electron` is replaced (electron-store reads app paths from it).
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { PolicyEntry } from '../../src/main/core/policy/policy-data';
import type { Operation } from '../../src/shared/domain';
import type { HistoryEntry } from '../../src/shared/history';
import { needTool } from '../support/tools';
import { CATALOGS, english, isMessageKey, messagesText, placeholders } from '../../src/shared/i18n';
import type { CatalogMessage } from '../../src/shared/state';

/** Messages whose code is not in the catalogs or whose parameters are not its placeholders. */
function malformed(problem: readonly CatalogMessage[]): CatalogMessage[] {
  return problem.filter(
    (m) =>
      !isMessageKey(m.code) ||
      placeholders(CATALOGS.en[m.code]).join() !==
        Object.keys(m.params ?? {})
          .sort()
          .join(),
  );
}

/** A problem the store reported, worded in English as the window would (each message well-formed). */
function said(problem: readonly CatalogMessage[] | null): string | null {
  if (problem === null) return null;
  expect(malformed(problem)).toEqual([]);
  return messagesText(problem, english());
}

it('a problem message with a missing, extra or unknown parameter, or an unknown code, is caught (negative control)', () => {
  const good: CatalogMessage = { code: 'settingsFile.backedUp', params: { backup: 'x.bak' } };
  const missing: CatalogMessage = { code: 'settingsFile.backedUp' };
  const extra: CatalogMessage = { code: 'settingsFile.hadProblems', params: { path: '/x' } };
  const unknown = { code: 'settingsFile.gone' } as unknown as CatalogMessage;
  expect(malformed([good, missing, extra, unknown])).toEqual([missing, extra, unknown]);
});

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { ElectronSettingsStore } = await import('../../src/main/settings/electron-settings');
const { default: Store } = await import('electron-store');
const { fake } = await import('../support/fake-electron');

const FIXED_NOW = () => new Date('2026-11-22T10:00:00.000Z');
const BACKUP_NAME = 'config.json.corrupt-2026-11-22T10-00-00-000Z.bak';

const goodOperation: Operation = {
  id: 'op-1',
  kind: 'create',
  serverId: 101,
  serverName: 'web-1',
  snapshotId: 5001,
  snapshotName: 'web-1-20261122-0950',
  startedAt: '2026-11-22T09:50:00.000Z',
  status: 'running',
  finishedAt: null,
  message: null,
};

const goodEntry: HistoryEntry = {
  id: 'op-0',
  at: '2026-11-22T09:40:00.000Z',
  startedAt: '2026-11-22T09:30:00.000Z',
  kind: 'restore',
  source: 'tray',
  serverId: 101,
  serverName: 'web-1',
  snapshotId: 4001,
  snapshotName: 'web-1-20261121-0900',
  result: 'succeeded',
  outcome: { type: 'restored', serverStatus: 'active', previousStatus: 'stopped' },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vps-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => join(dir, 'config.json');
const validFileForLate = {
  version: 1,
  settings: { ...DEFAULT_SETTINGS },
  operations: [],
  session: { mode: 'signed-out', email: null },
  pins: [],
  policies: [],
  autoSnapshots: [],
  history: [],
  windowBounds: null,
};
const SCOPE = '["https://admin.vps.org/api/v1","a@example.com"]';
const goodPolicy: PolicyEntry = {
  scope: SCOPE,
  serverId: 12345,
  policy: { schedule: { kind: 'daily', at: '03:00' }, keep: 3, makeRoom: false, notify: 'each-run' },
  schedule: {
    since: 1_764_000_000_000,
    lastRun: { at: 1_764_050_000_000, period: { key: 'daily:2025-11-25', start: 1_764_039_600_000 } },
  },
  run: {
    periodKey: 'daily:2025-11-25',
    name: 'auto-web-20251125-0300',
    attempt: 1,
    requestedAt: 1_764_050_000_000,
    knownSnapshotIds: [801],
    snapshotId: null,
    retryAt: null,
  },
  lastResult: null,
};
const goodRecord = { scope: SCOPE, serverId: 12345, snapshotId: 900, name: 'auto-web-20251124-0300' };
const open = () => new ElectronSettingsStore({ Store, cwd: dir, now: FIXED_NOW });
const onDisk = () => JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;

describe('ElectronSettingsStore', () => {
  it('starts from defaults on a first run, with no problem', () => {
    const { data, problem } = open().read();
    expect(problem).toBeNull();
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(data.operations).toEqual([]);
    expect(data.session).toEqual({ mode: 'signed-out', email: null });
    expect(data.pins).toEqual([]);
    expect(data.policies).toEqual([]);
    expect(data.autoSnapshots).toEqual([]);
  });

  it('writes through electron-store and reads back in a new instance', () => {
    const store = open();
    store.write({
      settings: { ...DEFAULT_SETTINGS, pollIntervalSeconds: 30 },
      operations: [goodOperation],
      session: { mode: 'account', email: 'a@example.com' },
      pins: [{ scope: '["https://admin.vps.org/api/v1","a@example.com"]', snapshotId: 5001 }],
      policies: [goodPolicy],
      autoSnapshots: [goodRecord],
      history: [goodEntry],
    });
    store.writeWindowBounds({ x: 10.4, y: 20, width: 900, height: 700 });
    expect(onDisk()['version']).toBe(1);
    const again = open();
    expect(again.read()).toEqual({
      data: {
        settings: { ...DEFAULT_SETTINGS, pollIntervalSeconds: 30 },
        operations: [goodOperation],
        session: { mode: 'account', email: 'a@example.com' },
        pins: [{ scope: '["https://admin.vps.org/api/v1","a@example.com"]', snapshotId: 5001 }],
        policies: [goodPolicy],
        autoSnapshots: [goodRecord],
        history: [goodEntry],
      },
      problem: null,
    });
    expect(again.readWindowBounds()).toEqual({ x: 10, y: 20, width: 900, height: 700 });
  });

  it("takes away electron-store's own IPC channel (no sender check) as soon as the store is made", () => {
    open().write({ settings: { ...DEFAULT_SETTINGS, pollIntervalSeconds: 30 } });
    expect(fake.recorder.calls).toContainEqual({ api: 'ipcMain.on', args: ['electron-store-get-data'] });
    expect([...fake.recorder.listeners.keys()]).not.toContain('electron-store-get-data');
  });

  it('opened late (as the app does after the tray is up): reads at once, saves changes made before', async () => {
    writeFileSync(
      file(),
      JSON.stringify({ ...validFileForLate, settings: { ...DEFAULT_SETTINGS, idleRefreshMinutes: 7 } }),
    );
    const store = new ElectronSettingsStore({ cwd: dir, now: FIXED_NOW });
    expect(store.read().data.settings.idleRefreshMinutes).toBe(7);
    expect(store.persistent).toBe(false);
    store.write({ session: { mode: 'demo', email: null } });
    store.writeWindowBounds({ x: 1, y: 2, width: 800, height: 600 });
    // Nothing is written before it opens…
    expect(onDisk()['session']).toEqual({ mode: 'signed-out', email: null });
    expect(await store.open()).toBeNull();
    expect(store.persistent).toBe(true);
    // …and then everything is, once.
    expect(onDisk()).toMatchObject({
      session: { mode: 'demo', email: null },
      windowBounds: { x: 1, y: 2, width: 800, height: 600 },
      settings: { idleRefreshMinutes: 7 },
    });
    expect(await store.open()).toBeNull();
    store.write({ session: { mode: 'signed-out', email: null } });
    expect(onDisk()['session']).toEqual({ mode: 'signed-out', email: null });
  });

  it('opened late with nothing changed: the file is left byte for byte as it was', async () => {
    const text = JSON.stringify(validFileForLate, null, 2);
    writeFileSync(file(), text);
    const store = new ElectronSettingsStore({ cwd: dir, now: FIXED_NOW });
    await store.open();
    expect(readFileSync(file(), 'utf8')).toBe(text);
  });

  it('never lets anything but the known parts into the file', () => {
    const store = open();
    const sneaky = { settings: DEFAULT_SETTINGS, token: 'vps_secret_value' } as unknown as Parameters<
      typeof store.write
    >[0];
    store.write(sneaky);
    expect(readFileSync(file(), 'utf8')).not.toContain('vps_secret_value');
  });

  const validFile = {
    version: 1,
    settings: { ...DEFAULT_SETTINGS, pollIntervalSeconds: 20 },
    operations: [goodOperation],
    session: { mode: 'demo', email: null },
    history: [goodEntry],
    windowBounds: null,
  };
  const validText = JSON.stringify(validFile, null, '\t');

  const damage: {
    name: string;
    text: string;
    expectOps: number;
    expectHistory: number;
    expect: RegExp;
    poll: number;
  }[] = [
    {
      name: 'truncated',
      // Cut inside the session object: the operations before it are complete and must survive.
      text: validText.slice(0, validText.indexOf('"mode"') + 4),
      expectOps: 1,
      // The history is written after the session: this cut is before it.
      expectHistory: 0,
      expect: /cut short or damaged/,
      poll: 20,
    },
    {
      name: 'invalid JSON',
      text: '{ this is : not json ]',
      expectOps: 0,
      expectHistory: 0,
      expect: /not valid JSON/,
      poll: 10,
    },
    {
      name: 'wrong types',
      text: JSON.stringify({
        ...validFile,
        settings: { ...validFile.settings, notifications: 'yes', pollIntervalSeconds: 1 },
        operations: [goodOperation, { id: 7, kind: 'explode' }, 'nonsense'],
        session: { mode: 'hacker' },
        // One entry with a source no build has, one whose reason names a code no catalog has (the
        // reason is dropped, the entry kept), one that is not an entry at all.
        history: [
          goodEntry,
          { ...goodEntry, id: 'op-x', source: 'cron' },
          { ...goodEntry, id: 'op-y', outcome: null, error: { kind: 'refused', code: 'no.such.key' } },
          42,
        ],
      }),
      expectOps: 1,
      expectHistory: 2,
      expect:
        /Invalid values were reset to defaults \(pollIntervalSeconds, notifications\).*2 unreadable tracked operations were dropped.*2 unreadable history entries were dropped.*sign-in state/,
      poll: 10,
    },
    {
      name: 'unknown keys',
      text: JSON.stringify({
        ...validFile,
        token: 'vps_should_not_be_here',
        settings: { ...validFile.settings, theme: 'dark' },
      }),
      expectOps: 1,
      expectHistory: 1,
      expect: /1 unknown entry was removed.*1 unknown setting was removed/,
      poll: 20,
    },
  ];

  it('salvages pins one by one: a damaged entry costs only itself, and is reported', () => {
    const pin = { scope: '["https://admin.vps.org/api/v1","a@example.com"]', snapshotId: 5001 };
    const text = JSON.stringify({
      ...validFile,
      pins: [pin, { scope: 5, snapshotId: 1 }, 'nonsense', { scope: 'x', snapshotId: '../../etc' }],
    });
    writeFileSync(file(), text);
    const { data, problem } = open().read();
    expect(data.pins).toEqual([pin]);
    expect(data.operations).toEqual([goodOperation]);
    expect(problem).toContainEqual({ code: 'settingsFile.issue.pinsDropped', params: { count: 3 } });
    writeFileSync(file(), JSON.stringify({ ...validFile, pins: 'all of them' }));
    expect(open().read().problem).toContainEqual({ code: 'settingsFile.issue.pinsUnreadable' });
  });

  it('salvages policies one by one: an out-of-range K or a bad schedule costs only that policy', () => {
    const text = JSON.stringify({
      ...validFile,
      policies: [
        goodPolicy,
        { ...goodPolicy, serverId: 2, policy: { ...goodPolicy.policy, keep: 5 } },
        {
          ...goodPolicy,
          serverId: 3,
          policy: { ...goodPolicy.policy, schedule: { kind: 'daily', at: '25:00' } },
        },
        { ...goodPolicy, serverId: 4, run: { ...goodPolicy.run, attempt: 3 } },
      ],
      autoSnapshots: [goodRecord, { ...goodRecord, snapshotId: '../x' }],
    });
    writeFileSync(file(), text);
    const { data, problem } = open().read();
    expect(data.policies).toEqual([goodPolicy]);
    expect(data.autoSnapshots).toEqual([goodRecord]);
    expect(problem).toContainEqual({ code: 'settingsFile.issue.policiesDropped', params: { count: 3 } });
    expect(problem).toContainEqual({ code: 'settingsFile.issue.autoSnapshotsDropped', params: { count: 1 } });
  });

  for (const c of damage) {
    it(`salvages a ${c.name} file: backup kept, problem reported, defaults and readable data used`, () => {
      writeFileSync(file(), c.text);
      const store = open();
      const { data, problem } = store.read();

      const backup = join(dir, BACKUP_NAME);
      expect(readFileSync(backup, 'utf8')).toBe(c.text);
      expect(said(problem)).toMatch(c.expect);
      expect(said(problem)).toContain(BACKUP_NAME);
      expect(said(problem)).not.toContain('vps_should_not_be_here');

      expect(data.operations).toHaveLength(c.expectOps);
      if (c.expectOps > 0) expect(data.operations[0]).toEqual(goodOperation);
      // The history survives the same way: whatever entries can be read are kept.
      expect(data.history).toHaveLength(c.expectHistory);
      if (c.expectHistory > 0) expect(data.history[0]).toEqual(goodEntry);
      expect(data.settings.pollIntervalSeconds).toBe(c.poll);
      expect(data.settings.notifications).toBe(true);

      // The repaired file is valid again and holds nothing unknown.
      const repaired = onDisk();
      expect(Object.keys(repaired).sort()).toEqual([
        'autoSnapshots',
        'history',
        'operations',
        'pins',
        'policies',
        'session',
        'settings',
        'version',
        'windowBounds',
      ]);
      expect(JSON.stringify(repaired)).not.toContain('vps_should_not_be_here');
      // A second start finds nothing wrong.
      expect(open().read().problem).toBeNull();
    });
  }

  it('salvages a file cut inside the history: the entries before the cut and the operations are kept', () => {
    const second = { ...goodEntry, id: 'op-2', snapshotName: 'second' };
    const text = JSON.stringify({ ...validFile, history: [goodEntry, second] }, null, '\t');
    // Cut in the middle of the second entry's snapshot name.
    writeFileSync(file(), text.slice(0, text.indexOf('"second"') + 3));
    const { data, problem } = open().read();
    expect(said(problem)).toMatch(/cut short or damaged/);
    expect(data.operations).toEqual([goodOperation]);
    expect(data.history).toEqual([goodEntry]);
    // Negative control: the whole file keeps both.
    writeFileSync(file(), text);
    expect(open().read().data.history).toEqual([goodEntry, second]);
  });

  it('treats a JSON value that is not an object as damage', () => {
    writeFileSync(file(), '[1,2,3]');
    const { data, problem } = open().read();
    expect(said(problem)).toMatch(/did not hold a settings object/);
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(join(dir, BACKUP_NAME))).toBe(true);
  });

  it('migrates a version 0 file (settings at the top level) without calling it damage', () => {
    writeFileSync(
      file(),
      JSON.stringify({ pollIntervalSeconds: 45, language: 'fi', operations: [goodOperation] }),
    );
    const { data, problem } = open().read();
    expect(problem).toBeNull();
    expect(data.settings).toEqual({ ...DEFAULT_SETTINGS, pollIntervalSeconds: 45, language: 'fi' });
    expect(data.operations).toEqual([goodOperation]);
    expect(onDisk()).toMatchObject({ version: 1, settings: { pollIntervalSeconds: 45, language: 'fi' } });
    expect(onDisk()).not.toHaveProperty('pollIntervalSeconds');
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });
});

describe('a settings file the app may not read (EACCES), checked as an unprivileged user', () => {
  // Root may read any file, and CI runs as root: the check then runs in a child process as
  // `nobody` (setpriv, from util-linux). The child runs the store bundled with the Electron
  // stand-in, from a folder anyone may read, so it needs no access to this checkout.
  const asRoot = process.getuid?.() === 0;
  const noSetpriv = (): string | null =>
    spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status === 0 ? null : 'setpriv not found';
  const skip = asRoot && needTool('setpriv (util-linux), to run as an unprivileged user', noSetpriv);
  const NOBODY = 65534;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'vps-settings-eacces-'));
    chmodSync(work, 0o755);
    await build({
      entryPoints: ['test/unit/settings-unreadable-probe.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: join(work, 'probe.mjs'),
      alias: { electron: './test/smoke/electron-stand-in.ts' },
      // Some bundled dependencies are CommonJS and call require.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'error',
    });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.skipIf(skip)(
    'reported, changes kept in memory only, the file and its folder left exactly as they are',
    () => {
      const folder = join(work, 'user-data');
      mkdirSync(folder);
      const file = join(folder, 'config.json');
      const text = JSON.stringify({ version: 1, settings: { pollIntervalSeconds: 45 } });
      writeFileSync(file, text);
      chmodSync(file, 0o000);
      // The unprivileged user owns the folder: a careless app could rename, back up or replace the file.
      if (asRoot) chownSync(folder, NOBODY, NOBODY);
      if (asRoot) chownSync(file, NOBODY, NOBODY);
      const command = asRoot
        ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath]
        : [process.execPath];
      const [bin, ...args] = command as [string, ...string[]];
      const child = spawnSync(bin, [...args, join(work, 'probe.mjs'), folder], {
        encoding: 'utf8',
        timeout: 20_000,
        env: { PATH: process.env['PATH'] ?? '', HOME: work },
      });
      expect(child.status, child.stderr).toBe(0);
      const report = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
      expect(report['uid']).not.toBe(0);
      expect(said(report['problem'] as CatalogMessage[])).toMatch(
        /could not be read\. The app is not allowed to access it/,
      );
      expect(said(report['problem'] as CatalogMessage[])).toMatch(/left exactly as it is/);
      expect(report).toMatchObject({ persistent: false, keptInMemory: 30 });
      chmodSync(file, 0o600);
      expect(readFileSync(file, 'utf8')).toBe(text);
      expect(readdirSync(folder)).toEqual(['config.json']);
    },
  );
});

describe('a settings file the app cannot read or back up: it starts, says so, and touches nothing', () => {
  const changeSomething = (store: ReturnType<typeof open>) => {
    store.write({ settings: { ...DEFAULT_SETTINGS, pollIntervalSeconds: 30 } });
    store.writeWindowBounds({ x: 1, y: 2, width: 800, height: 600 });
  };

  it('a folder where the file should be (EISDIR): defaults, changes in memory, the folder untouched', () => {
    mkdirSync(file());
    writeFileSync(join(file(), 'keep-me.txt'), 'user data');
    const store = open();
    const { data, problem } = store.read();
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(said(problem)).toMatch(/could not be read\. There is a folder where the file should be/);
    expect(said(problem)).toMatch(/left exactly as it is/);
    expect(said(problem)).toMatch(/kept only until you quit/);
    expect(store.persistent).toBe(false);
    expect(store.path).toBe(file());
    changeSomething(store);
    // The change holds for this run...
    expect(store.read().data.settings.pollIntervalSeconds).toBe(30);
    expect(store.readWindowBounds()).toEqual({ x: 1, y: 2, width: 800, height: 600 });
    // ...and nothing on disk moved or changed.
    expect(statSync(file()).isDirectory()).toBe(true);
    expect(readdirSync(file())).toEqual(['keep-me.txt']);
    expect(readdirSync(dir)).toEqual(['config.json']);
    // The next start says the same: nothing was wiped in between.
    expect(open().read().problem).toEqual(problem);
  });

  it('a link that points to itself (ELOOP): defaults, reported, the link left as it is', () => {
    symlinkSync(file(), file());
    const store = open();
    expect(said(store.read().problem)).toMatch(/could not be read\. It is a link that points back to itself/);
    changeSomething(store);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('a damaged file that cannot be moved aside: what was readable is used, the original is not overwritten', () => {
    const text = JSON.stringify({
      version: 1,
      settings: { ...DEFAULT_SETTINGS, pollIntervalSeconds: 'fast' },
      operations: [goodOperation],
    });
    writeFileSync(file(), text);
    // Something already sits (a non-empty folder) where the backup would go: the rename fails.
    mkdirSync(join(dir, BACKUP_NAME));
    writeFileSync(join(dir, BACKUP_NAME, 'x'), 'x');
    const store = open();
    const { data, problem } = store.read();
    expect(data.operations).toEqual([goodOperation]);
    expect(data.settings.pollIntervalSeconds).toBe(DEFAULT_SETTINGS.pollIntervalSeconds);
    expect(said(problem)).toMatch(/Invalid values were reset to defaults \(pollIntervalSeconds\)/);
    expect(said(problem)).toMatch(/could not be backed up/);
    expect(store.persistent).toBe(false);
    changeSomething(store);
    expect(readFileSync(file(), 'utf8')).toBe(text);
  });
});
