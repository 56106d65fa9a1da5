/**
 * The host side of the preview's tray panel: builds the panel script (src/preview/tray-panel, for
 * the browser, with esbuild: development only, like the rest of the preview) and answers its
 * calls with the tray as the app shows it: the model from the same buildTrayModel the Electron
 * adapter renders (through the same TrayController), the icon for its state, and the
 * notifications the core asked for. A chosen item is looked up in the host's own current model:
 * the page can only choose what the menu offers.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import type { NotificationRequest } from '../main/core/ports';
import type { TrayController } from '../main/core/tray-controller';
import type { TrayMenuItem } from '../main/core/tray-model';
import { translatorFor } from '../shared/i18n/translator';
import type { AppState, FocusServer } from '../shared/state';
import { KEY_HEADER, KEY_META_NAME } from './bridge';
import { EXTENSION_PREFIX, type PreviewExtension } from './extension';
import type { PanelConfig, TrayView } from './tray-panel/protocol';

/** The tray icons (the app's own, drawn by scripts/make-icons.ts). */
const ICON_DIR = fileURLToPath(new URL('../../build/icons', import.meta.url));
/** Notifications the panel shows at most (newest first). */
const MAX_NOTIFICATIONS = 6;

/** What the panel host needs. */
export interface TrayHostOptions {
  tray: TrayController;
  state: () => AppState;
  /** Every notification shown so far, oldest first (the recording notifier's list). */
  notifications: readonly NotificationRequest[];
  /** Shows a server in the window (a notification click, where the platform delivers one). */
  focus: (request: FocusServer) => void;
  /** How often the panel refreshes, in ms (default 1000). */
  refreshMs?: number;
}

const ChooseSchema = v.strictObject({
  path: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999))),
    v.minLength(1),
    v.maxLength(4),
  ),
  label: v.pipe(v.string(), v.maxLength(2000)),
});
const ClickSchema = v.strictObject({ id: v.pipe(v.number(), v.integer(), v.minValue(0)) });

/** Builds the panel's script (for the browser, with its config baked in). */
export async function buildTrayPanelScript(refreshMs: number): Promise<string> {
  const config: PanelConfig = {
    keyMeta: KEY_META_NAME,
    keyHeader: KEY_HEADER,
    callPrefix: `${EXTENSION_PREFIX}call/`,
    refreshMs,
  };
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./tray-panel/panel.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    define: { __TRAY_PANEL_CONFIG__: JSON.stringify(config) },
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('The tray panel could not be built.');
  return `// VPS Snapshot Tray browser preview: the system tray beside the window (development only).\n${output.text}`;
}

/** The item at an index path, or null. */
function itemAt(items: readonly TrayMenuItem[], path: readonly number[]): TrayMenuItem | null {
  let level = items;
  let item: TrayMenuItem | null = null;
  for (const index of path) {
    item = level[index] ?? null;
    if (item === null || item.kind !== 'item') return null;
    level = item.submenu ?? [];
  }
  return item;
}

/** The preview extension that draws the tray beside the window. */
export function trayPanelExtension(options: TrayHostOptions): PreviewExtension {
  // Built when the page first asks for it, so the preview starts without waiting for esbuild.
  let script: Promise<string> | null = null;
  const panelScript = () => (script ??= buildTrayPanelScript(options.refreshMs ?? 1000));
  const files: Record<string, string> = {};
  for (const state of ['idle', 'busy', 'error'])
    files[`tray-${state}.png`] = `${ICON_DIR}/tray-${state}@2x.png`;

  const view = (): TrayView => {
    const model = options.tray.model();
    const tr = translatorFor(options.state().language);
    return {
      model,
      icon: `${EXTENSION_PREFIX}files/tray-${model.icon}.png`,
      notifications: options.notifications
        .map((n, id) => ({ id, title: n.title, body: n.body }))
        .reverse()
        .slice(0, MAX_NOTIFICATIONS),
      words: {
        title: tr.t('preview.trayTitle'),
        notifications: tr.t('preview.notifications'),
        none: tr.t('preview.noNotifications'),
      },
      lang: tr.language.tag,
    };
  };

  return {
    scripts: { 'tray-panel': panelScript },
    files,
    calls: {
      tray: async () => view(),
      choose: async (payload) => {
        const parsed = v.safeParse(ChooseSchema, payload);
        if (!parsed.success) return { ok: false, problem: 'invalid request' };
        const item = itemAt(options.tray.model().items, parsed.output.path);
        // The menu may have changed since the page drew it: choose only what it still shows there.
        if (item?.kind !== 'item' || item.label !== parsed.output.label)
          return { ok: false, problem: 'the menu changed' };
        if (!item.enabled || !item.action) return { ok: false, problem: 'not a choice' };
        await options.tray.run(item.action);
        return { ok: true };
      },
      clickNotification: async (payload) => {
        const parsed = v.safeParse(ClickSchema, payload);
        const note = parsed.success ? options.notifications[parsed.output.id] : undefined;
        if (note?.serverId === undefined) return { ok: false };
        options.focus({ serverId: note.serverId });
        return { ok: true };
      },
    },
  };
}
