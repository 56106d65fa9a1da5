/**
 * The main process entry: wires the ports, the core, the tray, the window and IPC together, and
 * does nothing else. Every piece it wires lives in its own module.
 *
 * The order is for a fast start: the tray first, then the stored session (the keychain read), and
 * only then the heavier parts: electron-store, the log file's writer and the window.
 */
import { app, screen, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { english, messagesText } from '../shared/i18n';
import type { EventMap, ExportFile } from '../shared/ipc';
import { createActions } from './actions';
import { createVpsClient } from './api/client';
import { APP_ID, APP_NAME, startsHidden } from './app-identity';
import { LoginItemSync } from './autostart/login-item';
import { AppCore } from './core/app-core';
import type { DemoServer, Publish } from './core/ports';
import { TrayController } from './core/tray-controller';
import { setProductionMenu } from './electron/app-menu';
import { registerIpcHandlers } from './electron/ipc';
import { onWake } from './electron/power';
import { createLoginItem } from './electron/login-item';
import { saveWithDialog } from './electron/save-file';
import { ElectronNotifier } from './electron/notifier';
import { AppTray, trayIconPaths } from './electron/tray';
import { AppWindow, onScreenBounds } from './electron/window';
import { LOG_FILE_NAME, createFileLog } from './logging/file-log';
import { redactSecrets } from './redact';
import { KeytarSecretStore } from './secrets/keytar-store';
import { ElectronSettingsStore } from './settings/electron-settings';
import { createConsoleLogger, realScheduler, teeLogger } from './system-ports';

/** How often the tray re-renders on its own, so elapsed times and ages stay current. */
const TRAY_TICK_MS = 30_000;
/** How long the heavier start-up work waits for the keychain, which may be showing an unlock prompt. */
const KEYCHAIN_GRACE_MS = 500;

/** Starts the built-in simulator; imported only when demo mode is chosen, to keep start-up fast. */
async function startDemo(): Promise<DemoServer> {
  const { startSimulator } = await import('../simulator/index');
  const speed = 20;
  const sim = await startSimulator({ seed: 'demo', speed, token: 'vps_demo_token', port: 0 });
  return { url: sim.url, token: sim.token, speed, stop: () => sim.stop() };
}

/** Where the tray icons are: the repo's build/icons in development, resources when packaged. */
function iconDirectory(): string {
  return app.isPackaged ? join(process.resourcesPath, 'icons') : join(app.getAppPath(), 'build', 'icons');
}

async function main(): Promise<void> {
  app.setAppUserModelId(APP_ID);
  // Started at login: stay in the tray (a second launch still shows the window).
  const hidden = startsHidden(process.argv);
  let appWindow: AppWindow | null = null;
  // A request to show the window before it exists is honoured once it has loaded.
  let showWhenLoaded = false;
  const showWindow = () => {
    if (appWindow) appWindow.show();
    else showWhenLoaded = true;
  };
  // Launching the app again shows the window: the way in on a desktop with no tray.
  app.on('second-instance', (_event, argv) => {
    if (!startsHidden(argv)) showWindow();
  });
  await app.whenReady();
  if (app.isPackaged) setProductionMenu();

  const logFile = createFileLog(join(app.getPath('logs'), LOG_FILE_NAME));
  const logger = teeLogger(createConsoleLogger(), logFile.logger);
  logger.info(`${APP_NAME} ${app.getVersion()} starting on ${process.platform}${hidden ? ' (hidden)' : ''}`);
  const settings = new ElectronSettingsStore({ cwd: app.getPath('userData') });
  const loginItem = new LoginItemSync(createLoginItem(), logger);
  let tray: TrayController | null = null;

  const publish: Publish = (event, payload) => {
    appWindow?.send(event, payload);
    if (event !== 'state') return;
    const state = payload as EventMap['state'];
    tray?.update();
    loginItem.apply(state.settings.launchAtLogin);
  };
  const showServer = (request: Parameters<AppWindow['focusServer']>[0]) =>
    appWindow ? appWindow.focusServer(request) : showWindow();
  const notifier = new ElectronNotifier((serverId) =>
    serverId === undefined ? showWindow() : showServer(serverId),
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
  const actionDeps = {
    openExternal: (url: string) => shell.openExternal(url),
    showServer,
    logFile: logFile.path,
    saveFile: (file: ExportFile) => saveWithDialog(file, appWindow?.dialogParent() ?? null),
  };
  const actions = createActions(core, actionDeps);
  let appTray: AppTray | null = null;
  const controller = new TrayController({
    // The same actions, recorded in the history as the tray's.
    actions: createActions(core, actionDeps, 'tray'),
    state: () => core.getState(),
    now: () => Date.now(),
    render: (model) => appTray?.update(model),
    notify: (n) => notifier.show(n),
    window: { show: showWindow, focus: showServer },
    quit: () => app.quit(),
    logger,
  });
  const shownTray = new AppTray(
    trayIconPaths(iconDirectory()),
    (action) => void controller.run(action),
    controller.model(),
  );
  appTray = shownTray;
  tray = controller;
  const tick = setInterval(() => controller.update(), TRAY_TICK_MS);
  app.on('will-quit', () => {
    clearInterval(tick);
    void core.stop();
    shownTray.destroy();
  });

  const started = core.start();
  // A wake from sleep: policies missed meanwhile run once, shortly after.
  onWake(() => core.resume());
  await Promise.race([started, new Promise((resolve) => setTimeout(resolve, KEYCHAIN_GRACE_MS))]);
  const settingsProblem = await settings.open();
  if (settingsProblem) logger.warn(`settings: ${messagesText([settingsProblem], english())}`);
  void logFile.open();

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
  app.on('activate', showWindow);
  // The app lives in the tray: closing the window must not quit it.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => window.allowClose());

  await started;
  // The OS's own start-at-login state wins over the stored setting; nothing is written to it here.
  const fromOs = loginItem.align(core.getState().settings.launchAtLogin);
  if (fromOs !== null) await core.updateSettings({ launchAtLogin: fromOs });
  await window.load();
  if (showWhenLoaded || (!hidden && core.getState().mode === 'signed-out')) window.show();
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
