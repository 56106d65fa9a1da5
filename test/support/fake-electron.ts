/**
 * A recording stand-in for the `electron` module. Electron's binary cannot run on the machines that
 * build this project, so the thin adapters are exercised against this fake: it does nothing real,
 * it only records what was asked of it so tests can assert on it. Used by the adapter unit tests
 * (through vi.mock) and by the smoke test (through a module loader hook in a child process).
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A listener registered on a fake emitter. */
type Listener = (...args: unknown[]) => unknown;

/** A fake `nativeImage`: remembers the file it came from. */
export class FakeNativeImage {
  template = false;
  constructor(readonly path: string) {}
  /** Empty when the file does not exist, as Electron's is. */
  isEmpty(): boolean {
    return !existsSync(this.path);
  }
  setTemplateImage(option: boolean): void {
    this.template = option;
  }
}

/** A template item as passed to Menu.buildFromTemplate. */
export interface FakeMenuItemOptions {
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: FakeMenuItemOptions[];
}

/** A fake `Menu`: keeps the template it was built from. */
export class FakeMenu {
  constructor(readonly template: FakeMenuItemOptions[]) {}
  static buildFromTemplate(template: FakeMenuItemOptions[]): FakeMenu {
    fake.recorder.menusBuilt += 1;
    return new FakeMenu(template);
  }
  /** Recorded with the menu's template (null: no menu). */
  static setApplicationMenu(menu: FakeMenu | null): void {
    fake.recorder.calls.push({ api: 'Menu.setApplicationMenu', args: [menu?.template ?? null] });
  }
}

/** A fake `Tray`. */
export class FakeTray extends EventEmitter {
  image: FakeNativeImage;
  tooltip = '';
  menu: FakeMenu | null = null;
  contextMenuSets = 0;
  imageSets = 0;
  destroyed = false;
  constructor(image: FakeNativeImage | string) {
    super();
    this.image = typeof image === 'string' ? new FakeNativeImage(image) : image;
    fake.recorder.trays.push(this);
  }
  setImage(image: FakeNativeImage | string): void {
    this.imageSets += 1;
    this.image = typeof image === 'string' ? new FakeNativeImage(image) : image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.contextMenuSets += 1;
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** A fake `WebContents`, with the hooks the window adapter installs. */
export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  url = '';
  destroyed = false;
  readonly session: FakeSession;
  constructor(session: FakeSession) {
    super();
    this.session = session;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** The callback a headers listener receives. */
type HeadersCallback = (response: { responseHeaders?: Record<string, string[]> }) => void;
/** A headers listener as session.webRequest.onHeadersReceived takes it. */
type HeadersListener = (
  details: { url: string; resourceType?: string; responseHeaders?: Record<string, string[]> },
  callback: HeadersCallback,
) => void;

/** A fake `Session` with just the webRequest hook. */
export class FakeSession {
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener | null): void => {
      this.headersListener = listener;
    },
  };
  permissionRequestHandler: unknown = null;
  setPermissionRequestHandler(handler: unknown): void {
    this.permissionRequestHandler = handler;
  }
  permissionCheckHandler: unknown = null;
  setPermissionCheckHandler(handler: unknown): void {
    this.permissionCheckHandler = handler;
  }
}

/** Options a window was created with, as recorded. */
export type FakeWindowOptions = Record<string, unknown> & {
  webPreferences?: Record<string, unknown>;
};

/** A fake `BrowserWindow`. */
export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  visible: boolean;
  focused = false;
  destroyed = false;
  bounds: { x: number; y: number; width: number; height: number };
  loaded: { file?: string; url?: string } = {};
  constructor(readonly options: FakeWindowOptions = {}) {
    super();
    this.webContents = new FakeWebContents(fake.session.defaultSession);
    this.visible = options['show'] !== false;
    this.bounds = {
      x: Number(options['x'] ?? 0),
      y: Number(options['y'] ?? 0),
      width: Number(options['width'] ?? 800),
      height: Number(options['height'] ?? 600),
    };
    fake.recorder.windows.push(this);
  }
  loadFile(file: string): Promise<void> {
    this.loaded = { file };
    this.webContents.url = `file://${file}`;
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.loaded = { url };
    this.webContents.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
    this.emit('hide');
  }
  focus(): void {
    this.focused = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.getBounds();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  /** Simulates the user closing the window; returns whether it was prevented. */
  simulateClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
    return prevented;
  }
}

