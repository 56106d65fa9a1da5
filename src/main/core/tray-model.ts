/**
 * The tray as data: a pure function of the app state builds this model, and the thin Electron
 * tray adapter turns it into a Menu. Linux trays give no clicks, so everything is in the menu.
 */
import type { Id } from '../../shared/domain';

/** What a menu item does when chosen; the adapter maps each to the same core action as the window. */
export type TrayAction =
  | { type: 'quickSnapshot'; serverId: Id }
  | { type: 'showServer'; serverId: Id }
  | { type: 'refresh' }
  | { type: 'openWindow' }
  | { type: 'startDemo' }
  | { type: 'quit' };

/** One menu entry. */
export type TrayMenuItem =
  | { kind: 'separator' }
  | {
      kind: 'item';
      label: string;
      enabled: boolean;
      action?: TrayAction;
      submenu?: TrayMenuItem[];
    };

/** Which icon the tray shows. */
export type TrayIconState = 'idle' | 'busy' | 'error';

/** Everything the tray shows. */
export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  items: TrayMenuItem[];
}
