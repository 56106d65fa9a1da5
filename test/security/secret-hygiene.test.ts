// Secret hygiene end to end: the real core, signed in with a recognisable random token against the
// simulator over HTTP, goes through sign-in (keychain and session-only), every action, refusals,
// injected faults, a wrong token, an unavailable keychain and a 401 mid-session. Then everything
// the app wrote is searched: the settings file on disk (a real ElectronSettingsStore over the fake
// Electron) and its in-memory twin, every log line as the core passed it (before the logger's own
// redaction), the log file the production logger wrote (electron-log, in the same folder), every
// published event (what goes over IPC to the window), every action Result,
// every notification, and the built bundles in out/. The token appears nowhere. (The e2e helper
// checks the page's DOM and storage.)
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createActions } from '../../src/main/actions';
import { createFileLog } from '../../src/main/logging/file-log';
import { teeLogger } from '../../src/main/system-ports';
import { AppCore } from '../../src/main/core/app-core';
import {
  ManualScheduler,
  MemorySecretStore,
  MemorySettingsPort,
  RecordingNotifier,
  createTestPorts,
} from '../support/memory-ports';
import type { CorePorts, Logger, Publish, SettingsPort } from '../../src/main/core/ports';
import type { Result } from '../../src/shared/result';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { startSimulator, type SimulatorHandle } from '../../src/simulator/index';
import { inCI } from '../support/tools';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());
const { ElectronSettingsStore } = await import('../../src/main/settings/electron-settings');
const { default: Store } = await import('electron-store');

const TOKEN = `vps_SECRETcanary_${randomBytes(12).toString('hex')}`;
const WRONG_TOKEN = `vps_SECRETwrong_${randomBytes(12).toString('hex')}`;
/** Pieces long enough to identify the token if only part of it leaked. */
const FRAGMENTS = [TOKEN, TOKEN.slice(4), TOKEN.slice(-16), WRONG_TOKEN, WRONG_TOKEN.slice(-16)];

