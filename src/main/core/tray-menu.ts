/**
 * The tray menu as a pure function of the app state. Linux trays (StatusNotifierItem) show menus
 * only, with no clicks, so everything a user needs is an item here: who is signed in, each server
 * with a quick snapshot (or why not), running operations with elapsed time, refresh, the window
 * and quit. The adapter rebuilds the Menu from this model on every change and on a timer (ages).
 */
import { SNAPSHOT_LIMIT, sameId, type Id, type Operation, type Snapshot } from '../../shared/domain';
import { cleanText } from '../../shared/display-text';
import { renderNameTemplate, uniqueSnapshotName } from '../../shared/snapshot-name';
import type { AppState, ServerEntry } from '../../shared/state';
import { formatAgo, formatElapsed } from './format-age';
import type { TrayAction, TrayIconState, TrayMenuItem, TrayModel } from './tray-model';

/** Server entries shown before the rest are summed up in one "open the window" item. */
export const MAX_SERVER_ENTRIES = 25;
/** Snapshots listed in a server's submenu (the API allows five per server). */
export const MAX_RECENT_SNAPSHOTS = SNAPSHOT_LIMIT;
/** Operation lines shown before the rest are summed up. */
export const MAX_OPERATION_ENTRIES = 10;
/** Finished operations stay in the menu this long, so an outcome missed on Linux can still be seen. */
export const FINISHED_VISIBLE_MS = 60 * 60_000;
/** Finished operations listed at most. */
export const MAX_FINISHED_ENTRIES = 3;
/** Longest server name in a top-level label, so one odd name cannot make the menu huge. */
const MAX_NAME_CHARS = 40;
/** Longest free text (an error message) in a label. */
const MAX_MESSAGE_CHARS = 80;

/** Every word the tray shows, in one place so localising the tray later is one change. */
export const TRAY_TEXT = {
  appName: 'VPS Snapshot Tray',
  starting: 'Starting…',
  tipStarting: 'starting',
  notSignedIn: 'Not signed in',
  tryDemo: 'Try the demo',
  signIn: 'Sign in…',
  demo: 'Demo',
  signedInAs: (email: string) => `Signed in as ${email}`,
  signedIn: 'Signed in',
  sessionOnly: 'Token kept for this session only (no keychain)',
  tokenInvalid: 'Token no longer works — open the app to enter a new one',
  offline: (demo: boolean) =>
    demo
      ? 'Cannot reach the demo server — showing the last data'
      : 'Cannot reach VPS.org — showing the last data',
  lastError: (message: string) => `Last refresh failed: ${message}`,
  loadingServers: 'Loading servers…',
  noServers: 'No servers on this account',
  serversNotLoaded: 'Servers could not be loaded yet',
  serverLine: (name: string, status: string, count: number, last: string) =>
    `${name} — ${status} · ${count}/${SNAPSHOT_LIMIT} · ${last}`,
  lastSnapshot: (ago: string) => `last snapshot ${ago}`,
  noSnapshots: 'no snapshots',
  status: {
    active: 'active',
    stopped: 'stopped',
    suspended: 'suspended',
    restoring: 'restoring',
  } as Record<string, string>,
  unknownStatus: 'unknown status',
  quickSnapshot: 'Quick snapshot',
  quickSnapshotBlocked: (reason: string) => `Quick snapshot (${reason})`,
  reasonLimit: `${SNAPSHOT_LIMIT}/${SNAPSHOT_LIMIT} — delete one first`,
  reasonRestoring: 'server is restoring',
  reasonTokenInvalid: 'token no longer works',
  willBeNamed: (name: string) => `Will be named ${name}`,
  runningServerTip: 'Server is running: stop it first for a consistent snapshot',
  snapshotLine: (name: string, status: string, ago: string | null) =>
    ago ? `${name} — ${status} · ${ago}` : `${name} — ${status}`,
  snapshotStatus: {
    in_progress: 'in progress',
    completed: 'completed',
    failed: 'failed',
  } as Record<string, string>,
  noSnapshotsYet: 'No snapshots yet',
  openInWindow: 'Open in window',
  creating: (snapshot: string, server: string) => `Creating ${snapshot} on ${server}`,
  restoring: (server: string, snapshot: string) => `Restoring ${server} from ${snapshot}`,
  created: (snapshot: string, server: string) => `Created ${snapshot} on ${server}`,
  createFailed: (snapshot: string, server: string) => `Failed to create ${snapshot} on ${server}`,
  restored: (server: string, snapshot: string) => `Restored ${server} from ${snapshot}`,
  restoreFailed: (server: string, snapshot: string) => `Restore of ${server} from ${snapshot} failed`,
  withTime: (label: string, time: string | null) => (time ? `${label} — ${time}` : label),
  moreOperations: (n: number) => `${n} more running — open the window`,
  moreServers: (n: number) => `${n} more ${n === 1 ? 'server' : 'servers'} — open the window`,
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  lastUpdated: (ago: string) => `Last updated ${ago}`,
  notUpdatedYet: 'Not updated yet',
  openApp: 'Open VPS Snapshot Tray',
  quit: 'Quit',
  tooltip: (detail: string) => `VPS Snapshot Tray — ${detail}`,
  tipTokenInvalid: 'token no longer works',
  tipOffline: 'cannot reach the API',
  tipRunning: (n: number) => `${n} ${n === 1 ? 'operation' : 'operations'} running`,
  tipSignedOut: 'not signed in',
  tipServers: (n: number) => `${n} ${n === 1 ? 'server' : 'servers'}`,
  tipDemo: (servers: string) => `Demo · ${servers}`,
} as const;

