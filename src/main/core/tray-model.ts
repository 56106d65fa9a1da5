/**
 * The tray as data: a pure function of the app state builds this model, and the thin Electron
 * tray adapter (and the browser preview's tray) turns it into a menu. Linux trays give no clicks,
 * so everything is in the menu.
 */
import type { Id } from '../../shared/domain';
import type { AppError } from '../../shared/state';

/** What a menu item does when chosen; the adapter maps each to the same core action as the window. */
export type TrayAction =
  | { type: 'quickSnapshot'; serverId: Id }
  /** Opens the window's create dialog for the server ("Snapshot with a name…"). */
  | { type: 'createSnapshot'; serverId: Id }
  /** Shows the server in the window, and one of its snapshots when given. */
  | { type: 'showServer'; serverId: Id; snapshotId?: Id }
  | { type: 'refresh' }
  | { type: 'openWindow' }
  | { type: 'startDemo' }
  /** Leaves the demo and shows the sign-in screen. */
  | { type: 'leaveDemo' }
  | { type: 'quit' };

/** Tray actions that call the core and so can be refused or fail. */
export type CoreTrayAction = 'quickSnapshot' | 'refresh' | 'startDemo' | 'leaveDemo';

/**
 * A tray action that was refused or failed, kept for a while so the menu can show it among the
 * recent outcomes (its notification may never have been seen). Data, worded at each render.
 */
export interface TrayNotice {
  /** When it happened (ms). */
  at: number;
  action: CoreTrayAction;
  error: AppError;
  /** The server it was for, if any. */
  server: { id: Id; name: string } | null;
}

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
