/**
 * The tray menu as a pure function of the app state, in the state's language. Linux trays
 * (StatusNotifierItem) show menus only, with no clicks, so everything a user needs is an item here:
 * what is running first (with elapsed time against the usual duration), who is signed in, each
 * server with a quick snapshot (or why not) and its snapshots, the recent outcomes (finished
 * operations, and tray actions that were refused or failed), refresh, the window and quit. The
 * adapter rebuilds the Menu from this model on every change and on a timer (ages).
 */
import {
  CREATE_MINUTES,
  RESTORE_MINUTES,
  SNAPSHOT_LIMIT,
  sameId,
  type Operation,
  type Snapshot,
} from '../../shared/domain';
import { errorMessage, statusWord } from '../../shared/i18n/texts';
import { translatorFor, type Translator } from '../../shared/i18n/translator';
import { cleanText } from '../../shared/display-text';
import { renderNameTemplate, uniqueSnapshotName } from '../../shared/snapshot-name';
import type { AppState, ServerEntry } from '../../shared/state';
import { actionFailedNotification } from './notifications';
import { policyNeedsAttention, policyTrayLines } from './policy/tray-policy';
import type { TrayAction, TrayIconState, TrayMenuItem, TrayModel, TrayNotice } from './tray-model';

/** Server entries shown before the rest are summed up in one "open the window" item. */
export const MAX_SERVER_ENTRIES = 25;
/** Snapshots listed in a server's submenu (the API allows five per server). */
export const MAX_RECENT_SNAPSHOTS = SNAPSHOT_LIMIT;
/** Running operation lines shown before the rest are summed up. */
export const MAX_OPERATION_ENTRIES = 10;
/** Recent outcomes stay in the menu this long, so one missed on Linux can still be seen. */
export const RECENT_VISIBLE_MS = 60 * 60_000;
/** Recent outcomes (finished operations and refused tray actions) listed at most. */
export const MAX_RECENT_ENTRIES = 4;
/** Longest server name in a top-level label, so one odd name cannot make the menu huge. */
const MAX_NAME_CHARS = 40;
/** Longest free text (an error message) in a label. */
const MAX_MESSAGE_CHARS = 80;
/** Width of the lines a notice's reason is wrapped into, in its submenu. */
const REASON_LINE_CHARS = 64;

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

/** What the menu builders share: the state, the time and the words. */
interface Ctx {
  state: AppState;
  now: number;
  tr: Translator;
  running: Operation[];
}

