/**
 * The app window: sandboxed, isolated, no Node, a strict CSP (src/shared/csp.ts) on every response,
 * no navigation and no pop-ups.
 * Closing hides it (the app lives in the tray); its bounds are remembered.
 */
import { BrowserWindow, type WebPreferences } from 'electron';
import { pathToFileURL } from 'node:url';
import type { Id } from '../../shared/domain';
import { contentSecurityPolicy } from '../../shared/csp';
import { eventChannel, type EventMap, type EventName } from '../../shared/ipc';
import { parseUrl } from '../../shared/settings';
import type { FocusServer } from '../../shared/state';
import type { WindowBounds } from '../settings/schema';
import type { TrustedSender } from './ipc';

/** Where the window's parts are and how it reports back. */
export interface AppWindowOptions {
  /** Absolute path of the built CommonJS preload. */
  preloadPath: string;
  /** Absolute path of the built renderer's index.html (used when no dev server runs). */
  rendererFile: string;
  /** electron-vite's dev-server URL in development, else null. */
  devServerUrl: string | null;
  /** Last remembered bounds, or null for the default size. */
  bounds: WindowBounds | null;
  onBoundsChanged: (bounds: WindowBounds) => void;
  /** Links the page tries to open go here; the action's allowlist decides. */
  onExternalLink: (url: string) => void;
  onVisibilityChanged?: (visible: boolean) => void;
}

/** The remembered bounds if they still overlap a display's work area (a monitor may be gone), else null. */
export function onScreenBounds(bounds: WindowBounds | null, workAreas: WindowBounds[]): WindowBounds | null {
  if (!bounds) return null;
  const overlaps = (a: WindowBounds) =>
    Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x) >= 100 &&
    Math.min(bounds.y + bounds.height, a.y + a.height) - Math.max(bounds.y, a.y) >= 50;
  return workAreas.some(overlaps) ? bounds : null;
}

/** The exact webPreferences the window runs with (exported for the tests). */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** The one app window. */
export class AppWindow implements TrustedSender {
  private readonly window: BrowserWindow;
  private quitting = false;
  private readonly rendererUrl: URL;

  constructor(private readonly options: AppWindowOptions) {
    this.rendererUrl = new URL(options.devServerUrl ?? pathToFileURL(options.rendererFile).href);
    const b = options.bounds;
    this.window = new BrowserWindow({
      ...(b ? { x: b.x, y: b.y, width: b.width, height: b.height } : { width: 980, height: 700 }),
      minWidth: 640,
      minHeight: 480,
      show: false,
      title: 'VPS Snapshot Tray',
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(options.preloadPath),
    });
    this.harden();
    this.trackBounds();
    this.window.on('close', (event) => {
      // The app keeps running in the tray; only a real quit closes the window.
      if (this.quitting) return;
      event.preventDefault();
      this.hide();
    });
  }

  /** Loads the renderer. */
  async load(): Promise<void> {
    if (this.options.devServerUrl) await this.window.loadURL(this.options.devServerUrl);
    else await this.window.loadFile(this.options.rendererFile);
  }

  private harden(): void {
    const { webContents } = this.window;
    const csp = contentSecurityPolicy({ delivery: 'header', devServerUrl: this.options.devServerUrl });
    webContents.session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
    // No camera, location, notifications-from-the-page, …: the window needs none of them.
    webContents.session.setPermissionRequestHandler((_wc, _permission, respond) => respond(false));
    // Checks (e.g. navigator.permissions queries) answer "denied" too, so the page never sees a grant.
    webContents.session.setPermissionCheckHandler(() => false);
    webContents.on('will-navigate', (event) => event.preventDefault());
    webContents.setWindowOpenHandler(({ url }) => {
      this.options.onExternalLink(url);
      return { action: 'deny' };
    });
  }

  private trackBounds(): void {
    const save = () => {
      if (!this.window.isDestroyed()) this.options.onBoundsChanged(this.window.getNormalBounds());
    };
    this.window.on('resized', save);
    this.window.on('moved', save);
    this.window.on('close', save);
  }

  /** TrustedSender: our webContents id. */
  webContentsId(): number | null {
    return this.window.isDestroyed() ? null : this.window.webContents.id;
  }

  /** TrustedSender: our renderer page (file path or dev-server origin), ignoring query and hash. */
  isTrustedUrl(url: string): boolean {
    const parsed = parseUrl(url);
    if (parsed === null) return false;
    if (this.rendererUrl.protocol === 'file:') {
      return parsed.protocol === 'file:' && parsed.pathname === this.rendererUrl.pathname;
    }
    return parsed.origin === this.rendererUrl.origin;
  }

  /** Shows and focuses the window. */
  show(): void {
    if (this.window.isDestroyed()) return;
    if (this.window.isMinimized()) this.window.restore();
    this.window.show();
    this.window.focus();
    this.options.onVisibilityChanged?.(true);
  }

  /** Hides the window (the app stays in the tray). */
  hide(): void {
    if (this.window.isDestroyed()) return;
    this.window.hide();
    this.options.onVisibilityChanged?.(false);
  }

  /** True while the window is on screen. */
  isVisible(): boolean {
    return !this.window.isDestroyed() && this.window.isVisible();
  }

  /**
   * Shows the window on one server (after a notification or tray click): a server id, or a request
   * that also names a snapshot to bring into view or the create dialog to open.
   */
  focusServer(request: Id | FocusServer): void {
    this.show();
    this.send('focusServer', typeof request === 'object' ? request : { serverId: request });
  }

  /** Pushes an event to the page. */
  send<E extends EventName>(event: E, payload: EventMap[E]): void {
    if (this.window.isDestroyed() || this.window.webContents.isDestroyed()) return;
    this.window.webContents.send(eventChannel(event), payload);
  }

  /** The native window, as the parent a save dialog stays in front of (null once it is gone). */
  dialogParent(): BrowserWindow | null {
    return this.window.isDestroyed() ? null : this.window;
  }

  /** Lets the next close really close (called when the app quits). */
  allowClose(): void {
    this.quitting = true;
  }
}