const dir = mkdtempSync(join(tmpdir(), 'vps-hygiene-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every text the app produced, labelled by where it went. */
const written: { where: string; text: string }[] = [];
const record = (where: string, value: unknown) =>
  written.push({ where, text: typeof value === 'string' ? value : JSON.stringify(value) });

function leaksIn(texts: { where: string; text: string }[]): string[] {
  return texts
    .filter(({ text }) => FRAGMENTS.some((f) => text.includes(f)))
    .map(({ where, text }) => {
      const at = Math.max(...FRAGMENTS.map((f) => text.indexOf(f)));
      return `${where}: …${text.slice(Math.max(0, at - 100), at)}[TOKEN]`;
    });
}

/** Every file under a folder, recursively. */
function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the token appears nowhere the app writes', () => {
  it('through sign-in, actions, faults, refusals, a wrong token, no keychain and a 401', async () => {
    let sim: SimulatorHandle = await startSimulator({ token: TOKEN, speed: 20, seed: 'demo' });
    const port = sim.port;
    const scheduler = new ManualScheduler(Date.now());
    const fileStore = new ElectronSettingsStore({ Store, cwd: dir });
    const memory = new MemorySettingsPort();
    // One port writing to both the real file and the in-memory twin.
    const settings: SettingsPort = {
      read: () => fileStore.read(),
      write: (patch) => {
        fileStore.write(patch);
        memory.write(patch);
      },
    };
    fileStore.write({ settings: { ...DEFAULT_SETTINGS, apiBaseUrl: sim.url, notifications: true } });
    const secrets = new MemorySecretStore();
    const notifier = new RecordingNotifier();
    // Raw lines as the core hands them over: the production logger redacts too, but the core must
    // not rely on that.
    const raw: Logger = {
      info: (m) => record('log.info', m),
      warn: (m) => record('log.warn', m),
      error: (m) => record('log.error', m),
    };
    // And the production log file, searched with every other file in the folder below.
    const logFile = createFileLog(join(dir, 'logs', 'main.log'));
    const logger = teeLogger(raw, logFile.logger);
    const publish: Publish = (event, payload) => record(`event.${event}`, payload);
    const base = createTestPorts({ secrets, scheduler, notifier, clientOptions: { timeoutMs: 500 } });
    const ports: CorePorts = { ...base.ports, settings, logger, publish };
    const core = new AppCore(ports);
    const actions = createActions(core, { openExternal: () => undefined, showServer: () => undefined });
    const results: Result<unknown>[] = [];
    const run = async (p: Promise<Result<unknown>>) => {
      const r = await p;
      results.push(r);
      return r;
    };

    await core.start();
    await logFile.open();
    core.setWindowVisible(true);
    // A wrong token first: refused, and its text never echoed.
    expect((await run(actions.setToken({ token: WRONG_TOKEN, sessionOnly: false }))).ok).toBe(false);
    // With stray whitespace, as pasted; then for real into the keychain.
    expect((await run(actions.setToken({ token: ` ${TOKEN}\n`, sessionOnly: true }))).ok).toBe(true);
    expect((await run(actions.setToken({ token: TOKEN, sessionOnly: false }))).ok).toBe(true);
    await scheduler.advance(0);
    await run(actions.refresh(undefined));
    const state = core.getState();
    const web = state.servers.find((e) => e.server.name === 'web-server-01');
    expect(web).toBeDefined();
    if (!web) return;

    await run(
      actions.createSnapshot({
        serverId: web.server.id,
        name: 'hygiene-1',
        description: 'before the update',
      }),
    );
    await run(
      actions.createSnapshot({ serverId: web.server.id, name: `bad name ${TOKEN}`, description: '' }),
    );
    await run(actions.quickSnapshot({ serverId: web.server.id }));
    await run(actions.createSnapshot({ serverId: 'no-such-server', name: 'x', description: '' }));
    const completed = web.snapshots.find((s) => s.status === 'completed');
    if (completed) {
      await run(
        actions.restoreSnapshot({
          serverId: web.server.id,
          snapshotId: completed.id,
          confirmServerName: TOKEN,
        }),
      );
      await run(
        actions.restoreSnapshot({
          serverId: web.server.id,
          snapshotId: completed.id,
          confirmServerName: web.server.name,
        }),
      );
    }
    // Faults on every request for a while: errors of every kind flow through logs and state.
    sim.setFaults({ serverError: 0.3, rateLimit: 0.2, drop: 0.2, malformed: 0.2 });
    for (let i = 0; i < 8; i++) {
      await run(actions.refresh(undefined));
      await run(actions.quickSnapshot({ serverId: web.server.id }));
      await scheduler.advance(15_000);
    }
    sim.setFaults({});
    await scheduler.advance(20 * 60_000);
    const deletable = core
      .getState()
      .servers.flatMap((e) => e.snapshots.filter((s) => s.status !== 'in_progress'));
    if (deletable[0]) {
      await run(actions.deleteSnapshot({ serverId: deletable[0].serverId, snapshotId: deletable[0].id }));
    }
    await run(actions.updateSettings({ apiBaseUrl: `http://${TOKEN}@127.0.0.1:${port}/api/v1/` }));
    await run(actions.updateSettings({ nameTemplate: '{server}-{yyyyMMdd-HHmm}' }));

    // The keychain goes away: storing fails with a reason that must not carry the token.
    secrets.unavailableReason = 'Cannot autolaunch D-Bus without X11 $DISPLAY';
    await run(actions.setToken({ token: TOKEN, sessionOnly: false }));
    secrets.unavailableReason = null;

    // The token is revoked mid-session: the same address now only accepts another token -> 401.
    await sim.stop();
    sim = await startSimulator({ token: `vps_other_${randomBytes(4).toString('hex')}`, port, seed: 'demo' });
    await scheduler.advance(60_000);
    await run(actions.refresh(undefined));
    expect(core.getState().account.tokenInvalid).toBe(true);

    // A restart reads everything back from the file (and the token from the keychain).
    await core.stop();
    const again = new AppCore({ ...ports, settings: new ElectronSettingsStore({ Store, cwd: dir }) });
    await again.start();
    record('state.afterRestart', again.getState());
    await again.stop();
    await sim.stop();

    // Even a careless caller's line is redacted on its way into the file.
    logFile.logger.error(`unexpected: Authorization: Bearer ${TOKEN}\n${JSON.stringify({ token: TOKEN })}`);
    for (const r of results) record('result', r);
    for (const n of notifier.shown) record('notification', n);
    record('state.final', core.getState());
    record('settings.memory', memory.data);
    record('settings.memory.writes', memory.writes);
    for (const file of filesUnder(dir)) record(`file:${file}`, readFileSync(file, 'utf8'));

    // The searches must have had something to search.
    expect(written.filter((w) => w.where.startsWith('file:')).length).toBeGreaterThan(0);
    const logText = written.find((w) => w.where === `file:${logFile.path}`)?.text ?? '';
    expect(logText.split('\n').length).toBeGreaterThan(5);
    expect(logText).toContain('unexpected: Authorization: Bearer [redacted]');
    expect(written.filter((w) => w.where.startsWith('log.')).length).toBeGreaterThan(5);
    expect(written.filter((w) => w.where === 'event.state').length).toBeGreaterThan(5);
    expect(results.filter((r) => !r.ok).length).toBeGreaterThan(3);
    expect(notifier.shown.length).toBeGreaterThan(0);
    // The one place the token belongs.
    expect([...secrets.entries.values()]).toContain(TOKEN);

    // The search itself finds a leak when there is one (even a partial one).
    expect(leaksIn([{ where: 'probe', text: `Bearer ${TOKEN.slice(4)}` }])).toHaveLength(1);
    expect(leaksIn(written)).toEqual([]);
  });

  const outDir = join(process.cwd(), 'out');
  it.skipIf(!existsSync(outDir) && !inCI)('the built bundles hold no token-shaped string', () => {
    if (!existsSync(outDir)) throw new Error('out/ is missing: run `npm run build` first (CI requires it)');
    const files = filesUnder(outDir).filter((f) => /\.(c?js|mjs|html|css|json|map)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // The simulator's public demo token is expected in the main bundle (demo mode), nowhere else.
      for (const m of text.matchAll(/vps_[A-Za-z0-9_-]{6,}/g)) {
        if (m[0] === 'vps_demo_token' && !file.includes(`${join('out', 'renderer')}`)) continue;
        found.push(`${file.slice(outDir.length)}: ${m[0].slice(0, 12)}…`);
      }
      if (/Bearer\s+[A-Za-z0-9._-]{12,}/.test(text))
        found.push(`${file.slice(outDir.length)}: a bearer value`);
    }
    expect(found).toEqual([]);
  });
});