function statusText(status: string, tr: Translator): string {
  return clean(statusWord(status, tr), 24) || tr.t('statusWord.unknown');
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
function quickSnapshotBlock(c: Ctx, entry: ServerEntry): string | null {
  if (c.state.account.tokenInvalid) return c.tr.t('tray.reasonTokenInvalid');
  const restoring =
    entry.server.status === 'restoring' ||
    c.running.some((op) => op.kind === 'restore' && sameId(op.serverId, entry.server.id));
  if (restoring) return c.tr.t('tray.reasonRestoring');
  if (snapshotCount(entry, c.running) >= SNAPSHOT_LIMIT) {
    return c.tr.t('tray.reasonLimit', { limit: SNAPSHOT_LIMIT });
  }
  return null;
}

function serverSubmenu(c: Ctx, entry: ServerEntry): TrayMenuItem[] {
  const { tr } = c;
  const id = entry.server.id;
  const items: TrayMenuItem[] = [];
  const block = quickSnapshotBlock(c, entry);
  if (block === null) {
    items.push(act(tr.t('tray.quickSnapshot'), { type: 'quickSnapshot', serverId: id }));
    // The same rule the core applies when it names the snapshot, so the preview tells the truth.
    const base = renderNameTemplate(c.state.settings.nameTemplate, {
      server: entry.server,
      at: new Date(c.now),
    });
    const name = uniqueSnapshotName(
      base,
      entry.snapshots.map((s) => s.name),
    );
    items.push(info(tr.t('tray.willBeNamed', { name })));
    items.push(act(tr.t('tray.namedSnapshot'), { type: 'createSnapshot', serverId: id }));
  } else {
    const label = tr.t('tray.quickSnapshotBlocked', { reason: block });
    items.push(act(label, { type: 'quickSnapshot', serverId: id }, false));
  }
  items.push(SEPARATOR);
  if (entry.snapshots.length === 0) items.push(info(tr.t('tray.noSnapshotsYet')));
  for (const s of entry.snapshots.slice(0, MAX_RECENT_SNAPSHOTS)) {
    const age = tr.age(s.createdAt, c.now);
    const params = { name: clean(s.name, 64), status: statusText(s.status, tr) };
    const label = age
      ? tr.t('tray.snapshotLine', { ...params, age })
      : tr.t('tray.snapshotLineNoAge', params);
    items.push(act(label, { type: 'showServer', serverId: id, snapshotId: s.id }));
  }
  const policy = policyTrayLines(tr, c.state.policies, {
    id,
    name: clean(entry.server.name, MAX_NAME_CHARS),
  });
  if (policy.length > 0) items.push(SEPARATOR, ...policy.map(info));
  items.push(SEPARATOR);
  items.push(act(tr.t('tray.openInWindow'), { type: 'showServer', serverId: id }));
  return items;
}

function serverItem(c: Ctx, entry: ServerEntry): TrayMenuItem {
  const { tr } = c;
  const last = newest(entry.snapshots);
  const lastAge = last ? tr.age(last.createdAt, c.now) : null;
  const lastText = last
    ? lastAge
      ? tr.t('tray.lastSnapshot', { age: lastAge })
      : tr.t('tray.lastSnapshotUnknown')
    : tr.t('tray.noSnapshots');
  const label = tr.t('tray.serverLine', {
    name: clean(entry.server.name, MAX_NAME_CHARS) || String(entry.server.id),
    status: statusText(entry.server.status, tr),
    count: snapshotCount(entry, c.running),
    limit: SNAPSHOT_LIMIT,
    last: lastText,
  });
  return { kind: 'item', label, enabled: true, submenu: serverSubmenu(c, entry) };
}

function header(c: Ctx): TrayMenuItem[] {
  const { state, tr } = c;
  const items: TrayMenuItem[] = [];
  if (state.mode === 'signed-out') {
    items.push(info(tr.t('tray.notSignedIn')));
    items.push(act(tr.t('tray.tryDemo'), { type: 'startDemo' }));
    items.push(act(tr.t('tray.signIn'), { type: 'openWindow' }));
    return items;
  }
  if (state.mode === 'demo') {
    items.push(info(tr.t('tray.demo')));
    items.push(act(tr.t('tray.leaveDemo'), { type: 'leaveDemo' }));
  } else {
    const email = state.account.email ? clean(state.account.email, MAX_MESSAGE_CHARS) : '';
    items.push(info(email ? tr.t('tray.signedInAs', { email }) : tr.t('tray.signedIn')));
    if (state.account.tokenStorage === 'session') items.push(info(tr.t('tray.sessionOnly')));
  }
  if (state.account.tokenInvalid) items.push(act(tr.t('tray.tokenInvalid'), { type: 'openWindow' }));
  if (state.sync.offline)
    items.push(info(tr.t('tray.offline', { demo: state.mode === 'demo' ? 'yes' : 'no' })));
  else if (state.sync.lastError && !state.account.tokenInvalid) {
    const message = clean(errorMessage(state.sync.lastError, tr), MAX_MESSAGE_CHARS);
    items.push(info(tr.t('tray.lastError', { message })));
  }
  return items;
}

function serverSection(c: Ctx): TrayMenuItem[] {
  const { state, tr } = c;
  if (state.servers.length === 0) {
    if (state.sync.lastRefreshAt !== null) return [info(tr.t('tray.noServers'))];
    // Never loaded: "loading" only while that can still be true, not after the first try failed.
    const failed = state.sync.offline || state.sync.lastError !== null || state.account.tokenInvalid;
    return [info(tr.t(failed ? 'tray.serversNotLoaded' : 'tray.loadingServers'))];
  }
  const listed = state.servers.slice(0, MAX_SERVER_ENTRIES);
  const shown = listed.map((entry) => serverItem(c, entry));
  const rest = state.servers.length - MAX_SERVER_ENTRIES;
  if (rest > 0) shown.push(act(tr.t('tray.moreServers', { count: rest }), { type: 'openWindow' }));
  // Said once, where a quick snapshot of a running server is one click away.
  const quickOnRunning = listed.some(
    (entry) => entry.server.status === 'active' && quickSnapshotBlock(c, entry) === null,
  );
  if (quickOnRunning) shown.push(info(tr.t('tray.runningTip')));
  return shown;
}

/** A running operation: what, on which server, for how long against the usual duration. */
function runningLabel(c: Ctx, op: Operation): string {
  const { tr } = c;
  const range = op.kind === 'create' ? CREATE_MINUTES : RESTORE_MINUTES;
  const started = Date.parse(op.startedAt);
  const elapsedMs = Number.isFinite(started) ? c.now - started : 0;
  const long = elapsedMs > range.max * 60_000;
  const params = {
    server: clean(op.serverName, MAX_NAME_CHARS),
    snapshot: clean(op.snapshotName, 64),
    elapsed: tr.duration(elapsedMs),
    usual: tr.minutesRange(range.min, range.max),
  };
  const key =
    op.kind === 'create'
      ? long
        ? 'tray.creatingLong'
        : 'tray.creating'
      : long
        ? 'tray.restoringLong'
        : 'tray.restoring';
  const line = tr.t(key, params);
  return op.uncertain === true ? tr.t('tray.unclear', { line }) : line;
}

function showOperation(op: Operation): TrayAction {
  return op.snapshotId !== null
    ? { type: 'showServer', serverId: op.serverId, snapshotId: op.snapshotId }
    : { type: 'showServer', serverId: op.serverId };
}

function runningSection(c: Ctx): TrayMenuItem[] {
  const items = c.running
    .slice(0, MAX_OPERATION_ENTRIES)
    .map((op) => act(runningLabel(c, op), showOperation(op)));
  const more = c.running.length - MAX_OPERATION_ENTRIES;
  if (more > 0) items.push(act(c.tr.t('tray.moreRunning', { count: more }), { type: 'openWindow' }));
  return items;
}

function finishedLabel(c: Ctx, op: Operation): string {
  const params = {
    server: clean(op.serverName, MAX_NAME_CHARS),
    snapshot: clean(op.snapshotName, 64),
    ago: c.tr.age(op.finishedAt, c.now) ?? '',
  };
  const ok = op.status === 'succeeded';
  if (op.kind === 'create') return c.tr.t(ok ? 'tray.created' : 'tray.createFailed', params);
  return c.tr.t(ok ? 'tray.restored' : 'tray.restoreFailed', params);
}

/** Splits a reason into short lines for a submenu (menus do not wrap). */
function wrap(text: string, width: number, maxLines = 4): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of clean(text, width * maxLines).split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A refused or failed tray action: its notification's title, and its reason in the submenu. */
function noticeItem(c: Ctx, notice: TrayNotice): TrayMenuItem {
  const server = notice.server
    ? { id: notice.server.id, name: clean(notice.server.name, MAX_NAME_CHARS) }
    : null;
  const note = actionFailedNotification(notice.action, notice.error, c.tr, server);
  const ago = c.tr.age(new Date(notice.at).toISOString(), c.now) ?? '';
  const open: TrayAction = server ? { type: 'showServer', serverId: server.id } : { type: 'openWindow' };
  return {
    kind: 'item',
    label: c.tr.t('tray.noticeLine', { title: note.title, ago }),
    enabled: true,
    submenu: [
      ...wrap(note.body, REASON_LINE_CHARS).map(info),
      SEPARATOR,
      act(c.tr.t('tray.openInWindow'), open),
    ],
  };
}

/** Finished operations and refused tray actions of the last hour, newest first. */
function recentSection(c: Ctx, notices: readonly TrayNotice[]): TrayMenuItem[] {
  const recent = (at: number) => Number.isFinite(at) && c.now - at <= RECENT_VISIBLE_MS;
  const entries: Array<{ at: number; item: () => TrayMenuItem }> = [];
  for (const op of c.state.operations) {
    if (op.status === 'running' || op.finishedAt === null) continue;
    const at = Date.parse(op.finishedAt);
    if (recent(at)) entries.push({ at, item: () => act(finishedLabel(c, op), showOperation(op)) });
  }
  for (const notice of notices) {
    if (recent(notice.at)) entries.push({ at: notice.at, item: () => noticeItem(c, notice) });
  }
  return entries
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_RECENT_ENTRIES)
    .map((e) => e.item());
}

