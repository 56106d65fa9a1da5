/**
 * The browser preview: the demo simulator and the real main-process core under plain Node, with
 * the built renderer served on 127.0.0.1 and `window.vps` provided over a local connection that
 * accepts only that page. Used by `npm run web` and the end-to-end tests; never imported by the
 * app (nothing here is bundled into out/main or out/renderer).
 */
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../simulator/index';
import type { SeedName, SimulatorHandle } from '../simulator/types';
import { createActions } from '../main/actions';
import { createVpsClient } from '../main/api/client';
import { AppCore } from '../main/core/app-core';
import { TrayController } from '../main/core/tray-controller';
import { MemorySecretStore, MemorySettingsPort, RecordingNotifier } from '../../test/support/memory-ports';
import type { Logger, NotificationRequest, Publish } from '../main/core/ports';
import { createConsoleLogger, realScheduler } from '../main/system-ports';
import { DEFAULT_SETTINGS, type UserSettings } from '../shared/settings';
import type { EventMap } from '../shared/ipc';
import type { InvokeHandlers } from '../shared/ipc';
import type { BridgeLogEntry } from './bridge-calls';
import { startBridgeServer, type BridgeServer } from './server';
import { trayPanelExtension } from './tray-host';

export type { BridgeLogEntry } from './bridge-calls';

/** Options for the preview. */
export interface PreviewOptions {
  /** Port for the page (0, the default, picks a free one). */
  port?: number;
  /** Simulator speed: 20 makes a 3-10 minute snapshot take 9-30 seconds. */
  speed?: number;
  /** The built renderer folder (default out/renderer of this repository). */
  rendererDir?: string;
  /** The token the simulator accepts (default `vps_demo_token`). */
  token?: string;
  /** The simulator's data (default demo). */
  seed?: SeedName;
  /** Settings to start from; the API base URL defaults to the simulator's. */
  settings?: Partial<UserSettings>;
  /** Where log lines go (default the console, redacted). */
  logger?: Logger;
  /** Pretend the OS keychain cannot be used, for this plain-language reason (to preview that path). */
  keychainProblem?: string;
  /** The most bridge-log entries kept, oldest dropped first (default 10 000), so a long run stays small. */
  ipcLogLimit?: number;
  /**
   * The "OS" languages the core's "system" setting follows, most preferred first (default: this
   * machine's, from Node's Intl and LANG), e.g. ['fi-FI'] to preview a Finnish desktop.
   */
  systemLocales?: readonly string[];
  /**
   * Draws the system tray beside the window (the real tray model, clickable, with the
   * notifications): on for `npm run web`, off by default so the window has the page to itself.
   */
  tray?: boolean;
}

/** A running preview. */
export interface Preview {
  /** The page to open, e.g. `http://127.0.0.1:5173/`. */
  url: string;
  simulator: SimulatorHandle;
  core: AppCore;
  /** The core's actions: what the window and the tray call (e.g. `quickSnapshot` as the tray does). */
  actions: InvokeHandlers;
  /** Notifications the core asked for, in order. */
  notifications: NotificationRequest[];
  /** Everything that crossed the bridge, both directions, in order. */
  ipcLog: BridgeLogEntry[];
  /** Links the page asked to open (not opened: this is a preview). */
  openedUrls: string[];
  /** The tray, as under Electron: its model and what its items do (the page draws it). */
  tray: TrayController;
  /** How many times the tray's Quit was chosen (the preview keeps running). */
  quitRequests(): number;
  stop(): Promise<void>;
}

/** This machine's preferred languages as Node sees them, for the preview's "system" language. */
export function nodeSystemLocales(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].filter(
    (v): v is string => typeof v === 'string' && v !== '' && v !== 'C' && v !== 'POSIX',
  );
  return [...fromEnv, Intl.DateTimeFormat().resolvedOptions().locale];
}

/** The repository's built renderer. */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

/** Starts the simulator, the core and the page host; signed out, with the demo one click away. */
export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const logger = options.logger ?? createConsoleLogger();
  const speed = options.speed ?? 20;
  const simulator = await startSimulator({
    port: 0,
    seed: options.seed ?? 'demo',
    speed,
    token: options.token ?? 'vps_demo_token',
  });
  const ipcLog: BridgeLogEntry[] = [];
  const ipcLogLimit = Math.max(1, options.ipcLogLimit ?? 10_000);
  const record = (entry: BridgeLogEntry) => {
    ipcLog.push(entry);
    if (ipcLog.length > ipcLogLimit) ipcLog.splice(0, ipcLog.length - ipcLogLimit);
  };
  const openedUrls: string[] = [];
  const notifier = new RecordingNotifier();
  // The page host starts after the core (it needs the actions); events before then have no page.
  let push: Publish = () => undefined;
  const publish: Publish = (event, payload) => {
    record({ direction: 'event', name: event, payload, result: null });
    push(event, payload);
  };
  const settings = new MemorySettingsPort({
    settings: { ...DEFAULT_SETTINGS, apiBaseUrl: simulator.url, ...options.settings },
  });
  const core = new AppCore({
    secrets: new MemorySecretStore({ unavailableReason: options.keychainProblem ?? null }),
    settings,
    notifier,
    scheduler: realScheduler,
    publish,
    createClient: (clientOptions) => createVpsClient(clientOptions),
    // Demo mode uses the simulator already running; it lives as long as the preview.
    startDemo: async () => ({
      url: simulator.url,
      token: simulator.token,
      speed,
      stop: async () => undefined,
    }),
    logger,
    keychainProblem: options.keychainProblem ?? null,
    systemLocales: () => options.systemLocales ?? nodeSystemLocales(),
  });
  const actions = createActions(core, {
    openExternal: (url) => void openedUrls.push(url),
    showServer: (serverId) => publish('focusServer', { serverId } satisfies EventMap['focusServer']),
  });
  let quits = 0;
  const tray = new TrayController({
    // The same actions, recorded in the history as the tray's.
    actions: createActions(
      core,
      {
        openExternal: (url) => void openedUrls.push(url),
        showServer: (serverId) => publish('focusServer', { serverId } satisfies EventMap['focusServer']),
      },
      'tray',
    ),
    state: () => core.getState(),
    now: () => Date.now(),
    // The page asks for the model when it draws the tray; nothing to push.
    render: () => undefined,
    notify: (n) => notifier.show(n),
    // The page is the window: it is always shown; focusing reaches it as under Electron.
    window: { show: () => undefined, focus: (request) => publish('focusServer', request) },
    quit: () => void (quits += 1),
    logger,
  });
  let server: BridgeServer;
  try {
    await core.start();
    server = await startBridgeServer({
      port: options.port ?? 0,
      rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
      handlers: actions,
      logger,
      onInvoke: record,
      onPagesConnected: (connected) => core.setWindowVisible(connected),
      ...(options.tray
        ? {
            extension: trayPanelExtension({
              tray,
              state: () => core.getState(),
              notifications: notifier.shown,
              focus: (request) => publish('focusServer', request),
            }),
          }
        : {}),
    });
  } catch (error) {
    await core.stop();
    await simulator.stop();
    throw error;
  }
  const host = server;
  push = (event, payload) => host.push(event, payload);

  let stopped = false;
  return {
    url: host.url,
    simulator,
    core,
    actions,
    notifications: notifier.shown,
    ipcLog,
    openedUrls,
    tray,
    quitRequests: () => quits,
    async stop() {
      if (stopped) return;
      stopped = true;
      await host.close();
      await core.stop();
      await simulator.stop();
    },
  };
}