/** Outside text as one clean label part (the shared rule: no controls, bidi or zero-width; capped). */
function clean(text: string, max: number): string {
  return cleanText(text, max);
}

function info(label: string): TrayMenuItem {
  return { kind: 'item', label, enabled: false };
}

function act(label: string, action: TrayAction, enabled = true): TrayMenuItem {
  return { kind: 'item', label, enabled, action };
}

const SEPARATOR: TrayMenuItem = { kind: 'separator' };

function serverStatusWord(status: string): string {
  const known = Object.hasOwn(TRAY_TEXT.status, status) ? TRAY_TEXT.status[status] : undefined;
  if (known) return known;
  const shown = clean(status, 24);
  return shown.length > 0 ? shown : TRAY_TEXT.unknownStatus;
}

function snapshotStatusWord(status: string): string {
  const known = Object.hasOwn(TRAY_TEXT.snapshotStatus, status)
    ? TRAY_TEXT.snapshotStatus[status]
    : undefined;
  return known ?? (clean(status, 24) || TRAY_TEXT.unknownStatus);
}

function running(state: AppState): Operation[] {
  return state.operations.filter((op) => op.status === 'running');
}

/**
 * Snapshots that count towards the limit: the listed ones plus running creations the list does
 * not show yet (the list lags a fresh creation until the next refresh).
 */
function snapshotCount(entry: ServerEntry, ops: readonly Operation[]): number {
  const pending = ops.filter(
    (op) =>
      op.kind === 'create' &&
      sameId(op.serverId, entry.server.id) &&
      !entry.snapshots.some((s) =>
        op.snapshotId !== null ? sameId(s.id, op.snapshotId) : s.name === op.snapshotName,
      ),
  );
  return entry.snapshots.length + pending.length;
}

/** The newest snapshot by creation time (the list is newest first, but do not rely on it). */
function newest(snapshots: readonly Snapshot[]): Snapshot | null {
  let best: Snapshot | null = null;
  let bestAt = -Infinity;
  for (const s of snapshots) {
    const at = Date.parse(s.createdAt);
    if (best === null || (Number.isFinite(at) && at > bestAt)) {
      best = s;
      bestAt = Number.isFinite(at) ? at : bestAt;
    }
  }
  return best;
}

/** Why a quick snapshot of this server cannot work now, or null when it can. */
function quickSnapshotBlock(state: AppState, entry: ServerEntry, ops: readonly Operation[]): string | null {
  if (state.account.tokenInvalid) return TRAY_TEXT.reasonTokenInvalid;
  const restoring =
    entry.server.status === 'restoring' ||
    ops.some((op) => op.kind === 'restore' && sameId(op.serverId, entry.server.id));
  if (restoring) return TRAY_TEXT.reasonRestoring;
  if (snapshotCount(entry, ops) >= SNAPSHOT_LIMIT) return TRAY_TEXT.reasonLimit;
  return null;
}

