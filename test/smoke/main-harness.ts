// Child process of the smoke test: loads the BUILT main bundle with `electron` resolved to the
// recording fake, then answers the parent's messages:
//   'report'                         -> what the fake has recorded so far
//   { type: 'menu' }                 -> the current tray menu as a tree, with its icon and tooltip
//   { type: 'click', path: string[] } -> chooses the menu item whose labels start with `path`,
//                                       level by level, through the click handler the app set
//   { type: 'invoke', name, payload } -> calls an IPC handler as the app's own window would
//   { type: 'second-instance', argv } -> what Electron emits when the app is launched again
// Clicking the recorded item is what a user picking it from a Linux tray menu amounts to.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { fake, recordingSummary, type FakeMenuItemOptions } from '../support/fake-electron';

const bundle = process.argv[2] ?? resolve('out/main/index.js');

/** A menu item as the parent sees it. */
export interface MenuNode {
  label: string;
  enabled: boolean;
  separator: boolean;
  clickable: boolean;
  submenu: MenuNode[];
}

/** The tray's state as the parent sees it. */
export interface MenuReport {
  icon: string | null;
  tooltip: string;
  items: MenuNode[];
  contextMenuSets: number;
}

/** The parent's messages. */
export type HarnessRequest =
  | 'report'
  | 'exit'
  | { type: 'menu' }
  | { type: 'click'; path: string[] }
  | { type: 'invoke'; name: string; payload?: unknown }
  | { type: 'second-instance'; argv: string[] };

/** Calls a registered IPC handler with an event from our window's page, as the preload would. */
async function invoke(name: string, payload: unknown): Promise<unknown> {
  const handler = fake.recorder.handlers.get(`vps:invoke:${name}`);
  const window = fake.recorder.windows[0];
  if (!handler || !window) return { ok: false, error: { kind: 'internal', message: 'not ready' } };
  const event = { sender: window.webContents, senderFrame: { url: window.webContents.url } };
  return payload === undefined ? handler(event) : handler(event, payload);
}

function toNode(item: FakeMenuItemOptions): MenuNode {
  return {
    label: item.label ?? '',
    enabled: item.enabled !== false,
    separator: item.type === 'separator',
    clickable: typeof item.click === 'function',
    submenu: (item.submenu ?? []).map(toNode),
  };
}

function menuReport(): MenuReport {
  const tray = fake.recorder.trays[0];
  return {
    icon: tray?.image.path ?? null,
    tooltip: tray?.tooltip ?? '',
    items: (tray?.menu?.template ?? []).map(toNode),
    contextMenuSets: tray?.contextMenuSets ?? 0,
  };
}

/** Finds an item by label prefixes and clicks it; returns why not when it cannot. */
function click(path: readonly string[]): string | null {
  let level: FakeMenuItemOptions[] = fake.recorder.trays[0]?.menu?.template ?? [];
  let item: FakeMenuItemOptions | undefined;
  for (const prefix of path) {
    item = level.find((i) => i.type !== 'separator' && (i.label ?? '').startsWith(prefix));
    if (!item) return `no item starting with "${prefix}"`;
    level = item.submenu ?? [];
  }
  if (!item) return 'empty path';
  if (item.enabled === false) return `"${item.label ?? ''}" is disabled`;
  if (!item.click) return `"${item.label ?? ''}" has no click handler`;
  item.click();
  return null;
}

process.on('message', (message: HarnessRequest) => {
  if (message === 'report') process.send?.({ type: 'report', summary: recordingSummary() });
  else if (message === 'exit') process.exit(0);
  else if (message.type === 'menu') process.send?.({ type: 'menu', menu: menuReport() });
  else if (message.type === 'click') process.send?.({ type: 'clicked', problem: click(message.path) });
  else if (message.type === 'invoke') {
    void invoke(message.name, message.payload).then((result) => process.send?.({ type: 'invoked', result }));
  } else if (message.type === 'second-instance') {
    fake.module.app.emit('second-instance', {}, message.argv, process.cwd());
    process.send?.({ type: 'relaunched' });
  }
});

try {
  await import(pathToFileURL(bundle).href);
  process.send?.({ type: 'loaded' });
} catch (error) {
  process.send?.({ type: 'load-error', message: error instanceof Error ? error.message : String(error) });
}