function refreshSection(c: Ctx): TrayMenuItem[] {
  const { state, tr } = c;
  const refreshing = state.sync.refreshing;
  const ago = tr.age(state.sync.lastRefreshAt, c.now);
  return [
    act(tr.t(refreshing ? 'tray.refreshing' : 'tray.refresh'), { type: 'refresh' }, !refreshing),
    info(ago ? tr.t('tray.lastUpdated', { age: ago }) : tr.t('tray.notUpdatedYet')),
  ];
}

function iconFor(c: Ctx): TrayIconState {
  const { state } = c;
  if (state.mode !== 'signed-out' && (state.account.tokenInvalid || state.sync.offline)) return 'error';
  // A scheduled snapshot failed or was skipped: the user should look (the menu says which).
  if (state.mode !== 'signed-out' && policyNeedsAttention(state.policies)) return 'error';
  return c.running.length > 0 ? 'busy' : 'idle';
}

function tooltipFor(c: Ctx): string {
  const { state, tr } = c;
  const tip = (detail: string) => tr.t('tray.tooltip', { detail });
  if (state.mode === 'signed-out') return tip(tr.t('tray.tip.signedOut'));
  if (state.account.tokenInvalid) return tip(tr.t('tray.tip.tokenInvalid'));
  if (state.sync.offline) return tip(tr.t('tray.tip.offline'));
  if (policyNeedsAttention(state.policies)) return tip(tr.t('tray.policy.attention'));
  if (c.running.length > 0) return tip(tr.t('tray.tip.running', { count: c.running.length }));
  const servers = tr.t('tray.tip.servers', { count: state.servers.length });
  return tip(state.mode === 'demo' ? tr.t('tray.tip.demo', { servers }) : servers);
}