function serverSubmenu(
  state: AppState,
  entry: ServerEntry,
  ops: readonly Operation[],
  now: number,
): TrayMenuItem[] {
  const id: Id = entry.server.id;
  const items: TrayMenuItem[] = [];
  const block = quickSnapshotBlock(state, entry, ops);
  if (block === null) {
    items.push(act(TRAY_TEXT.quickSnapshot, { type: 'quickSnapshot', serverId: id }));
    // The same rule the core applies when it names the snapshot, so the preview tells the truth.
    const base = renderNameTemplate(state.settings.nameTemplate, { server: entry.server, at: new Date(now) });
    const name = uniqueSnapshotName(
      base,
      entry.snapshots.map((s) => s.name),
    );
    items.push(info(TRAY_TEXT.willBeNamed(name)));
    if (entry.server.status === 'active') items.push(info(TRAY_TEXT.runningServerTip));
  } else {
    items.push(act(TRAY_TEXT.quickSnapshotBlocked(block), { type: 'quickSnapshot', serverId: id }, false));
  }
  items.push(SEPARATOR);
  if (entry.snapshots.length === 0) items.push(info(TRAY_TEXT.noSnapshotsYet));
  for (const s of entry.snapshots.slice(0, MAX_RECENT_SNAPSHOTS)) {
    items.push(
      info(
        TRAY_TEXT.snapshotLine(clean(s.name, 64), snapshotStatusWord(s.status), formatAgo(s.createdAt, now)),
      ),
    );
  }
  items.push(SEPARATOR);
  items.push(act(TRAY_TEXT.openInWindow, { type: 'showServer', serverId: id }));
  return items;
}

function serverItem(
  state: AppState,
  entry: ServerEntry,
  ops: readonly Operation[],
  now: number,
): TrayMenuItem {
  const last = newest(entry.snapshots);
  const lastAgo = last ? formatAgo(last.createdAt, now) : null;
  const lastText = last
    ? lastAgo
      ? TRAY_TEXT.lastSnapshot(lastAgo)
      : TRAY_TEXT.lastSnapshot('at an unknown time')
    : TRAY_TEXT.noSnapshots;
  const label = TRAY_TEXT.serverLine(
    clean(entry.server.name, MAX_NAME_CHARS) || String(entry.server.id),
    serverStatusWord(entry.server.status),
    snapshotCount(entry, ops),
    lastText,
  );
  return { kind: 'item', label, enabled: true, submenu: serverSubmenu(state, entry, ops, now) };
}

function header(state: AppState): TrayMenuItem[] {
  const items: TrayMenuItem[] = [];
  if (state.mode === 'signed-out') {
    items.push(info(TRAY_TEXT.notSignedIn));
    items.push(act(TRAY_TEXT.tryDemo, { type: 'startDemo' }));
    items.push(act(TRAY_TEXT.signIn, { type: 'openWindow' }));
    return items;
  }
  if (state.mode === 'demo') items.push(info(TRAY_TEXT.demo));
  else {
    const email = state.account.email ? clean(state.account.email, MAX_MESSAGE_CHARS) : '';
    items.push(info(email ? TRAY_TEXT.signedInAs(email) : TRAY_TEXT.signedIn));
    if (state.account.tokenStorage === 'session') items.push(info(TRAY_TEXT.sessionOnly));
  }
  if (state.account.tokenInvalid) items.push(act(TRAY_TEXT.tokenInvalid, { type: 'openWindow' }));
  if (state.sync.offline) items.push(info(TRAY_TEXT.offline(state.mode === 'demo')));
  else if (state.sync.lastError && !state.account.tokenInvalid) {
    items.push(info(TRAY_TEXT.lastError(clean(state.sync.lastError.message, MAX_MESSAGE_CHARS))));
  }
  return items;
}

function serverSection(state: AppState, ops: readonly Operation[], now: number): TrayMenuItem[] {
  if (state.servers.length === 0) {
    if (state.sync.lastRefreshAt !== null) return [info(TRAY_TEXT.noServers)];
    // Never loaded: "loading" only while that can still be true, not after the first try failed.
    const failed = state.sync.offline || state.sync.lastError !== null || state.account.tokenInvalid;
    return [info(failed ? TRAY_TEXT.serversNotLoaded : TRAY_TEXT.loadingServers)];
  }
  const shown = state.servers.slice(0, MAX_SERVER_ENTRIES).map((entry) => serverItem(state, entry, ops, now));
  const rest = state.servers.length - MAX_SERVER_ENTRIES;
  if (rest > 0) shown.push(act(TRAY_TEXT.moreServers(rest), { type: 'openWindow' }));
  return shown;
}

function operationLabel(op: Operation, now: number): string {
  const server = clean(op.serverName, MAX_NAME_CHARS);
  const snapshot = clean(op.snapshotName, 64);
  if (op.status === 'running') {
    const base =
      op.kind === 'create' ? TRAY_TEXT.creating(snapshot, server) : TRAY_TEXT.restoring(server, snapshot);
    return TRAY_TEXT.withTime(base, formatElapsed(op.startedAt, now));
  }
  const ok = op.status === 'succeeded';
  const base =
    op.kind === 'create'
      ? ok
        ? TRAY_TEXT.created(snapshot, server)
        : TRAY_TEXT.createFailed(snapshot, server)
      : ok
        ? TRAY_TEXT.restored(server, snapshot)
        : TRAY_TEXT.restoreFailed(server, snapshot);
  return TRAY_TEXT.withTime(base, op.finishedAt ? formatAgo(op.finishedAt, now) : null);
}

