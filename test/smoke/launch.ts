// Starts the BUILT main bundle in a child process under the recording Electron stand-in, with a
// throwaway HOME and user-data directory, and talks to it through main-harness.ts's messages.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { recordingSummary } from '../support/fake-electron';
import type { HarnessRequest, MenuNode, MenuReport } from './main-harness';

/** The built main bundle. */
export const MAIN = resolve('out/main/index.js');
/** The built preload. */
export const PRELOAD = resolve('out/preload/index.cjs');

/** What the fake recorded, as the child reports it. */
export type Summary = ReturnType<typeof recordingSummary>;

/** A running child. */
export interface LaunchedApp {
  child: ChildProcess;
  home: string;
  stderr(): string;
  report(): Promise<Summary>;
  menu(): Promise<MenuReport>;
  /** Clicks the item at the label-prefix path; resolves the reason when it could not. */
  click(path: string[]): Promise<string | null>;
  /** Calls an IPC handler as the app's window would; resolves its Result. */
  invoke(name: string, payload?: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
  /** Launches the app "again" with these arguments (Electron's second-instance event). */
  relaunch(argv: string[]): Promise<void>;
  /** Polls the menu until `test` holds; fails with the last menu after `timeoutMs`. */
  waitForMenu(test: (menu: MenuReport) => boolean, what: string, timeoutMs?: number): Promise<MenuReport>;
  /** Stops the app and, once it is gone (it may still be writing its files), removes its HOME. */
  close(): Promise<void>;
}

/** Options for a launch. */
export interface LaunchOptions {
  /** Contents of the user-data config.json written before start-up (an earlier run's settings). */
  config?: unknown;
  /** Command-line arguments after the bundle (e.g. `--hidden`). */
  args?: string[];
  /** Environment changes (undefined removes a variable), possibly made from the fresh HOME. */
  env?: Record<string, string | undefined> | ((home: string) => Record<string, string | undefined>);
  /** Runs before start-up with the fresh HOME (to lay out files there). */
  prepare?: (home: string) => void;
  /** The bundle to load (default: the built out/main/index.js). */
  bundle?: string;
}

/** Every label in the menu, depth first. */
export function allLabels(items: readonly MenuNode[]): string[] {
  return items.flatMap((i) => (i.separator ? [] : [i.label, ...allLabels(i.submenu)]));
}

function ask<T>(
  child: ChildProcess,
  request: HarnessRequest,
  reply: string,
  pick: (m: Record<string, unknown>) => T,
) {
  return new Promise<T>((done, fail) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (m['type'] !== reply) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      done(pick(m));
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      fail(new Error(`the app exited (${String(code)}) before answering ${JSON.stringify(request)}`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(request);
  });
}

/** Starts the built app and waits until its window has loaded (start-up is asynchronous). */
export async function launchBuiltApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const home = mkdtempSync(join(tmpdir(), 'vps-smoke-'));
  // No keychain (start-up must not depend on one, nor touch the developer's) and no dev server.
  // Nor the developer's autostart folder, nor an AppImage's variables.
  const dropped = new Set(['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'ELECTRON_RENDERER_URL', 'APPIMAGE']);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !dropped.has(k))),
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    VPS_FAKE_USER_DATA: join(home, 'userData'),
  };
  const changes = typeof options.env === 'function' ? options.env(home) : (options.env ?? {});
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  mkdirSync(join(home, 'userData'), { recursive: true });
  if (options.config !== undefined) {
    writeFileSync(join(home, 'userData', 'config.json'), JSON.stringify(options.config));
  }
  options.prepare?.(home);
  const child = fork(
    resolve('test/smoke/main-harness.ts'),
    [options.bundle ?? MAIN, ...(options.args ?? [])],
    {
      execArgv: ['--import', 'tsx', '--import', resolve('test/smoke/register-electron.mjs')],
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));

  const app: LaunchedApp = {
    child,
    home,
    stderr: () => stderr,
    report: () => ask(child, 'report', 'report', (m) => m['summary'] as Summary),
    menu: () => ask(child, { type: 'menu' }, 'menu', (m) => m['menu'] as MenuReport),
    click: (path) =>
      ask(child, { type: 'click', path }, 'clicked', (m) => (m['problem'] as string | null) ?? null),
    invoke: (name, payload) =>
      ask(
        child,
        { type: 'invoke', name, payload },
        'invoked',
        (m) => m['result'] as { ok: boolean; value?: unknown; error?: unknown },
      ),
    relaunch: (argv) => ask(child, { type: 'second-instance', argv }, 'relaunched', () => undefined),
    async waitForMenu(test, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const menu = await app.menu();
        if (test(menu)) return menu;
        if (Date.now() > deadline) {
          throw new Error(
            `menu never showed ${what}; last: ${JSON.stringify(allLabels(menu.items))}\n${stderr}`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((done) => child.once('exit', done));
        child.kill();
        await gone;
      }
      rmSync(home, { recursive: true, force: true, maxRetries: 3 });
    },
  };

  const loaded = await new Promise<{ type: string; message?: string }>((done) => {
    child.on('message', (m: { type: string; message?: string }) => {
      if (m.type === 'loaded' || m.type === 'load-error') done(m);
    });
    child.on('exit', (code) => done({ type: 'load-error', message: `exited with ${code}: ${stderr}` }));
  });
  if (loaded.type !== 'loaded') {
    await app.close();
    throw new Error(`the built main bundle did not load: ${loaded.message ?? ''}`);
  }
  const deadline = Date.now() + 20_000;
  for (;;) {
    const summary = await app.report();
    if (summary.windows[0]?.loaded && Object.keys(summary.windows[0].loaded).length > 0) break;
    // Let the tests report what went wrong rather than hang here.
    if (stderr.includes('failed to start') || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return app;
}
