/**
 * The tray: one class whose one private render step turns a TrayModel into a Menu, an icon and a
 * tooltip, skipping updates that change nothing. Linux trays show menus only, so the menu is
 * rebuilt and set again on every real change.
 */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { TrayAction, TrayIconState, TrayMenuItem, TrayModel } from '../core/tray-model';

/** Paths of the icon for each state. */
export type TrayIconPaths = Record<TrayIconState, string>;

/**
 * The tray icon files in `dir`: template images on macOS (black + alpha, tinted by the OS; the @2x
 * files are picked up by name), .ico files with several sizes on Windows, PNGs elsewhere.
 */
export function trayIconPaths(dir: string, platform: NodeJS.Platform = process.platform): TrayIconPaths {
  const names: Partial<Record<NodeJS.Platform, (state: TrayIconState) => string>> = {
    darwin: (state) => `tray-${state}Template.png`,
    win32: (state) => `tray-${state}.ico`,
  };
  const name = names[platform] ?? ((state: TrayIconState) => `tray-${state}.png`);
  const file = (state: TrayIconState) => join(dir, name(state));
  return { idle: file('idle'), busy: file('busy'), error: file('error') };
}

/** The app's tray icon and menu. */
export class AppTray {
  private readonly tray: Tray;
  private lastRendered: string | null = null;
  private lastIcon: TrayIconState | null = null;

  constructor(
    private readonly icons: TrayIconPaths,
    private readonly onAction: (action: TrayAction) => void,
    initial: TrayModel,
  ) {
    this.tray = new Tray(nativeImage.createFromPath(icons[initial.icon]));
    this.lastIcon = initial.icon;
    this.render(initial);
  }

  /** Shows a new model; does nothing when it equals the last one. */
  update(model: TrayModel): void {
    this.render(model);
  }

  /** Removes the icon (on quit). */
  destroy(): void {
    this.tray.destroy();
  }

  private render(model: TrayModel): void {
    const json = JSON.stringify(model);
    if (json === this.lastRendered) return;
    this.lastRendered = json;
    if (model.icon !== this.lastIcon) {
      this.tray.setImage(nativeImage.createFromPath(this.icons[model.icon]));
      this.lastIcon = model.icon;
    }
    this.tray.setToolTip(model.tooltip);
    this.tray.setContextMenu(Menu.buildFromTemplate(model.items.map((item) => this.toMenuItem(item))));
  }

  private toMenuItem(item: TrayMenuItem): MenuItemConstructorOptions {
    if (item.kind === 'separator') return { type: 'separator' };
    // Electron reads '&' as a mnemonic marker and drops it (electron/electron#9584): double it.
    const options: MenuItemConstructorOptions = {
      label: item.label.replace(/&/g, '&&'),
      enabled: item.enabled,
    };
    const action = item.action;
    if (action) options.click = () => this.onAction(action);
    if (item.submenu) options.submenu = item.submenu.map((child) => this.toMenuItem(child));
    return options;
  }
}