function operationSection(state: AppState, ops: readonly Operation[], now: number): TrayMenuItem[] {
  const items: TrayMenuItem[] = ops
    .slice(0, MAX_OPERATION_ENTRIES)
    .map((op) => act(operationLabel(op, now), { type: 'showServer', serverId: op.serverId }));
  if (ops.length > MAX_OPERATION_ENTRIES) {
    items.push(act(TRAY_TEXT.moreOperations(ops.length - MAX_OPERATION_ENTRIES), { type: 'openWindow' }));
  }
  const finished = state.operations
    .filter((op) => op.status !== 'running' && op.finishedAt !== null)
    .filter((op) => {
      const at = Date.parse(op.finishedAt ?? '');
      return Number.isFinite(at) && now - at <= FINISHED_VISIBLE_MS;
    })
    .sort((a, b) => Date.parse(b.finishedAt ?? '') - Date.parse(a.finishedAt ?? ''))
    .slice(0, MAX_FINISHED_ENTRIES);
  for (const op of finished)
    items.push(act(operationLabel(op, now), { type: 'showServer', serverId: op.serverId }));
  return items;
}

function refreshSection(state: AppState, now: number): TrayMenuItem[] {
  const refreshing = state.sync.refreshing;
  const ago = state.sync.lastRefreshAt ? formatAgo(state.sync.lastRefreshAt, now) : null;
  return [
    act(refreshing ? TRAY_TEXT.refreshing : TRAY_TEXT.refresh, { type: 'refresh' }, !refreshing),
    info(ago ? TRAY_TEXT.lastUpdated(ago) : TRAY_TEXT.notUpdatedYet),
  ];
}

function iconFor(state: AppState, ops: readonly Operation[]): TrayIconState {
  if (state.mode !== 'signed-out' && (state.account.tokenInvalid || state.sync.offline)) return 'error';
  return ops.length > 0 ? 'busy' : 'idle';
}

function tooltipFor(state: AppState, ops: readonly Operation[]): string {
  if (state.mode === 'signed-out') return TRAY_TEXT.tooltip(TRAY_TEXT.tipSignedOut);
  if (state.account.tokenInvalid) return TRAY_TEXT.tooltip(TRAY_TEXT.tipTokenInvalid);
  if (state.sync.offline) return TRAY_TEXT.tooltip(TRAY_TEXT.tipOffline);
  if (ops.length > 0) return TRAY_TEXT.tooltip(TRAY_TEXT.tipRunning(ops.length));
  const servers = TRAY_TEXT.tipServers(state.servers.length);
  return TRAY_TEXT.tooltip(state.mode === 'demo' ? TRAY_TEXT.tipDemo(servers) : servers);
}

/**
 * The tray while the core starts: it says so and offers only the window and Quit, since nothing may
 * act before the keychain has been read (a demo started then would replace the saved operations).
 */
function startingModel(): TrayModel {
  return {
    icon: 'idle',
    tooltip: TRAY_TEXT.tooltip(TRAY_TEXT.tipStarting),
    items: [
      info(TRAY_TEXT.starting),
      SEPARATOR,
      act(TRAY_TEXT.openApp, { type: 'openWindow' }),
      act(TRAY_TEXT.quit, { type: 'quit' }),
    ],
  };
}

/** Builds the tray's icon, tooltip and menu from the state; `now` (ms) dates ages and elapsed times. */
export function buildTrayModel(state: AppState, now: number): TrayModel {
  if (state.starting) return startingModel();
  const ops = running(state);
  const items: TrayMenuItem[] = [...header(state), SEPARATOR];
  if (state.mode !== 'signed-out') {
    items.push(...serverSection(state, ops, now), SEPARATOR);
    const opItems = operationSection(state, ops, now);
    if (opItems.length > 0) items.push(...opItems, SEPARATOR);
    items.push(...refreshSection(state, now), SEPARATOR);
  }
  items.push(act(TRAY_TEXT.openApp, { type: 'openWindow' }), act(TRAY_TEXT.quit, { type: 'quit' }));
  return { icon: iconFor(state, ops), tooltip: tooltipFor(state, ops), items };
}