/** A fake `Notification`. */
export class FakeNotification extends EventEmitter {
  shown = false;
  constructor(readonly options: { title?: string; body?: string }) {
    super();
    fake.recorder.notifications.push(this);
  }
  static isSupported(): boolean {
    return fake.notificationsSupported;
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    this.emit('close', { preventDefault: () => undefined });
  }
}

/** A handler as ipcMain.handle takes it. */
type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

/** Everything the fake saw, for assertions. */
export interface Recorder {
  calls: { api: string; args: unknown[] }[];
  trays: FakeTray[];
  windows: FakeBrowserWindow[];
  notifications: FakeNotification[];
  handlers: Map<string, InvokeHandler>;
  /** Listeners added with ipcMain.on (and not removed), by channel. */
  listeners: Map<string, Listener[]>;
  menusBuilt: number;
  externalOpened: string[];
  /** Save dialogs shown: their options and whether a parent window was given. */
  saveDialogs: { options: Record<string, unknown>; parent: boolean }[];
}

function newRecorder(): Recorder {
  return {
    calls: [],
    trays: [],
    windows: [],
    notifications: [],
    handlers: new Map(),
    listeners: new Map(),
    menusBuilt: 0,
    externalOpened: [],
    saveDialogs: [],
  };
}

// A packaged app's resources folder, as Electron sets it (the packaged-layout test points it at
// electron-builder's output).
const resourcesPath = process.env['VPS_FAKE_RESOURCES_PATH'];
if (resourcesPath) Object.assign(process, { resourcesPath });

/** The fake `app`: an emitter that records what the main process asks of it. */
class FakeApp extends EventEmitter {
  singleInstanceLock = true;
  isPackaged = process.env['VPS_FAKE_PACKAGED'] === '1';
  userDataDir = process.env['VPS_FAKE_USER_DATA'] ?? join(tmpdir(), 'vps-fake-user-data');
  loginItem = { openAtLogin: false };
  quitCalls = 0;
  private record(api: string, args: unknown[]): void {
    fake.recorder.calls.push({ api: `app.${api}`, args });
  }
  requestSingleInstanceLock(): boolean {
    this.record('requestSingleInstanceLock', []);
    return this.singleInstanceLock;
  }
  setAppUserModelId(id: string): void {
    this.record('setAppUserModelId', [id]);
  }
  whenReady(): Promise<void> {
    this.record('whenReady', []);
    // A second launch while this one is still starting (before its window exists).
    if (process.env['VPS_FAKE_SECOND_INSTANCE_AT_READY'] === '1') {
      this.emit('second-instance', {}, ['electron', '.'], process.cwd());
    }
    return Promise.resolve();
  }
  isReady(): boolean {
    return true;
  }
  getPath(name: string): string {
    return name === 'userData' ? this.userDataDir : join(this.userDataDir, name);
  }
  getAppPath(): string {
    return process.env['VPS_FAKE_APP_PATH'] ?? process.cwd();
  }
  getVersion(): string {
    return '0.1.0';
  }
  getName(): string {
    return 'VPS Snapshot Tray';
  }
  /** The OS languages, most preferred first: VPS_FAKE_LOCALES (comma-separated), else en-US. */
  getPreferredSystemLanguages(): string[] {
    const env = process.env['VPS_FAKE_LOCALES'];
    return env ? env.split(',') : ['en-US'];
  }
  getLocale(): string {
    return this.getPreferredSystemLanguages()[0] ?? 'en-US';
  }
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void {
    this.record('setLoginItemSettings', [settings]);
    this.loginItem = { openAtLogin: settings.openAtLogin };
  }
  getLoginItemSettings(options?: { args?: string[] }): { openAtLogin: boolean } {
    this.record('getLoginItemSettings', options === undefined ? [] : [options]);
    return this.loginItem;
  }
  quit(): void {
    this.record('quit', []);
    this.quitCalls += 1;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.emit('will-quit', { preventDefault: () => undefined });
  }
  exit(code = 0): void {
    this.record('exit', [code]);
  }
}

