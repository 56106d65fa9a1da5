/**
 * The application menu of a packaged app. Electron's default menu carries View > Toggle Developer
 * Tools and Reload, so production has none on Windows and Linux, and on macOS only the app menu and
 * the Edit menu (without it Cmd+C / Cmd+V stop working in the window's fields).
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

/** The template for `platform`, or null for no menu at all. */
export function productionMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  return platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }] : null;
}

/** Replaces Electron's default menu (call before any window exists). */
export function setProductionMenu(platform: NodeJS.Platform = process.platform): void {
  const template = productionMenuTemplate(platform);
  Menu.setApplicationMenu(template === null ? null : Menu.buildFromTemplate(template));
}
