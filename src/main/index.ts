/**
 * The main process entry: wires the ports, the core, the tray, the window and IPC together, and
 * does nothing else. Every piece it wires lives in its own module.
 */
import { app, screen, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventMap } from '../shared/ipc';
import { createActions } from './actions';
import { createVpsClient } from './api/client';
import { AppCore } from './core/app-core';
import type { DemoServer, Publish } from './core/ports';
import { TrayController } from './core/tray-controller';
import { registerIpcHandlers } from './electron/ipc';
import { redactSecrets } from './redact';
import { ElectronNotifier } from './electron/notifier';
import { createConsoleLogger, realScheduler } from './system-ports';
import { AppTray, trayIconPaths } from './electron/tray';
import { AppWindow, onScreenBounds } from './electron/window';
import { KeytarSecretStore } from './secrets/keytar-store';
import { ElectronSettingsStore } from './settings/electron-settings';

/** How often the tray re-renders on its own, so elapsed times and ages stay current. */
const TRAY_TICK_MS = 30_000;

/** Starts the built-in simulator; imported only when demo mode is chosen, to keep start-up fast. */
async function startDemo(): Promise<DemoServer> {
  const { startSimulator } = await import('../simulator/index');
  const sim = await startSimulator({ seed: 'demo', speed: 20, token: 'vps_demo_token', port: 0 });
  return { url: sim.url, token: sim.token, stop: () => sim.stop() };
}

/** Where the tray icons are: the repo's build/icons in development, resources when packaged. */
function iconDirectory(): string {
  return app.isPackaged ? join(process.resourcesPath, 'icons') : join(app.getAppPath(), 'build', 'icons');
}

async function main(): Promise<void> {
  app.setAppUserModelId('org.vps.snapshot-tray');
  let appWindow: AppWindow | null = null;
  // A second launch during start-up must still end with the window shown once it exists.
  let showWhenLoaded = false;
  app.on('second-instance', () => {
    if (appWindow) appWindow.show();
    else showWhenLoaded = true;
  });
  await app.whenReady();

  const logger = createConsoleLogger();
  const settings = new ElectronSettingsStore({ cwd: app.getPath('userData') });
  let tray: TrayController | null = null;
  let loginItem = app.getLoginItemSettings().openAtLogin;

  const onState = (state: EventMap['state']) => {
    tray?.update();
    if (state.settings.launchAtLogin !== loginItem) {
      loginItem = state.settings.launchAtLogin;
      app.setLoginItemSettings({ openAtLogin: loginItem });
    }
  };
  const publish: Publish = (event, payload) => {
    appWindow?.send(event, payload);
    if (event === 'state') onState(payload as EventMap['state']);
  };

  const notifier = new ElectronNotifier((serverId) =>
    serverId === undefined ? appWindow?.show() : appWindow?.focusServer(serverId),
  );
  const core = new AppCore({
    secrets: new KeytarSecretStore(),
    settings,
    notifier,
    scheduler: realScheduler,
    publish,
    createClient: (options) => createVpsClient(options),
    startDemo,
    logger,
    // The OS's languages for the "system" setting, most preferred first; getLocale() is the
    // language Chromium chose, a fallback when the preferred list is empty.
    systemLocales: () => [...app.getPreferredSystemLanguages(), app.getLocale()],
  });
  const actions = createActions(core, {
    openExternal: (url) => shell.openExternal(url),
    showServer: (serverId) => appWindow?.focusServer(serverId),
  });

  const window = new AppWindow({
    preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    rendererFile: fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
    devServerUrl: !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null,
    bounds: onScreenBounds(
      settings.readWindowBounds(),
      screen.getAllDisplays().map((display) => display.workArea),
    ),
    onBoundsChanged: (bounds) => settings.writeWindowBounds(bounds),
    onExternalLink: (url) => void actions.openExternal({ url }),
    onVisibilityChanged: (visible) => core.setWindowVisible(visible),
  });
  appWindow = window;
  registerIpcHandlers(actions, window, logger);

  let appTray: AppTray | null = null;
  const controller = new TrayController({
    actions,
    state: () => core.getState(),
    now: () => Date.now(),
    render: (model) => appTray?.update(model),
    notify: (n) => notifier.show(n),
    window: { show: () => window.show(), focus: (request) => window.focusServer(request) },
    quit: () => app.quit(),
    logger,
  });
  appTray = new AppTray(
    trayIconPaths(iconDirectory()),
    (action) => void controller.run(action),
    controller.model(),
  );
  const shownTray = appTray;
  tray = controller;
  const tick = setInterval(() => controller.update(), TRAY_TICK_MS);

  app.on('activate', () => window.show());
  // The app lives in the tray: closing the window must not quit it.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => window.allowClose());
  app.on('will-quit', () => {
    clearInterval(tick);
    void core.stop();
    shownTray.destroy();
  });

  await core.start();
  await window.load();
  if (showWhenLoaded || core.getState().mode === 'signed-out') window.show();
}

if (app.requestSingleInstanceLock()) {
  main().catch((error: unknown) => {
    const reason = error instanceof Error ? redactSecrets(error.message) : 'unknown error';
    process.stderr.write(`VPS Snapshot Tray failed to start: ${reason}\n`);
    app.exit(1);
  });
} else {
  // Another instance runs; it shows its window on 'second-instance'.
  app.quit();
}