/**
 * Builds the tray's icon, tooltip and menu from the state, in the state's language; `now` (ms)
 * dates ages and elapsed times; `notices` are the tray actions refused or failed recently. While
 * the core starts it says so and offers only the window and Quit: nothing may act before the
 * keychain has been read (a demo started then would replace the saved operations).
 */
export function buildTrayModel(state: AppState, now: number, notices: readonly TrayNotice[] = []): TrayModel {
  const c: Ctx = {
    state,
    now,
    tr: translatorFor(state.language),
    running: state.operations.filter((op) => op.status === 'running'),
  };
  if (state.starting) {
    const tip = c.tr.t('tray.tooltip', { detail: c.tr.t('tray.tip.starting') });
    const items = [
      info(c.tr.t('tray.starting')),
      SEPARATOR,
      act(c.tr.t('tray.openApp'), { type: 'openWindow' }),
      act(c.tr.t('tray.quit'), { type: 'quit' }),
    ];
    return { icon: 'idle', tooltip: tip, items };
  }
  const items: TrayMenuItem[] = [];
  const push = (section: TrayMenuItem[]) => {
    if (section.length > 0) items.push(...section, SEPARATOR);
  };
  if (state.mode !== 'signed-out') push(runningSection(c));
  push(header(c));
  if (state.mode !== 'signed-out') {
    push(serverSection(c));
    push(recentSection(c, notices));
    push(refreshSection(c));
  } else push(recentSection(c, notices));
  items.push(act(c.tr.t('tray.openApp'), { type: 'openWindow' }), act(c.tr.t('tray.quit'), { type: 'quit' }));
  return { icon: iconFor(c), tooltip: tooltipFor(c), items };
}
