/**
 * What the preview's tray panel (in the page) and its host (src/preview/tray-host.ts) exchange.
 * Type-only, so the panel's bundle carries nothing of the host.
 */
import type { TrayModel } from '../../main/core/tray-model';

/** Everything the panel draws. */
export interface TrayView {
  /** The tray model, built by the same buildTrayModel the Electron adapter renders. */
  model: TrayModel;
  /** URL of the icon for the model's state. */
  icon: string;
  /** Notifications shown so far, newest first. */
  notifications: Array<{ id: number; title: string; body: string }>;
  /** The panel's own words and the page language tag, in the language every surface shows. */
  words: { title: string; notifications: string; none: string };
  lang: string;
}

/** Chooses the menu item at `path` (indexes, level by level), if it still reads `label`. */
export interface ChooseRequest {
  path: number[];
  label: string;
}

/** Clicks notification `id`, as a user does where the platform delivers clicks. */
export interface NotificationClick {
  id: number;
}

/** Where the panel finds its host (set at build time). */
export interface PanelConfig {
  /** The meta tag carrying this run's key (read before the bridge removes it). */
  keyMeta: string;
  /** The header the key goes in. */
  keyHeader: string;
  /** Where calls are POSTed, followed by the call's name. */
  callPrefix: string;
  /** How often the panel asks for the tray (ms): elapsed times and ages move. */
  refreshMs: number;
}