function buildModule() {
  const defaultSession = new FakeSession();
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu: FakeMenu,
    Notification: FakeNotification,
    nativeImage: {
      createFromPath: (path: string) => new FakeNativeImage(path),
      createEmpty: () => new FakeNativeImage(''),
    },
    ipcMain: {
      handle(channel: string, handler: InvokeHandler): void {
        if (fake.recorder.handlers.has(channel)) {
          // Electron throws here too: a channel can have only one handler.
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        }
        fake.recorder.handlers.set(channel, handler);
      },
      removeHandler(channel: string): void {
        fake.recorder.handlers.delete(channel);
      },
      on(channel: string, listener: Listener): void {
        fake.recorder.calls.push({ api: 'ipcMain.on', args: [channel] });
        fake.recorder.listeners.set(channel, [...(fake.recorder.listeners.get(channel) ?? []), listener]);
      },
      removeListener(channel: string, listener: Listener): void {
        const left = (fake.recorder.listeners.get(channel) ?? []).filter((l) => l !== listener);
        if (left.length > 0) fake.recorder.listeners.set(channel, left);
        else fake.recorder.listeners.delete(channel);
      },
      removeAllListeners(channel?: string): void {
        fake.recorder.calls.push({ api: 'ipcMain.removeAllListeners', args: [channel] });
        if (channel === undefined) fake.recorder.listeners.clear();
        else fake.recorder.listeners.delete(channel);
      },
    },
    shell: {
      openExternal(url: string): Promise<void> {
        fake.recorder.externalOpened.push(url);
        return Promise.resolve();
      },
      openPath(): Promise<string> {
        return Promise.resolve('');
      },
    },
    session: { defaultSession },
    // Emit 'resume' to play a wake from sleep.
    powerMonitor: new EventEmitter(),
    dialog: {
      /** Answers with `fake.savePath` (null: the user cancelled). */
      showSaveDialog(
        ...args: [Record<string, unknown>] | [FakeBrowserWindow, Record<string, unknown>]
      ): Promise<{ canceled: boolean; filePath: string }> {
        const options = args.length === 2 ? args[1] : args[0];
        fake.recorder.saveDialogs.push({ options, parent: args.length === 2 });
        const path = fake.savePath;
        return Promise.resolve(
          path === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: path },
        );
      },
    },
    screen: {
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
  };
}

/** The fake module's shape. */
export type FakeElectronModule = ReturnType<typeof buildModule>;

/** The one fake instance per process (module state, like Electron's own singletons). */
export const fake = {
  recorder: newRecorder(),
  notificationsSupported: true,
  /** Where the next save dialog "saves" (null: the user cancels it). */
  savePath: null as string | null,
  session: { defaultSession: new FakeSession() },
  module: undefined as unknown as FakeElectronModule,
};
fake.module = buildModule();
fake.session = fake.module.session;

/** Clears what was recorded and gives the app fresh state; call between tests. */
export function resetFakeElectron(): void {
  fake.recorder = newRecorder();
  fake.notificationsSupported = true;
  fake.savePath = null;
  const app = fake.module.app;
  app.removeAllListeners();
  app.singleInstanceLock = true;
  app.loginItem = { openAtLogin: false };
  app.quitCalls = 0;
  fake.module.session.defaultSession.headersListener = null;
  fake.module.powerMonitor.removeAllListeners();
}

/** The module object to hand to vi.mock('electron', ...): named exports plus a default. */
export function fakeElectronModule(): FakeElectronModule & { default: FakeElectronModule } {
  return { ...fake.module, default: fake.module };
}

/** A JSON summary of what was recorded (what the smoke test's child process reports). */
export function recordingSummary() {
  const r = fake.recorder;
  return {
    calls: r.calls.map((c) => ({ api: c.api, args: c.args })),
    handledChannels: [...r.handlers.keys()],
    /** Channels with an ipcMain.on listener still attached (each would bypass the trusted-sender check). */
    listenedChannels: [...r.listeners.keys()],
    trays: r.trays.map((t) => ({
      imagePath: t.image.path,
      imageExists: existsSync(t.image.path),
      tooltip: t.tooltip,
      menuLabels: t.menu?.template.map((i) => i.label ?? `(${i.type ?? 'item'})`) ?? [],
    })),
    windows: r.windows.map((w) => ({ options: w.options, loaded: w.loaded, visible: w.visible })),
    notifications: r.notifications.map((n) => ({ title: n.options.title ?? '', body: n.options.body ?? '' })),
  };
}
